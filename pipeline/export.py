"""Rows -> CSV files: the one place that knows the column order and how values are written.

- Integers are plain digits (2000000000000), never scientific notation; floats use the shortest
  form that round-trips (70.6, 1417 for 1417.0); booleans are ``true`` / ``false``; None is empty.
- A text cell that a spreadsheet would run as a formula (it begins with ``=``, ``+``, ``-``, ``@``,
  tab or carriage return) gets a leading single quote: ``'=HYPERLINK(...)``. Numbers are never
  quoted (``-5`` stays a number). Undo with :func:`unprotect`.
- Files are written to a temporary file beside the target, fsynced, and renamed over it, so a
  reader never sees a half-written CSV. A run writes every table first (:func:`write_temporary`)
  and renames them together (:func:`publish`).
- Output is deterministic: rows are sorted by article, then by position in the text.
"""
from __future__ import annotations

import csv
import io
import os
import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence, TextIO

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
# The catalog across articles (pipeline/catalog), rebuilt from the tables above after each run.
NUMERIC_ATTRIBUTES = ("params_total", "params_active", "experts", "context_tokens", "training_tokens")
CATALOG_COLUMNS = ("model", "spellings", "family", "organization", "organization_source", *NUMERIC_ATTRIBUTES,
                   "n_articles", "first_published", "last_published", "conflicts", "sources")
CATALOG_FACT_COLUMNS = ("model", "attribute", "value", "best", "n_articles", "hedged_share", "first_published",
                        "article_ids")
CLAIMS_GRAPH_COLUMNS = ("subject", "relation", "object", "benchmark", "metric", "value", "n_articles", "n_claims",
                        "hedged_share", "claimed_by", "first_published", "article_ids")
CATALOG_TABLES = {
    "catalog.csv": CATALOG_COLUMNS,
    "catalog_facts.csv": CATALOG_FACT_COLUMNS,
    "claims_graph.csv": CLAIMS_GRAPH_COLUMNS,
}


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_TEMPORARY = re.compile(r"^\..+\.tmp$")  # ".facts.csv.k3j_x9.tmp", as made by mkstemp below


def cell(value) -> str:
    if type(value) is str:  # (most cells: asked first)
        return protect(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return protect(str(value))


def protect(text: str) -> str:
    """A text a spreadsheet would run as a formula, with a single quote before it."""
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def unprotect(text: str) -> str:
    """The text :func:`protect` was given: one leading quote removed before a formula character."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES) else text


def cells(columns: Sequence[str], row: Mapping) -> list[str]:
    """One CSV row as text cells, in column order."""
    return [cell(row.get(c)) for c in columns]


def render(columns: Sequence[str], rows: Iterable[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for row in rows:
        w.writerow(cells(columns, row))
    return buf.getvalue()


def write_temporary(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Path:
    """Stream a CSV (header, then rows of ready cells) into a fsynced temporary file beside ``path``.

    Returns the temporary file, for :func:`publish`; removes it if writing fails.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(columns)
            w.writerows(rows)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644 & ~_UMASK)
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def publish(renames: Iterable[tuple[Path, Path]]) -> None:
    """Rename each temporary file over its target, then fsync the folders so the renames last."""
    folders = set()
    for tmp, path in renames:
        os.replace(tmp, path)
        folders.add(path.parent)
    for folder in folders:
        fsync_folder(folder)


def fsync_folder(folder: Path) -> None:
    fsync_file(folder)


def fsync_file(path: Path) -> None:
    """Flush a file (or a folder's entries) to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_temporaries(folder: Path) -> int:
    """Delete the temporary files a killed run left in ``folder``; how many there were."""
    removed = 0
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return 0
    for name in names:
        if _TEMPORARY.match(name) and (folder / name).is_file():
            (folder / name).unlink(missing_ok=True)
            removed += 1
    return removed


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once: os.umask is process-wide


def atomic_write(path: Path, content: str) -> None:
    tmp = write_text_temporary(path, content)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text_temporary(path: Path, content: str, *, sync: bool = True) -> Path:
    """``content`` in a temporary file beside ``path`` (for :func:`publish`), fsynced unless
    ``sync`` is false (the caller fsyncs it later: :func:`fsync_file`); removed if writing fails."""
    return stream_text_temporary(path, lambda f: f.write(content), sync=sync)


def stream_text_temporary(path: Path, write: Callable[[TextIO], object], *, sync: bool = True) -> Path:
    """A fsynced temporary file beside ``path`` (for :func:`publish`) holding what ``write`` wrote
    to the text file it is given (UTF-8, newlines as written), a piece at a time: the content is
    never held whole. Removed if ``write`` or writing fails. ``sync=False``: not fsynced yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            write(f)
            f.flush()
            if sync:
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644 & ~_UMASK)
    except BaseException:
        os.unlink(tmp)
        raise
    return Path(tmp)


def as_row(record) -> dict:
    return asdict(record)
