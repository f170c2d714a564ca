"""The project's scorer (pipeline.evaluate) on small synthetic outputs and gold files.

The expectations in ``test_agrees_with_reference_scorer`` were computed by running the reference
scorer (shared/tools/score.py, not read at test time) on the same synthetic fixture.
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from pipeline.evaluate import (
    CATEGORIES,
    PRF,
    Report,
    bench_key,
    claim_key,
    evaluate,
    fact_key,
    format_report,
    name_key,
    unprotect,
)

COLUMNS = {
    "articles": ["article_id", "source", "title", "url", "author", "published", "language", "status", "reason",
                 "n_chars", "n_models", "n_facts", "n_claims"],
    "models": ["article_id", "model", "family", "organization", "organization_source", "n_mentions", "params_total",
               "params_active", "experts", "context_tokens", "training_tokens"],
    "facts": ["article_id", "model", "attribute", "value", "hedged", "quote", "sentence", "start", "end", "recognizer"],
    "claims": ["article_id", "subject", "relation", "object", "benchmark", "metric", "value", "claimed_by", "hedged",
               "quote", "sentence", "start", "end", "recognizer"],
}


def write_outputs(out: Path, articles, models=(), facts=(), claims=()) -> Path:
    """Write the four CSVs; missing columns are left empty, None is written as ""."""
    out.mkdir(parents=True, exist_ok=True)
    for table, rows in (("articles", articles), ("models", models), ("facts", facts), ("claims", claims)):
        with open(out / f"{table}.csv", "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, COLUMNS[table])
            writer.writeheader()
            for row in rows:
                writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in COLUMNS[table]})
    return out


def write_gold(folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (Path(data.get("article", "multi")).stem + ".gold.json")
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def article(aid="A1", source="a.txt", status="ok", language="fr"):
    return {"article_id": aid, "source": source, "status": status, "language": language}


def model(name, aid="A1"):
    return {"article_id": aid, "model": name}


def fact(name, attribute, value, aid="A1"):
    return {"article_id": aid, "model": name, "attribute": attribute, "value": value}


def claim(subject, relation, obj=None, benchmark=None, value=None, claimed_by=None, aid="A1"):
    return {"article_id": aid, "subject": subject, "relation": relation, "object": obj, "benchmark": benchmark,
            "value": value, "claimed_by": claimed_by}


def gold_claim(subject, relation, obj=None, benchmark=None, value=None, claimed_by=None, **extra):
    return {"subject": subject, "relation": relation, "object": obj, "benchmark": benchmark, "metric": None,
            "value": value, "claimed_by": claimed_by, **extra}


def score(tmp_path: Path, gold: dict, *, models=(), facts=(), claims=(), articles=None) -> Report:
    gold = {"article": "a.txt", "models": [], "facts": [], "claims": [], **gold}
    out = write_outputs(tmp_path / "out", articles if articles is not None else [article()], models, facts, claims)
    return evaluate(out, [write_gold(tmp_path / "gold", gold)])


def counts(report: Report) -> dict:
    return {cat: (p.tp, p.fp, p.fn) for cat, p in report.totals.items()}


# ------------------------------------------------------------------ keys


@pytest.mark.parametrize("a, b", [
    ("DeepSeek-V3", "deepseek v3"),
    ("Le GPT-4o", "GPT-4o"),
    ("la Série Llama", "serie llama"),
    ("Mistral Médium 3", "MISTRAL-MEDIUM-3"),
    ("Qwen3\u2011235B", "qwen3 235b"),
])
def test_name_key_is_case_accent_space_and_hyphen_insensitive(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_l_apostrophe_and_none_is_empty():
    assert name_key("l'IA") == "lia"
    assert name_key(None) == ""


def test_fact_values_compare_as_numbers_then_as_names():
    assert fact_key("M", "params_total", "46700000000.0") == fact_key("M", "params_total", 46700000000)
    assert fact_key("M", "params_total", "46,7") == fact_key("M", "params_total", 46.7)
    assert fact_key("M", "params_total", "12 900 000 000") == fact_key("M", "params_total", 12.9e9)
    assert fact_key("M", "organization", "Mistral AI") == fact_key("m", "organization", "mistral-ai")
    assert fact_key("M", "params_total", 1.5) == fact_key("M", "params_total", "1.5000001")  # 6 significant digits
    assert fact_key("M", "params_total", 1.5) != fact_key("M", "params_total", "1.50001")
    assert fact_key("M", "params_total", 70000000000) != fact_key("M", "params_total", "70000000001")  # integers exactly


def test_bench_key_drops_qualifiers_and_knows_chatbot_arena():
    assert bench_key("MMLU (5-shot)") == bench_key("mmlu") == "bench:mmlu"
    assert bench_key("Chatbot Arena") == bench_key("LMArena")
    assert bench_key(None) == bench_key("") == "bench:"


def test_claim_keys():
    assert claim_key("A", "scores", None, "MMLU", "88,7") == ("a", "scores", "88.7")
    assert claim_key("A", "outperforms", "B", "MMLU", None) == ("a", "outperforms", "b")
    assert claim_key("A", "outperforms", None, "MMLU", None) == ("a", "outperforms", "bench:mmlu")
    assert claim_key("A", "outperforms", "B", "MMLU (0-shot)", None, strict=True) == ("a", "outperforms", "b", "bench:mmlu")


@pytest.mark.parametrize("cell, read", [
    ("'=1+1", "=1+1"), ("'-5", "-5"), ("'+33", "+33"), ("'@x", "@x"), ("'\tx", "\tx"),
    ("'quoted'", "'quoted'"), ("'", "'"), ("-5", "-5"), ("", ""), (None, None),
])
def test_unprotect_strips_one_formula_guard_quote(cell, read):
    assert unprotect(cell) == read


# ------------------------------------------------------------------ cases

CASES = {
    "exact match": (
        {"models": ["Mixtral 8x7B", "Llama 2 70B"],
         "facts": [{"model": "Mixtral 8x7B", "attribute": "params_total", "value": 46700000000}],
         "claims": [gold_claim("Mixtral 8x7B", "outperforms", "Llama 2 70B")]},
        {"models": [model("Mixtral 8x7B"), model("Llama 2 70B")],
         "facts": [fact("Mixtral 8x7B", "params_total", "46700000000")],
         "claims": [claim("Mixtral 8x7B", "outperforms", "Llama 2 70B")]},
        {"models": (2, 0, 0), "facts": (1, 0, 0), "claims": (1, 0, 0), "claims+b": (1, 0, 0)},
    ),
    "alias match": (
        {"models": ["Llama 4 Scout", "GPT-4o"], "aliases": {"Scout": "Llama 4 Scout"},
         "facts": [{"model": "Scout", "attribute": "experts", "value": 16}],
         "claims": [gold_claim("Scout", "outperforms", "GPT-4o")]},
        {"models": [model("scout"), model("GPT-4o")],
         "facts": [fact("Llama 4 Scout", "experts", "16")],
         "claims": [claim("Scout", "outperforms", "GPT-4o")]},
        {"models": (2, 0, 0), "facts": (1, 0, 0), "claims": (1, 0, 0)},
    ),
    "accent, case and hyphen insensitive names": (
        {"models": ["DeepSeek-V3", "Mistral Médium 3"],
         "facts": [{"model": "DeepSeek-V3", "attribute": "organization", "value": "Université Tsinghua"}]},
        {"models": [model("le deepseek v3"), model("MISTRAL MEDIUM-3")],
         "facts": [fact("deepseek v3", "organization", "universite-tsinghua")]},
        {"models": (1 + 1, 0, 0), "orgs": (1, 0, 0)},
    ),
    "alt_values, alt_models and alt_attributes": (
        {"models": ["Gemini 1.5 Pro"],
         "facts": [{"model": "Gemini 1.5 Pro", "attribute": "context_tokens", "value": 1000000, "alt_values": [2000000]},
                   {"model": "Gemini 1.5 Pro", "attribute": "params_total", "value": 7, "alt_models": ["Gemini"],
                    "alt_attributes": ["params_active"]}]},
        {"facts": [fact("Gemini 1.5 Pro", "context_tokens", "2000000"), fact("Gemini", "params_active", "7")]},
        {"models": (0, 0, 1), "facts": (2, 0, 0)},
    ),
    "alternatives never steal an exact match": (
        {"facts": [{"model": "Llama 3.1 70B", "attribute": "context_tokens", "value": 128000,
                    "alt_models": ["Llama 3.1 405B"]},
                   {"model": "Llama 3.1 405B", "attribute": "context_tokens", "value": 128000}]},
        {"facts": [fact("Llama 3.1 405B", "context_tokens", "128000"), fact("Llama 3.1 70B", "context_tokens", "128000")]},
        {"facts": (2, 0, 0)},
    ),
    "optional items are neither missed nor extra": (
        {"models": ["Llama 4 Scout"],
         "optional": {"models": ["Llama 4"],
                      "facts": [{"model": "Llama 4 Scout", "attribute": "organization", "value": "Meta"}],
                      "claims": [gold_claim("Llama 4 Scout", "rivals", "Gemma 3")]}},
        {"models": [model("Llama 4 Scout"), model("Llama 4")],
         "facts": [fact("Llama 4 Scout", "organization", "Meta")],
         "claims": [claim("Llama 4 Scout", "rivals", "Gemma 3")]},
        {"models": (1, 0, 0), "facts": (0, 0, 0), "claims": (0, 0, 0), "claims+b": (0, 0, 0)},
    ),
    "a missed fact": (
        {"facts": [{"model": "Mixtral 8x7B", "attribute": "params_total", "value": 46700000000},
                   {"model": "Mixtral 8x7B", "attribute": "params_active", "value": 12900000000}]},
        {"facts": [fact("Mixtral 8x7B", "params_total", "46700000000")]},
        {"facts": (1, 0, 1)},
    ),
    "an extra claim": (
        {"claims": [gold_claim("Claude 3.5 Sonnet", "outperforms", "GPT-4o")]},
        {"claims": [claim("Claude 3.5 Sonnet", "outperforms", "GPT-4o"), claim("Claude 3.5 Sonnet", "rivals", "Gemini")]},
        {"claims": (1, 1, 0), "claims+b": (1, 1, 0)},
    ),
    "scores match on value": (
        {"claims": [gold_claim("DeepSeek-V3", "scores", benchmark="MMLU", value=88.5),
                    gold_claim("DeepSeek-V3", "scores", benchmark="MATH-500", value=90.2),
                    gold_claim("DeepSeek-V3", "ranks", benchmark="LMArena", value=2)]},
        {"claims": [claim("DeepSeek-V3", "scores", benchmark="MMLU", value="88,5"),
                    claim("DeepSeek-V3", "scores", benchmark="MATH-500", value="90"),
                    claim("DeepSeek-V3", "ranks", benchmark="Chatbot Arena", value="2.0")]},
        {"claims": (2, 1, 1), "claims+b": (2, 1, 1)},
    ),
    "comparison without object matches on benchmark": (
        {"claims": [gold_claim("Phi-4", "outperforms", benchmark="MMLU-Pro")]},
        {"claims": [claim("Phi-4", "outperforms", "", "MMLU Pro")]},
        {"claims": (1, 0, 0), "claims+b": (1, 0, 0)},
    ),
    "claims+b needs the benchmark, qualifiers ignored": (
        {"claims": [gold_claim("Qwen3", "outperforms", "DeepSeek-R1", benchmark="MMLU"),
                    gold_claim("Qwen3", "outperforms", "o1", benchmark="ArenaHard")]},
        {"claims": [claim("Qwen3", "outperforms", "DeepSeek-R1", "MMLU (5-shot)"),
                    claim("Qwen3", "outperforms", "o1", "LiveBench")]},
        {"claims": (2, 0, 0), "claims+b": (1, 1, 1)},
    ),
    "alt_relations and duplicate gold claims": (
        {"claims": [gold_claim("Gemma 3", "rivals", "Llama 3", alt_relations=["outperforms"]),
                    gold_claim("Gemma 3", "rivals", "Llama 3", alt_relations=["outperforms"])]},
        {"claims": [claim("Gemma 3", "outperforms", "Llama 3")]},
        {"claims": (1, 0, 0), "claims+b": (1, 0, 0)},
    ),
    "non-French article is skipped": (
        {"meta": {"language": "en"}, "models": ["GPT-4o mini"],
         "facts": [{"model": "GPT-4o mini", "attribute": "context_tokens", "value": 128000}]},
        {"models": [model("GPT-4o mini"), model("Other")]},
        {"models": (0, 0, 0), "facts": (0, 0, 0), "claims": (0, 0, 0), "claims+b": (0, 0, 0)},
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_case(tmp_path, name):
    gold, predicted, expected = CASES[name]
    report = score(tmp_path, gold, **predicted)
    got = counts(report)
    assert {cat: got[cat] for cat in expected} == expected


def test_non_french_article_must_be_listed_with_a_non_ok_status(tmp_path):
    gold = {"meta": {"language": "en"}, "models": ["GPT-4o mini"]}
    for status, flagged in (("skipped", 1), ("ok", 0), ("", 0)):
        report = score(tmp_path / status, gold, articles=[article(status=status, language="en")])
        assert (report.non_french_flagged, report.non_french_total) == (flagged, 1)
        assert report.articles == () and report.missing_articles == ()
    report = score(tmp_path / "unlisted", gold, articles=[])
    assert (report.non_french_flagged, report.non_french_total) == (0, 1)
    assert "non-French articles listed with a non-ok status: 0/1" in format_report(report, details=False)


def test_claimed_by_accuracy_on_matched_claims(tmp_path):
    gold = {"claims": [gold_claim("A", "outperforms", "B", claimed_by="Meta"),
                       gold_claim("A", "outperforms", "C", claimed_by=None),
                       gold_claim("A", "scores", benchmark="MMLU", value=80, claimed_by="Meta"),
                       gold_claim("A", "outperforms", "D", claimed_by="Meta")]}
    report = score(tmp_path, gold, claims=[claim("A", "outperforms", "B", claimed_by="meta"),
                                           claim("A", "outperforms", "C", claimed_by="Meta"),
                                           claim("A", "scores", "", "MMLU", "80", claimed_by=None)])
    assert (report.claimed_by_correct, report.claimed_by_total) == (1, 3)
    assert report.claimed_by_accuracy == pytest.approx(1 / 3)


def test_article_found_by_stem_and_missing_article_reported(tmp_path):
    gold_dir = tmp_path / "gold"
    paths = [write_gold(gold_dir, {"article": "x.cp1252.txt", "models": ["Qwen3"]}),
             write_gold(gold_dir, {"article": "absent.txt", "models": ["Phi-4"]})]
    out = write_outputs(tmp_path / "out", [article("X", "corpus/x.cp1252.txt")], models=[model("Qwen3", "X")])
    report = evaluate(out, paths)
    assert counts(report)["models"] == (1, 0, 1)
    assert report.missing_articles == ("absent.txt",)
    assert [a.article_id for a in report.articles] == ["X", None]


def test_protected_cells_are_read_back(tmp_path):
    gold = {"claims": [gold_claim("=Weird", "scores", benchmark="Δ", value=-5)]}
    report = score(tmp_path, gold, claims=[claim("'=Weird", "scores", benchmark="Δ", value="'-5")])
    assert counts(report)["claims"] == (1, 0, 0)


def test_missing_output_files_count_as_empty(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    path = write_gold(tmp_path / "gold", {"article": "a.txt", "models": ["M"], "facts": [], "claims": []})
    report = evaluate(out, [path])
    assert counts(report)["models"] == (0, 0, 1)
    assert report.missing_articles == ("a.txt",)


def test_format_report_lines_and_details(tmp_path):
    gold = {"models": ["Mixtral 8x7B", "Mistral 7B"],
            "facts": [{"model": "Mixtral 8x7B", "attribute": "experts", "value": 8}]}
    report = score(tmp_path, gold, models=[model("Mixtral 8x7B"), model("GPT-4")],
                   facts=[fact("Mixtral 8x7B", "experts", "8")])
    summary = format_report(report, details=False).splitlines()
    assert summary[:5] == [
        "models   P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)",
        "facts    P=1.000 R=1.000 F1=1.000 (tp=1 fp=0 fn=0)",
        "orgs     P=0.000 R=0.000 F1=0.000 (tp=0 fp=0 fn=0)",
        "claims   P=0.000 R=0.000 F1=0.000 (tp=0 fp=0 fn=0)",
        "claims+b P=0.000 R=0.000 F1=0.000 (tp=0 fp=0 fn=0)",
    ]
    detailed = format_report(report, details=True).splitlines()
    assert detailed[:5] == summary[:5]
    assert "== a.txt: models F1=0.50 | facts F1=1.00 | orgs F1=0.00 | claims F1=0.00 | claims+b F1=0.00" in detailed
    assert "   missed models: mistral7b" in detailed
    assert "   extra  models: gpt4" in detailed


def test_prf_arithmetic():
    p = PRF(3, 1, 2) + PRF(1, 1, 0)
    assert (p.tp, p.fp, p.fn) == (4, 2, 2)
    assert p.precision == pytest.approx(4 / 6) and p.recall == pytest.approx(4 / 6) and p.f1 == pytest.approx(4 / 6)
    assert PRF().f1 == 0.0


# ------------------------------------------------------------------ the shipped gold


def test_gold_copied_as_output_scores_perfectly(tmp_path, gold_paths):
    """Predictions written straight from the French gold files get P = R = 1 everywhere."""
    articles, models, facts, claims = [], [], [], []
    expected = dict.fromkeys(("models", "facts", "orgs"), 0)
    non_french = 0
    for i, path in enumerate(gold_paths):
        g = json.loads(path.read_text(encoding="utf-8"))
        aid = f"G{i:02d}"
        if ((g.get("meta") or {}).get("language") or g.get("language") or "fr") != "fr":
            non_french += 1
            articles.append(article(aid, g["article"], status="skipped", language="en"))
            continue
        articles.append(article(aid, g["article"]))
        models += [model(m, aid) for m in g["models"]]
        facts += [fact(f["model"], f["attribute"], f["value"], aid) for f in g["facts"]]
        claims += [claim(c["subject"], c["relation"], c.get("object"), c.get("benchmark"), c.get("value"),
                         c.get("claimed_by"), aid) for c in g["claims"]]
        expected["models"] += len(g["models"])
        expected["facts"] += sum(f["attribute"] != "organization" for f in g["facts"])
        expected["orgs"] += sum(f["attribute"] == "organization" for f in g["facts"])
    assert non_french >= 1
    report = evaluate(write_outputs(tmp_path / "out", articles, models, facts, claims), gold_paths)
    for cat in CATEGORIES:
        assert (report.totals[cat].fp, report.totals[cat].fn) == (0, 0), cat
    assert {cat: report.totals[cat].tp for cat in expected} == expected
    assert report.totals["claims"].tp > 100
    assert report.claimed_by_correct == report.claimed_by_total > 100
    assert (report.non_french_flagged, report.non_french_total) == (non_french, non_french)
    assert report.missing_articles == ()


# ------------------------------------------------------------------ agreement with the reference scorer

# Two gold files (one of them a multi-article file) and one output folder exercising aliases,
# alternatives, optional items, duplicates, scores, benchmarks, a non-French article, an article
# missing from articles.csv and an article listed without an id.
FIXTURE_GOLD = [
    {"article": "01-mixtral.txt",
     "aliases": {"le 8x7B": "Mixtral 8x7B", "Mixtral": "Mixtral 8x7B"},
     "models": ["Mixtral 8x7B", "Mistral 7B", "Llama 2 70B", "GPT-3.5", "Mistral 7B"],
     "facts": [
         {"model": "Mixtral 8x7B", "attribute": "params_total", "value": 46700000000},
         {"model": "Mixtral 8x7B", "attribute": "params_active", "value": 12900000000, "alt_values": [13000000000]},
         {"model": "Mixtral 8x7B", "attribute": "experts", "value": 8},
         {"model": "Mixtral 8x7B", "attribute": "context_tokens", "value": 32000, "alt_values": [32768]},
         {"model": "Mistral 7B", "attribute": "params_total", "value": 7300000000, "alt_models": ["Mixtral 8x7B"]},
         {"model": "Mixtral 8x7B", "attribute": "organization", "value": "Mistral AI"}],
     "claims": [
         gold_claim("Mixtral 8x7B", "outperforms", "Llama 2 70B", benchmark="MMLU", claimed_by="Mistral AI"),
         gold_claim("Mixtral 8x7B", "rivals", "GPT-3.5", alt_relations=["outperforms"], claimed_by="Mistral AI"),
         gold_claim("Mixtral 8x7B", "scores", benchmark="MMLU (5-shot)", value=70.6, claimed_by="Mistral AI"),
         gold_claim("Mixtral 8x7B", "scores", benchmark="GSM8K", value=74.4),
         gold_claim("Mixtral 8x7B", "ranks", benchmark="Chatbot Arena", value=7),
         gold_claim("Mixtral 8x7B", "outperforms", benchmark="MT-Bench", claimed_by="Mistral AI"),
         gold_claim("Mixtral 8x7B", "outperforms", "Llama 2 70B", benchmark="MMLU", claimed_by="Mistral AI")],
     "optional": {"models": ["Mixtral"],
                  "facts": [{"model": "Mistral 7B", "attribute": "organization", "value": "Mistral AI"}],
                  "claims": [gold_claim("Mistral 7B", "outperforms", "Llama 2 13B")]}},
    {"articles": [
        {"id": "02-deepseek.md", "meta": {"language": "fr"},
         "models": ["DeepSeek-V3", "DeepSeek-R1", "GPT-4o", "Claude 3.5 Sonnet"],
         "facts": [{"model": "DeepSeek-V3", "attribute": "params_total", "value": 671000000000},
                   {"model": "DeepSeek-V3", "attribute": "params_active", "value": 37000000000},
                   {"model": "DeepSeek-V3", "attribute": "training_tokens", "value": 14800000000000,
                    "alt_values": [14.8e18]}],
         "claims": [gold_claim("DeepSeek-V3", "scores", benchmark="MMLU", value=88.5, claimed_by="DeepSeek"),
                    gold_claim("DeepSeek-V3", "scores", benchmark="MATH-500", value=90.2, claimed_by="DeepSeek"),
                    gold_claim("DeepSeek-V3", "ranks_below", "GPT-4o", benchmark="LMArena (style control)"),
                    gold_claim("DeepSeek-R1", "rivals", "o1", claimed_by="DeepSeek")]},
        {"id": "03-english.txt", "meta": {"language": "en"}, "models": ["GPT-4o mini"],
         "facts": [], "claims": []},
        {"id": "04-absent.txt", "models": ["Phi-4"], "facts": [], "claims": []},
        {"id": "05-noid.txt", "models": ["Gemma 3"], "facts": [], "claims": []},
    ]},
]

FIXTURE_OUTPUTS = {
    "articles": [article("a01", "corpus/01-mixtral.txt"), article("a02", "02-deepseek.md"),
                 article("a03", "03-english.txt", status="skipped", language="en"), article("", "05-noid.txt")],
    "models": [model(m, "a01") for m in ("Mixtral 8x7B", "le 8x7B", "Mistral-7B", "mixtral", "LLaMA 2 70B", "GPT-4")]
    + [model(m, "a02") for m in ("DeepSeek V3", "Deepseek-R1", "GPT-4o", "OpenAI")]
    + [model("GPT-4o mini", "a03"), model("Gemma 3", "")],
    "facts": [fact("le 8x7B", "params_total", "46,7e9", "a01"), fact("Mixtral 8x7B", "params_active", "13000000000", "a01"),
              fact("Mixtral", "experts", "8.0", "a01"), fact("Mixtral 8x7B", "context_tokens", "32768", "a01"),
              fact("Mixtral 8x7B", "params_total", "7300000000", "a01"),
              fact("Mistral 7B", "organization", "Mistral AI", "a01"),
              fact("Mixtral 8x7B", "organization", "Mistral", "a01"),
              fact("DeepSeek-V3", "params_total", "671000000000", "a02"),
              fact("DeepSeek-V3", "params_active", "37000000001", "a02"),
              fact("DeepSeek-V3", "training_tokens", "14,8 e18", "a02"),
              fact("DeepSeek-V3", "training_tokens", "14800000000000", "a02")],
    "claims": [claim("Mixtral", "outperforms", "Llama 2 70B", "MMLU", claimed_by="Mistral AI", aid="a01"),
               claim("Mixtral 8x7B", "outperforms", "GPT-3.5", claimed_by="OpenAI", aid="a01"),
               claim("Mixtral 8x7B", "scores", None, "MMLU", "70,6", claimed_by="Mistral AI", aid="a01"),
               claim("Mixtral 8x7B", "scores", None, "GSM8K", "74.40", aid="a01"),
               claim("Mixtral 8x7B", "ranks", None, "LMArena", "7", aid="a01"),
               claim("Mixtral 8x7B", "outperforms", None, "MT Bench", aid="a01"),
               claim("Mistral 7B", "outperforms", "Llama 2 13B", aid="a01"),
               claim("Mistral 7B", "outperforms", "Llama 2 34B", aid="a01"),
               claim("DeepSeek-V3", "scores", None, "MMLU (EM)", "88.5", claimed_by="DeepSeek", aid="a02"),
               claim("DeepSeek-V3", "scores", None, "MATH", "90.2", claimed_by="", aid="a02"),
               claim("DeepSeek-V3", "ranks_below", "GPT-4o", "Chatbot Arena", aid="a02"),
               claim("DeepSeek-R1", "rivals", "OpenAI o1", claimed_by="DeepSeek", aid="a02"),
               claim("DeepSeek-R1", "outperforms", "o1", "AIME 2024", aid="a02"),
               claim("GPT-4o mini", "scores", None, "MMLU", "82", aid="a03")],
}

# Computed with the reference scorer: score.py OUT GOLD_DIR --json
REFERENCE = {
    "models": (6, 2, 5),
    "facts": (7, 2, 1),
    "orgs": (0, 1, 1),
    "claims": (9, 3, 1),
    "claims+b": (8, 4, 2),
    "claimed_by": (7, 10),
    "non_french": (1, 1),
    "missing": ("04-absent.txt",),
}

# ... and its output with --per-article (per-article details first, then the summary)
REFERENCE_LINES = [
    '== 01-mixtral.txt: models F1=0.67 | facts F1=1.00 | orgs F1=0.00 | claims F1=0.92 | claims+b F1=0.92',
    '   missed models: gpt35',
    '   missed models: mistral7b',
    '   extra  models: gpt4',
    "   missed orgs: ('mixtral8x7b', 'organization', 'mistralai')",
    "   extra  orgs: ('mixtral8x7b', 'organization', 'mistral')",
    "   extra  claims: ('mistral7b', 'outperforms', 'llama234b')",
    "   extra  claims+b: ('mistral7b', 'outperforms', 'llama234b', 'bench:')",
    '== 02-deepseek.md: models F1=0.75 | facts F1=0.57 | orgs F1=0.00 | claims F1=0.67 | claims+b F1=0.44',
    '   missed models: claude35sonnet',
    '   extra  models: openai',
    "   missed facts: ('deepseekv3', 'params_active', '37000000000')",
    "   extra  facts: ('deepseekv3', 'params_active', '37000000001')",
    "   extra  facts: ('deepseekv3', 'training_tokens', '14800000000000000000')",
    "   missed claims: ('deepseekr1', 'rivals', 'o1')",
    "   extra  claims: ('deepseekr1', 'outperforms', 'o1')",
    "   extra  claims: ('deepseekr1', 'rivals', 'openaio1')",
    "   missed claims+b: ('deepseekr1', 'rivals', 'o1', 'bench:')",
    "   missed claims+b: ('deepseekv3', 'scores', '90.2', 'bench:math500')",
    "   extra  claims+b: ('deepseekr1', 'outperforms', 'o1', 'bench:aime2024')",
    "   extra  claims+b: ('deepseekr1', 'rivals', 'openaio1', 'bench:')",
    "   extra  claims+b: ('deepseekv3', 'scores', '90.2', 'bench:math')",
    '== 04-absent.txt: models F1=0.00 | facts F1=0.00 | orgs F1=0.00 | claims F1=0.00 | claims+b F1=0.00',
    '   missed models: phi4',
    '== 05-noid.txt: models F1=0.00 | facts F1=0.00 | orgs F1=0.00 | claims F1=0.00 | claims+b F1=0.00',
    '   missed models: gemma3',
    'models   P=0.750 R=0.545 F1=0.632 (tp=6 fp=2 fn=5)',
    'facts    P=0.778 R=0.875 F1=0.824 (tp=7 fp=2 fn=1)',
    'orgs     P=0.000 R=0.000 F1=0.000 (tp=0 fp=1 fn=1)',
    'claims   P=0.750 R=0.900 F1=0.818 (tp=9 fp=3 fn=1)',
    'claims+b P=0.667 R=0.800 F1=0.727 (tp=8 fp=4 fn=2)',
    'claimed_by accuracy on matched claims: 7/10',
    'non-French articles listed with a non-ok status: 1/1',
    'articles missing from articles.csv: 1: 04-absent.txt',
]


def test_agrees_with_reference_scorer(tmp_path):
    gold_dir = tmp_path / "gold"
    write_gold(gold_dir, FIXTURE_GOLD[0])
    (gold_dir / "batch.gold.json").write_text(json.dumps(FIXTURE_GOLD[1]), encoding="utf-8")
    out = write_outputs(tmp_path / "out", **FIXTURE_OUTPUTS)
    report = evaluate(out, [gold_dir])
    assert {cat: counts(report)[cat] for cat in CATEGORIES} == {cat: REFERENCE[cat] for cat in CATEGORIES}
    assert (report.claimed_by_correct, report.claimed_by_total) == REFERENCE["claimed_by"]
    assert (report.non_french_flagged, report.non_french_total) == REFERENCE["non_french"]
    assert report.missing_articles == REFERENCE["missing"]
    assert sorted(format_report(report, details=True).splitlines()) == sorted(REFERENCE_LINES)
