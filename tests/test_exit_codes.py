"""Exit codes and what a run prints: 0 all processed, 1 some articles in error, 2 usage or
configuration error (nothing written), 70 the run failed, 75 another run holds the lock (see
tests/test_lock.py). One summary line on stderr; --quiet prints only errors; a progress bar only
when asked (the CLI asks when stderr is a terminal)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pipeline.cli import EXIT_FAILED, EXIT_USAGE, main
from pipeline.config import Config
from pipeline.run import run

FR = ("Mistral dévoile un modèle\n\nLe modèle Mistral Small 3 compte 24 milliards de paramètres. "
      "Selon Mistral, il surpasse GPT-4o mini.\n")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FR, encoding="utf-8")
    return corpus


def _run(corpus: Path, out: Path, *extra: str) -> int:
    return main(["run", "--corpus", str(corpus), "--out", str(out), *extra])


def test_summary_line_on_stderr_and_nothing_with_quiet(corpus: Path, tmp_path: Path, capsys):
    assert _run(corpus, tmp_path / "out") == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("pipeline: 1 articles (1 ok, 0 skipped, 0 errors) from 1 files")
    assert _run(corpus, tmp_path / "out", "--quiet") == 0
    assert capsys.readouterr().err == ""


def test_quiet_still_prints_errors(corpus: Path, tmp_path: Path, capsys):
    (corpus / "b.jsonl").write_text("{pas du json\n", encoding="utf-8")
    assert _run(corpus, tmp_path / "out", "--quiet") == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("pipeline: 2 articles (1 ok, 0 skipped, 1 errors)")
    assert err[1:] == ["pipeline: error: b.jsonl#1: line 1: invalid JSON"]


def test_progress_bar_only_when_asked(corpus: Path, tmp_path: Path, capsys):
    run(Config(corpus=corpus, out=tmp_path / "out", progress=True))
    assert "extract" in capsys.readouterr().err
    run(Config(corpus=corpus, out=tmp_path / "out2"))
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("case", ["missing corpus", "output is a file", "output inside the corpus",
                                  "foreign state file", "state not a database", "unknown option",
                                  "foreign state without an application id"])
def test_configuration_errors_exit_2_and_write_nothing(corpus: Path, tmp_path: Path, case: str, capsys):
    out, extra = tmp_path / "out", []
    if case == "missing corpus":
        corpus = tmp_path / "absent"
    elif case == "output is a file":
        out.write_text("x")
    elif case == "output inside the corpus":
        out = corpus / "sorties"
    elif case == "foreign state file":
        other = tmp_path / "other.sqlite"
        with sqlite3.connect(other) as conn:
            conn.execute("PRAGMA application_id = 1234")
            conn.execute("CREATE TABLE clients (name TEXT)")
        extra = ["--state", str(other)]
    elif case == "foreign state without an application id":
        other = tmp_path / "other.sqlite"
        with sqlite3.connect(other) as conn:
            conn.execute("PRAGMA application_id = 0")
            conn.execute("CREATE TABLE clients (name TEXT)")
        extra = ["--state", str(other)]
    elif case == "state not a database":  # given with --state (OUT/state.sqlite is healed: test_state_healing.py)
        other = tmp_path / "notes.sqlite"
        other.write_bytes(b"not a database, just bytes" * 100)
        extra = ["--state", str(other)]
    else:
        extra = ["--frobnicate"]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert _run(corpus, out, *extra) == EXIT_USAGE
    err = capsys.readouterr().err
    if case != "unknown option":
        assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_failed_run_exits_70_and_logs_it(corpus: Path, tmp_path: Path, monkeypatch, capsys):
    import pipeline.run

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.run, "write_temporary", broken)
    assert _run(corpus, tmp_path / "out", "--quiet") == EXIT_FAILED
    err = capsys.readouterr().err
    assert "run failed: OSError" in err.splitlines()[-1]
    from pipeline import runlog

    assert runlog.read(tmp_path / "out" / "runs.jsonl")[-1]["outcome"] == "failed"
    monkeypatch.undo()
    assert _run(corpus, tmp_path / "out", "--quiet") == 0
