"""The catalog across articles, built with pandas from the per-article tables.

* **Models** are merged under :func:`pipeline.catalog.keys.model_key`; a model is shown under the
  spelling most articles use (:func:`~pipeline.catalog.keys.display_name`). Claims' subjects and
  objects are merged under the same key.
* **Values.** An article *supports* a value of an attribute when facts.csv has a row of it for
  that model in that article; it *states* it when one of those rows is not hedged. The values of
  one (model, attribute) are ranked by: articles stating it (most first), then articles
  supporting it, then unhedged rows (statements) of it, then rows, then the value (the largest
  number first, as models.csv breaks its ties; names in code point order). So for a model only
  one article names, the catalog's values are that article's models.csv values. The first is the
  best-supported value,
  ``best`` in catalog_facts.csv and the value in catalog.csv. Nothing is averaged: every value
  keeps its row.
* **Conflicts**: an attribute on which the model has more than one value (in one article or
  across several; hedged values included: a promise that differs from a stated figure is shown).
  For ``organization``, more than one organisation in models.csv.
* **Organisation**: the organisation the most articles' text names (models.csv
  ``organization_source`` = ``text``), then the one the most articles give at all, then code point
  order; ``organization_source`` is ``text`` when at least one article's text names it, else
  ``lexicon``.
* **Family**: the family most of the model's rows give, then code point order.
* **Article ids** are listed by publication date (undated last), then id. Dates come from
  articles.csv ``published``; ``hedged_share`` is the share of the articles that give a value only
  hedged (rounded to 3 decimals).

Everything is sorted before it is written, so the bytes depend only on the tables' content, not on
the order in which runs produced them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

import pandas as pd

from pipeline.catalog.keys import display_name, model_key
from pipeline.catalog.tables import Tables
from pipeline.export import CATALOG_COLUMNS, CATALOG_FACT_COLUMNS, CLAIMS_GRAPH_COLUMNS, NUMERIC_ATTRIBUTES, cells

ATTRIBUTES = (*NUMERIC_ATTRIBUTES, "organization")
UNDATED = "~"  # sorts after every ISO date


@dataclass(frozen=True)
class Catalog:
    models: pd.DataFrame  # catalog.csv's columns, plus ``key``
    facts: pd.DataFrame  # catalog_facts.csv's columns, plus ``key``
    claims: pd.DataFrame  # claims_graph.csv's columns

    def rows(self, name: str) -> Iterator[list[str]]:
        """The rows of ``name`` (catalog.csv, catalog_facts.csv, claims_graph.csv) as CSV cells."""
        frame, columns = {"catalog.csv": (self.models, CATALOG_COLUMNS),
                          "catalog_facts.csv": (self.facts, CATALOG_FACT_COLUMNS),
                          "claims_graph.csv": (self.claims, CLAIMS_GRAPH_COLUMNS)}[name]
        for record in frame.to_dict("records"):
            yield cells(columns, record)


def build_catalog(tables: Tables) -> Catalog:
    dates = tables.dates()
    names = _names(tables)
    facts = _value_table(tables.facts, names, dates)
    models = _model_table(tables.models, facts, names, dates)
    claims = _claims_graph(tables.claims, names, dates)
    return Catalog(models=models, facts=facts.drop(columns=["rank", "stated"]), claims=claims)


# ---------------------------------------------------------------------- names


@dataclass(frozen=True)
class Names:
    keys: dict[str, str]  # spelling -> key
    shown: dict[str, str]  # key -> displayed name
    spellings: dict[str, str]  # key -> every spelling, displayed order, " | "-joined

    def display(self, spelling: str) -> str:
        return self.shown[self.keys[spelling]] if spelling else ""


def _names(tables: Tables) -> Names:
    """Every model name of the tables under its key; the displayed spelling of each key. Names that
    only claims or facts use count for nothing when models.csv has a spelling of the same key."""
    models = tables.models
    counts = (models.assign(mentions=pd.to_numeric(models["n_mentions"], errors="coerce").fillna(0).astype(int))
              .groupby("model", sort=True).agg(articles=("article_id", "nunique"), mentions=("mentions", "sum")))
    spellings: dict[str, list[tuple[str, int, int]]] = {}
    keys: dict[str, str] = {}
    for spelling, row in counts.iterrows():
        keys[spelling] = key = model_key(spelling)
        spellings.setdefault(key, []).append((spelling, int(row["articles"]), int(row["mentions"])))
    others = pd.concat([tables.facts["model"], tables.claims["subject"], tables.claims["object"]])
    for spelling in sorted(set(others) - set(keys) - {""}):
        keys[spelling] = key = model_key(spelling)
        if key not in spellings or all(n == 0 for _, n, _ in spellings[key]):
            spellings.setdefault(key, []).append((spelling, 0, 0))
    shown = {key: display_name(items) for key, items in spellings.items()}
    ordered = {key: " | ".join(s for s, _, _ in sorted(items, key=lambda t: (-t[1], -t[2], t[0])))
               for key, items in spellings.items()}
    return Names(keys=keys, shown=shown, spellings=ordered)


# ---------------------------------------------------------------------- values


def _value_table(facts: pd.DataFrame, names: Names, dates: dict[str, str]) -> pd.DataFrame:
    """One row per (model, attribute, value): catalog_facts.csv, with ``key``, ``rank`` (0: the best
    value) and ``stated`` (articles stating it unhedged)."""
    columns = [*CATALOG_FACT_COLUMNS, "key", "rank", "stated"]
    facts = facts[facts["attribute"].isin(ATTRIBUTES) & (facts["value"] != "")]
    if facts.empty:
        return pd.DataFrame(columns=columns)
    frame = facts.assign(key=facts["model"].map(names.keys), stated=facts["hedged"] != "true")
    # one row per article: it states the value when one of its rows is not hedged
    per_article = frame.groupby(["key", "attribute", "value", "article_id"], sort=True, as_index=False).agg(
        stated=("stated", "any"), stated_rows=("stated", "sum"), rows=("stated", "size"))
    per_article["date"] = per_article["article_id"].map(lambda a: dates.get(a) or UNDATED)
    per_article = per_article.sort_values(["key", "attribute", "value", "date", "article_id"], kind="stable")
    keys = ["key", "attribute", "value"]
    table = per_article.groupby(keys, sort=True).agg(
        n_articles=("article_id", "size"), stated=("stated", "sum"), date=("date", "first"),
        stated_rows=("stated_rows", "sum"), rows=("rows", "sum")).reset_index()
    table["article_ids"] = _joined(per_article, table, keys, "article_id")
    table["hedged_share"] = ((table["n_articles"] - table["stated"]) / table["n_articles"]).round(3)
    table["first_published"] = table["date"].where(table["date"] != UNDATED, "")
    table["order"] = table["value"].map(_value_order)
    table["attribute_order"] = table["attribute"].map(ATTRIBUTES.index)
    table = table.sort_values(["key", "attribute_order", "stated", "n_articles", "stated_rows", "rows", "order"],
                              ascending=[True, True, False, False, False, False, True], kind="stable")
    table["rank"] = table.groupby(["key", "attribute"], sort=False).cumcount()
    table["best"] = table["rank"] == 0
    table["model"] = table["key"].map(names.shown)
    table["value"] = [int(v) if a in NUMERIC_ATTRIBUTES and v.isdigit() else v
                      for a, v in zip(table["attribute"], table["value"])]
    return _by_model(table[columns].reset_index(drop=True))


def _value_order(value: str) -> tuple:
    """Largest number first, then names in code point order."""
    return (0, -int(value), "") if value.isdigit() else (1, 0, value)


# ---------------------------------------------------------------------- models


def _model_table(models: pd.DataFrame, values: pd.DataFrame, names: Names, dates: dict[str, str]) -> pd.DataFrame:
    frame = models.assign(key=models["model"].map(names.keys))
    frame = frame.assign(date=frame["article_id"].map(lambda a: dates.get(a, "")))
    per_key = frame.groupby("key", sort=True)
    n_articles = per_key["article_id"].nunique()
    dated = frame[frame["date"] != ""].sort_values(["key", "date"], kind="stable").groupby("key", sort=True)["date"]
    first, last = dated.first(), dated.last()
    families = _first_by_count(frame[frame["family"] != ""], "family")
    organizations = _organizations(frame)
    best = values[values["rank"] == 0]
    best_values = {(k, a): (v, ids) for k, a, v, ids in zip(best["key"], best["attribute"], best["value"],
                                                              best["article_ids"])}
    counts = values.groupby(["key", "attribute"], sort=False).size()
    conflicting = {ka for ka, n in counts.items() if n > 1}
    org_counts = frame[frame["organization"] != ""].groupby("key", sort=False)["organization"].nunique()
    conflicting |= {(k, "organization") for k, n in org_counts.items() if n > 1}
    rows = []
    for key in n_articles.index:
        row = dict.fromkeys(CATALOG_COLUMNS)
        organization, source = organizations.get(key, ("", ""))
        row |= {"key": key, "model": names.shown[key], "spellings": names.spellings[key],
                "family": families.get(key, ""), "organization": organization, "organization_source": source,
                "n_articles": int(n_articles[key]), "first_published": first.get(key, ""),
                "last_published": last.get(key, "")}
        sources = []
        for attribute in NUMERIC_ATTRIBUTES:
            if (key, attribute) in best_values:
                row[attribute], ids = best_values[key, attribute]
                sources.append(f"{attribute}:{ids}")
        row["conflicts"] = " ".join(a for a in ATTRIBUTES if (key, a) in conflicting)
        row["sources"] = "; ".join(sources)
        rows.append(row)
    table = pd.DataFrame(rows, columns=["key", *CATALOG_COLUMNS], dtype=object)
    return _by_model(table)


def _first_by_count(frame: pd.DataFrame, column: str) -> dict[str, str]:
    """key -> the value of ``column`` the most rows give (ties: code point order)."""
    counts = frame.groupby(["key", column], sort=True).size().reset_index(name="n")
    counts = counts.sort_values(["key", "n", column], ascending=[True, False, True], kind="stable")
    return dict(counts.drop_duplicates("key")[["key", column]].itertuples(index=False, name=None))


def _organizations(frame: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """key -> (organisation, ``text`` | ``lexicon``): the one the most articles' text names, then
    the one the most articles give, then code point order."""
    named = frame[frame["organization"] != ""]
    if named.empty:
        return {}
    text = named[named["organization_source"] == "text"]
    per_org = named.groupby(["key", "organization"], sort=True)["article_id"].nunique().rename("articles")
    by_text = text.groupby(["key", "organization"], sort=True)["article_id"].nunique().rename("text")
    table = pd.concat([per_org, by_text], axis=1).fillna({"text": 0}).reset_index()
    table = table.sort_values(["key", "text", "articles", "organization"], ascending=[True, False, False, True],
                              kind="stable").drop_duplicates("key")
    return {k: (o, "text" if t > 0 else "lexicon") for k, o, t in zip(table["key"], table["organization"], table["text"])}


def _by_model(table: pd.DataFrame) -> pd.DataFrame:
    """Rows in the order of their model's displayed name (case folded, then as written, then key);
    rows of one model keep their order."""
    order = [(m.casefold(), m, k) for m, k in zip(table["model"].tolist(), table["key"].tolist())]
    return table.iloc[sorted(range(len(table)), key=order.__getitem__)].reset_index(drop=True)


def _joined(rows: pd.DataFrame, groups: pd.DataFrame, keys: list[str], column: str, sep: str = " ") -> list[str]:
    """For each row of ``groups``, the ``column`` values of the ``rows`` with the same ``keys``, in
    the order of ``rows``, joined (a pandas aggregation with a Python function is much slower)."""
    collected: dict[tuple, list[str]] = {}
    for key, value in zip(zip(*(rows[k].tolist() for k in keys)), rows[column].tolist()):
        collected.setdefault(key, []).append(value)
    return [sep.join(collected.get(key, ())) for key in zip(*(groups[k].tolist() for k in keys))]


# ---------------------------------------------------------------------- claims


GRAPH_KEYS = ["subject", "relation", "object", "benchmark", "metric", "value"]


def _claims_graph(claims: pd.DataFrame, names: Names, dates: dict[str, str]) -> pd.DataFrame:
    if claims.empty:
        return pd.DataFrame(columns=list(CLAIMS_GRAPH_COLUMNS))
    frame = claims.assign(subject=claims["subject"].map(names.display), object=claims["object"].map(names.display),
                          stated=claims["hedged"] != "true")
    per_article = frame.groupby([*GRAPH_KEYS, "article_id"], sort=True, as_index=False).agg(
        stated=("stated", "any"), n_claims=("stated", "size"))
    per_article["date"] = per_article["article_id"].map(lambda a: dates.get(a) or UNDATED)
    per_article = per_article.sort_values([*GRAPH_KEYS, "date", "article_id"], kind="stable")
    table = per_article.groupby(GRAPH_KEYS, sort=True).agg(
        n_articles=("article_id", "size"), n_claims=("n_claims", "sum"), stated=("stated", "sum"),
        date=("date", "first")).reset_index()
    table["article_ids"] = _joined(per_article, table, GRAPH_KEYS, "article_id")
    claimants = _joined(frame[frame["claimed_by"] != ""], table, GRAPH_KEYS, "claimed_by", sep="\x00")
    table["claimed_by"] = ["; ".join(sorted(set(c.split("\x00")) - {""})) for c in claimants]
    table["hedged_share"] = ((table["n_articles"] - table["stated"]) / table["n_articles"]).round(3)
    table["first_published"] = table["date"].where(table["date"] != UNDATED, "")
    table["value"] = table["value"].map(claim_value)
    table["_order"] = [(s.casefold(), s, r, o.casefold(), o, b.casefold(), b, m, _value_order_any(v))
                       for s, r, o, b, m, v in zip(*(table[c] for c in GRAPH_KEYS))]
    table = table.sort_values("_order", kind="stable")
    return table[list(CLAIMS_GRAPH_COLUMNS)].reset_index(drop=True)


def claim_value(text: str):
    """A claim's value as the number claims.csv wrote (``70.6``, ``2``), or the text as it is."""
    try:
        number = float(text)
    except ValueError:
        return text
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number


def _value_order_any(value) -> tuple:
    return (0, float(value), "") if isinstance(value, (int, float)) else (1, 0.0, str(value))
