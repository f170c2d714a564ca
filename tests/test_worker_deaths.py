"""A worker that dies never fails the run: the file or article whose lone run kills its worker is an
error of its own (« extraction killed its worker (SIGKILL) »), recorded so that the next run does
not try it again, and the others are extracted as in a run without it; a run whose workers die
even on known-good work fails (exit 70) without recording anything of it.

The deaths come from the test seam of :mod:`tests.stall_support` (SIGKILL on a marker, or on every
extraction), preloaded in the local workers' fork server."""
from __future__ import annotations

import csv
import sqlite3
from concurrent.futures import Future
from pathlib import Path

import pytest

import pipeline.engines
import pipeline.engines.local
from pipeline import runlog
from pipeline.cli import main
from pipeline.engines import Engine, tasks
from pipeline.engines.deaths import Killed, WorkersFailing, describe, how_it_died
from tests.batch_support import outputs
from tests.stall_support import KILL_ALL, KILL_MARKER

FR = ("Mistral dévoile un modèle\n\nLe modèle Mistral Small {n} compte {n} milliards de paramètres, selon la "
      "start-up parisienne qui le publie sous licence ouverte.\n")
KILLER = "a4.txt"
REASON = "extraction killed its worker (SIGKILL)"


def _corpus(folder: Path, *, killer: bool = True) -> Path:
    folder.mkdir()
    for n in range(2, 9):
        (folder / f"a{n}.txt").write_text(FR.format(n=n), encoding="utf-8")
    if killer:
        (folder / KILLER).write_text(FR.format(n=4) + "\n" + KILL_MARKER + "\n", encoding="utf-8")
    else:
        (folder / KILLER).unlink()
    return folder


@pytest.fixture()
def dying_workers(monkeypatch):
    """Workers even for a few files, with the seam that kills them."""
    monkeypatch.setattr(pipeline.engines, "PARALLEL_MIN", 1)
    monkeypatch.setattr(pipeline.engines.local, "PRELOAD", "tests.stall_preload")


def _run(corpus: Path, out: Path, *extra: str) -> int:
    return main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "2", *extra])


