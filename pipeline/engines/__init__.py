"""Engines: where a run's reading and extraction tasks execute.

A run does its own bookkeeping (discovery, hashing, the state database, the CSVs) and hands the
pure work, in chunks, to an engine:

* no engine: in the run's own process (``--workers 1``, or too little work to repay starting
  workers);
* ``local``: a pool of worker processes on this machine (:mod:`pipeline.engines.local`);
* ``dask``: a Dask distributed cluster, started on this machine or reached at ``--scheduler``
  (:mod:`pipeline.engines.dask_cluster`, imported only then).

Every engine runs the functions of :mod:`pipeline.engines.tasks` and has the same interface,
:meth:`Engine.map`: chunks go out with a bounded number in flight (memory stays flat however
large the corpus), results come back as they finish, and the run stores them with the same code
whatever the engine.

A worker that dies in the middle of a chunk does not fail the run: :meth:`Engine.map` runs the
chunks it lost again one piece at a time (:mod:`pipeline.engines.deaths`).
"""
from __future__ import annotations

import threading
from typing import Callable, Iterable, Iterator, Optional, TypeVar

from pipeline.config import Config, ConfigError
from pipeline.engines.deaths import Killed, WorkersFailing

T = TypeVar("T")

# Below this many files to read or articles to extract, a local run does the work itself: the
# workers are ready ~2.5 s after they are asked for (the fork server loads spaCy, the lexicons and
# the ingest libraries), which repays itself from about 120 articles on 2 cores (measured: 64
# articles 2.4 s alone, 3.6-4.0 s with 2 workers; 150 articles 3.8-4.2 s alone, 3.5 s with 2).
PARALLEL_MIN = 128
IN_FLIGHT_PER_WORKER = 2  # chunks submitted per worker: one running, one queued


class EngineError(ConfigError):
    """The engine cannot do this run's work as configured (Dask missing, scheduler unreachable,
    workers on other rules)."""


class Engine:
    """Runs task functions on chunks; subclasses provide ``_submit``, ``_first_done``, ``close``."""

    name = "engine"
    workers = 1  # how many tasks run at once
    deaths = 0  # workers that died while working (each one the engine recovered from)

    def map(self, fn: Callable, chunks: Iterable[tuple[T, object]], *,
            alone: Optional[Callable[[T, object], Iterable[tuple[T, Callable, object]]]] = None
            ) -> Iterator[tuple[T, object]]:
        """``(tag, fn(payload))`` for every ``(tag, payload)`` of ``chunks``, in completion order.
        At most ``window`` chunks are in flight; ``chunks`` is consumed only as results come back
        (it may be a generator reading the state database: it runs in this thread).

        A chunk lost with a worker that died is run again as the pieces ``alone(tag, payload)``
        gives (``(tag, fn, payload)`` each; without ``alone``, the chunk itself), one at a time with
        nothing else in flight: a piece that kills its worker again yields ``(tag, Killed(how))``.
        Raises :class:`WorkersFailing` when a fresh worker dies on known-good work."""
        self._wait_ready()
        in_flight: dict = {}
        for tag, payload in chunks:
            in_flight[self._submit(fn, payload)] = (tag, payload)
            while len(in_flight) >= self.window():
                yield from self._collect(in_flight, fn, alone)
        while in_flight:
            yield from self._collect(in_flight, fn, alone)

    def _collect(self, in_flight: dict, fn: Callable, alone) -> Iterator[tuple[object, object]]:
        lost: list = []
        yield from self._harvest(in_flight, lost)
        if not lost:
            return
        while in_flight:  # a local pool fails all it had; Dask's other chunks go on: wait for them
            yield from self._harvest(in_flight, lost)
        self._recover()
        for tag, payload in lost:
            for piece in (alone(tag, payload) if alone is not None else [(tag, fn, payload)]):
                yield self._run_alone(*piece)

    def _harvest(self, in_flight: dict, lost: list) -> Iterator[tuple[object, object]]:
        """Results of the chunks done (at least one); chunks lost with their worker go to ``lost``."""
        for future in self._first_done(list(in_flight)):
            tag, payload = in_flight.pop(future)
            if self._lost(future):
                lost.append((tag, payload))
            else:
                yield tag, future.result()

    def _run_alone(self, tag, fn: Callable, payload) -> tuple[object, object]:
        future = self._submit(fn, payload)
        self._wait(future)
        if not self._lost(future):
            return tag, future.result()
        return tag, Killed(self._recover())

    def _recover(self) -> str:
        """After a death: the engine usable again, and checked on known-good work; how the worker died."""
        from pipeline.engines import tasks

        self.deaths += 1
        how = self._replace()
        canary = self._submit(tasks.canary, None)
        self._wait(canary)
        if self._lost(canary):
            self.deaths += 1
            again = self._replace()
            raise WorkersFailing(f"a worker died ({how}), then a fresh one died too ({again}) on known-good "
                                 f"articles: the run itself is failing (memory? the installation?), not an article")
        canary.result()
        return how

    def _wait(self, future) -> None:
        """Wait for ``future``, the only one in flight."""
        while future not in self._first_done([future]):
            pass

    def _lost(self, future) -> bool:
        """Whether the chunk of ``future`` (done) was lost with a worker that died."""
        return False

    def _replace(self) -> str:
        """After a worker died: make the engine usable again; how the worker died."""
        raise NotImplementedError

    def ready(self) -> bool:
        """Whether the engine can take work now (it may start in the background)."""
        return True

    def _wait_ready(self) -> None:
        """Wait until the engine has started; raise if it could not."""

    def window(self) -> int:
        """Chunks in flight at most: enough to keep every worker busy, few enough to bound memory."""
        return max(2, IN_FLIGHT_PER_WORKER * self.workers)

    def _submit(self, fn: Callable, payload):
        raise NotImplementedError

    def _first_done(self, futures: list) -> list:
        """The futures of ``futures`` that are done, waiting until there is at least one."""
        raise NotImplementedError

    def close(self, *, abort: bool = False) -> None:
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.name}, {self.workers} workers"


