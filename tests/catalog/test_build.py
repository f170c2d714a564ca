"""The catalog on constructed per-article tables: merges, non-merges, conflicts, hedged values, ties,
organisations, dates, the claims graph, and bytes that do not depend on row order."""
from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

from pipeline.catalog import build_catalog, read_tables
from pipeline.export import CATALOG_TABLES, TABLES, render

DATES = {"a1": "2025-01-10", "a2": "2025-02-01", "a3": "2024-12-30", "a4": ""}


def article(aid: str) -> dict:
    return {"article_id": aid, "source": f"{aid}.txt", "title": f"Titre {aid}", "published": DATES.get(aid, ""),
            "language": "fr", "status": "ok", "n_chars": 100}


def model(aid, name, family="", organization="", source="", mentions=1, **values) -> dict:
    return {"article_id": aid, "model": name, "family": family, "organization": organization,
            "organization_source": source, "n_mentions": mentions, **values}


def fact(aid, name, attribute, value, hedged=False, start=0) -> dict:
    return {"article_id": aid, "model": name, "attribute": attribute, "value": value, "hedged": hedged,
            "quote": "q", "sentence": "s", "start": start, "end": start + 1, "recognizer": f"{attribute}:clause_name"}


def claim(aid, subject, relation, obj="", benchmark="", metric="", value="", claimed_by="", hedged=False) -> dict:
    return {"article_id": aid, "subject": subject, "relation": relation, "object": obj, "benchmark": benchmark,
            "metric": metric, "value": value, "claimed_by": claimed_by, "hedged": hedged, "quote": "q",
            "sentence": "s", "start": 0, "end": 1, "recognizer": "cue"}


def write(out: Path, models=(), facts=(), claims=(), articles=None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    ids = sorted({r["article_id"] for r in [*models, *facts, *claims]})
    tables = {"articles.csv": articles if articles is not None else [article(a) for a in ids],
              "models.csv": models, "facts.csv": facts, "claims.csv": claims, "extra_facts.csv": []}
    for name, rows in tables.items():
        (out / name).write_text(render(TABLES[name], rows), encoding="utf-8")
    return out


def catalog_csvs(out: Path) -> dict[str, str]:
    cat = build_catalog(read_tables(out))
    texts = {}
    for name, columns in CATALOG_TABLES.items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        w.writerows(cat.rows(name))
        texts[name] = buf.getvalue()
    return texts


def rows(out: Path, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(catalog_csvs(out)[name])))


def test_spellings_of_one_model_are_merged_under_the_most_frequent(tmp_path):
    out = write(tmp_path, models=[model("a1", "DeepSeek-V3", "DeepSeek", "DeepSeek", "lexicon"),
                                  model("a2", "DeepSeek-V3", "DeepSeek", "DeepSeek", "lexicon"),
                                  model("a3", "Deepseek V3", "DeepSeek", "DeepSeek", "lexicon", mentions=7)])
    (row,) = rows(out, "catalog.csv")
    assert (row["model"], row["spellings"], row["n_articles"]) == ("DeepSeek-V3", "DeepSeek-V3 | Deepseek V3", "3")
    assert (row["first_published"], row["last_published"]) == ("2024-12-30", "2025-02-01")


def test_versions_and_sizes_stay_apart(tmp_path):
    out = write(tmp_path, models=[model("a1", "Mistral Large"), model("a1", "Mistral Large 2"),
                                  model("a2", "Llama 3.1"), model("a2", "Llama 3.1 405B")])
    assert [r["model"] for r in rows(out, "catalog.csv")] == ["Llama 3.1", "Llama 3.1 405B", "Mistral Large",
                                                              "Mistral Large 2"]


