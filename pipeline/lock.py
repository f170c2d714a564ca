"""One run at a time per output folder: an exclusive ``flock`` on ``<out>/run.lock``.

The kernel releases the lock when the holding process ends, however it ends (``kill -9``
included), so a lock left by a killed run never blocks the next one. The file itself stays (an
unlocked file means "no run is working"); it must not be deleted while a run works, since a
run started after the deletion would lock a new file and not see the first run.

A run that finds the lock taken raises :class:`Busy` before it has written anything. The lock
file holds the pid of the run that holds it, for the message. ``flock`` needs a local file system
(not NFS).
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional


class Busy(RuntimeError):
    """Another process holds the lock."""

    def __init__(self, path: Path, pid: Optional[int]):
        self.path, self.pid = path, pid
        holder = f" (pid {pid})" if pid else ""
        super().__init__(f"another run{holder} holds {path}")


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the lock on ``path`` (created if missing) for the ``with`` block, or raise :class:`Busy`."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(Path(path), _holder(fd)) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # releases the lock


def _holder(fd: int) -> Optional[int]:
    try:
        return int(os.pread(fd, 32, 0).decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
