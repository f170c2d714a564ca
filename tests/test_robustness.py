"""Any piece of text, however it is cut, goes through extraction without an exception, and every
row's quote is the text at its offsets."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from pipeline.extract import Extractor
from pipeline.ingest import read_corpus
from pipeline.records import Article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def texts():
    arts = list(read_corpus(ROOT / "corpus")) + list(read_corpus(ROOT / "tests" / "fixtures" / "unseen"))
    return [a.text for a in arts if a.status == "ok"]


def test_random_cuts_and_splices_never_fail(texts):
    ex = Extractor()
    rnd = random.Random(7)
    for _ in range(400):
        t = rnd.choice(texts)
        a = rnd.randrange(len(t))
        piece = t[a:a + rnd.randrange(1, 700)]
        if rnd.random() < 0.3:
            other = rnd.choice(texts)
            piece += other[:rnd.randrange(len(other))]
        x = ex.process(Article("r", "r.txt", piece))
        for row in x.facts + x.claims + x.extra_facts:
            assert 0 <= row.start < row.end <= len(piece) and piece[row.start:row.end] == row.quote
