"""Rows -> CSV files: the one place that knows the column order and how values are written.

- Integers are plain digits (2000000000000), never scientific notation; floats use the shortest
  form that round-trips (70.6, 1417 for 1417.0); booleans are ``true`` / ``false``; None is empty.
- Files are written to a temporary file beside the target and renamed over it, so a reader never
  sees a half-written CSV.
- Output is deterministic: rows are sorted by article, then by position in the text.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Iterable, Sequence

ARTICLE_COLUMNS = ("article_id", "source", "title", "url", "author", "published", "language", "status",
                   "reason", "n_chars", "n_models", "n_facts", "n_claims")
MODEL_COLUMNS = ("article_id", "model", "family", "organization", "organization_source", "n_mentions",
                 "params_total", "params_active", "experts", "context_tokens", "training_tokens")
FACT_COLUMNS = ("article_id", "model", "attribute", "value", "hedged", "quote", "sentence", "start", "end",
                "recognizer")
CLAIM_COLUMNS = ("article_id", "subject", "relation", "object", "benchmark", "metric", "value", "claimed_by",
                 "hedged", "quote", "sentence", "start", "end", "recognizer")
TABLES = {
    "articles.csv": ARTICLE_COLUMNS,
    "models.csv": MODEL_COLUMNS,
    "facts.csv": FACT_COLUMNS,
    "claims.csv": CLAIM_COLUMNS,
    "extra_facts.csv": FACT_COLUMNS,
}


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def render(columns: Sequence[str], rows: Iterable[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([cell(row.get(c)) for c in columns])
    return buf.getvalue()


def atomic_write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def as_row(record) -> dict:
    return asdict(record)
