"""What kills a run that works in its own process kills one run: the next run finds what the dead
one had in hand (``OUT/run.working``) and reads or extracts it in a worker process apart, where a
file or article that kills again is an error of its own (« extraction killed its worker
(SIGKILL) »), recorded so that later runs do not try it again, and an innocent one (a run killed
from outside) is simply done.

The runs are the command line in a subprocess with the test seam of :mod:`tests.stall_support`
(:mod:`tests.stall_cli`: its run and its workers die on the markers)."""
from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import runlog
from pipeline.cli import main
from pipeline.engines.in_hand import WORKING_FILE, InHand, extracting_lines, parse, reading_line
from tests.conftest import REPO_ROOT
from tests.stall_support import KILL_MARKER, READ_KILL_MARKER, SLOW_MARKER

FR = ("Mistral dévoile un modèle\n\nLe modèle Mistral Small {n} compte {n} milliards de paramètres, selon la "
      "start-up parisienne qui le publie sous licence ouverte.\n")
CSV_NAMES = ("articles.csv", "models.csv", "facts.csv", "claims.csv")


def _corpus(folder: Path, odd: str = "", name: str = "a4.txt") -> Path:
    """Seven small articles; with ``odd``, one more, ``name``, carrying that paragraph."""
    folder.mkdir()
    for n in (2, 3, 5, 6, 7, 8):
        (folder / f"a{n}.txt").write_text(FR.format(n=n), encoding="utf-8")
    if odd:
        (folder / name).write_text(FR.format(n=4) + "\n" + odd + "\n", encoding="utf-8")
    return folder


def _start(corpus: Path, out: Path) -> subprocess.Popen:
    """``python -m pipeline run --workers 1``, with the seam."""
    return subprocess.Popen([sys.executable, "-m", "tests.stall_cli", "run", "--corpus", str(corpus), "--out",
                             str(out), "--quiet", "--workers", "1"], cwd=REPO_ROOT, stderr=subprocess.PIPE,
                            text=True)


def _run(corpus: Path, out: Path) -> tuple[int, str]:
    process = _start(corpus, out)
    _, err = process.communicate(timeout=300)
    return process.returncode, err


def _articles(out: Path) -> dict[str, dict]:
    with open(out / "articles.csv", newline="", encoding="utf-8") as f:
        return {row["source"]: row for row in csv.DictReader(f)}


def _rows(path: Path, without: str = "") -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.reader(f) if row[0] != without]


def _clean(tmp_path: Path, corpus: Path) -> Path:
    """The outputs of an unhindered run (in this process, without the seam)."""
    out = tmp_path / "clean"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) in (0, 1)
    return out


@pytest.mark.parametrize("odd, reason", [
    (KILL_MARKER, "extraction killed its worker (SIGKILL)"),
    (READ_KILL_MARKER, "reading killed its worker (SIGKILL)"),
], ids=["extraction", "reading"])
def test_what_kills_the_run_kills_one_run_then_is_an_error_of_its_own(tmp_path, odd, reason):
    corpus = _corpus(tmp_path / "corpus", odd)
    out = tmp_path / "out"

    # 1. the run dies with the article: no summary, no run log line; what it had in hand is written down
    code, err = _run(corpus, out)
    assert code == -signal.SIGKILL, err
    assert not (out / "runs.jsonl").exists()
    suspects = parse((out / WORKING_FILE).read_bytes())
    assert ("a4.txt" in {source for source, _ in suspects.files}) if odd == READ_KILL_MARKER \
        else (suspects.articles and not suspects.files)

    # 2. the next run does that work apart: the article is an error of its own, the others are ok
    code, err = _run(corpus, out)
    assert code == 1, err
    articles = _articles(out)
    assert (articles["a4.txt"]["status"], articles["a4.txt"]["reason"]) == ("error", reason)
    assert [row["status"] for source, row in articles.items() if source != "a4.txt"] == ["ok"] * 6
    assert "pipeline: warning: a previous run died while it read or extracted a4.txt in its own process" in err
    assert f"pipeline: error: a4.txt: {reason}" in err
    record = runlog.read(out / "runs.jsonl")[-1]
    assert (record["outcome"], record["errors"], record["apart"], record["workers"]) == ("errors", 1, 1, 1)
    assert record["worker_deaths"] == 2  # apart, then alone apart (a fresh worker did known-good work between)
    assert not (out / WORKING_FILE).exists()

    # the other articles: the bytes of a run that never met it
    clean = _clean(tmp_path, _corpus(tmp_path / "corpus-clean"))
    for name in CSV_NAMES:
        assert _rows(out / name, without=articles["a4.txt"]["article_id"]) == _rows(clean / name), name

    # 3. recorded like any error: not tried again, nothing done apart, no warning
    code, err = _run(corpus, out)
    assert code == 1 and "warning" not in err, err
    record = runlog.read(out / "runs.jsonl")[-1]
    assert (record["read"], record["extracted"], record["apart"], record["worker_deaths"]) == (0, 0, 0, 0)


