"""Ingest stage: a corpus folder -> :class:`~pipeline.records.Article` records.

Every file yields at least one Article (one per line for JSONL), with status "ok", "skipped"
(not French, unsupported file type, empty file, no article body, ...) or "error" (unreadable,
binary, invalid JSON line, reading over its time budget, ...). Nothing raises for one bad file.

    read_corpus(corpus)          -> Iterator[Article], sorted by relative path
    read_entry(entry)            -> list[Article], for one entry of ``discover(corpus)``
    read_file(path, source=...)  -> list[Article]

``read_entry`` and ``read_file`` accept the file's bytes (``data=``) when the caller has already
read them (the incremental run hashes them first), so that a file is read once, and a time budget
(``timeout=`` seconds, :mod:`pipeline.deadline`): a file whose reading (decoding, parsing its
format, telling its language) runs over it gives one article in error, « reading took over N s ».
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Iterator, Optional

from pipeline.deadline import TimeUp, time_limit
from pipeline.lexicons import LexiconError
from pipeline.records import Article

from . import formats
from .decode import MOJIBAKE_SUFFIX, BinaryContent, declared_encoding, decode_bytes
from .discover import FILE, OUTSIDE_REASON, SKIPPED_KINDS, Entry, OutsideCorpus, discover, open_entry
from .formats import Document, Record
from .language import detect_language, is_french

__all__ = ["article_id", "discover", "read_corpus", "read_entry", "read_file"]

MAX_BYTES = 50 * 1024 * 1024  # a bigger file is not a news article


def read_corpus(corpus: Path) -> Iterator[Article]:
    """Articles of every non-hidden file under ``corpus``, in sorted relative-path order.

    Raises ``NotADirectoryError`` when ``corpus`` is not a directory (nothing to ingest).
    """
    for entry in discover(Path(corpus)):
        yield from read_entry(entry)


def read_entry(entry: Entry, *, data: Optional[bytes] = None, timeout: Optional[float] = None) -> list[Article]:
    """The Article(s) of one discovered entry (a problem entry gives one skipped or error Article).
    A file confined to the corpus (``entry.root``) is read through
    :func:`~pipeline.ingest.discover.open_entry`, never by its path."""
    if entry.kind == FILE:
        if data is None and entry.root and formats.format_of(entry.path) is not None:
            data, problem = _read_inside(entry)
            if problem is not None:
                return [problem]
        return read_file(entry.path, source=entry.source, data=data, timeout=timeout)
    status = "skipped" if entry.kind in SKIPPED_KINDS else "error"
    return [_problem(entry.source, status, entry.detail)]


def _read_inside(entry: Entry) -> tuple[Optional[bytes], Optional[Article]]:
    """The bytes of a confined entry's file (at most ``MAX_BYTES`` + 1), or the Article that says
    why they were not read."""
    fmt, source = formats.format_of(entry.path), entry.source
    try:
        fd = open_entry(entry)
    except OutsideCorpus:
        return None, _problem(source, "skipped", OUTSIDE_REASON, fmt=fmt)
    except OSError as exc:
        return None, _problem(source, "error", f"unreadable: {exc.strerror or exc}", fmt=fmt)
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return None, _problem(source, "error", "not a regular file", fmt=fmt)
            if st.st_size > MAX_BYTES:
                return None, _problem(source, "skipped", f"file too large ({st.st_size} bytes)", fmt=fmt)
            return f.read(MAX_BYTES + 1), None
        except OSError as exc:
            return None, _problem(source, "error", f"unreadable: {exc.strerror or exc}", fmt=fmt)


def read_file(path: Path, *, source: str, data: Optional[bytes] = None,
              timeout: Optional[float] = None) -> list[Article]:
    """The Article(s) of one file; ``source`` is its path relative to the corpus; ``data`` its
    bytes when the caller has read them already; ``timeout`` the seconds its reading may take
    (None: no limit)."""
    try:
        with time_limit(timeout):
            return _read_file(Path(path), source=source, data=data)
    except TimeUp:
        return [_problem(source, "error", f"reading took over {timeout:g} s", fmt=formats.format_of(Path(path)))]
    except LexiconError:  # the installation is broken, not this file: the run stops
        raise
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        return [_problem(source, "error", f"internal error: {type(exc).__name__}: {exc}")]


def article_id(text: Optional[str], *, source: str) -> str:
    """First 16 hex digits of sha256(text); of sha256("source:" + source) when there is no text."""
    key = text if text else f"source:{source}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _read_file(path: Path, *, source: str, data: Optional[bytes]) -> list[Article]:
    if path.is_symlink() and not path.exists():
        return [_problem(source, "error", "broken symlink")]
    fmt = formats.format_of(path)
    if fmt is None:
        suffix = path.suffix.lower()
        reason = f"unsupported file type {suffix}" if suffix else "unsupported file type (no extension)"
        return [_problem(source, "skipped", reason)]
    if not path.is_file():
        return [_problem(source, "error", "not a regular file", fmt=fmt)]
    try:
        size = path.stat().st_size if data is None else len(data)
        if size > MAX_BYTES:  # refused before reading: memory stays bounded
            return [_problem(source, "skipped", f"file too large ({size} bytes)", fmt=fmt)]
        if data is None:
            data = path.read_bytes()
    except OSError as exc:
        return [_problem(source, "error", f"unreadable: {exc.strerror or exc}", fmt=fmt)]
    if not data.strip():
        return [_problem(source, "skipped", "empty file", fmt=fmt)]
    try:
        decoded = decode_bytes(data, declared=declared_encoding(data) if fmt == "html" else None)
    except BinaryContent:
        return [_problem(source, "error", "binary file", fmt=fmt)]
    if not decoded.text.strip():
        return [_problem(source, "skipped", "empty file", fmt=fmt, encoding=decoded.encoding)]
    records = formats.read_text(path, decoded.text)
    if not records:  # a JSONL file of blank lines
        return [_problem(source, "skipped", "empty file", fmt=fmt, encoding=decoded.encoding)]
    return [_article(record, source=source, fmt=fmt, encoding=decoded.encoding) for record in records]


def _article(record: Record, *, source: str, fmt: str, encoding: str) -> Article:
    """A parsed record -> Article, with the language check."""
    source = source + record.part
    document = record.document or Document(text="")
    if document.repaired and MOJIBAKE_SUFFIX not in encoding:
        encoding += MOJIBAKE_SUFFIX
    status, reason, language = record.status, record.reason, None
    if status == "ok" and not document.text.strip():
        status, reason = "skipped", "empty text"
    if status == "ok":
        language, _ = detect_language(document.text)
        if not is_french(language):
            status, reason = "skipped", f"language: {language} (not French)"
    return Article(
        article_id=article_id(document.text, source=source),
        source=source,
        text=document.text,
        title=document.title,
        url=document.url,
        author=document.author,
        published=document.published,
        language=language,
        status=status,
        reason=reason,
        encoding=encoding,
        format=fmt,
    )


def _problem(
    source: str, status: str, reason: str, *, fmt: Optional[str] = None, encoding: Optional[str] = None
) -> Article:
    return Article(
        article_id=article_id(None, source=source),
        source=source,
        status=status,
        reason=reason,
        encoding=encoding,
        format=fmt,
    )
