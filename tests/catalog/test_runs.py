"""The catalog and report.html as runs leave them: rebuilt from the current CSVs (an article that
leaves the corpus leaves the catalog), the same bytes after incremental runs as after one full run,
crash-safe, and the ``report`` command."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

import pipeline.review
from pipeline.cli import EXIT_LOCKED, EXIT_OK, EXIT_USAGE, main
from tests.batch_support import REVIEW_NAMES, outputs, run_quiet

ARTICLES = {
    "a.txt": "DeepSeek dévoile son modèle\n\nLe modèle DeepSeek-V3 compte 671 milliards de paramètres.\n",
    "b.txt": "Un autre regard\n\nSelon la presse, Deepseek V3 compte 685 milliards de paramètres.\n",
    "c.txt": "Mistral riposte\n\nLe modèle Mistral Large 2 compte 123 milliards de paramètres.\n",
}


def corpus(folder: Path, names=tuple(ARTICLES)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def catalog(out: Path) -> dict[str, dict]:
    return {r["model"]: r for r in csv.DictReader(open(out / "catalog.csv", encoding="utf-8"))}


def test_spellings_merge_and_an_article_that_leaves_the_corpus_leaves_the_catalog(tmp_path):
    docs, out = corpus(tmp_path / "corpus"), tmp_path / "out"
    run_quiet(docs, out)
    rows = catalog(out)
    assert list(rows) == ["DeepSeek-V3", "Mistral Large 2"]  # one article each: 'S' before 's'
    deepseek = rows["DeepSeek-V3"]
    assert (deepseek["spellings"], deepseek["n_articles"], deepseek["conflicts"]) == (
        "DeepSeek-V3 | Deepseek V3", "2", "params_total")
    (docs / "c.txt").unlink()
    (docs / "b.txt").unlink()
    summary = run_quiet(docs, out)
    assert summary.review is not None and summary.review.rebuilt
    rows = catalog(out)
    assert list(rows) == ["DeepSeek-V3"] and rows["DeepSeek-V3"]["conflicts"] == ""
    assert rows["DeepSeek-V3"]["params_total"] == "671000000000"
    assert "Mistral Large 2" not in (out / "report.html").read_text(encoding="utf-8")


def test_incremental_runs_give_the_bytes_of_a_full_run(tmp_path):
    docs, out = corpus(tmp_path / "corpus", ["a.txt"]), tmp_path / "out"
    run_quiet(docs, out)
    corpus(docs, ["c.txt"])
    run_quiet(docs, out)
    corpus(docs, ["b.txt"])
    run_quiet(docs, out)
    full = tmp_path / "full"
    run_quiet(corpus(tmp_path / "corpus2"), full, full=True)
    mine, clean = outputs(out), outputs(full)
    assert all(mine[name] is not None for name in REVIEW_NAMES)
    assert {n: mine[n] for n in REVIEW_NAMES} == {n: clean[n] for n in REVIEW_NAMES}


def test_a_run_that_changes_nothing_leaves_the_files_alone(tmp_path):
    docs, out = corpus(tmp_path / "corpus"), tmp_path / "out"
    run_quiet(docs, out)
    before = {n: (out / n).stat().st_ino for n in REVIEW_NAMES}
    summary = run_quiet(docs, out)
    assert summary.review is not None and not summary.review.rebuilt
    assert {n: (out / n).stat().st_ino for n in REVIEW_NAMES} == before
    (out / "report.html").unlink()  # a file gone: rebuilt
    assert run_quiet(docs, out).review.rebuilt and (out / "report.html").is_file()


def test_no_report(tmp_path):
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus(tmp_path / "corpus")), "--out", str(out), "--quiet", "--no-report"]) == 0
    assert (out / "facts.csv").is_file() and not any((out / n).exists() for n in REVIEW_NAMES)
    assert main(["report", "--out", str(out), "--quiet"]) == EXIT_OK
    assert all((out / n).is_file() for n in REVIEW_NAMES)


def test_report_command_exit_codes(tmp_path):
    assert main(["report", "--out", str(tmp_path / "nothing")]) == EXIT_USAGE
    out = tmp_path / "out"
    run_quiet(corpus(tmp_path / "corpus"), out)
    from pipeline.lock import exclusive

    with exclusive(out / "run.lock"):
        assert main(["report", "--out", str(out), "--quiet"]) == EXIT_LOCKED


def test_a_failed_rebuild_leaves_the_previous_files_and_the_next_run_completes_it(tmp_path, monkeypatch):
    docs, out = corpus(tmp_path / "corpus", ["a.txt", "b.txt"]), tmp_path / "out"
    run_quiet(docs, out)
    before = outputs(out)
    corpus(docs, ["c.txt"])

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.review, "write_report", broken)
    with pytest.raises(OSError):
        run_quiet(docs, out)
    after_failure = outputs(out)
    assert {n: after_failure[n] for n in REVIEW_NAMES} == {n: before[n] for n in REVIEW_NAMES}
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    summary = run_quiet(docs, out)  # nothing new to extract, but the catalog is behind its CSVs
    assert summary.extracted == 0 and summary.review.rebuilt
    assert "Mistral Large 2" in catalog(out)