def test_a_run_killed_from_outside_leaves_no_innocent_article_in_error(tmp_path):
    """Killed (SIGKILL from outside) while an article that does nothing wrong is in hand: the next
    run extracts it apart, and it is ok; the CSVs are those of a run never killed."""
    corpus = _corpus(tmp_path / "corpus", SLOW_MARKER)  # a second in extraction: time to kill the run then
    out = tmp_path / "out"
    process = _start(corpus, out)
    deadline = time.monotonic() + 120
    while b'"source": "a4.txt"' not in _read(out / WORKING_FILE):
        assert process.poll() is None and time.monotonic() < deadline, "the run never had a4.txt in hand"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL

    code, err = _run(corpus, out)
    assert code == 0, err
    assert "a previous run died while it read or extracted a4.txt" in err
    assert {row["status"] for row in _articles(out).values()} == {"ok"}
    record = runlog.read(out / "runs.jsonl")[-1]
    assert (record["apart"], record["worker_deaths"], record["errors"]) == (1, 0, 0)
    clean = _clean(tmp_path, corpus)
    for name in CSV_NAMES:
        assert (out / name).read_bytes() == (clean / name).read_bytes(), name
    assert not (out / WORKING_FILE).exists()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


# ------------------------------------------------------------------ the record itself


@pytest.mark.parametrize("data, files, articles", [
    (b"", set(), set()),
    (reading_line("a/b.txt", "sha256:01"), {("a/b.txt", "sha256:01")}, set()),
    (extracting_lines([("d1", "x.jsonl"), ("d2", "x.jsonl")]), set(), {"d1", "d2"}),
    (reading_line("é\n.txt", "f") + extracting_lines([("d1", "s")]), {("é\n.txt", "f")}, {"d1"}),
    (b'{"extract": "d1", "sour', set(), set()),  # cut short
    (b'\x00\xff garbage\n[1, 2]\n{"read": 3}\n' + extracting_lines([("d9", "s")]), set(), {"d9"}),
])
def test_the_record_parses_what_it_can(data, files, articles):
    suspects = parse(data)
    assert (set(suspects.files), set(suspects.articles)) == (files, articles)
    assert bool(suspects) == bool(files or articles)


def test_the_record_holds_the_work_in_hand_and_keeps_a_dead_runs_until_published(tmp_path):
    path = tmp_path / WORKING_FILE
    in_hand = InHand(path)
    assert not in_hand.suspects and not path.exists()
    with in_hand.holding(reading_line("a.txt", "f1")):
        assert parse(path.read_bytes()).files == {("a.txt", "f1")}
    assert path.read_bytes() == b""
    with pytest.raises(RuntimeError):  # taken off however the work ends
        with in_hand.holding(extracting_lines([("d1", "a.txt")])):
            raise RuntimeError
    assert path.read_bytes() == b""
    in_hand.holding(extracting_lines([("d2", "b.txt")]))  # ... but not when the process dies in it

    nxt = InHand(path)  # the next run: the dead run's record, kept ahead of its own
    assert nxt.suspects.articles == {"d2"}
    with nxt.holding(extracting_lines([("d3", "c.txt")])):
        assert parse(path.read_bytes()).articles == {"d2", "d3"}
    nxt.close(published=False)  # failed: the next run still knows
    assert parse(path.read_bytes()).articles == {"d2"}
    InHand(path).close(published=True)
    assert not path.exists()


def test_a_record_cut_short_keeps_its_own_line(tmp_path):
    path = tmp_path / WORKING_FILE
    path.write_bytes(extracting_lines([("d1", "a")]).rstrip(b"\n"))
    in_hand = InHand(path)
    with in_hand.holding(extracting_lines([("d2", "b")])):
        assert parse(path.read_bytes()).articles == {"d1", "d2"}