def _rows(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _without(path: Path, article_id: str) -> list[list[str]]:
    """The CSV's rows (header first) but those of ``article_id`` (every table's first column)."""
    return [row for row in _rows(path) if row[0] != article_id]


@pytest.mark.parametrize("read_by_workers", [False, True], ids=["extract-after-reading", "read-and-extract"])
def test_an_article_that_kills_its_worker_is_an_error_and_the_run_goes_on(
        dying_workers, monkeypatch, tmp_path, capsys, read_by_workers):
    """Whether the article is extracted in a chunk of articles (its file read while the workers
    started) or with its file's reading (workers ready at once: every file goes to them)."""
    if read_by_workers:
        monkeypatch.setattr(pipeline.engines.local.LocalEngine, "ready", lambda self: True)
    corpus = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    assert _run(corpus, out) == 1
    articles = {row["source"]: row for row in csv.DictReader(open(out / "articles.csv", encoding="utf-8"))}
    assert (articles[KILLER]["status"], articles[KILLER]["reason"]) == ("error", REASON)
    assert all(row["status"] == "ok" and row["n_facts"] != "0" for source, row in articles.items() if source != KILLER)
    assert f"pipeline: error: {KILLER}: {REASON}" in capsys.readouterr().err
    first = runlog.read(out / "runs.jsonl")[-1]
    assert (first["outcome"], first["errors"], first["workers"]) == ("errors", 1, 2)
    assert first["worker_deaths"] >= 2  # in its chunk, then alone

    # the other articles: the bytes of a run that never met the killer
    clean = tmp_path / "clean"
    assert _run(_corpus(tmp_path / "corpus-clean", killer=False), clean) == 0
    killer_id = articles[KILLER]["article_id"]
    for name in ("articles.csv", "models.csv", "facts.csv", "claims.csv"):
        assert _without(out / name, killer_id) == _rows(clean / name), name

    # recorded like any error: the next run neither reads nor extracts it again (no worker started)
    assert _run(corpus, out) == 1
    second = runlog.read(out / "runs.jsonl")[-1]
    assert (second["read"], second["extracted"], second["worker_deaths"], second["errors"]) == (0, 0, 0, 1)


def test_workers_that_die_on_every_article_fail_the_run_and_record_nothing(dying_workers, monkeypatch, tmp_path,
                                                                           capsys):
    """Every extraction kills its worker, the known-good check after the first death too: the run
    itself is failing (exit 70). None of it is recorded as the articles' fault: once the workers
    work again, every article is extracted."""
    corpus = _corpus(tmp_path / "corpus", killer=False)
    out = tmp_path / "out"
    monkeypatch.setenv(KILL_ALL, "1")
    assert _run(corpus, out) == 70
    err = capsys.readouterr().err
    assert "WorkersFailing: a worker died (SIGKILL), then a fresh one died too (SIGKILL) on known-good articles" in err
    record = runlog.read(out / "runs.jsonl")[-1]
    assert record["outcome"] == "failed" and record["error"].startswith("WorkersFailing: ")
    assert not (out / "articles.csv").exists()
    conn = sqlite3.connect(out / "state.sqlite")
    try:
        assert conn.execute("SELECT count(*) FROM extractions").fetchone()[0] == 0
    finally:
        conn.close()
    monkeypatch.delenv(KILL_ALL)
    assert _run(corpus, out) == 0
    assert runlog.read(out / "runs.jsonl")[-1]["worker_deaths"] == 0


# ------------------------------------------------------------------ the engine's rules, on a stand-in


class DyingEngine(Engine):
    """Runs each chunk when it is submitted; a chunk with a payload item in ``killers`` "kills its
    worker": its future is lost, and so is every future still in flight (a broken local pool)."""

    name = "dying"

    def __init__(self, killers: set = frozenset(), canary_dies: bool = False, kills=None):
        self.workers, self.killers, self.canary_dies = 2, killers, canary_dies
        self.kills = kills or (lambda fn, payload: bool(self.killers & set(payload)))
        self.in_flight: list[Future] = []
        self.lost: set = set()
        self.replaced = 0
        self.log: list = []

    def _submit(self, fn, payload):
        future: Future = Future()
        dies = self.canary_dies if fn is tasks.canary else self.kills(fn, payload)
        self.log.append("canary" if fn is tasks.canary else list(payload))
        if dies:
            self.lost.update(self.in_flight + [future])
            for f in self.in_flight + [future]:
                if not f.done():
                    f.set_result(None)
            self.in_flight = []
        else:
            future.set_result("rules" if fn is tasks.canary else fn(payload))
            self.in_flight.append(future)
        return future

    def _first_done(self, futures):
        done = [f for f in futures if f.done()]
        for f in done:
            if f in self.in_flight:
                self.in_flight.remove(f)
        return done

    def _lost(self, future):
        return future in self.lost

    def _replace(self):
        self.replaced += 1
        return "SIGKILL"

    def close(self, *, abort=False):
        pass


def _alone(tag, payload):
    return [((tag, item), lambda p: sum(p), [item]) for item in payload]


def test_a_lost_chunk_is_run_again_piece_by_piece_and_only_the_killer_is_killed():
    """Chunk 1 kills its worker; chunk 0, in flight with it, is lost too (a broken local pool fails
    all it had): both are run again one item at a time, and only item 13 is killed alone."""
    engine = DyingEngine(killers={13})
    chunks = [(i, [10 * i + j for j in range(4)]) for i in range(4)]
    results = list(engine.map(lambda p: sum(p), chunks, alone=_alone))
    assert dict(results) == {2: 86, 3: 126, (0, 0): 0, (0, 1): 1, (0, 2): 2, (0, 3): 3,
                             (1, 10): 10, (1, 11): 11, (1, 12): 12, (1, 13): Killed("SIGKILL")}
    assert len(results) == 10  # every item answered once
    assert engine.deaths == 2 and engine.replaced == 2  # the chunks, then 13 alone; each followed by a check
    assert engine.log.count("canary") == 2
    assert engine.log[-3:] == [[12], [13], "canary"]  # alone: nothing else in flight


def test_without_pieces_a_lost_chunk_is_run_again_whole():
    engine = DyingEngine(killers={1})
    assert list(engine.map(lambda p: sum(p), [("a", [0, 1])])) == [("a", Killed("SIGKILL"))]
    assert engine.log == [[0, 1], "canary", [0, 1], "canary"]


def test_workers_that_die_on_known_good_work_fail_the_run():
    engine = DyingEngine(killers={1}, canary_dies=True)
    with pytest.raises(WorkersFailing, match=r"a worker died \(SIGKILL\), then a fresh one died too"):
        list(engine.map(lambda p: sum(p), [(0, [0, 1])], alone=_alone))
    assert engine.deaths == 2


def test_a_chunk_submitted_to_a_pool_broken_meanwhile_is_lost_not_raised():
    """A worker may die between two results: the next submit finds the pool broken."""
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def submit(self, fn, payload):
            raise BrokenProcessPool("A child process terminated abruptly")

    engine = pipeline.engines.local.LocalEngine.__new__(pipeline.engines.local.LocalEngine)
    engine._pool = Broken()
    future = engine._submit(sum, [1])
    assert future.done() and engine._lost(future)


@pytest.mark.parametrize("codes, how", [
    ([-15, -9], "SIGKILL"),  # the survivors are terminated with SIGTERM
    ([-11, -15, None], "SIGSEGV"),
    ([3, -15], "exit code 3"),
    ([-15, -15], "SIGTERM"),  # terminated from outside
    ([None], "unknown cause"),
])
def test_how_a_pool_worker_died(codes, how):
    assert how_it_died(codes) == how


def test_describe_exit_codes():
    assert (describe(-9), describe(1), describe(-200)) == ("SIGKILL", "exit code 1", "signal 200")


def test_a_file_whose_reading_kills_its_worker_is_an_error_of_its_own(monkeypatch, tmp_path):
    """Its chunk of files is lost, each file is read again alone, and the one whose lone reading
    kills its worker is listed as one article in error; the others are read, then extracted."""
    corpus = _corpus(tmp_path / "corpus", killer=False)
    (corpus / "a5.txt").write_text(FR.format(n=5) + "\nUne page que le lecteur ne survit pas.\n", encoding="utf-8")

    def reading_kills(fn, payload):
        reads = getattr(fn, "func", fn) in (tasks.read_and_extract, tasks.read_only)
        return reads and any(b"le lecteur ne survit pas" in data for _, _, data in payload)

    engine = DyingEngine(kills=reading_kills)
    monkeypatch.setattr(pipeline.engines.Workers, "for_work", lambda self, amount: engine if amount else None)
    out = tmp_path / "out"
    assert _run(corpus, out) == 1
    articles = {row["source"]: row for row in csv.DictReader(open(out / "articles.csv", encoding="utf-8"))}
    assert (articles["a5.txt"]["status"], articles["a5.txt"]["reason"]) == \
        ("error", "reading killed its worker (SIGKILL)")
    assert [row["status"] for source, row in articles.items() if source != "a5.txt"] == ["ok"] * 5
    assert engine.deaths == 2  # the chunk of files, then a5.txt read alone
    assert _run(corpus, out) == 1
    assert runlog.read(out / "runs.jsonl")[-1]["read"] == 0  # recorded: not read again


# ------------------------------------------------------------------ on Dask


@pytest.mark.slow
def test_on_dask_an_article_that_kills_its_workers_is_an_error_of_its_own(tmp_path):
    """Dask runs a chunk whose worker died elsewhere, and fails it with KilledWorker once it has
    killed allowed-failures + 1 workers (0 + 1 here, to keep the test short): the run then runs its
    articles alone, and the one that gets KilledWorker alone is an error of its own."""
    distributed = pytest.importorskip("distributed")
    import dask
    import logging

    corpus = _corpus(tmp_path / "corpus")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                     dashboard_address=None, silence_logs=logging.CRITICAL) as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        client.register_plugin(InstallSeam(), name="test-kill-seam")
        out = tmp_path / "out"
        code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--engine", "dask",
                     "--scheduler", cluster.scheduler_address])
    assert code == 1
    articles = {row["source"]: row for row in csv.DictReader(open(out / "articles.csv", encoding="utf-8"))}
    assert (articles[KILLER]["status"], articles[KILLER]["reason"]) == \
        ("error", "extraction killed its worker (Dask KilledWorker)")
    assert [row["status"] for source, row in articles.items() if source != KILLER] == ["ok"] * 6
    assert runlog.read(out / "runs.jsonl")[-1]["worker_deaths"] >= 1


try:
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - depends on the installation
    WorkerPlugin = object


class InstallSeam(WorkerPlugin):
    """Patches the killing seam into each Dask worker (again in a worker its nanny restarts)."""

    def setup(self, worker) -> None:
        from tests.stall_support import install

        install()
