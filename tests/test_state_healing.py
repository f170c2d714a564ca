"""A damaged state heals: the output folder's state database, when SQLite finds it damaged (or it is
not a database at all), is moved aside to ``state.sqlite.damaged-<UTC time>``, the run starts
afresh, prints one warning line (even with --quiet), logs ``"state": "rebuilt"`` and exits 0. A
``--state`` file that may be another program's is refused (exit 2) and never touched."""
from __future__ import annotations

import hashlib
import random
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from pipeline import runlog
from pipeline.cli import EXIT_OK, EXIT_USAGE, main
from tests.batch_support import copy_shipped, outputs

DAMAGED = re.compile(r"^state\.sqlite\.damaged-\d{8}T\d{6}Z(-\d+)?$")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The shipped corpus, an output folder a run left (its state is the one damaged by each test)
    and the outputs of that clean run."""
    root = tmp_path_factory.mktemp("heal")
    corpus = copy_shipped(root / "corpus")
    out = root / "out"
    assert _run(corpus, out) == EXIT_OK
    return corpus, out, outputs(out)


def _run(corpus: Path, out: Path, *extra: str) -> int:
    return main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1", *extra])


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _quick_check(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(row[0] for row in conn.execute("PRAGMA quick_check"))
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2 + 1000])  # cut in the middle of a page


def truncated_header(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:60])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(1).randbytes(path.stat().st_size))


def corrupted_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    page_size, pages = conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    with open(path, "r+b") as f:
        f.seek((pages // 2 - 1) * page_size)
        f.write(random.Random(2).randbytes(page_size))
    assert _quick_check(path) != "ok"


def text_file(path: Path) -> None:
    path.write_text("ceci n'est pas une base de données\n" * 50, encoding="utf-8")


def foreign_sqlite(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE clients (name TEXT)")


@pytest.mark.parametrize("damage", [truncated, truncated_header, random_bytes, corrupted_page, text_file,
                                    foreign_sqlite])
def test_the_output_folders_damaged_state_is_moved_aside_and_the_run_starts_afresh(shipped, tmp_path, damage,
                                                                                    capsys):
    corpus, out0, clean = shipped
    out = tmp_path / "out"
    shutil.copytree(out0, out)
    state = out / "state.sqlite"
    damage(state)
    (out / "state.sqlite-journal").write_bytes(b"a journal of the damaged file")  # never rolled into the new state
    damaged = _digest(state)
    capsys.readouterr()
    assert _run(corpus, out) == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"pipeline: warning: the state database {state} was damaged (")
    (aside,) = [p for p in out.iterdir() if DAMAGED.match(p.name)]
    assert aside.name in err[0] and (_quick_check(aside) != "ok" or damage is foreign_sqlite)  # kept, to look into
    if damage is not corrupted_page:  # found damaged at once: untouched (a damaged page is found when read)
        assert _digest(aside) == damaged
    assert not Path(f"{state}-journal").exists()  # moved aside with it, or dropped by SQLite as not hot
    record = runlog.read(out / "runs.jsonl")[-1]
    assert (record["outcome"], record["state"], record["mode"]) == ("ok", "rebuilt", "first run")
    assert record["warnings"] == [err[0].removeprefix("pipeline: warning: ")]
    assert outputs(out) == clean
    assert _quick_check(state) == "ok"
    # the next run uses the new state: nothing to redo, nothing to say
    assert _run(corpus, out) == EXIT_OK and capsys.readouterr().err == ""
    record = runlog.read(out / "runs.jsonl")[-1]
    assert (record["state"], record["mode"], record["read"], record["extracted"]) == ("ok", "incremental", 0, 0)


def test_a_damaged_state_given_with_state_that_is_ours_is_healed(shipped, tmp_path, capsys):
    corpus, out0, clean = shipped
    mine = tmp_path / "mine.sqlite"
    shutil.copyfile(out0 / "state.sqlite", mine)
    corrupted_page(mine)
    assert _run(corpus, tmp_path / "out", "--state", str(mine)) == EXIT_OK
    assert "was damaged" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("mine.sqlite.damaged-")]
    assert outputs(tmp_path / "out") == clean


@pytest.mark.parametrize("kind", ["foreign sqlite", "foreign sqlite with an application id", "text file",
                                  "random bytes", "damaged foreign sqlite"])
def test_a_state_file_that_may_be_another_programs_is_refused_and_never_touched(shipped, tmp_path, kind, capsys):
    corpus, _, _ = shipped
    other = tmp_path / "autre.db"
    if kind.startswith("foreign") or kind == "damaged foreign sqlite":
        with sqlite3.connect(other) as conn:
            if kind.endswith("application id"):
                conn.execute("PRAGMA application_id = 1234")
            conn.execute("CREATE TABLE clients (name TEXT, notes TEXT)")
            conn.executemany("INSERT INTO clients VALUES (?, ?)", [(f"client {i}", "x" * 3000) for i in range(200)])
        if kind == "damaged foreign sqlite":
            corrupted_page(other)
    elif kind == "text file":
        other.write_text("des notes importantes\n" * 500, encoding="utf-8")
    else:
        other.write_bytes(random.Random(3).randbytes(50_000))
    before, stat = _digest(other), other.stat()
    capsys.readouterr()
    assert _run(corpus, tmp_path / "out", "--state", str(other)) == EXIT_USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "--state" in err[0], err
    assert _digest(other) == before and other.stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted(p.name for p in tmp_path.iterdir()) == ["autre.db", "out"][: 2 if (tmp_path / "out").exists() else 1]
    assert not (tmp_path / "out" / "articles.csv").exists()
