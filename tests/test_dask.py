"""--engine dask: the same reading and extraction on a Dask distributed cluster (on this machine,
loopback only), written by the same code as a local run: the same bytes.

One two-worker LocalCluster (processes, one thread each) serves the module; the runs reach it
with ``--scheduler``. Another test lets the run start and stop a cluster of its own, and another
reaches a cluster started as a deployment would start one: the ``dask scheduler`` and
``dask worker`` commands, their own processes in a folder outside the repository, importing the
installed package.
"""
from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.config import ConfigError
from tests.batch_support import copy_shipped, outputs, run_quiet

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("dask") / "corpus")


@pytest.fixture(scope="module")
def local_outputs(corpus: Path, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("local") / "out"
    run_quiet(corpus, out, workers=1)
    return outputs(out)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, silence_logs=logging.ERROR) as c:
        yield c


@pytest.mark.slow
def test_a_run_on_a_dask_cluster_writes_the_bytes_of_a_local_run(cluster, corpus, local_outputs, tmp_path):
    out = tmp_path / "out"
    summary = run_quiet(corpus, out, engine="dask", scheduler=cluster.scheduler_address)
    assert (summary.engine, summary.workers) == ("dask", 2)
    assert summary.read == 15 and summary.extracted == 14
    assert outputs(out) == local_outputs
    # incremental on the cluster: nothing to do, no work sent
    again = run_quiet(corpus, out, engine="dask", scheduler=cluster.scheduler_address)
    assert (again.read, again.extracted, again.mode, again.workers) == (0, 0, "incremental", 1)
    assert outputs(out) == local_outputs
    # the cluster is left running for others
    with distributed.Client(cluster.scheduler_address, set_as_default=False) as client:
        assert len(client.nthreads()) == 2


@pytest.mark.slow
def test_without_a_scheduler_the_run_starts_and_stops_a_local_cluster(corpus, local_outputs, tmp_path, capsys):
    code = main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask", "--workers", "2"])
    assert code == 0
    assert "(first run; dask engine, 2 workers; first article after" in capsys.readouterr().err
    assert outputs(tmp_path / "out") == local_outputs


def test_an_unreachable_scheduler_is_a_configuration_error(monkeypatch, corpus, tmp_path, capsys):
    import pipeline.engines.dask_cluster as dask_cluster

    monkeypatch.setattr(dask_cluster, "CONNECT_TIMEOUT", 1.0)
    code = main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--engine", "dask",
                 "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in capsys.readouterr().err
    assert not (tmp_path / "out" / "articles.csv").exists()


def test_scheduler_needs_the_dask_engine(corpus, tmp_path):
    with pytest.raises(ConfigError, match="--scheduler goes with --engine dask"):
        run_quiet(corpus, tmp_path / "out", scheduler="tcp://127.0.0.1:8786")


@pytest.fixture(scope="module")
def separate_cluster(tmp_path_factory):
    """A scheduler and two one-thread workers started with the ``dask`` command (as on a cluster:
    separate processes, another working folder, no PYTHONPATH); the scheduler's address."""
    dask = Path(sys.executable).with_name("dask")
    if not dask.exists():
        pytest.skip("the dask command is not installed beside this Python")
    folder = tmp_path_factory.mktemp("separate-cluster")
    address_file = folder / "scheduler.json"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    log = open(folder / "cluster.log", "wb")
    processes = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                   "--scheduler-file", str(address_file)], cwd=folder, env=env, stdout=log, stderr=log)]
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists():
            assert time.monotonic() < deadline and processes[0].poll() is None, (folder / "cluster.log").read_text()
            time.sleep(0.2)
        processes.append(subprocess.Popen([str(dask), "worker", "--scheduler-file", str(address_file), "--nworkers", "2",
                                           "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"],
                                          cwd=folder, env=env, stdout=log, stderr=log))
        with distributed.Client(scheduler_file=str(address_file), set_as_default=False, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            address = client.scheduler.address
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


@pytest.mark.slow
def test_a_cluster_started_with_the_dask_commands(separate_cluster, corpus, local_outputs, tmp_path):
    """What the README tells a deployment to do: workers that import the installed package, reached
    at --scheduler, give the bytes of a local run, and are left running."""
    out = tmp_path / "out"
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--engine", "dask", "--scheduler", separate_cluster,
                 "--quiet"])
    assert code == 0
    assert outputs(out) == local_outputs
    with distributed.Client(separate_cluster, set_as_default=False) as client:
        assert len(client.nthreads()) == 2
