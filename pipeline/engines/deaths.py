"""Workers that die in the middle of a task, and the article that killed them.

A worker process can die while it reads or extracts (the kernel's out-of-memory killer, a crash in
C code, ``os._exit``). The engines see it differently: a local pool fails every chunk it had in
flight (it cannot tell which one its dead worker was running) and is unusable afterwards; a Dask
cluster restarts the worker and runs the chunk elsewhere, until the chunk has killed
``allowed-failures`` + 1 workers, then fails it with ``KilledWorker``.

Either way :meth:`pipeline.engines.Engine.map` runs each lost chunk again piece by piece, one piece
at a time with nothing else in flight, so that a piece that kills its worker again is the culprit:
its result is :class:`Killed`, which the run records as an error of that file or article. After
every death the engine checks that a fresh worker can still do known-good work (the warm-up
articles, :func:`pipeline.engines.tasks.canary`); when it cannot, it is the run that is failing, not
an article: :class:`WorkersFailing` (exit 70).
"""
from __future__ import annotations

import signal
from dataclasses import dataclass
from typing import Iterable, Optional


@dataclass(frozen=True)
class Killed:
    """The result of a piece of work whose lone run killed its worker; ``how``: « SIGKILL »,
    « exit code 3 », « Dask KilledWorker »."""

    how: str


class WorkersFailing(RuntimeError):
    """Workers die even on known-good work: the run itself is failing (memory, the installation)."""


def how_it_died(exit_codes: Iterable[Optional[int]]) -> str:
    """How a pool's dead worker died, from its processes' exit codes once the pool has stopped:
    the pool terminates the survivors (SIGTERM) when one dies, so the dead one is the other code."""
    codes = [code for code in exit_codes if code is not None]
    culprits = [code for code in codes if code != -signal.SIGTERM] or codes
    return describe(culprits[0]) if culprits else "unknown cause"


def describe(exit_code: int) -> str:
    """« SIGKILL » for a process killed by a signal (negative code), « exit code N » otherwise."""
    if exit_code < 0:
        try:
            return signal.Signals(-exit_code).name
        except ValueError:
            return f"signal {-exit_code}"
    return f"exit code {exit_code}"
