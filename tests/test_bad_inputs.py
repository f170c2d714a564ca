"""Every input accounted for: each file of a corpus of bad inputs gets its row in articles.csv with
the right status and reason, one bad article never stops the batch, and the exit code says
whether some article has status error."""
from __future__ import annotations

import csv
import json
import os
import tracemalloc
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.export import unprotect
from pipeline.ingest import read_file
from tests.batch_support import run_quiet

HUGE = 600 * 1024 * 1024  # a sparse file: no disk used, but several hundred MB to whoever reads it


def fr(day: str) -> str:
    return (f"Mistral AI dévoile un nouveau modèle\n\nLa start-up parisienne Mistral AI a présenté {day} "
            "Mistral Small 3, un modèle de 24 milliards de paramètres. Selon l'entreprise, il surpasse "
            "GPT-4o mini sur la plupart des tests et reste disponible sous licence Apache.\n")


# source -> (status, reason); "" = no reason
EXPECTED = {
    "=HYPERLINK(1).txt": ("ok", ""),
    "binaire.txt": ("error", "binary file"),
    "blancs.md": ("skipped", "empty file"),
    "boucle1.txt": ("error", "symlink loop"),
    "boucle2.txt": ("error", "symlink loop"),
    "cassé.txt": ("error", "broken symlink"),
    "cp1252.txt": ("ok", ""),
    "deutsch.txt": ("skipped", "language: de (not French)"),
    "doublon-a.txt": ("ok", ""),
    "doublon-b.txt": ("skipped", "duplicate of doublon-a.txt"),
    "english.txt": ("skipped", "language: en (not French)"),
    "espagnol.md": ("skipped", "language: es (not French)"),
    "fifo.txt": ("error", "not a regular file"),
    "flux.jsonl#1": ("ok", ""),
    "flux.jsonl#2": ("error", "line 2: invalid JSON"),
    "flux.jsonl#3": ("error", "line 3: no 'text' field"),
    "flux.jsonl#4": ("error", "line 4: not a JSON object"),
    "flux.jsonl#6": ("error", "line 6: 'text' is not a string"),
    "flux.jsonl#7": ("skipped", "line 7: empty 'text'"),
    "flux.jsonl#8": ("skipped", "duplicate of doublon-a.txt"),
    "image.png.md": ("error", "binary file"),
    "lien-vers-a.txt": ("skipped", "duplicate of doublon-a.txt"),
    "mojibake.txt": ("ok", ""),
    "nom avec espaces é à ç.txt": ("ok", ""),
    "nom avec\nretour à la ligne.txt": ("ok", ""),
    "nom-latin1-\\xe9.txt": ("ok", ""),
    "octets-invalides.txt": ("ok", ""),
    "page-sans-article.html": ("skipped", "no article body"),
    "rapport.pdf": ("skipped", "unsupported file type .pdf"),
    "sans-extension": ("skipped", "unsupported file type (no extension)"),
    "sous-dossier/lien-parent": ("skipped", "symlink to a directory (not followed)"),
    "sous-dossier/énorme.txt": ("skipped", f"file too large ({HUGE} bytes)"),
    "vide.txt": ("skipped", "empty file"),
}


