"""Fingerprints: what a run's result depends on, as short strings compared between runs.

* ``rules_version()``: every source file of the ``pipeline`` package and every lexicon YAML file,
  plus the versions of Python and of the libraries that shape the text (spaCy, ftfy, trafilatura,
  ...), but not the review stage's (catalog, report.html: ``review_version()``, which only
  rebuilds them). When it changes, every article is read and extracted again.
* ``probe(entry)``: the fingerprint of one corpus entry: ``sha256:<hex>`` of the file's bytes, or,
  when ingest's answer does not depend on the bytes, that answer's cause (``unsupported``,
  ``too-large:<size>``, ``broken-link:...``). Regular files are read once, bounded by
  ``MAX_BYTES``; the bytes are handed to ingest so that it parses what was hashed.
* ``signature(entry)``: device, inode, size, mtime and ctime: when unchanged since the file was
  hashed, its hash is reused without reading it. Files touched in the last few seconds get no
  signature (their timestamps may not have ticked yet since the last write), so they are hashed.
"""
from __future__ import annotations

import hashlib
import os
import stat
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Optional

from pipeline.ingest import MAX_BYTES
from pipeline.ingest.discover import FILE, OUTSIDE_REASON, Entry, OutsideCorpus, open_entry
from pipeline.ingest.formats import format_of

PACKAGE_DIR = Path(__file__).resolve().parent
RULE_SUFFIXES = (".py", ".yaml", ".yml")
PRESENTATION = ("catalog", "report", "review.py")  # built from the CSVs: no part of what is extracted
# Libraries whose version can change what is read or extracted from the same bytes.
LIBRARIES = ("spacy", "ftfy", "trafilatura", "lxml", "lxml-html-clean", "py3langid", "dateparser", "text2num",
             "PyYAML")
UNREADABLE = "unreadable:"  # a fingerprint that is never trusted: the file is read again next run
RACY_SECONDS = 2.0


@dataclass(frozen=True)
class Probe:
    fingerprint: str
    data: Optional[bytes] = None  # the bytes that were hashed (regular, readable, not too large files)

    @property
    def volatile(self) -> bool:
        """A read error: not a property of the content, so never reused."""
        return self.fingerprint.startswith(UNREADABLE)


@lru_cache(maxsize=None)
def rules_version(package_dir: Path = PACKAGE_DIR) -> str:
    """16 hex digits identifying the rules, lexicons and libraries (computed once per process).
    The review stage (``PRESENTATION``: the catalog and report.html, built from the CSVs) is not
    part of it: changing how the page looks does not extract the corpus again."""
    h = hashlib.sha256()
    for path in _sources(package_dir, presentation=False):
        h.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    h.update(f"python {sys.version_info.major}.{sys.version_info.minor}\0".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        h.update(f"{name} {version}\0".encode())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def review_version(package_dir: Path = PACKAGE_DIR) -> str:
    """16 hex digits identifying the review stage's sources (``PRESENTATION``)."""
    h = hashlib.sha256()
    for path in _sources(package_dir, presentation=True):
        h.update(path.relative_to(package_dir).as_posix().encode() + b"\0")
        h.update(path.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def _sources(package_dir: Path, *, presentation: bool) -> list[Path]:
    """The package's source files, sorted: those of the review stage, or all the others."""
    out = []
    for path in sorted(package_dir.rglob("*")):
        if path.suffix in RULE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            first = path.relative_to(package_dir).parts[0]
            if (first in PRESENTATION) == presentation:
                out.append(path)
    return out


def probe(entry: Entry) -> Probe:
    """The fingerprint of ``entry``, and its bytes when they were read."""
    if entry.kind != FILE:
        return Probe(f"{entry.kind}:{entry.detail}")
    if format_of(entry.path) is None:
        return Probe("unsupported")
    try:
        fd = open_entry(entry)  # a FIFO does not block the run; checked inside the corpus once open
    except OutsideCorpus:  # swapped for a link since discovery: read again (and refused) next time
        return Probe(f"{UNREADABLE}{OUTSIDE_REASON}")
    except OSError as exc:
        return Probe(f"{UNREADABLE}{exc.strerror or exc}")
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return Probe("special")
            if st.st_size > MAX_BYTES:
                return Probe(f"too-large:{st.st_size}")
            data = f.read(MAX_BYTES + 1)
        except OSError as exc:
            return Probe(f"{UNREADABLE}{exc.strerror or exc}")
    if len(data) > MAX_BYTES:  # grew while we looked
        return Probe(f"{UNREADABLE}file grew while read")
    return Probe("sha256:" + hashlib.sha256(data).hexdigest(), data)


def signature(entry: Entry, *, now: Optional[float] = None) -> Optional[str]:
    """A stat signature of a regular file old enough to trust, else None."""
    if entry.kind != FILE or format_of(entry.path) is None:
        return None
    try:
        st = os.stat(entry.path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    now_ns = int((time.time() if now is None else now) * 1e9)
    if max(st.st_mtime_ns, st.st_ctime_ns) > now_ns - int(RACY_SECONDS * 1e9):
        return None
    return f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}"
