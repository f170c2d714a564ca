"""One article never stalls, floods or fails a run: an article whose extraction runs over
``--article-timeout`` is listed with status error, « extraction took over N s », and a file whose
reading (parsing its text) runs over it, « reading took over N s », with or without workers, and
the run goes on with the others (exit 1); an extraction that raises, or whose rows are out of
proportion with its text, is an error of that article, never of the run."""
from __future__ import annotations

import csv
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

import pipeline.engines
import pipeline.engines.local
import pipeline.ingest.formats
from pipeline import runlog
from pipeline.batch import MAX_ROWS_FLOOR, extract_one, max_rows, output_limit
from pipeline.cli import main
from pipeline.deadline import TimeUp, time_limit
from pipeline.extract import Extractor
from pipeline.ingest import read_file
from pipeline.records import Article, Extraction, Fact
from tests.stall_support import MARKER, RAISE_MARKER, READ_MARKER, stalling, stalling_read

FR = ("Mistral dévoile un modèle\n\nLe modèle Mistral Small {n} compte {n} milliards de paramètres, selon la "
      "start-up parisienne qui le publie sous licence ouverte.\n")


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(2, 8):
        (corpus / f"a{n}.txt").write_text(FR.format(n=n), encoding="utf-8")
    (corpus / "a4.txt").write_text(FR.format(n=4) + "\n" + MARKER + "\n", encoding="utf-8")
    (corpus / "a6.txt").write_text(FR.format(n=6) + "\n" + RAISE_MARKER + "\n", encoding="utf-8")
    return corpus


def _rows(out: Path) -> dict[str, dict]:
    with open(out / "articles.csv", newline="", encoding="utf-8") as f:
        return {row["source"]: row for row in csv.DictReader(f)}


def _check(out: Path, code: int, err: str) -> None:
    rows = _rows(out)
    assert code == 1
    assert (rows["a4.txt"]["status"], rows["a4.txt"]["reason"]) == ("error", "extraction took over 1 s")
    assert (rows["a6.txt"]["status"], rows["a6.txt"]["reason"]) == \
        ("error", "extraction failed: RuntimeError: a rule broke on this article")
    for source in ("a2.txt", "a3.txt", "a5.txt", "a7.txt"):
        assert rows[source]["status"] == "ok" and rows[source]["n_facts"] != "0", source
    assert "pipeline: error: a4.txt: extraction took over 1 s" in err
    record = runlog.read(out / "runs.jsonl")[-1]
    assert (record["outcome"], record["errors"]) == ("errors", 2)


def test_an_article_over_its_budget_is_an_error_and_the_others_are_extracted(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(Extractor, "process", stalling(Extractor.process))
    out = tmp_path / "out"
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1",
                 "--article-timeout", "1"])
    _check(out, code, capsys.readouterr().err)
    # recorded like any error for these rules: the next run does not try it again
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1",
                 "--article-timeout", "1"]) == 1
    assert runlog.read(out / "runs.jsonl")[-1]["extracted"] == 0


def test_with_workers_the_stalled_article_is_cut_short_in_its_worker(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pipeline.engines, "PARALLEL_MIN", 1)
    monkeypatch.setattr(pipeline.engines.local, "PRELOAD", "tests.stall_preload")
    out = tmp_path / "out"
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "2",
                 "--article-timeout", "1"])
    assert runlog.read(out / "runs.jsonl")[-1]["workers"] == 2
    _check(out, code, capsys.readouterr().err)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_file_whose_reading_runs_over_the_budget_is_an_error_and_the_others_are_extracted(
        corpus, tmp_path, monkeypatch, capsys, workers):
    """With workers, the first files are read by the run while they start, the others by them: the
    stalled file may be in either (both are patched)."""
    for name in ("a4.txt", "a6.txt"):
        (corpus / name).unlink()
    (corpus / "a5.md").write_text("# Lecture lente\n\n" + FR.format(n=5) + "\n" + READ_MARKER + "\n", encoding="utf-8")
    monkeypatch.setattr(pipeline.ingest.formats, "read_text", stalling_read(pipeline.ingest.formats.read_text))
    monkeypatch.setattr(pipeline.engines, "PARALLEL_MIN", 1)
    monkeypatch.setattr(pipeline.engines.local, "PRELOAD", "tests.stall_preload")
    out = tmp_path / "out"
    started = time.monotonic()
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", workers,
                 "--article-timeout", "1"])
    assert time.monotonic() - started < 50  # (the stall lasts 60 s)
    rows = _rows(out)
    assert code == 1
    assert (rows["a5.md"]["status"], rows["a5.md"]["reason"]) == ("error", "reading took over 1 s")
    for source in ("a2.txt", "a3.txt", "a5.txt", "a7.txt"):
        assert rows[source]["status"] == "ok" and rows[source]["n_facts"] != "0", source
    assert "pipeline: error: a5.md: reading took over 1 s" in capsys.readouterr().err
    if workers == "2":
        assert runlog.read(out / "runs.jsonl")[-1]["workers"] == 2


