"""``--engine dask``: the same tasks on a Dask distributed cluster (imported only for this engine).

Without a scheduler address, a :class:`distributed.LocalCluster` is started on this machine:
``workers`` worker processes with one thread each, listening on the loopback interface only, no
dashboard; it stops with the run. With ``--scheduler tcp://HOST:PORT`` the run connects to an
existing cluster (dask-jobqueue, dask-kubernetes, the Dask Helm chart, ``dask scheduler`` and
``dask worker`` by hand) and leaves it running. Its workers need this package and
``requirements.txt`` installed, at the same version as the run's: results computed with other
rules are refused (:class:`~pipeline.engines.EngineError`).

The cluster starts (or the client connects) in the background while the run reads files itself.
Each worker loads the Extractor once, when the run registers a worker plugin (a worker that joins
later loads it on joining). Chunks go out with ``client.submit`` (a bounded number in flight) and
come back as they finish.

A worker process that dies while running a chunk is restarted by its nanny, and Dask runs the
chunk again on another worker; a chunk that has killed ``distributed.scheduler.allowed-failures``
+ 1 workers (default 3 + 1) fails with ``KilledWorker``. The run then takes it as a chunk lost with
its worker (:mod:`pipeline.engines.deaths`): each of its files or articles runs again alone, and
one that gets ``KilledWorker`` alone is an error of its own, « ... killed its worker (Dask
KilledWorker) ». There is no pool to replace.
"""
from __future__ import annotations

import asyncio
import logging
import time
from typing import Optional

from pipeline.engines import EngineError, StartedInBackground
from pipeline.engines import tasks

PLUGIN_NAME = "pipeline-extractor"
RECOUNT_SECONDS = 5.0
CONNECT_TIMEOUT = 30.0  # seconds to reach a scheduler (a cluster being provisioned may be slow)

try:
    from distributed import Client, KilledWorker, LocalCluster, WorkerPlugin, as_completed
except ImportError as exc:  # pragma: no cover - depends on the installation
    raise EngineError(f"--engine dask needs the dask and distributed packages (pip install -r requirements.txt): "
                      f"{exc}") from exc


class LoadExtractor(WorkerPlugin):
    """Loads the Extractor in a worker, in a thread so that the worker keeps answering meanwhile."""

    name = PLUGIN_NAME
    idempotent = True  # registered again by every run on a long-lived cluster: loaded once per worker

    async def setup(self, worker) -> None:
        await asyncio.get_running_loop().run_in_executor(None, tasks.init_worker)


class DaskEngine(StartedInBackground):
    name = "dask"

    def __init__(self, *, scheduler: Optional[str], workers: int):
        self.scheduler = scheduler
        self.workers = workers
        self.cluster = None
        self.client = None
        self.address = scheduler or "(local)"
        self._start_in_background()

    def _start(self) -> None:
        """Connect (or start a local cluster): the run reads files meanwhile."""
        try:
            if self.scheduler:
                self.client = Client(self.scheduler, set_as_default=False, timeout=CONNECT_TIMEOUT)
            else:
                self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                            host="127.0.0.1", dashboard_address="127.0.0.1:0",
                                            silence_logs=logging.ERROR)
                self.client = Client(self.cluster, set_as_default=False)
            self.client.register_plugin(LoadExtractor(), name=PLUGIN_NAME)
            self._finished = as_completed([], loop=self.client.loop, with_results=False)
            self._count_workers()
            self.address = self.client.scheduler.address
        except (OSError, TimeoutError) as exc:
            where = f"the Dask scheduler {self.scheduler}" if self.scheduler else "a local Dask cluster"
            raise EngineError(f"cannot reach {where}: {type(exc).__name__}: {exc}") from exc

    def _count_workers(self) -> None:
        self.workers = max(1, sum(self.client.nthreads().values()))
        self._counted = time.monotonic()

    def window(self) -> int:
        if time.monotonic() - self._counted > RECOUNT_SECONDS:  # an adaptive cluster grows and shrinks
            self._count_workers()
        return super().window()

    def _submit(self, fn, payload):
        future = self.client.submit(fn, payload, pure=False)
        self._finished.add(future)
        return future

    def _first_done(self, futures: list) -> list:
        return self._finished.next_batch(block=True)

    def _lost(self, future) -> bool:
        return future.status == "error" and isinstance(future.exception(), KilledWorker)

    def _replace(self) -> str:
        return "Dask KilledWorker"  # the nannies restart dead workers themselves

    def _stop(self, *, abort: bool) -> None:
        client, cluster, self.client, self.cluster = self.client, self.cluster, None, None
        for thing in (client, cluster):
            if thing is not None:
                try:
                    thing.close()
                except Exception:  # noqa: BLE001 - closing after a failure must not hide it
                    if not abort:
                        raise

    def describe(self) -> str:
        where = "local cluster" if self.cluster is not None else f"scheduler {self.address}"
        return f"dask ({where}), {self.workers} workers"