class StartedInBackground(Engine):
    """An engine whose workers take a while to start: :meth:`_start` runs in a background thread
    (call :meth:`_start_in_background` at the end of ``__init__``), :meth:`ready` says when it has
    finished, and the first :meth:`map` waits for it and raises what it raised. The run reads files
    itself meanwhile. Subclasses provide ``_start`` and ``_stop``."""

    def _start_in_background(self) -> None:
        self._error: Optional[BaseException] = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._start_and_record, name=f"pipeline-{self.name}-start",
                                        daemon=True)
        self._thread.start()

    def _start_and_record(self) -> None:
        try:
            self._start()
        except BaseException as exc:  # noqa: BLE001 - raised in the run's thread by map()
            self._error = exc
        finally:
            self._started.set()

    def _start(self) -> None:
        raise NotImplementedError

    def ready(self) -> bool:
        return self._started.is_set()

    def _wait_ready(self) -> None:
        self._started.wait()
        if self._error is not None:
            raise self._start_failure(self._error)

    def _start_failure(self, exc: BaseException) -> BaseException:
        """What the run is told when the start failed."""
        return exc

    def close(self, *, abort: bool = False) -> None:
        self._thread.join()
        self._stop(abort=abort)

    def _stop(self, *, abort: bool) -> None:
        raise NotImplementedError


class Workers:
    """A run's engine, started on first need and stopped at the end of the run (or of the ``with``).

    ``for_work(n)`` returns the engine for ``n`` items of work, or None when the run should do
    them itself. ``apart()`` returns one worker process apart from that engine, for the work a
    previous run died on in its own process (:mod:`pipeline.engines.in_hand`)."""

    def __init__(self, config: Config):
        self.config = config
        self.engine: Optional[Engine] = None
        self._apart: Optional[Engine] = None
        self._closed = False

    def for_work(self, amount: int) -> Optional[Engine]:
        if self._closed:
            raise RuntimeError("the run's workers are closed")
        if self.engine is not None or amount <= 0:
            return self.engine
        config = self.config
        if config.engine == "local":
            if config.workers <= 1 or amount < PARALLEL_MIN:
                return None
            from pipeline.engines.local import LocalEngine

            self.engine = LocalEngine(config.workers)
        elif config.engine == "dask":
            from pipeline.engines.dask_cluster import DaskEngine

            self.engine = DaskEngine(scheduler=config.scheduler, workers=config.workers)
        else:
            raise ConfigError(f"unknown engine {config.engine!r}")
        return self.engine

    def apart(self) -> Engine:
        """A local engine of one worker process, started on first need: a piece of work that kills
        its worker there is an error of its own (:class:`Killed`), and the run goes on."""
        if self._closed:
            raise RuntimeError("the run's workers are closed")
        if self._apart is None:
            from pipeline.engines.local import LocalEngine

            self._apart = LocalEngine(1)
        return self._apart

    @property
    def used(self) -> tuple[str, int]:
        """(engine name, tasks at once) for the run log: ("local", 1) when the run did the work itself."""
        return (self.engine.name, self.engine.workers) if self.engine is not None else (self.config.engine, 1)

    @property
    def deaths(self) -> int:
        """Workers that died during the run (:mod:`pipeline.engines.deaths`)."""
        return sum(engine.deaths for engine in (self.engine, self._apart) if engine is not None)

    def close(self, *, abort: bool = False) -> None:
        """Stop the engines' workers (at once with ``abort``); they are not used again."""
        if self._closed:
            return
        self._closed = True
        for engine in (self.engine, self._apart):
            if engine is not None:
                engine.close(abort=abort)

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(abort=exc_type is not None)