def test_read_file_within_its_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.ingest.formats, "read_text", stalling_read(pipeline.ingest.formats.read_text))
    slow, quick = tmp_path / "lent.html", tmp_path / "vif.html"
    page = "<html><body><article><h1>Mistral 7B</h1><p>{}</p></article></body></html>"
    slow.write_text(page.format(FR.format(n=7) + READ_MARKER), encoding="utf-8")
    quick.write_text(page.format(FR.format(n=7)), encoding="utf-8")
    (article,) = read_file(slow, source="lent.html", timeout=0.5)
    assert (article.status, article.reason, article.format, article.text) == \
        ("error", "reading took over 0.5 s", "html", "")
    (article,) = read_file(quick, source="vif.html", timeout=0.5)
    assert article.status == "ok" and "Mistral Small 7" in article.text


def test_the_budget_interrupts_in_another_thread_too():
    """Dask runs tasks in worker threads, where no signal can be used."""
    x = Extractor.__new__(Extractor)
    x.process = lambda article: stalling(lambda self, a: Extraction(a))(x, article)
    article = Article(article_id="x", source="x.txt", text=MARKER)
    result: list = []
    thread = threading.Thread(target=lambda: result.append(extract_one(article, x, timeout=0.5)))
    started = time.monotonic()
    thread.start()
    thread.join(30)
    assert not thread.is_alive() and time.monotonic() - started < 30
    assert (result[0].article.status, result[0].article.reason) == ("error", "extraction took over 0.5 s")


@pytest.mark.parametrize("in_thread", [False, True])
def test_time_limit_raises_nothing_once_the_work_is_done(in_thread):
    def work():
        with time_limit(0.2):
            pass
        time.sleep(0.4)  # the timer would have fired by now
        return "done"

    if in_thread:
        result: list = []
        thread = threading.Thread(target=lambda: result.append(work()))
        thread.start()
        thread.join()
        assert result == ["done"]
    else:
        assert work() == "done"
    with pytest.raises(TimeUp):
        with time_limit(0.2):
            time.sleep(5)  # a system call is interrupted too (in the main thread)


def _fact(i: int, sentence: str = "Une phrase.") -> Fact:
    return Fact("x", f"Qwen {i}", "params_total", i, False, "1", sentence, 0, 1, "test")


def test_output_out_of_proportion_with_the_text_is_an_error():
    text = "Les modèles " + ", ".join(f"Qwen {i}" for i in range(150)) + " comptent respectivement ..."
    article = Article(article_id="x", source="x.txt", text=text)
    limit = max_rows(len(text))
    assert limit == MAX_ROWS_FLOOR and max_rows(50_000) == 5_000
    assert output_limit(Extraction(article, facts=tuple(_fact(i) for i in range(limit)))) is None
    too_many = output_limit(Extraction(article, facts=tuple(_fact(i) for i in range(150 * 150))))
    assert too_many == f"too many rows: 22500 for {len(text)} characters (at most 1000)"
    huge = Extraction(article, facts=tuple(_fact(i, "x" * 200_000) for i in range(400)))
    assert output_limit(huge).startswith("too many rows: 400 rows carry ")


def test_a_flooding_article_is_an_error_of_its_own(corpus, tmp_path, monkeypatch):
    process = Extractor.process

    def flooding(self, article):
        extraction = process(self, article)
        if "Small 5" in article.text:
            return replace(extraction, facts=tuple(_fact(i) for i in range(5000)))
        return extraction

    for name in ("a4.txt", "a6.txt"):
        (corpus / name).unlink()
    monkeypatch.setattr(Extractor, "process", flooding)
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1"]) == 1
    rows = _rows(out)
    assert rows["a5.txt"]["status"] == "error" and rows["a5.txt"]["reason"].startswith("too many rows: 5001 for ")  # and its model row
    assert rows["a5.txt"]["n_facts"] == "0"
    assert [r["status"] for s, r in rows.items() if s != "a5.txt"] == ["ok"] * 3


def test_cli_article_timeout_option(corpus, tmp_path):
    for bad in ("-1", "x", "inf"):
        assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "o"), "--article-timeout", bad]) == 2
    assert not (tmp_path / "o").exists()
