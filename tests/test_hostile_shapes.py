"""Hostile article shapes (``bench/shapes.py``): an article's rows grow at most linearly with its
text, a list pairs names and values one to one, the ``sentence`` column is bounded, and the run
ends with exit 0 or 1 (their cost per MB is measured by ``python -m bench --adversarial``)."""
from __future__ import annotations

import csv
import json

import pytest

from bench.shapes import SHAPES, _respectively
from pipeline.batch import extract_one, max_rows
from pipeline.cli import main
from pipeline.extract import Extractor
from pipeline.records import Article
from pipeline.recognize.segments import MAX_SENTENCE_CHARS


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_rows_stay_in_proportion_with_the_text(extractor, shape):
    text = SHAPES[shape](24_000)
    x = extract_one(Article("a", "a.txt", text), extractor)
    assert x.article.status == "ok", x.article.reason
    rows = x.facts + x.claims + x.extra_facts
    assert len(rows) + len(x.models) <= max_rows(len(text))
    assert len(x.facts) <= len(text) // 10  # (a fact needs a name and a value: far more than 10 characters)
    for row in rows:
        assert text[row.start:row.end] == row.quote
        assert len(row.sentence) <= MAX_SENTENCE_CHARS


@pytest.mark.parametrize("n", [3, 40, 150])
def test_a_respectively_list_pairs_one_to_one(extractor, n):
    x = extract_one(Article("a", "a.txt", _respectively(n)), extractor)
    facts = [(f.model, f.value) for f in x.facts]
    assert len(facts) <= n
    assert len({m for m, _ in facts}) == len(facts)  # no name given two values


def test_the_page_of_1500_names_and_values_ends_the_run_normally(tmp_path):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    (corpus / "liste.txt").write_text(_respectively(1_500), encoding="utf-8")
    (corpus / "normal.txt").write_text("Llama 3\n\nLlama 3 compte 70 milliards de paramètres.\n", encoding="utf-8")
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1"])
    assert code in (0, 1)
    with open(out / "facts.csv", newline="", encoding="utf-8") as f:
        facts = list(csv.DictReader(f))
    assert len([r for r in facts if r["model"].startswith("Qwen")]) <= 1_500
    assert ("Llama 3", "70000000000") in {(r["model"], r["value"]) for r in facts}
    assert json.loads((out / "runs.jsonl").read_text().splitlines()[-1])["outcome"] != "failed"


def test_the_real_shape_says_when_there_are_no_pages(tmp_path, monkeypatch):
    """A copy of the project without its real pages gets an error, not an endless loop."""
    import bench.shapes as shapes
    monkeypatch.setattr(shapes, "REAL", tmp_path)
    with pytest.raises(FileNotFoundError, match="no real pages"):
        shapes.real(1000)
