"""Corpus discovery: every entry of a folder tree, in a stable order; and opening a corpus file
without leaving the corpus.

Hidden entries (a name starting with '.') are ignored, files and folders alike. Broken symlinks,
loops of symlinks and special files (FIFOs, sockets, devices) are reported. The order is the
sorted relative POSIX path, whatever order the file system lists entries in.

Symlinks. By default reads stay inside the corpus: a symlink (to a file or to a folder) whose
target resolves outside the corpus folder is reported, not followed (``skipped``, « symlink
outside the corpus »); a symlink to a file inside the corpus is read; a symlink to a folder inside
the corpus is reported, not followed (its files are in the corpus already). With
``follow_symlinks`` every link is followed wherever it points, folders included; a folder is
walked once (a second link to it, or a link back to a folder being walked, is reported as a
loop), so a farm of links neither loops nor multiplies.

Time of check, time of use: a file may be swapped for a symlink between discovery and reading.
:func:`open_entry` therefore checks, after opening, where the opened file really is (its
``/proc/self/fd`` link, or its device and inode against the resolved path where there is no
``/proc``) and refuses a file outside the corpus: what is read is what was checked.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

FILE = "file"
BROKEN_LINK = "broken-link"
DIRECTORY_LINK = "directory-link"
OUTSIDE_LINK = "outside-link"
SPECIAL = "special"
UNREADABLE_DIRECTORY = "unreadable-directory"
SKIPPED_KINDS = (DIRECTORY_LINK, OUTSIDE_LINK)  # reported as ``skipped``; the other problems as ``error``

OUTSIDE_REASON = "symlink outside the corpus"


class OutsideCorpus(OSError):
    """The file opened for a corpus entry is not inside the corpus (a link swapped in after discovery)."""

    def __init__(self) -> None:
        super().__init__(errno.EXDEV, OUTSIDE_REASON)


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry of the corpus. The run holds one per corpus file, so it is kept small: its
    location is a string (a ``Path`` object per file cost 0.4 KB more: 40 MB at 100 000 files)."""

    location: str  # where it is on this machine
    source: str  # relative POSIX path
    kind: str = FILE  # one of the constants above
    detail: str = ""
    root: str = ""  # the corpus's real path, which reads must stay inside ("": anywhere; one string shared by all)

    @property
    def path(self) -> Path:
        return Path(self.location)


def discover(corpus: Path, *, follow_symlinks: bool = False) -> list[Entry]:
    """All non-hidden entries under ``corpus`` that are not plain directories, sorted by source."""
    if not corpus.is_dir():
        raise NotADirectoryError(f"corpus is not a directory: {corpus}")
    root = os.path.realpath(corpus)
    walk = _Walk(root, follow_symlinks)
    return sorted(walk.folder(corpus, prefix=""), key=lambda entry: entry.source)


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def display_name(name: str) -> str:
    """A file name as text: undecodable bytes (a latin-1 name on a UTF-8 system) escaped."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def inside(path: str, root: str) -> bool:
    """Whether the real path ``path`` is ``root`` or under it."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def open_entry(entry: Entry, flags: int = os.O_RDONLY | os.O_NONBLOCK) -> int:
    """A file descriptor on the entry's file (a FIFO does not block), checked to be inside the
    corpus after it was opened when the entry is confined; raises :class:`OutsideCorpus` (closing
    it) otherwise, or the ``OSError`` of opening."""
    fd = os.open(entry.location, flags)
    if entry.root and not _opened_inside(fd, entry.location, entry.root):
        os.close(fd)
        raise OutsideCorpus()
    return fd


def _opened_inside(fd: int, location: str, root: str) -> bool:
    try:
        opened = os.readlink(f"/proc/self/fd/{fd}")  # Linux: the path of what was opened
    except OSError:
        opened = None
    if opened is not None and opened.startswith(os.sep):
        return inside(opened.removesuffix(" (deleted)"), root)
    real = os.path.realpath(location)  # elsewhere: the resolved path, and the same file
    try:
        st, now = os.fstat(fd), os.stat(real)
    except OSError:
        return False
    return inside(real, root) and (st.st_dev, st.st_ino) == (now.st_dev, now.st_ino)


class _Walk:
    """One walk of a corpus: its real root, whether links are followed, the folders walked."""

    def __init__(self, root: str, follow_symlinks: bool):
        self.root, self.follow = root, follow_symlinks
        self.confine = "" if follow_symlinks else root
        self.walked: set[tuple[int, int]] = set()  # (device, inode) of folders walked (following links)

    def folder(self, folder: Path, *, prefix: str) -> Iterator[Entry]:
        try:
            with os.scandir(folder) as scanner:
                entries = sorted(scanner, key=lambda e: e.name)  # the same walk whatever the file system's order
            if self.follow:
                st = os.stat(folder)
                self.walked.add((st.st_dev, st.st_ino))
        except OSError as exc:
            yield Entry(str(folder), prefix.rstrip("/") or ".", UNREADABLE_DIRECTORY,
                        f"unreadable directory: {exc.strerror or exc}")
            return
        for entry in entries:
            if is_hidden(entry.name):
                continue
            source = prefix + display_name(entry.name)
            location = entry.path
            try:
                if entry.is_symlink():
                    yield from self.link(location, source)
                elif entry.is_dir(follow_symlinks=False):
                    yield from self.folder(Path(location), prefix=source + "/")
                elif entry.is_file(follow_symlinks=False):
                    yield Entry(location, source, root=self.confine)
                else:
                    yield Entry(location, source, SPECIAL, "not a regular file")
            except OSError as exc:
                yield Entry(location, source, SPECIAL, exc.strerror or str(exc))

    def link(self, location: str, source: str) -> Iterator[Entry]:
        try:
            st = os.stat(location)  # follows the link
        except OSError as exc:
            yield Entry(location, source, BROKEN_LINK, _LINK_FAILURES.get(exc.errno, f"broken symlink: {exc.strerror}"))
            return
        if not self.follow and not inside(os.path.realpath(location), self.root):
            yield Entry(location, source, OUTSIDE_LINK, OUTSIDE_REASON)
        elif stat.S_ISDIR(st.st_mode):
            if not self.follow:
                yield Entry(location, source, DIRECTORY_LINK, "symlink to a directory (not followed)")
            elif (st.st_dev, st.st_ino) in self.walked:
                yield Entry(location, source, DIRECTORY_LINK, "symlink to a directory already read (not followed)")
            else:
                yield from self.folder(Path(location), prefix=source + "/")
        elif not stat.S_ISREG(st.st_mode):
            yield Entry(location, source, SPECIAL, "not a regular file")
        else:
            yield Entry(location, source, root=self.confine)


_LINK_FAILURES = {  # errno of following a symlink -> the reason reported
    errno.ENOENT: "broken symlink",  # its target does not exist
    errno.ENOTDIR: "broken symlink",  # a file where its target's path needs a folder
    errno.ELOOP: "symlink loop",  # links that lead back to each other
}
