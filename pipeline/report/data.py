"""What the report shows, as plain lists and dicts ready for JSON: the catalog, the values with the
statements (quotes) behind them, the claims, the articles, and for each article its text with the
spans to highlight. Offsets become UTF-16 code units, the unit of JavaScript strings."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pandas as pd

from pipeline.catalog import Catalog, Tables, model_key
from pipeline.catalog.build import claim_value
from pipeline.export import CATALOG_COLUMNS, NUMERIC_ATTRIBUTES
from pipeline.report.embed import safe_href


@dataclass(frozen=True)
class PageData:
    main: dict  # everything the page needs at once
    texts: tuple[tuple[str, dict], ...]  # (article_id, {"t": text, "a": highlights}), read when opened
    chart_models: tuple[dict, ...]  # the catalog rows the charts plot


def page_data(tables: Tables, catalog: Catalog, texts: Path) -> PageData:
    models = [_model(r) for r in _records(catalog.models)]
    model_index = {m["key"]: i for i, m in enumerate(models)}
    ok = tables.articles[tables.articles["status"] == "ok"].drop_duplicates("article_id")
    articles = [_article(r) for r in _records(ok)]
    article_index = {a[0]: i for i, a in enumerate(articles)}
    bodies = {a[0]: _read_text(texts / f"{a[0]}.txt") for a in articles}
    units = {aid: _Units(text) for aid, text in bodies.items() if text is not None}

    def index_of(name: str) -> int:
        return model_index.get(model_key(name), -1) if name else -1

    values = [[model_index[r["key"]], r["attribute"], r["value"], bool(r["best"]), int(r["n_articles"]),
               float(r["hedged_share"]), r["first_published"], r["article_ids"].split()]
              for r in _records(catalog.facts) if r["key"] in model_index]
    statements, highlights = [], {aid: [] for aid in bodies}
    for r in _records(tables.facts):
        aid = r["article_id"]
        span = _span(units.get(aid), r["start"], r["end"])
        statements.append([index_of(r["model"]), r["attribute"], r["value"], r["hedged"] == "true", r["quote"],
                           article_index.get(aid, -1), *(span or (-1, -1)), r["recognizer"]])
        if span and aid in highlights:
            highlights[aid].append([*span, "f", len(statements) - 1])
    graph = list(_records(catalog.claims))
    graph_index = {_graph_key(g["subject"], g["relation"], g["object"], g["benchmark"], g["metric"], g["value"]): i
                   for i, g in enumerate(graph)}
    claims = []
    for r in _records(tables.claims):
        aid = r["article_id"]
        span = _span(units.get(aid), r["start"], r["end"])
        subject, obj = index_of(r["subject"]), index_of(r["object"])
        key = _graph_key(_shown(models, subject, r["subject"]), r["relation"], _shown(models, obj, r["object"]),
                         r["benchmark"], r["metric"], claim_value(r["value"]) if r["value"] else "")
        claims.append([subject, r["relation"], obj, r["object"], r["benchmark"], r["metric"], r["value"],
                       r["claimed_by"], r["hedged"] == "true", r["quote"], article_index.get(aid, -1),
                       *(span or (-1, -1)), r["recognizer"], graph_index.get(key, -1)])
        if span and aid in highlights:
            highlights[aid].append([*span, "c", len(claims) - 1])
    for aid, names in tables.models.groupby("article_id", sort=True)["model"]:
        if aid in units and bodies[aid]:
            for start, end, name in _mentions(bodies[aid], set(names)):
                highlights[aid].append([units[aid].at(start), units[aid].at(end), "m", index_of(name)])
    graph_rows = [[index_of(g["subject"]), g["relation"], index_of(g["object"]) if g["object"] else -1, g["object"],
                   g["benchmark"], g["metric"], "" if g["value"] is None else g["value"], int(g["n_articles"]),
                   float(g["hedged_share"]), g["claimed_by"], g["first_published"], g["article_ids"].split()]
                  for g in graph]
    main = {"models": models, "values": values, "statements": statements, "claims": claims, "graph": graph_rows,
            "articles": articles, "attributes": [*NUMERIC_ATTRIBUTES, "organization"]}
    texts_out = tuple((aid, {"t": bodies[aid] if bodies[aid] is not None else "",
                             "missing": bodies[aid] is None, "a": sorted(highlights[aid])})
                      for aid in (a[0] for a in articles))
    return PageData(main=main, texts=texts_out, chart_models=tuple(models))


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
    """Code point offsets of a text -> UTF-16 offsets (the same unless the text has astral characters)."""

    def __init__(self, text: str):
        self.length = len(text)
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

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
