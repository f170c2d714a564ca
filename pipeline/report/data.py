"""What the report shows, as plain lists and dicts ready for JSON: the catalog, the values with the
statements (quotes) behind them, the claims, the articles, and for each article its text with the
spans to highlight. Offsets become UTF-16 code units, the unit of JavaScript strings."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pandas as pd

from pipeline.catalog import Catalog, Tables, model_key
from pipeline.catalog.build import claim_value
from pipeline.export import CATALOG_COLUMNS, NUMERIC_ATTRIBUTES
from pipeline.report.embed import safe_href


@dataclass(frozen=True)
class PageData:
    """What the page shows. The catalog's models and the articles are lists; every other row is
    generated as the page is written (:meth:`main`, :meth:`texts`), so that no more than one
    article's text and highlights is held at a time beyond the tables themselves."""
    models: tuple[dict, ...]  # the catalog's rows (the charts plot them too)
    articles: tuple[list, ...]  # the extracted articles, in the catalog's order
    tables: Tables
    catalog: Catalog
    texts_dir: Path
    units: dict  # article_id -> _Units of its text (absent: no text)
    model_index: dict  # model key -> index in ``models``
    article_index: dict  # article_id -> index in ``articles``
    graph_index: dict  # claims_graph key -> its row

    @property
    def chart_models(self) -> tuple[dict, ...]:
        return self.models

    @property
    def n_conflicts(self) -> int:
        return sum(1 for m in self.models if m["conflicts"])

    @property
    def n_statements(self) -> int:
        return len(self.tables.facts)

    @property
    def n_claims(self) -> int:
        return len(self.tables.claims)

    def main(self) -> Iterator[tuple[str, Iterable]]:
        """The page's main JSON object, field by field: (name, its items)."""
        yield "models", self.models
        yield "values", self._values()
        yield "statements", self._statements()
        yield "claims", self._claims()
        yield "graph", self._graph()
        yield "articles", self.articles
        yield "attributes", [*NUMERIC_ATTRIBUTES, "organization"]

    def texts(self) -> Iterator[tuple[str, dict]]:
        """(article_id, {"t": text, "missing": no text, "a": highlights}) for each article, in order;
        each text is read from ``texts_dir`` when its turn comes."""
        facts, claims, models = self.tables.facts, self.tables.claims, self.tables.models
        fact_rows, claim_rows, model_rows = _positions(facts), _positions(claims), _positions(models)
        fact_spans = (facts["start"].tolist(), facts["end"].tolist())
        claim_spans = (claims["start"].tolist(), claims["end"].tolist())
        names = models["model"].tolist()
        for article in self.articles:
            aid = article[0]
            body = _read_text(self.texts_dir / f"{aid}.txt")
            units = self.units.get(aid)
            marks = []
            for kind, rows, (starts, ends) in (("f", fact_rows, fact_spans), ("c", claim_rows, claim_spans)):
                for i in rows.get(aid, ()):
                    span = _span(units, starts[i], ends[i])
                    if span:
                        marks.append([*span, kind, int(i)])
            if units is not None and body and aid in model_rows:
                for start, end, name in _mentions(body, {names[i] for i in model_rows[aid]}):
                    marks.append([units.at(start), units.at(end), "m", self._index_of(name)])
            yield aid, {"t": body if body is not None else "", "missing": body is None, "a": sorted(marks)}

    def _index_of(self, name: str) -> int:
        return self.model_index.get(model_key(name), -1) if name else -1

    def _values(self) -> Iterator[list]:
        for r in _records(self.catalog.facts):
            if r["key"] in self.model_index:
                yield [self.model_index[r["key"]], r["attribute"], r["value"], bool(r["best"]), int(r["n_articles"]),
                       float(r["hedged_share"]), r["first_published"], r["article_ids"].split()]

    def _statements(self) -> Iterator[list]:
        for r in _records(self.tables.facts):
            aid = r["article_id"]
            span = _span(self.units.get(aid), r["start"], r["end"])
            yield [self._index_of(r["model"]), r["attribute"], r["value"], r["hedged"] == "true", r["quote"],
                   self.article_index.get(aid, -1), *(span or (-1, -1)), r["recognizer"]]

    def _claims(self) -> Iterator[list]:
        models = self.models
        for r in _records(self.tables.claims):
            aid = r["article_id"]
            span = _span(self.units.get(aid), r["start"], r["end"])
            subject, obj = self._index_of(r["subject"]), self._index_of(r["object"])
            key = _graph_key(_shown(models, subject, r["subject"]), r["relation"], _shown(models, obj, r["object"]),
                             r["benchmark"], r["metric"], claim_value(r["value"]) if r["value"] else "")
            yield [subject, r["relation"], obj, r["object"], r["benchmark"], r["metric"], r["value"],
                   r["claimed_by"], r["hedged"] == "true", r["quote"], self.article_index.get(aid, -1),
                   *(span or (-1, -1)), r["recognizer"], self.graph_index.get(key, -1)]

    def _graph(self) -> Iterator[list]:
        index_of = self._index_of
        for g in _records(self.catalog.claims):
            yield [index_of(g["subject"]), g["relation"], index_of(g["object"]) if g["object"] else -1, g["object"],
                   g["benchmark"], g["metric"], "" if g["value"] is None else g["value"], int(g["n_articles"]),
                   float(g["hedged_share"]), g["claimed_by"], g["first_published"], g["article_ids"].split()]


