"""The command line, through the test runner: arguments, outputs and exit codes."""
from __future__ import annotations

import csv
from pathlib import Path

from pipeline.cli import main


def test_run_writes_the_four_csvs_with_the_contract_columns(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Mistral dévoile un modèle\n\nLe modèle Mistral Small 3 compte 24 milliards de paramètres. "
        "Selon Mistral, il surpasse GPT-4o mini et obtient 81 % sur MMLU.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    header = {name: next(csv.reader(open(out / name, encoding="utf-8"))) for name in
              ("articles.csv", "models.csv", "facts.csv", "claims.csv")}
    assert header["facts.csv"] == ["article_id", "model", "attribute", "value", "hedged", "quote", "sentence",
                                   "start", "end", "recognizer"]
    assert header["claims.csv"][:4] == ["article_id", "subject", "relation", "object"]
    facts = list(csv.DictReader(open(out / "facts.csv", encoding="utf-8")))
    assert ("Mistral Small 3", "params_total", "24000000000") in {(f["model"], f["attribute"], f["value"]) for f in facts}
    claims = list(csv.DictReader(open(out / "claims.csv", encoding="utf-8")))
    assert {(c["subject"], c["relation"], c["object"], c["claimed_by"]) for c in claims} >= {
        ("Mistral Small 3", "outperforms", "GPT-4o mini", "Mistral AI")}


def test_bad_file_is_listed_with_error_and_exit_code_1(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bad.jsonl").write_text("{not json}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 1
    rows = list(csv.DictReader(open(out / "articles.csv", encoding="utf-8")))
    assert rows[0]["status"] == "error" and "JSON" in rows[0]["reason"]


def test_usage_errors_exit_2(tmp_path: Path):
    assert main(["run", "--corpus", str(tmp_path / "missing")]) == 2
    assert main(["frobnicate"]) == 2


def test_evaluate_prints_scores(tmp_path: Path, corpus_dir: Path, gold_dir: Path, capsys):
    out = tmp_path / "out"
    main(["run", "--corpus", str(corpus_dir), "--out", str(out), "--quiet"])
    capsys.readouterr()
    assert main(["evaluate", str(gold_dir / "meta-llama4.gold.json"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "models" in printed and "F1=1.000" in printed
