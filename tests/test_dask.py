"""--engine dask: the same reading and extraction on a Dask distributed cluster (on this machine,
loopback only), written by the same code as a local run: the same bytes.

One two-worker LocalCluster (processes, one thread each) serves the module; the runs reach it
with ``--scheduler``. Another test lets the run start and stop a cluster of its own.
"""
from __future__ import annotations

import logging
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
