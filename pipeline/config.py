"""The one typed configuration a run is built from (the CLI fills it; the library reads it).

Besides the CSVs and ``texts/``, a run keeps three files in the output folder: the state database
(``state.sqlite``, unless ``state`` names another file), the lock (``run.lock``) and the run log
(``runs.jsonl``); and while it works in its own process, the record of what it has in hand
(``run.working``, :mod:`pipeline.engines.in_hand`).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

STATE_FILE = "state.sqlite"
LOCK_FILE = "run.lock"
RUN_LOG = "runs.jsonl"
ENGINES = ("local", "dask")
ARTICLE_TIMEOUT = 60.0  # seconds an article's extraction, or a file's reading, may take (--article-timeout)


class ConfigError(ValueError):
    """The configuration cannot work: missing corpus, output path that is a file, foreign state file, ..."""


@dataclass(frozen=True)
class Config:
    corpus: Path = Path("corpus")
    out: Path = Path("outputs")
    quiet: bool = False
    progress: bool = False  # a progress bar, only when stderr is a terminal
    full: bool = False  # redo every article, whatever the state database remembers
    state: Optional[Path] = None  # the state database; None: <out>/state.sqlite
    workers: int = 1  # worker processes for reading and extraction (1: the run's own process only)
    engine: str = "local"  # local (a process pool on this machine) | dask (a Dask cluster)
    scheduler: Optional[str] = None  # dask: address of an existing scheduler; None: a local cluster
    process_start: Optional[float] = None  # time.perf_counter() at process start (the CLI's); None: run start
    article_timeout: Optional[float] = ARTICLE_TIMEOUT  # seconds per article's extraction and per file's reading; None: no limit
    follow_symlinks: bool = False  # follow symlinks wherever they point (default: not outside the corpus)
    report: bool = True  # rebuild the catalog CSVs and report.html at the end of a run (pipeline.review)

    @property
    def state_file(self) -> Path:
        return Path(self.state) if self.state is not None else Path(self.out) / STATE_FILE

    @property
    def lock_file(self) -> Path:
        return Path(self.out) / LOCK_FILE

    @property
    def run_log(self) -> Path:
        return Path(self.out) / RUN_LOG

    def check(self) -> None:
        """Raise :class:`ConfigError` when a run with this configuration cannot work. Writes nothing."""
        corpus, out = Path(self.corpus), Path(self.out)
        if not isinstance(self.workers, int) or self.workers < 1:
            raise ConfigError(f"--workers must be a whole number, at least 1 (got {self.workers!r})")
        if self.article_timeout is not None and not (isinstance(self.article_timeout, (int, float))
                                                     and 0 < self.article_timeout < float("inf")):
            raise ConfigError(f"--article-timeout must be a positive number of seconds (got {self.article_timeout!r})")
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown engine {self.engine!r} (choose from {', '.join(ENGINES)})")
        if self.scheduler is not None and self.engine != "dask":
            raise ConfigError("--scheduler goes with --engine dask")
        if not corpus.is_dir():
            raise ConfigError(f"corpus folder not found: {corpus}")
        if out.exists() and not out.is_dir():
            raise ConfigError(f"output path is not a folder: {out}")
        if self.state_file.exists() and not self.state_file.is_file():
            raise ConfigError(f"state path is not a file: {self.state_file}")
        real_corpus = corpus.resolve()
        for path, what in ((out, "output folder"), (self.state_file, "state file")):
            if _visible_inside(path.resolve(), real_corpus):
                raise ConfigError(f"the {what} must not be inside the corpus folder: {path}")


def _visible_inside(path: Path, folder: Path) -> bool:
    """``path`` is ``folder`` or under it, and not under a hidden folder (which discovery ignores)."""
    if os.path.commonpath([path, folder]) != str(folder):
        return False
    return not any(part.startswith(".") for part in path.relative_to(folder).parts)
