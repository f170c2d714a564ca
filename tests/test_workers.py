"""--workers N: reading and extraction in worker processes, with the outputs, state, lock and crash
safety of a run that does the work itself.

The pool is used only when there is enough work to repay starting it (``PARALLEL_MIN`` files or
articles); these tests lower that bar to run it on small corpora.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

import pipeline.engines
import pipeline.engines.local
from pipeline import runlog
from pipeline.cli import main
from pipeline.config import ConfigError
from pipeline.engines import Engine, EngineError
from tests.batch_support import copy_shipped, outputs, run_quiet, variant

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def pool_always(monkeypatch):
    """Workers even for a few files."""
    monkeypatch.setattr(pipeline.engines, "PARALLEL_MIN", 1)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return copy_shipped(tmp_path_factory.mktemp("workers") / "corpus", copies=3)


@pytest.fixture(scope="module")
def one_process(corpus: Path, tmp_path_factory) -> dict:
    """The outputs of a run that does the work itself."""
    out = tmp_path_factory.mktemp("one") / "out"
    summary = run_quiet(corpus, out, workers=1)
    assert (summary.engine, summary.workers) == ("local", 1)
    return outputs(out)


@pytest.mark.parametrize("workers", [2, 3])
def test_the_same_bytes_whatever_the_number_of_workers(pool_always, corpus, one_process, tmp_path, workers):
    out = tmp_path / "out"
    summary = run_quiet(corpus, out, workers=workers)
    assert (summary.engine, summary.workers, summary.extracted) == ("local", workers, summary.ok)
    assert outputs(out) == one_process
    assert summary.first_article_s is not None and 0 < summary.first_article_s


def test_incremental_runs_with_workers_match_a_full_run(pool_always, corpus, tmp_path):
    mine = tmp_path / "corpus"
    shutil.copytree(corpus, mine)
    out = tmp_path / "out"
    run_quiet(mine, out, workers=2)
    names = sorted(p.name for p in mine.iterdir())
    variant(mine / names[0], mine / names[0], 7)  # changed
    (mine / names[1]).unlink()  # removed
    variant(mine / names[2], mine / "zz-new.txt", 8)  # new
    summary = run_quiet(mine, out, workers=2)
    assert (summary.changed, summary.removed, summary.new, summary.mode) == (1, 1, 1, "incremental")
    assert summary.extracted == 2 and summary.read == 2
    run_quiet(mine, tmp_path / "clean", workers=1)
    assert outputs(out) == outputs(tmp_path / "clean")
    noop = run_quiet(mine, out, workers=2)
    assert (noop.read, noop.extracted, noop.workers, noop.first_article_s) == (0, 0, 1, None)  # no pool started


def test_one_worker_creates_no_pool(pool_always, monkeypatch, corpus, one_process, tmp_path):
    def refuse(*args, **kwargs):
        raise AssertionError("a pool was created for --workers 1")

    monkeypatch.setattr(pipeline.engines.local, "LocalEngine", refuse)
    run_quiet(corpus, tmp_path / "out", workers=1)
    assert outputs(tmp_path / "out") == one_process


def test_workers_are_asked_for_first_when_every_file_is_to_be_read(monkeypatch, corpus, tmp_path):
    """A first run, or ``--full``: the workers start before the first file is looked at (nothing
    is cached, so no signature is checked first); an incremental run asks for them only once it
    meets a file to read, after checking the signatures, and for the files left."""
    import pipeline.run

    events = []
    signature, probe = pipeline.run.fingerprint.signature, pipeline.run.fingerprint.probe
    monkeypatch.setattr(pipeline.run.fingerprint, "signature", lambda e: events.append("signature") or signature(e))
    monkeypatch.setattr(pipeline.run.fingerprint, "probe", lambda e: events.append("probe") or probe(e))
    monkeypatch.setattr(pipeline.engines.Workers, "for_work", lambda self, n: events.append(("workers", n)))
    mine = tmp_path / "corpus"
    shutil.copytree(corpus, mine)
    files = sorted(mine.iterdir())
    out = tmp_path / "out"
    for full in (False, True):
        events.clear()
        summary = run_quiet(mine, out, workers=2, full=full)
        assert events[0] == ("workers", len(files)) and summary.read == len(files)
        assert events.count("probe") == len(files) and events.count(("workers", len(files))) >= 1
    variant(files[-1], files[-1], 3)
    events.clear()
    summary = run_quiet(mine, out, workers=2)
    assert summary.read == 1 and summary.mode == "incremental"
    assert events[:len(files)] == ["signature"] * len(files)  # every file checked first
    # then asked for once, at the changed file (the last one); files modified too recently for their
    # signature to be trusted may be probed before it
    assert [e for e in events if isinstance(e, tuple)] == [("workers", 1)]
    assert events[events.index(("workers", 1)) - 1] == "probe"


def test_small_work_is_done_in_the_run(corpus, one_process, tmp_path):
    assert pipeline.engines.PARALLEL_MIN > 50  # the shipped corpus copied 3 times: 45 files, 42 articles
    summary = run_quiet(corpus, tmp_path / "out", workers=2)
    assert summary.workers == 1
    assert outputs(tmp_path / "out") == one_process


# ------------------------------------------------------------------ the engine interface


class InlineEngine(Engine):
    """Runs each chunk when it is submitted (results wait in completed futures)."""

    name = "inline"

    def __init__(self, workers: int = 2, rules: str | None = None):
        self.workers, self.rules, self.submitted = workers, rules, 0

    def _submit(self, fn, payload):
        self.submitted += 1
        future: Future = Future()
        rules, result = fn(payload)
        future.set_result((self.rules or rules, result))
        return future

    def _first_done(self, futures):
        return futures[:1]

    def close(self, *, abort=False):
        pass


def test_map_keeps_a_bounded_number_of_chunks_in_flight():
    engine = InlineEngine(workers=3)
    pulled, returned = [], []

    def chunks():
        for i in range(50):
            pulled.append(i)
            assert len(pulled) - len(returned) <= engine.window()
            yield i, [i]

    def fn(payload):
        return "rules", payload[0] * 2

    for tag, (_, result) in engine.map(fn, chunks()):
        returned.append(tag)
        assert result == tag * 2
    assert sorted(returned) == list(range(50)) and engine.window() == 6


def test_results_of_other_rules_are_refused_and_not_stored(monkeypatch, corpus, tmp_path):
    other = InlineEngine(rules="0123456789abcdef")
    monkeypatch.setattr(pipeline.engines.Workers, "for_work", lambda self, amount: other if amount else None)
    with pytest.raises(EngineError, match="rules version 0123456789abcdef"):
        run_quiet(corpus, tmp_path / "out", workers=2)
    assert not (tmp_path / "out" / "articles.csv").exists()
    import sqlite3

    conn = sqlite3.connect(tmp_path / "out" / "state.sqlite")
    try:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0  # nothing of theirs was cached
    finally:
        conn.close()
    assert issubclass(EngineError, ConfigError)  # exit 2: a configuration to fix


# ------------------------------------------------------------------ command line


def test_cli_workers_option(tmp_path, corpus):
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "a"), "--workers", "0"]) == 2
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "a"), "--workers", "x"]) == 2
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "a"), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert not (tmp_path / "a").exists()
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "b"), "--quiet", "--workers", "2"]) == 0
    record = runlog.read(tmp_path / "b" / "runs.jsonl")[-1]
    assert record["engine"] == "local" and record["workers"] in (1, 2)
    assert 0 < record["first_article_s"] <= record["seconds"] + 5


def test_summary_line_reports_workers_and_first_article(pool_always, corpus, tmp_path, capsys):
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--workers", "2"]) == 0
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert "local engine, 2 workers; first article after " in line


# ------------------------------------------------------------------ a run killed with its workers


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    stat = f.read()
                children.setdefault(int(stat[stat.rindex(b")") + 2:].split()[1]), []).append(int(name))
            except (OSError, ValueError, IndexError):
                continue
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().split(b") ")[1][:1] != b"Z"
    except (OSError, IndexError):
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_run_takes_its_workers_along_and_the_next_run_finishes(tmp_path):
    articles = 1200  # enough for the run to be still extracting 2 s after its first rows (about 6 s in all)
    from bench.corpus import generate

    corpus = tmp_path / "corpus"
    generate(articles, corpus, seed=0)
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "pipeline", "run", "--corpus", str(corpus), "--out", str(out),
                            "--quiet", "--workers", "2"], cwd=REPO, stderr=subprocess.PIPE)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and run.poll() is None:
        workers |= _descendants(run.pid)
        texts = out / "texts"
        if len(workers) >= 3 and texts.is_dir() and len(os.listdir(texts)) >= 32:  # extracting
            time.sleep(1.2)  # some of it committed (every second)
            break
        time.sleep(0.05)
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    run.stderr.close()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers), "workers outlived the killed run"
    # the lock is free, the work done is kept, the outputs are those of a clean run
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "2"]) == 0
    record = runlog.read(out / "runs.jsonl")[-1]
    clean = run_quiet(corpus, tmp_path / "clean", workers=1)
    assert outputs(out) == outputs(tmp_path / "clean")
    assert record["read"] < clean.files and record["extracted"] < articles  # what the killed run committed is kept


def test_the_warm_up_files_load_what_workers_need_but_not_the_language_model(monkeypatch):
    """The fork server reads one small file per format before forking the workers; each is one
    French article, settled by its function words: the language model (0.5 s) stays unloaded."""
    from pipeline.engines import tasks
    from pipeline.ingest import language

    def no_model(text):
        raise AssertionError(f"the language model was asked about {text[:40]!r}")

    monkeypatch.setattr(language, "model_language", no_model)
    _, readings = tasks.read_files([(name, name, data) for name, data in tasks._WARM_UP.items()])
    assert len(readings) == 4
    for articles in readings:
        assert [(a.status, a.language, a.title) for a in articles] == [("ok", "fr", "Mistral 7B")]
