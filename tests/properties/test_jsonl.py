"""Random JSONL files (valid and invalid lines, fields of the wrong type, huge and empty fields,
non-UTF-8 bytes) through ingest and extraction: one row per non-blank line."""
from __future__ import annotations

from hypothesis import example, given

from .strategies import jsonl_files
from .support import check_corpus_rows, check_ingested, ingest_files, scaled


@scaled(2)
@given(file=jsonl_files())
@example(file=(b'{"text": "\\ud800 Mistral Small 3 a 24 milliards de param\\u00e8tres."}\n', [1]))
@example(file=(b'{"text": ["a"], "title": {"x": 1}}\n\n{"text": "' + b"x" * 100_000 + b'"}\n', [1, 3]))
def test_random_jsonl_gives_one_row_per_line_and_extracts(file):
    data, lines = file
    articles = ingest_files({"flux.jsonl": data})
    check_corpus_rows(articles, {"flux.jsonl": lines})
    check_ingested(articles)