def page_data(tables: Tables, catalog: Catalog, texts: Path) -> PageData:
    """The lookups the page's rows need. Every article's text is read once here, for its length
    and where its astral characters are (offsets into JavaScript strings), then dropped."""
    models = tuple(_model(r) for r in _records(catalog.models))
    ok = tables.articles[tables.articles["status"] == "ok"].drop_duplicates("article_id")
    articles = tuple(_article(r) for r in _records(ok))
    units = {}
    for article in articles:
        body = _read_text(texts / f"{article[0]}.txt")
        if body is not None:
            units[article[0]] = _Units(body)
    graph_index = {_graph_key(g["subject"], g["relation"], g["object"], g["benchmark"], g["metric"], g["value"]): i
                   for i, g in enumerate(_records(catalog.claims))}
    return PageData(models=models, articles=articles, tables=tables, catalog=catalog, texts_dir=texts, units=units,
                    model_index={m["key"]: i for i, m in enumerate(models)},
                    article_index={a[0]: i for i, a in enumerate(articles)}, graph_index=graph_index)


def _positions(frame: pd.DataFrame) -> dict:
    """article_id -> the positions of its rows in ``frame`` (ascending)."""
    return frame.groupby("article_id", sort=False).indices if len(frame) else {}


def _records(frame: pd.DataFrame):
    """The rows of ``frame`` as dicts (DataFrame.to_dict("records") is several times slower)."""
    columns = list(frame.columns)
    for values in zip(*(frame[c].tolist() for c in columns)):
        yield dict(zip(columns, values))


def _model(record: dict) -> dict:
    model = {c: _plain(record.get(c)) for c in ("key", *CATALOG_COLUMNS)}
    model["conflicts"] = (record.get("conflicts") or "").split()
    return model


def _plain(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    return int(value) if hasattr(value, "item") and float(value).is_integer() else value


def _article(record: dict) -> list:
    href = safe_href(record["url"])
    return [record["article_id"], record["title"], record["source"], href, record["url"], record["published"],
            record["author"], int(record["n_models"] or 0), int(record["n_facts"] or 0), int(record["n_claims"] or 0)]


def _shown(models: list[dict], index: int, name: str) -> str:
    return models[index]["model"] if index >= 0 else name


def _graph_key(*parts) -> tuple:
    return tuple("" if p is None else str(p) for p in parts)


def _read_text(path: Path) -> Optional[str]:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Units:
    """Code point offsets of a text -> UTF-16 offsets (the same unless the text has astral characters).
    Small: one is kept per article while the page is written."""

    __slots__ = ("length", "astral")

    def __init__(self, text: str):
        self.length = len(text)
        self.astral = tuple(m.start() for m in _ASTRAL.finditer(text))

    def at(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset) if self.astral else offset


def _span(units: Optional[_Units], start: str, end: str) -> Optional[tuple[int, int]]:
    if units is None or not (start.isdigit() and end.isdigit()):
        return None
    s, e = int(start), int(end)
    return (units.at(s), units.at(e)) if 0 <= s < e <= units.length else None


def _mentions(text: str, names: set[str]) -> list[tuple[int, int, str]]:
    """Where the article writes its models' names (as written in models.csv, any case, not inside a
    longer word): (start, end, name).

    One pass over the text, whatever the number of names: at each place a name could start (its
    first character, not after a letter or digit), each length some name has is looked up in a
    dict (searching the text once per name cost names × text: a page listing 7 000 models took
    7 s)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: compare as written
        lowered = text
    by_needle: dict[str, str] = {}
    for name in sorted(names, reverse=True):  # the first in sorted order wins a shared spelling
        needle = name.lower() if lowered is not text else name
        if needle.strip():
            by_needle[needle] = name
    firsts = {n[0] for n in by_needle}
    lengths = sorted({len(n) for n in by_needle})
    found = []
    n = len(text)
    for at, ch in enumerate(lowered):
        if ch not in firsts or (at and lowered[at - 1].isalnum()):
            continue
        for size in lengths:
            end = at + size
            if end > n:
                break
            if end < n and lowered[end].isalnum():
                continue
            name = by_needle.get(lowered[at:end])
            if name is not None:
                found.append((at, end, name))
    kept, reach = [], -1
    for start, end, name in sorted(found, key=lambda f: (f[0], -f[1], f[2])):
        if end > reach:  # a name inside a longer one (« Llama 3.1 » in « Llama 3.1 405B ») is not another mention
            kept.append((start, end, name))
            reach = end
    return kept
