"""Crash safety: a run killed with SIGKILL at any moment leaves every CSV as it was before the run
or complete after it, and the state consistent with them; the next run finishes the work and
writes the bytes of a clean run.

The killed runs are forked child processes of the test process (which has the extraction pipeline
loaded already, so a child starts working at once) running the command line. Some are killed from
outside after a delay; others kill themselves at a precise point (a patched function sends
SIGKILL to its own process).
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import sqlite3
import time
from pathlib import Path
from typing import Callable, Optional

import pytest

from tests.batch_support import CSV_NAMES, copy_shipped, csvs, live_files, outputs, parse, run_quiet, variant

FORK = multiprocessing.get_context("fork")
CHANGED = ("02-deepseek-v3-r1-blog.md", "07-gemini-contexte-elo-depeche.txt", "meta-llama4.txt")
DELETED = ("04-claude35-sonnet-frontmatter.txt", "10-kimi-k2-gpt5-analyse.md", "v01-11-mistral-small3-gemma3.txt")


class Setup:
    """Corpus A (already run into ``out_a``) and corpus B (A with files added, changed and deleted),
    with the CSVs a clean run writes for each."""

    def __init__(self, root: Path, *, added_copies: int):
        self.corpus_a = copy_shipped(root / "a", copies=2)
        self.corpus_b = root / "b"
        shutil.copytree(self.corpus_a, self.corpus_b)
        for name in CHANGED:
            variant(self.corpus_b / name, self.corpus_b / name, 99)
        for name in DELETED:
            (self.corpus_b / name).unlink()
        for path in sorted(self.corpus_a.glob("[0-9m]*")):
            for i in range(2, 2 + added_copies):
                variant(path, self.corpus_b / f"w{i:02d}-{path.name}", i)
        self.out_a = root / "out-a"
        run_quiet(self.corpus_a, self.out_a)  # also loads the extraction pipeline before any fork
        run_quiet(self.corpus_b, root / "out-b")
        self.before, self.after = csvs(self.out_a), csvs(root / "out-b")
        self.after_all = outputs(root / "out-b")
        self.live_a, self.live_b = live_files(self.out_a / "state.sqlite"), live_files(root / "out-b" / "state.sqlite")
        assert self.live_a != self.live_b and all(self.before[n] != self.after[n] for n in CSV_NAMES)

    def fresh_out(self, path: Path) -> Path:
        """An output folder as the run over corpus A left it."""
        shutil.copytree(self.out_a, path)
        return path

    def check_killed(self, out: Path) -> str:
        """Every CSV is complete and either the before or the after version; a committed state
        means the after versions. Returns "before", "after" or "mixed"."""
        versions = []
        for name in CSV_NAMES:
            data = (out / name).read_bytes()
            parse(data)
            assert data in (self.before[name], self.after[name]), f"{name} is neither the old nor the new version"
            versions.append("after" if data == self.after[name] else "before")
        live = live_files(out / "state.sqlite")
        assert live in (self.live_a, self.live_b), "the live state is neither the old nor the new corpus"
        if live == self.live_b:
            assert set(versions) == {"after"}, "state committed before the CSVs were in place"
        return versions[0] if len(set(versions)) == 1 else "mixed"

    def check_finished(self, out: Path) -> None:
        """The next run completes the work: the bytes of a clean run, nothing left over."""
        run_quiet(self.corpus_b, out)
        assert outputs(out) == self.after_all
        assert live_files(out / "state.sqlite") == self.live_b
        leftovers = [p.name for p in [*out.iterdir(), *(out / "texts").iterdir()] if p.name.endswith(".tmp")]
        assert leftovers == []


def _child(argv: list[str], crash: Optional[Callable[[], None]]) -> None:
    from pipeline.cli import main

    if crash is not None:
        crash()
    os._exit(main(argv))


def _start(setup: Setup, out: Path, crash: Optional[Callable[[], None]] = None):
    argv = ["run", "--corpus", str(setup.corpus_b), "--out", str(out), "--quiet"]
    process = FORK.Process(target=_child, args=(argv, crash))
    process.start()
    return process


def _cached_extractions(out: Path) -> int:
    conn = sqlite3.connect(out / "state.sqlite")
    try:
        return conn.execute("SELECT count(*) FROM extractions").fetchone()[0]
    finally:
        conn.close()


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


# ------------------------------------------------------------------ kills at precise points


def _on_call(module, name: str, n: int = 1, *, before: bool = True, when=lambda *a, **k: True) -> None:
    """Patch ``module.name`` so that its ``n``-th matching call kills the process (before or after
    the real call)."""
    real, calls = getattr(module, name), []

    def patched(*args, **kwargs):
        if when(*args, **kwargs):
            calls.append(1)
        if before and len(calls) == n:
            _die()
        result = real(*args, **kwargs)
        if not before and len(calls) == n:
            _die()
        return result

    setattr(module, name, patched)


def _checkpoint_always() -> None:
    import pipeline.state

    pipeline.state.CHECKPOINT_SECONDS = 0.0


def while_reading():
    import pipeline.run

    _checkpoint_always()
    _on_call(pipeline.run, "read_entry", 6)


NOTE = "PIPELINE_CRASH_TEST_NOTE"  # a file where the child notes what it did before its kill


def while_extracting():
    """Killed at the third extraction batch (a file's new articles: the run extracts each file as it
    reads it); how many articles the first two held is noted."""
    import pipeline.run

    _checkpoint_always()
    note, real, sizes = Path(os.environ[NOTE]), pipeline.run.extract_batch, []

    def patched(articles, *args, **kwargs):
        if len(sizes) == 2:
            _die()
        sizes.append(len(articles))
        note.write_text(str(sum(sizes)))
        return real(articles, *args, **kwargs)

    pipeline.run.extract_batch = patched


def while_extracting_uncommitted():
    import pipeline.run

    _on_call(pipeline.run, "extract_batch", 3)


def while_writing_csvs():
    import pipeline.run

    _on_call(pipeline.run, "write_temporary", 3)


def before_renames():
    import pipeline.run

    _on_call(pipeline.run, "publish", 1)


def between_renames():
    _on_call(os, "replace", 2, before=False, when=lambda src, dst, **_: str(dst).endswith(".csv"))


def before_commit():
    from pipeline.state import State

    _on_call(State, "commit", 1)


def after_commit():
    import pipeline.run

    _on_call(pipeline.run, "_remove_stale_texts", 1)


def before_run_log():
    import pipeline.runlog

    _on_call(pipeline.runlog, "append", 1)


POINTS = {
    while_reading: "before",
    while_extracting: "before",
    while_extracting_uncommitted: "before",
    while_writing_csvs: "before",
    before_renames: "before",
    between_renames: "mixed",
    before_commit: "after",
    after_commit: "after",
    before_run_log: "after",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Setup:
    return Setup(tmp_path_factory.mktemp("crash-small"), added_copies=1)


@pytest.mark.parametrize("crash", list(POINTS), ids=lambda f: f.__name__)
def test_killed_at_a_precise_point(small: Setup, tmp_path: Path, monkeypatch, crash):
    out = small.fresh_out(tmp_path / "out")
    monkeypatch.setenv(NOTE, str(tmp_path / "note"))
    process = _start(small, out, crash)
    process.join(timeout=120)
    assert process.exitcode == -signal.SIGKILL, "the run was not killed where expected"
    assert small.check_killed(out) == POINTS[crash]
    live = live_files(out / "state.sqlite")
    assert live == (small.live_b if crash in (after_commit, before_run_log) else small.live_a)
    if crash is while_extracting:  # the batches extracted before the kill are kept for the next run
        before_kill = int((tmp_path / "note").read_text())
        assert before_kill >= 2 and _cached_extractions(out) == _cached_extractions(small.out_a) + before_kill
    small.check_finished(out)


# ------------------------------------------------------------------ kills from outside, at delays


@pytest.mark.slow
def test_killed_at_several_delays_then_finished(tmp_path: Path):
    setup = Setup(tmp_path / "setup", added_copies=4)
    # how long an unhindered run takes in a child process (and that it writes the same bytes)
    timed = setup.fresh_out(tmp_path / "timed")
    started = time.monotonic()
    process = _start(setup, timed)
    process.join(timeout=120)
    seconds = time.monotonic() - started
    assert process.exitcode == 0 and csvs(timed) == setup.after

    # each run starts from corpus A's outputs and is killed after a share of that time; if the
    # machine is busier or calmer than when it was timed, some runs finish first: try more delays
    kills = []
    for fraction in (0.15, 0.35, 0.55, 0.75, 0.1, 0.25, 0.45, 0.05):
        out = setup.fresh_out(tmp_path / f"out-{fraction}")
        process = _start(setup, out)
        process.join(timeout=fraction * seconds)
        if process.is_alive():
            os.kill(process.pid, signal.SIGKILL)
            process.join()
            kills.append(fraction)
        else:
            assert process.exitcode == 0
        setup.check_killed(out)
        setup.check_finished(out)
        if len(kills) == 4:
            break
    assert len(kills) >= 3, f"killed mid-way after {kills} of {seconds:.2f}s only"