def test_disagreeing_values_are_kept_side_by_side_and_flagged(tmp_path):
    m = [model(a, "DeepSeek-V3") for a in ("a1", "a2", "a3")]
    f = [fact("a1", "DeepSeek-V3", "params_total", "671000000000"),
         fact("a2", "DeepSeek V3", "params_total", "671000000000"),
         fact("a3", "DeepSeek-V3", "params_total", "685000000000"),
         fact("a1", "DeepSeek-V3", "context_tokens", "128000"),
         fact("a2", "DeepSeek-V3", "context_tokens", "128000", start=5)]
    out = write(tmp_path, models=m, facts=f)
    (row,) = rows(out, "catalog.csv")
    assert (row["params_total"], row["context_tokens"], row["conflicts"]) == ("671000000000", "128000", "params_total")
    assert row["sources"] == "params_total:a1 a2; context_tokens:a1 a2"
    values = [(r["attribute"], r["value"], r["best"], r["n_articles"], r["first_published"], r["article_ids"])
              for r in rows(out, "catalog_facts.csv")]
    assert values == [("params_total", "671000000000", "true", "2", "2025-01-10", "a1 a2"),
                      ("params_total", "685000000000", "false", "1", "2024-12-30", "a3"),
                      ("context_tokens", "128000", "true", "2", "2025-01-10", "a1 a2")]


def test_stated_values_beat_hedged_ones_and_the_hedged_share_is_per_article(tmp_path):
    m = [model(a, "Gemini 2.5 Pro") for a in ("a1", "a2", "a3")]
    f = [fact("a1", "Gemini 2.5 Pro", "context_tokens", "2000000", hedged=True),
         fact("a2", "Gemini 2.5 Pro", "context_tokens", "2000000", hedged=True),
         fact("a3", "Gemini 2.5 Pro", "context_tokens", "2000000", hedged=False),
         fact("a3", "Gemini 2.5 Pro", "context_tokens", "1000000", hedged=False, start=9),
         fact("a1", "Gemini 2.5 Pro", "context_tokens", "1000000", hedged=False, start=9),
         fact("a2", "Gemini 2.5 Pro", "params_total", "5", hedged=True)]
    out = write(tmp_path, models=m, facts=f)
    (row,) = rows(out, "catalog.csv")
    assert row["context_tokens"] == "1000000"  # stated by two articles; 2000000 stated by one only
    assert row["params_total"] == "5"  # only hedged, but the only value
    shares = {(r["attribute"], r["value"]): (r["best"], r["hedged_share"]) for r in rows(out, "catalog_facts.csv")}
    assert shares == {("context_tokens", "1000000"): ("true", "0"), ("context_tokens", "2000000"): ("false", "0.667"),
                      ("params_total", "5"): ("true", "1")}


@pytest.mark.parametrize("facts, best", [
    # one article each, no other difference: the largest value (as models.csv breaks its ties)
    ([("a1", "128000", 0), ("a2", "32000", 0)], "128000"),
    ([("a2", "32000", 0), ("a1", "128000", 0)], "128000"),
    # same articles: the value the articles state more often
    ([("a1", "32000", 0), ("a1", "32000", 4), ("a2", "128000", 0)], "32000"),
])
def test_ties(tmp_path, facts, best):
    out = write(tmp_path, models=[model("a1", "X 1"), model("a2", "X 1")],
                facts=[fact(a, "X 1", "context_tokens", v, start=s) for a, v, s in facts])
    (row,) = rows(out, "catalog.csv")
    assert row["context_tokens"] == best and row["conflicts"] == "context_tokens"


def test_the_text_names_the_organisation_before_the_lexicon(tmp_path):
    m = [model("a1", "Zeta 7B", organization="Lab A", source="lexicon"),
         model("a2", "Zeta 7B", organization="Lab A", source="lexicon"),
         model("a3", "Zeta 7B", organization="Lab B", source="text"),
         model("a1", "Eta 1", organization="Lab C", source="lexicon")]
    out = write(tmp_path, models=m)
    by_name = {r["model"]: r for r in rows(out, "catalog.csv")}
    assert (by_name["Zeta 7B"]["organization"], by_name["Zeta 7B"]["organization_source"]) == ("Lab B", "text")
    assert by_name["Zeta 7B"]["conflicts"] == "organization"
    assert (by_name["Eta 1"]["organization"], by_name["Eta 1"]["organization_source"]) == ("Lab C", "lexicon")


