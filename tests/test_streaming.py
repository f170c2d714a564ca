"""Articles are extracted as their files are read, not after the whole corpus is: the first rows
are stored a file into the run (time to first article does not grow with the corpus), and a text
that several new files repeat is extracted once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pipeline.run
from tests.batch_support import copy_shipped, csvs, run_quiet


@pytest.fixture()
def events(monkeypatch) -> list[str]:
    """"read" for every file the run reads itself, "extract N" for every batch it extracts."""
    log: list[str] = []
    real_read, real_extract = pipeline.run.read_entry, pipeline.run.extract_batch

    def read_entry(entry, **kwargs):
        log.append("read")
        return real_read(entry, **kwargs)

    def extract_batch(articles, *args, **kwargs):
        log.append(f"extract {len(articles)}")
        return real_extract(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline.run, "read_entry", read_entry)
    monkeypatch.setattr(pipeline.run, "extract_batch", extract_batch)
    return log


def test_the_first_file_is_extracted_before_the_second_is_read(tmp_path: Path, events):
    corpus = copy_shipped(tmp_path / "corpus")
    summary = run_quiet(corpus, tmp_path / "out", workers=1)
    assert events[:3] == ["read", "extract 1", "read"]
    assert events.count("read") == summary.read == summary.files
    assert sum(int(e.split()[1]) for e in events if e.startswith("extract")) == summary.extracted


def test_a_repeated_text_is_extracted_once(tmp_path: Path, events):
    corpus = copy_shipped(tmp_path / "corpus")
    for name in ("00-a.txt", "zz-b.txt", "zz-c.txt"):
        shutil.copyfile(corpus / "meta-llama4.txt", corpus / name)
    summary = run_quiet(corpus, tmp_path / "out", workers=1)
    plain = run_quiet(copy_shipped(tmp_path / "plain"), tmp_path / "out-plain", workers=1)
    assert summary.extracted == plain.extracted  # the copies add no extraction
    assert (summary.articles, summary.skipped) == (plain.articles + 3, plain.skipped + 3)


def test_a_cached_text_read_again_is_not_extracted_again(tmp_path: Path, events):
    """A JSONL file with a line appended is read again; only the new line is extracted."""
    corpus = copy_shipped(tmp_path / "corpus")
    feed = corpus / "feed.jsonl"
    line = '{{"title": "Mistral {0}", "text": "Mistral AI présente Mistral {0}B, un modèle de {0} milliards de paramètres."}}\n'
    feed.write_text(line.format(7) + line.format(12), encoding="utf-8")
    run_quiet(corpus, tmp_path / "out", workers=1)
    events.clear()
    with open(feed, "a", encoding="utf-8") as f:
        f.write(line.format(22))
    again = run_quiet(corpus, tmp_path / "out", workers=1)
    assert (again.read, again.extracted) == (1, 1)
    assert events == ["read", "extract 1"]
    fresh = tmp_path / "fresh"
    run_quiet(corpus, fresh, workers=1)
    assert csvs(tmp_path / "out") == csvs(fresh)