def _bad_corpus(corpus: Path) -> Path:
    corpus.mkdir()
    text = fr("mardi")
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "blancs.md").write_text("  \n\n\t\n", encoding="utf-8")
    (corpus / "binaire.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "image.png.md").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (corpus / "octets-invalides.txt").write_bytes(fr("lundi").encode()[:80] + b"\xff\xfe\x81" + fr("lundi").encode()[80:])
    (corpus / "cp1252.txt").write_bytes(fr("mercredi").encode("cp1252"))
    (corpus / "mojibake.txt").write_bytes(fr("jeudi").encode("utf-8").decode("cp1252", errors="replace").encode())
    (corpus / "page-sans-article.html").write_text(
        "<html><head><title>Accueil</title></head><body><nav><a href='/'>Accueil</a> <a href='/tech'>Tech</a>"
        "</nav><footer>© Journal</footer></body></html>", encoding="utf-8")
    (corpus / "flux.jsonl").write_text("\n".join([
        json.dumps({"title": "Dépêche", "text": fr("vendredi")}, ensure_ascii=False),
        "ceci n'est pas du JSON",
        json.dumps({"title": "sans texte"}),
        "[1, 2, 3]",
        "",
        json.dumps({"text": 42}),
        json.dumps({"text": "   "}),
        json.dumps({"text": text}),
    ]) + "\n", encoding="utf-8")
    (corpus / "english.txt").write_text(
        "OpenAI releases a new model\n\nOpenAI on Tuesday released GPT-4o mini, a small model that the company "
        "says outperforms GPT-3.5 Turbo on most benchmarks while costing far less to run.\n", encoding="utf-8")
    (corpus / "deutsch.txt").write_text(
        "Neues Modell von Mistral\n\nDas französische Start-up Mistral AI hat am Dienstag ein neues Sprachmodell "
        "vorgestellt, das nach Angaben des Unternehmens schneller und günstiger ist als die Konkurrenz.\n",
        encoding="utf-8")
    (corpus / "espagnol.md").write_text(
        "# Mistral presenta un nuevo modelo\n\nLa empresa francesa Mistral AI presentó el martes un nuevo modelo "
        "de lenguaje que, según la compañía, es más rápido y más barato que el de sus competidores.\n",
        encoding="utf-8")
    (corpus / "sous-dossier").mkdir()
    with open(corpus / "sous-dossier" / "énorme.txt", "wb") as f:
        f.truncate(HUGE)
    os.symlink("..", corpus / "sous-dossier" / "lien-parent")
    (corpus / "nom avec espaces é à ç.txt").write_text(fr("samedi"), encoding="utf-8")
    (corpus / "nom avec\nretour à la ligne.txt").write_text(fr("dimanche"), encoding="utf-8")
    (corpus / "=HYPERLINK(1).txt").write_text("=1+1 " + fr("hier"), encoding="utf-8")
    with open(os.path.join(os.fsencode(corpus), b"nom-latin1-\xe9.txt"), "wb") as f:
        f.write(fr("avant-hier").encode())
    (corpus / "doublon-a.txt").write_text(text, encoding="utf-8")
    (corpus / "doublon-b.txt").write_text(text, encoding="utf-8")
    os.symlink("doublon-a.txt", corpus / "lien-vers-a.txt")
    os.symlink("introuvable.txt", corpus / "cassé.txt")
    os.symlink("boucle2.txt", corpus / "boucle1.txt")
    os.symlink("boucle1.txt", corpus / "boucle2.txt")
    os.mkfifo(corpus / "fifo.txt")
    (corpus / "rapport.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    (corpus / "sans-extension").write_text(text, encoding="utf-8")
    (corpus / ".cache.txt").write_text(text, encoding="utf-8")  # hidden: not part of the corpus
    return corpus


def _articles(out: Path) -> list[dict]:
    with open(out / "articles.csv", newline="", encoding="utf-8") as f:
        return [{k: unprotect(v) for k, v in row.items()} for row in csv.DictReader(f)]


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> tuple[Path, Path, int, str]:
    root = tmp_path_factory.mktemp("bad")
    corpus = _bad_corpus(root / "corpus")
    out = root / "out"
    import contextlib
    import io

    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet"])
    return corpus, out, code, stderr.getvalue()


def test_every_input_has_one_row_with_its_status_and_reason(bad):
    _, out, _, _ = bad
    rows = _articles(out)
    assert [r["source"] for r in rows] == sorted(EXPECTED, key=lambda s: (s.split("#")[0], len(s), s))
    assert {r["source"]: (r["status"], r["reason"]) for r in rows} == EXPECTED


def test_errors_give_exit_code_1_and_are_listed_on_stderr(bad):
    _, _, code, stderr = bad
    assert code == 1
    errors = [line for line in stderr.splitlines() if line.startswith("pipeline: error: ")]
    assert len(errors) == sum(1 for status, _ in EXPECTED.values() if status == "error")
    assert "pipeline: error: flux.jsonl#2: line 2: invalid JSON" in errors


def test_good_articles_next_to_bad_ones_are_extracted(bad):
    _, out, _, _ = bad
    rows = {r["source"]: r for r in _articles(out)}
    for source in ("cp1252.txt", "mojibake.txt", "octets-invalides.txt", "nom avec\nretour à la ligne.txt",
                   "nom-latin1-\\xe9.txt", "flux.jsonl#1", "=HYPERLINK(1).txt"):
        assert rows[source]["n_models"] != "0", source
    assert "modèle" in (out / "texts" / f"{rows['mojibake.txt']['article_id']}.txt").read_text(encoding="utf-8")
    assert "modèle" in (out / "texts" / f"{rows['cp1252.txt']['article_id']}.txt").read_text(encoding="utf-8")


def test_formula_cells_are_quoted_and_pandas_gets_the_text_back(bad):
    import pandas as pd

    _, out, _, _ = bad
    raw = {row[1]: row for row in csv.reader(open(out / "articles.csv", newline="", encoding="utf-8"))}
    assert "'=HYPERLINK(1).txt" in raw and raw["'=HYPERLINK(1).txt"][2].startswith("'=1+1 ")
    frame = pd.read_csv(out / "articles.csv", keep_default_na=False).replace(r"^'([=+\-@\t\r])", r"\1", regex=True)
    row = frame[frame["source"] == "=HYPERLINK(1).txt"].iloc[0]
    assert row["title"].startswith("=1+1 Mistral")


def test_a_second_run_over_bad_inputs_reads_nothing_and_lists_the_same(bad):
    corpus, out, _, _ = bad
    before = (out / "articles.csv").read_bytes()
    summary = run_quiet(corpus, out)
    assert summary.extracted == 0 and summary.exit_code == 1
    assert (out / "articles.csv").read_bytes() == before


def test_only_skipped_inputs_exit_0(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "vide.txt").write_bytes(b"")
    (corpus / "english.txt").write_text("OpenAI releases a new model that is faster and cheaper than the "
                                        "previous one, the company said on Tuesday.\n", encoding="utf-8")
    assert main(["run", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with open(corpus / "énorme.jsonl", "wb") as f:
        f.seek(HUGE - 1)
        f.write(b"\n")
    tracemalloc.start()
    try:
        articles = read_file(corpus / "énorme.jsonl", source="énorme.jsonl")
        summary = run_quiet(corpus, tmp_path / "out")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(a.status, a.reason) for a in articles] == [("skipped", f"file too large ({HUGE} bytes)")]
    assert (summary.articles, summary.skipped) == (1, 1)
    assert peak < 50 * 1024 * 1024, f"peak Python memory {peak} bytes"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file whatever its permissions")
def test_an_unreadable_file_is_an_error(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "secret.txt").write_text(fr("mardi"), encoding="utf-8")
    (corpus / "secret.txt").chmod(0)
    try:
        summary = run_quiet(corpus, tmp_path / "out")
        rows = _articles(tmp_path / "out")
    finally:
        (corpus / "secret.txt").chmod(0o644)
    assert summary.exit_code == 1
    assert (rows[0]["status"], rows[0]["reason"]) == ("error", "unreadable: Permission denied")
