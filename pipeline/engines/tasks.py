"""The work a run hands to its workers: pure functions of their arguments, importable anywhere
the ``pipeline`` package is installed (a pool process on this machine, a Dask worker elsewhere).

* :func:`read_files`: the bytes of corpus files (read and hashed by the run) -> their articles.
  The worker never opens the corpus: ingest parses the bytes it is given, under a stand-in file
  of the same name in a private temporary folder (ingest looks at a path only for its name, and
  to check that it is a regular file, which the run has already done).
* :func:`extract_articles`: articles -> their extractions, encoded as the state database stores
  them (JSON rows), so the run only inserts them.
* :func:`read_and_extract`: both at once, for files read by the workers (what a run mostly does).
* :func:`read_only`: the result shape of :func:`read_and_extract` without the extraction, for a
  file whose chunk was lost with a worker that died: read alone, extracted later (alone if need be).
* :func:`canary`: known-good work (the warm-up files, read and extracted), run after a worker died
  to tell a failing run from an article that kills its worker (:mod:`pipeline.engines.deaths`).

Both return the worker's rules version with the result: the run refuses results computed by
other rules (another installed version on a Dask worker, or ``pipeline/`` edited while a run was
starting its workers), which would otherwise be cached as if they were its own.

A worker loads the Extractor once: :func:`init_worker` (the pool initializer, or the Dask worker
plugin) builds it before the first task, with everything ingest loads lazily (:func:`warm_up`);
:func:`extractor` returns it afterwards.
"""
from __future__ import annotations

import json
import os
import signal
import tempfile
import threading
import time
from pathlib import Path
from typing import Optional, Sequence

from pipeline import fingerprint
from pipeline.batch import default_extractor, extract_one
from pipeline.batch import failed as batch_failed
from pipeline.records import Article, Extraction
from pipeline.state import Encoded, encode_extraction

RUN_POLL_SECONDS = 0.5

_lock = threading.Lock()


def extractor():
    """This process's Extractor, built on first use (thread-safe: a Dask worker may have threads)."""
    with _lock:
        return default_extractor()


def init_worker(run_pid: Optional[int] = None) -> None:
    """Get a worker ready: with ``run_pid`` (a pool process), exit when that run is gone and leave
    Ctrl-C to it; then load the Extractor (at once when inherited from the fork server)."""
    if run_pid is not None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the run stops its workers itself
        threading.Thread(target=_exit_with_run, args=(run_pid, _started(run_pid)), name="exit-with-run",
                         daemon=True).start()
    warm_up()


def ready() -> int:
    """A task that does nothing: its result says that a worker is up (and which)."""
    return os.getpid()


def _exit_with_run(pid: int, started: Optional[str]) -> None:
    """A run killed with SIGKILL cannot stop its workers: they watch it and exit when it is gone.
    (Not their parent: a fork server's child; the fork server itself waits for them to exit.)"""
    while _alive(pid, started):
        time.sleep(RUN_POLL_SECONDS)
    os._exit(1)


def _started(pid: int) -> Optional[str]:
    """The process's start time (Linux), which tells it from a later process given the same pid."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            stat = f.read()
        return stat[stat.rindex(b")") + 2:].split()[19].decode()
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int, started: Optional[str]) -> bool:
    if started is not None:
        return _started(pid) == started
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_files(items: Sequence[tuple[str, str, bytes]], *, timeout: Optional[float] = None
               ) -> tuple[str, list[list[Article]]]:
    """``(name, source, data)`` of regular files -> (rules version, the articles of each file).
    ``timeout``: seconds per file's reading (:func:`pipeline.ingest.read_file`)."""
    from pipeline.ingest import read_file

    out = []
    with tempfile.TemporaryDirectory(prefix="pipeline-read-") as folder:
        for name, source, data in items:
            stand_in = Path(folder) / name
            stand_in.touch()
            try:
                out.append(read_file(stand_in, source=source, data=data, timeout=timeout))
            finally:
                stand_in.unlink()
    return fingerprint.rules_version(), out


# One small file per format, with a date and mojibake: reading them imports and warms up what
# ingest loads lazily (trafilatura, lxml, ftfy, the date parser). Their text is plainly French by
# its function words, so the language model (0.5 s to load, needed for about 1 article in 10 000)
# is not loaded here: a worker that meets such an article loads it then.
_WARM_UP_TEXT = ("Le modèle de Mistral AI compte sept milliards de paramètres, selon la start-up parisienne : il "
                 "est disponible dans une version ouverte avec ses poids, pour les entreprises comme pour les "
                 "chercheurs.")
