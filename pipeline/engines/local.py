"""``--engine local``: a pool of worker processes on this machine.

The workers come from a *fork server*: a fresh interpreter, started with none of the run's open
files, that loads the Extractor once (:mod:`pipeline.engines.preload`) and forks each worker from
itself, so N workers cost one spaCy load, not N. They are not forked from the run: a worker
forked from the run would inherit its open files, among them the output folder's lock, and a run
killed with SIGKILL would leave workers holding the lock and blocking every later run.

Each worker ignores Ctrl-C (the run stops its workers), exits by itself within half a second when
the run is gone (killed with SIGKILL, say; the fork server exits once the run and its workers
have), and has the Extractor before its first task (the pool initializer loads it if the fork
server could not).

The pool starts in a background thread; :meth:`LocalEngine.ready` says when it can take work, so
that the run reads files itself meanwhile instead of waiting.

A worker that dies (killed by the out-of-memory killer, a crash in C code) breaks the pool: every
chunk in flight fails with ``BrokenProcessPool``. The engine then replaces the pool (new workers
from the same fork server: no new spaCy load) and :meth:`~pipeline.engines.Engine.map` finds the
culprit (:mod:`pipeline.engines.deaths`).
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.forkserver
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Optional

from pipeline.engines import StartedInBackground
from pipeline.engines import tasks
from pipeline.engines.deaths import how_it_died

PRELOAD = "pipeline.engines.preload"
PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds pipeline/


class LocalEngine(StartedInBackground):
    name = "local"

    def __init__(self, workers: int):
        self.workers = workers
        self._pool: Optional[ProcessPoolExecutor] = None
        self._owns_forkserver = False
        self._start_in_background()

    def _start(self) -> None:
        context = multiprocessing.get_context("forkserver")
        self._owns_forkserver = _start_forkserver(context)
        self._pool = self._new_pool()
        for future in [self._pool.submit(tasks.ready) for _ in range(self.workers)]:
            future.result()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                   initializer=tasks.init_worker, initargs=(os.getpid(),))

    def _start_failure(self, exc: BaseException) -> BaseException:
        failure = RuntimeError(f"the local workers did not start: {type(exc).__name__}: {exc}")
        failure.__cause__ = exc
        return failure

    def _submit(self, fn, payload):
        try:
            return self._pool.submit(fn, payload)
        except BrokenProcessPool as exc:  # a worker died since the last results: this chunk is lost too
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _first_done(self, futures: list) -> list:
        done, _ = wait(futures, return_when=FIRST_COMPLETED)
        return [f for f in futures if f in done]  # in submission order

    def _lost(self, future) -> bool:
        return isinstance(future.exception(), BrokenProcessPool)

    def _replace(self) -> str:
        """A broken pool out (its survivors are terminated), a new one in; how its worker died."""
        broken = self._pool
        processes = list((getattr(broken, "_processes", None) or {}).values())
        broken.shutdown(wait=True, cancel_futures=True)
        for process in processes:
            process.join(timeout=5)
        self._pool = self._new_pool()
        return how_it_died(process.exitcode for process in processes)

    def _stop(self, *, abort: bool) -> None:
        pool = self._pool
        if pool is not None:
            if abort:
                # The run failed or was interrupted: queued chunks are dropped, running ones are
                # not waited for (their results would not be stored anyway).
                processes = list((getattr(pool, "_processes", None) or {}).values())
                pool.shutdown(wait=False, cancel_futures=True)
                for process in processes:
                    if process.is_alive():
                        process.terminate()
                for process in processes:
                    process.join(timeout=5)
            else:
                pool.shutdown(wait=True)
        if self._owns_forkserver:  # its Extractor would stay in memory, and go stale, until the process ends
            stop = getattr(multiprocessing.forkserver._forkserver, "_stop", None)
            if stop is not None:
                stop()


def _start_forkserver(context) -> bool:
    """Start the fork server with the Extractor preloaded; False if one was running already (not
    ours to stop). Python 3.11's fork server ignores the run's ``sys.path``, so the folder that
    holds the package goes on its PYTHONPATH."""
    server = multiprocessing.forkserver._forkserver
    if getattr(server, "_forkserver_pid", None) is not None:
        return False
    context.set_forkserver_preload([PRELOAD])
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (PACKAGE_ROOT, saved) if p)
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved
    return True
