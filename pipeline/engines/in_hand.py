"""What a run has in hand in its own process, written down, so that what kills a run kills one run.

A run that reads or extracts in its own process (``--workers 1``, or too little work for workers)
dies with the file or article that kills its process (a crash in C code, the out-of-memory killer,
SIGKILL): no worker stands between them. Before each piece of such work (a file to read; a batch of
articles to extract: one file's, or up to 32) the run writes what it is (the file's source and
fingerprint; the articles' digests and sources) to ``OUT/run.working``, and takes it off once the
work is done: one ``pwrite`` and one ``ftruncate`` on a file kept open, no fsync (a process that is
killed leaves the page cache to the kernel; only a crash of the machine loses the record, and a
crash of the machine is not an article's doing).

A run that starts and finds a record there knows what the previous run had in hand when it died:
:class:`Suspects`. It does not do that work in its own process again, but in a worker process apart
(:meth:`pipeline.engines.Workers.apart`), where an article that kills again is an error of its own
(« extraction killed its worker (SIGKILL) », :mod:`pipeline.engines.deaths`) and an innocent one (a
run killed from outside, memory taken by another program) is simply done. The record of the dead
run is kept, ahead of the run's own, until the run has published its CSVs (its work is committed
then); a run that dies too leaves both for the next one.

The record is the run's alone: it is written only under the output folder's lock.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

WORKING_FILE = "run.working"


@dataclass(frozen=True)
class Suspects:
    """What dead runs had in hand: files whose reading, articles whose extraction, they were doing."""

    files: frozenset = frozenset()  # (source, fingerprint)
    articles: frozenset = frozenset()  # digests (the state's extraction keys)

    def __bool__(self) -> bool:
        return bool(self.files or self.articles)


def parse(data: bytes) -> Suspects:
    """The suspects of a record (JSON lines; a line that does not parse is ignored)."""
    files, articles = set(), set()
    for line in data.splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("read"), str) and isinstance(item.get("fingerprint"), str):
            files.add((item["read"], item["fingerprint"]))
        elif isinstance(item.get("extract"), str):
            articles.add(item["extract"])
    return Suspects(frozenset(files), frozenset(articles))


def reading_line(source: str, fingerprint: str) -> bytes:
    return (json.dumps({"read": source, "fingerprint": fingerprint}, ensure_ascii=False) + "\n").encode("utf-8",
                                                                                                     "surrogatepass")


def extracting_lines(items: Iterable[tuple[str, str]]) -> bytes:
    """``(digest, source)`` of the articles of a batch."""
    return "".join(json.dumps({"extract": key, "source": source}, ensure_ascii=False) + "\n"
                   for key, source in items).encode("utf-8", "surrogatepass")


class InHand:
    """The record of one run: ``with in_hand.holding(line): work()``; :meth:`close` at the end."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._found = self.path.read_bytes()
        except FileNotFoundError:
            self._found = b""
        left = self._found
        if left and not left.endswith(b"\n"):  # a line cut short: its own line still
            left += b"\n"
        self._left = left  # the dead runs' record, kept first until this run has published
        self.suspects = parse(left)
        self._fd: Optional[int] = None

    def holding(self, line: bytes) -> "InHand":
        """Write ``line`` down (taken off when the ``with`` block ends, however it ends)."""
        if self._fd is None:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            if self._left != self._found:
                os.pwrite(self._fd, self._left, 0)
        os.pwrite(self._fd, line, len(self._left))
        return self

    def __enter__(self) -> "InHand":
        return self

    def __exit__(self, *exc) -> None:
        os.ftruncate(self._fd, len(self._left))

    def close(self, *, published: bool) -> None:
        """End of the run: the record is removed once the run has published (what the dead runs had
        in hand is committed then), else kept for the next run."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        if published:
            self.path.unlink(missing_ok=True)
