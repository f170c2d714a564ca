"""One run at a time: a second run exits at once with 75 and touches nothing; a lock left by a
killed run never blocks the next one."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import lock
from pipeline.cli import EXIT_LOCKED, main
from tests.batch_support import copy_shipped, run_quiet

REPO = Path(__file__).resolve().parent.parent


def _tree(folder: Path) -> dict:
    """Every file under ``folder`` with its size, mtime and bytes."""
    tree = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            st = path.stat()
            tree[str(path.relative_to(folder))] = (st.st_size, st.st_mtime_ns, path.read_bytes())
    return tree


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def done(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus and an output folder a run has completed."""
    root = tmp_path_factory.mktemp("locked")
    corpus = copy_shipped(root / "corpus")
    run_quiet(corpus, root / "out")
    return corpus, root / "out"


def test_a_second_run_exits_75_at_once_and_touches_nothing(done):
    corpus, out = done
    (corpus / "nouveau.txt").write_text("Mistral dévoile Mistral Small 3\n\nUn modèle de 24 milliards de "
                                        "paramètres, selon la start-up.\n", encoding="utf-8")
    try:
        before = _tree(out)
        with lock.exclusive(out / "run.lock"):
            held = _tree(out)
            started = time.monotonic()
            result = _cli("run", "--corpus", str(corpus), "--out", str(out))
            elapsed = time.monotonic() - started
            assert _tree(out) == held
    finally:
        (corpus / "nouveau.txt").unlink()
    assert result.returncode == EXIT_LOCKED == 75
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "another run" in lines[0] and f"pid {os.getpid()}" in lines[0], result.stderr
    assert elapsed < 10  # "at once": it does not wait for the lock (nor load the extraction pipeline)
    assert {k: v for k, v in before.items() if k != "run.lock"} == {k: v for k, v in held.items() if k != "run.lock"}


def test_the_library_raises_busy_in_the_same_process(done):
    corpus, out = done
    with lock.exclusive(out / "run.lock"):
        with pytest.raises(lock.Busy):
            run_quiet(corpus, out)
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 75


def test_a_lock_left_by_a_killed_process_does_not_block(done):
    corpus, out = done
    holder = subprocess.Popen([sys.executable, "-c", (
        "import fcntl, os, sys, time\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "os.pwrite(fd, str(os.getpid()).encode(), 0)\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"), str(out / "run.lock")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 75
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        assert (out / "run.lock").exists()  # the file stays; the kernel released the lock
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