def test_undated_articles_come_last_and_leave_dates_empty(tmp_path):
    out = write(tmp_path, models=[model("a4", "Y 2"), model("a2", "Y 2"), model("a4", "W 1")],
                facts=[fact("a4", "Y 2", "experts", "8"), fact("a2", "Y 2", "experts", "8")])
    by_name = {r["model"]: r for r in rows(out, "catalog.csv")}
    assert (by_name["W 1"]["first_published"], by_name["W 1"]["last_published"]) == ("", "")
    assert by_name["Y 2"]["first_published"] == by_name["Y 2"]["last_published"] == "2025-02-01"
    (value,) = rows(out, "catalog_facts.csv")
    assert value["article_ids"] == "a2 a4"


def test_claims_are_aggregated_across_articles_and_spellings(tmp_path):
    m = [model("a1", "DeepSeek-V3", mentions=3), model("a2", "DeepSeek V3"), model("a1", "GPT-4o"), model("a2", "GPT-4o")]
    c = [claim("a1", "DeepSeek-V3", "outperforms", "GPT-4o", claimed_by="DeepSeek"),
         claim("a2", "DeepSeek V3", "outperforms", "gpt-4o", claimed_by="Le Monde", hedged=True),
         claim("a2", "DeepSeek V3", "scores", benchmark="MMLU", metric="%", value="88.5"),
         claim("a1", "DeepSeek-V3", "scores", benchmark="MMLU", metric="%", value="88.5"),
         claim("a1", "DeepSeek-V3", "scores", benchmark="MMLU", metric="%", value="88.5")]
    out = write(tmp_path, models=m, claims=c)
    graph = [(r["subject"], r["relation"], r["object"], r["benchmark"], r["value"], r["n_articles"], r["n_claims"],
              r["hedged_share"], r["claimed_by"], r["first_published"], r["article_ids"])
             for r in rows(out, "claims_graph.csv")]
    assert graph == [("DeepSeek-V3", "outperforms", "GPT-4o", "", "", "2", "2", "0.5", "DeepSeek; Le Monde",
                      "2025-01-10", "a1 a2"),
                     ("DeepSeek-V3", "scores", "", "MMLU", "88.5", "2", "3", "0", "", "2025-01-10", "a1 a2")]


def test_formula_cells_are_read_back_and_protected_again(tmp_path):
    out = write(tmp_path, models=[model("a1", "=Evil 1", organization="@Org", source="text")])
    (line,) = catalog_csvs(out)["catalog.csv"].splitlines()[1:]
    assert line.startswith("'=Evil 1,'=Evil 1,,'@Org,text,")


def test_the_bytes_do_not_depend_on_the_order_of_the_rows(tmp_path):
    m = [model(a, n, "F", "Org", "lexicon") for a in ("a1", "a2", "a3") for n in ("A-1", "a 1", "B 2", "C 3")]
    f = [fact(a, n, attr, v) for a in ("a1", "a2", "a3") for n in ("A-1", "B 2")
         for attr, v in (("params_total", "7000000000"), ("experts", "8" if a != "a2" else "16"))]
    c = [claim(a, "A-1", "rivals", "B 2", claimed_by=a) for a in ("a1", "a2", "a3")]
    expected = catalog_csvs(write(tmp_path / "sorted", models=m, facts=f, claims=c))
    rng = random.Random(7)
    for i in range(3):
        m2, f2, c2 = (rng.sample(x, len(x)) for x in (m, f, c))
        assert catalog_csvs(write(tmp_path / f"shuffled{i}", models=m2, facts=f2, claims=c2)) == expected
