"""File formats: each module turns decoded text into :class:`Record` s.

A reader is a function ``read(text: str) -> list[Record]``: one record for an article file,
one per line for JSONL. A record holds either a parsed :class:`Document` or the reason there is
none (status "skipped" or "error"); it never raises for bad content.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from pathlib import PurePath
from typing import Callable, Optional


@dataclass(frozen=True)
class Document:
    """What a format reader found in one article."""

    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None  # ISO date
    repaired: bool = False  # the reader repaired mojibake inside the record (JSONL fields)


@dataclass(frozen=True)
class Record:
    """One article-to-be inside a file: a document, or why there is none."""

    document: Optional[Document] = None
    status: str = "ok"  # ok | skipped | error
    reason: str = ""
    part: str = ""  # suffix of the source: "#3" for line 3 of a JSONL file

    @classmethod
    def problem(cls, status: str, reason: str, *, part: str = "", document: Optional[Document] = None) -> "Record":
        return cls(document=document, status=status, reason=reason, part=part)


# extension -> format name, which is also the name of its reader's module. A reader's module is
# imported when a file of its format is first read: a run with nothing to read (a cron run where
# nothing changed) imports none of them (the HTML one brings lxml and trafilatura).
FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
}


def format_of(path: PurePath) -> Optional[str]:
    """The format name for a file name, or None when the extension is not supported."""
    return FORMATS.get(path.suffix.lower())


def read_text(path: PurePath, text: str) -> list[Record]:
    """Parse decoded ``text`` with the reader for ``path``'s extension (which must be supported)."""
    return reader(FORMATS[path.suffix.lower()])(text)


@lru_cache(maxsize=None)
def reader(fmt: str) -> Callable[[str], "list[Record]"]:
    """The ``read`` function of a format's module in this package."""
    return import_module(f"{__name__}.{fmt}").read