_WARM_UP = {
    "warm-up.txt": ("---\ntitle: Mistral 7B\ndate: 3 mars 2025\n---\nMistral 7B\n\n"  # with mojibake
                    + _WARM_UP_TEXT.replace("modèle", "modÃ¨le") + "\n").encode("utf-8"),
    "warm-up.md": f"# Mistral 7B\n\n*Publié le 3 mars 2025*\n\n{_WARM_UP_TEXT}\n".encode("utf-8"),
    "warm-up.html": ("<html><head><title>Mistral 7B</title><meta name='author' content='A. B.'>"
                     "<meta property='article:published_time' content='2025-03-03'></head><body><article>"
                     f"<h1>Mistral 7B</h1><p>{_WARM_UP_TEXT}</p></article></body></html>").encode("utf-8"),
    "warm-up.jsonl": (json.dumps({"title": "Mistral 7B", "date": "3 mars 2025", "text": _WARM_UP_TEXT}, ensure_ascii=False)
                      + "\n").encode("utf-8"),
}


def warm_up() -> None:
    """Load everything a worker needs before its first task (in the fork server, for all workers)."""
    read_files([(name, name, data) for name, data in _WARM_UP.items()])
    extractor()  # last: it freezes what is loaded by then out of the garbage collector's sight


def read_and_extract(items: Sequence[tuple[str, str, bytes]], *, timeout: Optional[float] = None
                     ) -> tuple[str, list[tuple[list[Article], list[Optional[Encoded]]]]]:
    """``(name, source, data)`` of regular files -> (rules version, per file: its articles and, for
    each, its encoded extraction, or None when it is not ``ok`` or repeats a text of the chunk).
    ``timeout``: seconds per file's reading and per article's extraction
    (:func:`pipeline.batch.extract_one`).

    One round trip per file instead of two (its text comes back once, and extraction starts as
    soon as a file is read); the run stores an extraction only where it has none yet."""
    rules, readings = read_files(items, timeout=timeout)
    x = extractor()
    out = []
    seen: set[str] = set()
    for articles in readings:
        encoded: list[Optional[Encoded]] = []
        for article in articles:
            first = article.status == "ok" and article.article_id not in seen
            seen.add(article.article_id)
            encoded.append(encode(article, extract_one(article, x, timeout=timeout)) if first else None)
        out.append((articles, encoded))
    return rules, out


def read_only(items: Sequence[tuple[str, str, bytes]], *, timeout: Optional[float] = None
              ) -> tuple[str, list[tuple[list[Article], Optional[list[Optional[Encoded]]]]]]:
    """As :func:`read_and_extract`, the articles not extracted (None for each file's extractions)."""
    rules, readings = read_files(items, timeout=timeout)
    return rules, [(articles, None) for articles in readings]


def canary(_=None) -> str:
    """Read and extract the warm-up files (known-good work); the rules version."""
    rules, readings = read_files([(name, name, data) for name, data in _WARM_UP.items()])
    extract_articles([article for articles in readings for article in articles])
    return rules


def extract_articles(articles: Sequence[Article], *, timeout: Optional[float] = None) -> tuple[str, list[Encoded]]:
    """Articles -> (rules version, their encoded extractions, in the same order)."""
    x = extractor()
    return fingerprint.rules_version(), [encode(article, extract_one(article, x, timeout=timeout))
                                         for article in articles]


def encode(article: Article, extraction: Extraction) -> Encoded:
    """The stored form of an extraction; an extraction whose rows cannot be encoded becomes an
    ``error`` article (the same answer wherever it runs)."""
    try:
        return encode_extraction(extraction)
    except (UnicodeError, ValueError) as exc:
        return failed(article, exc)


def failed(article: Article, exc: Exception) -> Encoded:
    return encode_extraction(batch_failed(article, f"extraction failed: {type(exc).__name__}: {exc}"))


def killed(article: Article, how: str) -> Encoded:
    """The stored form of an article whose extraction killed its worker, alone, ``how``."""
    return encode_extraction(batch_failed(article, f"extraction killed its worker ({how})"))
