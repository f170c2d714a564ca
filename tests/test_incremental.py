"""Incremental runs (issue #3): only new and changed files are read, removed files' rows are
dropped, duplicates follow the sorted source order, the rules version and --full redo everything,
and after any sequence of runs the outputs are the bytes a full run writes."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from pipeline import fingerprint, runlog
from pipeline.config import Config
from pipeline.ingest import discover
from tests.batch_support import copy_shipped, csvs, live_files, outputs, parse, run_quiet

SENTENCE = "Selon la start-up, Mistral Small 3 compte 24 milliards de paramètres et surpasse GPT-4o mini.\n"


def _feed(lines: list[str]) -> str:
    return "".join(json.dumps({"title": f"Dépêche {i}", "text": text}, ensure_ascii=False) + "\n"
                   for i, text in enumerate(lines))


FEED = [
    "Mistral AI a publié Mistral Small 3, un modèle de 24 milliards de paramètres, qui surpasse GPT-4o mini selon l'entreprise.",
    "Meta a dévoilé Llama 3.1 405B, un modèle de 405 milliards de paramètres entraîné sur 15 000 milliards de jetons.",
]
NEW_LINE = "Alibaba présente Qwen3-235B-A22B, un mélange d'experts de 235 milliards de paramètres dont 22 milliards actifs."


def _assert_same_as_full(corpus: Path, out: Path, tmp_path: Path, name: str) -> None:
    full = tmp_path / f"full-{name}"
    shutil.rmtree(full, ignore_errors=True)
    run_quiet(corpus, full)
    assert outputs(out) == outputs(full), f"{name}: incremental outputs differ from a full run"


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    corpus = copy_shipped(tmp_path / "corpus")
    (corpus / "feed.jsonl").write_text(_feed(FEED), encoding="utf-8")
    return corpus


def test_incremental_runs_give_the_bytes_of_a_full_run(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    first = run_quiet(corpus, out)
    assert (first.mode, first.files, first.new, first.read, first.articles) == ("first run", 16, 16, 16, 17)
    assert first.extracted == 16  # 14 French articles (one is English) + 2 JSONL lines

    # add, change, delete, rename; a duplicate that sorts before its original; a JSONL line appended
    (corpus / "15-nouveau.txt").write_text("Mistral dévoile un modèle\n\n" + SENTENCE, encoding="utf-8")
    with open(corpus / "01-mixtral-8x7b-depeche.txt", "a", encoding="utf-8") as f:
        f.write("\n" + SENTENCE)
    (corpus / "09-phi4-phi3-microsoft.txt").unlink()
    (corpus / "13-fairphone5-smartphone.txt").rename(corpus / "13-fairphone5-renomme.txt")
    shutil.copyfile(corpus / "meta-llama4.txt", corpus / "00-copie-meta.txt")
    (corpus / "feed.jsonl").write_text(_feed(FEED + [NEW_LINE]), encoding="utf-8")

    second = run_quiet(corpus, out)
    assert (second.mode, second.new, second.changed, second.removed) == ("incremental", 3, 2, 2)
    assert second.read == 5  # the new files and the changed ones, nothing else
    # 15-nouveau, 01 changed, 00-copie (now first of its text), the renamed file, the new JSONL line
    assert second.extracted == 5
    _assert_same_as_full(corpus, out, tmp_path, "second")
    listed = {r[1]: r for r in parse((out / "articles.csv").read_bytes())[1:]}
    assert listed["meta-llama4.txt"][7:9] == ["skipped", "duplicate of 00-copie-meta.txt"]
    assert "09-phi4-phi3-microsoft.txt" not in listed

    # the original of the duplicate is deleted: the other copy is extracted in its place
    (corpus / "00-copie-meta.txt").unlink()
    third = run_quiet(corpus, out)
    assert (third.new, third.changed, third.removed, third.read, third.extracted) == (0, 0, 1, 0, 1)
    _assert_same_as_full(corpus, out, tmp_path, "third")

    # nothing changed: nothing read or extracted, the CSVs are left as they are
    before = {name: os.stat(out / name).st_mtime_ns for name in csvs(out)}
    fourth = run_quiet(corpus, out)
    assert (fourth.read, fourth.extracted, fourth.rewritten) == (0, 0, False)
    assert (fourth.articles, fourth.ok, fourth.models) == (third.articles, third.ok, third.models)
    assert {name: os.stat(out / name).st_mtime_ns for name in csvs(out)} == before
    _assert_same_as_full(corpus, out, tmp_path, "fourth")


def test_a_deleted_csv_or_text_is_written_again(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_quiet(corpus, out)
    expected = outputs(out)
    (out / "facts.csv").unlink()
    next((out / "texts").glob("*.txt")).unlink()
    (out / "texts" / "0123456789abcdef.txt").write_text("périmé", encoding="utf-8")
    summary = run_quiet(corpus, out)
    assert (summary.read, summary.extracted, summary.rewritten) == (0, 0, True)
    assert outputs(out) == expected


def test_rules_change_redoes_everything(corpus: Path, tmp_path: Path, monkeypatch):
    out = tmp_path / "out"
    run_quiet(corpus, out)
    expected = outputs(out)
    monkeypatch.setattr(fingerprint, "rules_version", lambda: "other-rules")
    summary = run_quiet(corpus, out)
    assert (summary.mode, summary.read, summary.extracted) == ("rules changed", 16, 16)
    assert outputs(out) == expected
    again = run_quiet(corpus, out)
    assert (again.mode, again.read, again.extracted) == ("incremental", 0, 0)


def test_full_redoes_everything(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_quiet(corpus, out)
    expected = outputs(out)
    summary = run_quiet(corpus, out, full=True)
    assert (summary.mode, summary.read, summary.extracted, summary.unchanged) == ("full", 16, 16, 16)
    assert outputs(out) == expected


def test_rules_version_covers_sources_and_lexicons(tmp_path: Path):
    package = tmp_path / "pipeline"
    shutil.copytree(fingerprint.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    version = fingerprint.rules_version.__wrapped__
    base = version(package)
    assert base == version(package) and len(base) == 16
    with open(package / "lexicons" / "cues_fr.yaml", "a", encoding="utf-8") as f:
        f.write("\n# a new comment\n")
    after_lexicon = version(package)
    assert after_lexicon != base
    with open(package / "link" / "facts.py", "a", encoding="utf-8") as f:
        f.write("\n# a new comment\n")
    assert version(package) not in (base, after_lexicon)


def test_the_review_stage_is_no_part_of_the_rules(tmp_path: Path):
    package = tmp_path / "pipeline"
    shutil.copytree(fingerprint.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    rules, review = fingerprint.rules_version.__wrapped__, fingerprint.review_version.__wrapped__
    base_rules, base_review = rules(package), review(package)
    with open(package / "report" / "page.py", "a", encoding="utf-8") as f:
        f.write("\n# a new comment\n")
    assert rules(package) == base_rules  # the page's look: no extraction again
    assert review(package) != base_review  # but the page is rebuilt


def test_unchanged_files_are_not_read_again_once_their_timestamps_are_settled(corpus: Path, tmp_path: Path,
                                                                              monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(fingerprint, "RACY_SECONDS", -3600.0)  # trust every timestamp, even fresh ones
    run_quiet(corpus, out)
    probed = []
    real_probe = fingerprint.probe
    monkeypatch.setattr(fingerprint, "probe", lambda entry: probed.append(entry.source) or real_probe(entry))
    assert run_quiet(corpus, out).read == 0
    assert probed == []
    # same size, same mtime, new content: the ctime (which nobody can set) still gives it away
    path = corpus / "11-mistral-small3-gemma3.txt"
    st = path.stat()
    data = path.read_bytes().replace("Mistral Small 3".encode(), "Mistral Small 4".encode(), 1)
    path.write_bytes(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    summary = run_quiet(corpus, out)
    assert (summary.changed, summary.read, summary.extracted) == (1, 1, 1)
    assert probed == ["11-mistral-small3-gemma3.txt"]


def test_fresh_files_are_always_hashed(corpus: Path):
    entry = next(e for e in discover(corpus) if e.source == "11-mistral-small3-gemma3.txt")
    assert fingerprint.signature(entry) is None  # just written: timestamps not trusted yet
    assert fingerprint.signature(entry, now=entry.path.stat().st_ctime + 60) is not None


def test_state_lives_in_the_output_folder_or_where_asked(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_quiet(corpus, out)
    assert (out / "state.sqlite").is_file() and len(live_files(out / "state.sqlite")) == 16
    elsewhere = tmp_path / "state" / "batch.sqlite"
    run_quiet(corpus, tmp_path / "out2", state=elsewhere)
    assert elsewhere.is_file() and not (tmp_path / "out2" / "state.sqlite").exists()
    assert Config(out=out).state_file == out / "state.sqlite"


def test_each_run_appends_a_line_to_the_run_log(corpus: Path, tmp_path: Path):
    out = tmp_path / "out"
    run_quiet(corpus, out)
    (corpus / "13-fairphone5-smartphone.txt").unlink()
    run_quiet(corpus, out)
    records = runlog.read(out / "runs.jsonl")
    assert len(records) == 2
    last = records[-1]
    assert {"started", "seconds", "articles", "new", "changed", "removed", "skipped", "errors"} <= set(last)
    assert (last["removed"], last["articles"], last["outcome"], last["mode"]) == (1, 16, "ok", "incremental")
