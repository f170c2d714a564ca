"""A few whole runs (``pipeline.cli.main(["run", ...])``) over corpora of random files of every kind:
the run finishes (exit 0 or 1), ``articles.csv`` has one row per file (per non-blank line for
JSONL) with a status and a reason, and every quote of facts.csv and claims.csv is the text of
``texts/<article_id>.txt`` at its offsets."""
from __future__ import annotations

import contextlib
import csv
import io
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.export import unprotect
from pipeline.recognize.segments import MAX_SENTENCE_CHARS

from .strategies import french_mix, html_pages, jsonl_files, real_splices
from .support import INTERNAL, STATUSES, scaled


def _rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return [{k: unprotect(v) for k, v in row.items()} for row in csv.DictReader(f)]


@scaled(0.15)
@given(page=html_pages(), jsonl=jsonl_files(), splice=real_splices(), mix=french_mix(),
       noise=st.binary(max_size=500))
def test_a_run_over_random_files_lists_each_once_and_quotes_its_texts(page, jsonl, splice, mix, noise):
    jsonl_data, lines = jsonl
    files = {"a.html": page, "b.jsonl": jsonl_data, "c.txt": splice.encode("utf-8"), "d.md": mix.encode("utf-8"),
             "e.txt": noise, "f.txt": splice.encode("utf-8")}  # f: a duplicate of c
    expected = {"a.html", "c.txt", "d.md", "e.txt", "f.txt"} | {f"b.jsonl#{n}" for n in lines}
    with tempfile.TemporaryDirectory(prefix="props-run-") as root:
        corpus, out = Path(root) / "corpus", Path(root) / "out"
        corpus.mkdir()
        for name, data in files.items():
            (corpus / name).write_bytes(data)
        with contextlib.redirect_stderr(io.StringIO()):
            code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"])
        articles = _rows(out / "articles.csv")
        assert code in (0, 1), code
        assert sorted(a["source"] for a in articles) == sorted(expected)
        for a in articles:
            assert a["status"] in STATUSES and (a["status"] == "ok" or a["reason"].strip()), a
            assert not a["reason"].startswith(INTERNAL), a
        assert code == (1 if any(a["status"] == "error" for a in articles) else 0)
        for table in ("facts.csv", "claims.csv"):
            for row in _rows(out / table):
                text = (out / "texts" / f"{row['article_id']}.txt").read_bytes().decode("utf-8")
                start, end = int(row["start"]), int(row["end"])
                assert 0 <= start < end <= len(text) and text[start:end] == row["quote"], row
                assert len(row["sentence"]) <= MAX_SENTENCE_CHARS, row
