"""Reads stay inside the corpus: a symlink whose target resolves outside the corpus folder is not
followed (``skipped``, « symlink outside the corpus »), unless ``--follow-symlinks``; links inside
the corpus are read (files) or reported (folders); loops and broken links are reported; a file
swapped for a link after discovery is refused when it is opened."""
from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.fingerprint import probe
from pipeline.ingest import read_entry
from pipeline.ingest.discover import OutsideCorpus, discover, open_entry

FR = ("Mistral dévoile un modèle\n\nLe modèle Mistral Small 3 compte 24 milliards de paramètres, selon la "
      "start-up parisienne qui le publie sous licence ouverte.\n")
SECRET = "Ligne secrète\n\nLe modèle Secret 9 compte 900 milliards de paramètres selon ce document interne.\n"
OUTSIDE = ("skipped", "symlink outside the corpus")


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """A corpus with every kind of link, next to a folder it must not read."""
    elsewhere = tmp_path / "ailleurs"
    (elsewhere / "dossier").mkdir(parents=True)
    (elsewhere / "secret.txt").write_text(SECRET, encoding="utf-8")
    (elsewhere / "dossier" / "autre.txt").write_text(SECRET.replace("Secret 9", "Secret 10"), encoding="utf-8")
    corpus = tmp_path / "corpus"
    (corpus / "sous").mkdir(parents=True)
    (corpus / "a.txt").write_text(FR, encoding="utf-8")
    (corpus / "sous" / "b.txt").write_text(FR.replace("24", "22"), encoding="utf-8")
    links = {
        "fichier-dehors.txt": elsewhere / "secret.txt",  # a file outside, absolute
        "relatif-dehors.txt": Path("..") / "ailleurs" / "secret.txt",  # a file outside, relative
        "dossier-dehors": elsewhere / "dossier",  # a folder outside
        "passwd.txt": Path("/etc/passwd"),
        "fichier-dedans.txt": Path("sous") / "b.txt",  # a file inside
        "dossier-dedans": Path("sous"),  # a folder inside
        "sous/boucle": Path(".."),  # a folder loop
        "boucle1.txt": Path("boucle2.txt"),  # a loop of file links
        "boucle2.txt": Path("boucle1.txt"),
        "cassé.txt": Path("introuvable.txt"),  # broken
        "cassé-dehors.txt": elsewhere / "introuvable.txt",  # broken, and pointing outside
        "rebond.txt": Path("dossier-dehors") / "autre.txt",  # through a link that leaves the corpus
    }
    for name, target in links.items():
        os.symlink(target, corpus / name)
    return corpus


def _run(corpus: Path, out: Path, *extra: str) -> tuple[int, dict[str, tuple[str, str]]]:
    code = main(["run", "--corpus", str(corpus), "--out", str(out), "--quiet", "--workers", "1", *extra])
    with open(out / "articles.csv", newline="", encoding="utf-8") as f:
        rows = {row["source"]: (row["status"], row["reason"]) for row in csv.DictReader(f)}
    return code, rows


def _published(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in [out / "articles.csv", out / "facts.csv",
                                                            *sorted((out / "texts").glob("*.txt"))])


def test_links_out_of_the_corpus_are_skipped_and_nothing_of_them_is_published(tree: Path, tmp_path: Path):
    code, rows = _run(tree, tmp_path / "out")
    assert code == 1  # the loops and broken links are errors, as before
    assert rows == {
        "a.txt": ("ok", ""),
        "boucle1.txt": ("error", "symlink loop"),
        "boucle2.txt": ("error", "symlink loop"),
        "cassé-dehors.txt": ("error", "broken symlink"),
        "cassé.txt": ("error", "broken symlink"),
        "dossier-dedans": ("skipped", "symlink to a directory (not followed)"),
        "dossier-dehors": OUTSIDE,
        "fichier-dedans.txt": ("ok", ""),
        "fichier-dehors.txt": OUTSIDE,
        "passwd.txt": OUTSIDE,
        "rebond.txt": OUTSIDE,
        "relatif-dehors.txt": OUTSIDE,
        "sous/b.txt": ("skipped", "duplicate of fichier-dedans.txt"),
        "sous/boucle": ("skipped", "symlink to a directory (not followed)"),
    }
    published = _published(tmp_path / "out")
    assert "Secret" not in published and "root:" not in published


def test_follow_symlinks_reads_links_wherever_they_point_and_walks_each_folder_once(tree: Path, tmp_path: Path):
    code, rows = _run(tree, tmp_path / "out", "--follow-symlinks")
    assert code == 1
    assert rows["fichier-dehors.txt"] == rows["dossier-dehors/autre.txt"] == ("ok", "")
    assert rows["relatif-dehors.txt"] == ("skipped", "duplicate of fichier-dehors.txt")
    assert rows["passwd.txt"][0] == "skipped" and rows["passwd.txt"][1].startswith("language:")
    assert rows["rebond.txt"] == ("skipped", "duplicate of dossier-dehors/autre.txt")
    # a folder is walked once through links (a link back to a folder being walked is not followed); its
    # files under their own path are the duplicates of those read first, through the link
    again = ("skipped", "symlink to a directory already read (not followed)")
    assert rows["dossier-dedans/b.txt"] == ("ok", "")
    assert rows["sous/b.txt"] == rows["fichier-dedans.txt"] == ("skipped", "duplicate of dossier-dedans/b.txt")
    assert rows["dossier-dedans/boucle"] == rows["sous/boucle"] == again
    assert len(rows) == 15
    assert rows["boucle1.txt"] == ("error", "symlink loop") and rows["cassé.txt"] == ("error", "broken symlink")
    assert "Secret 9" in _published(tmp_path / "out")


def test_a_corpus_that_is_itself_a_link_is_read(tmp_path: Path):
    real = tmp_path / "réel"
    real.mkdir()
    (real / "a.txt").write_text(FR, encoding="utf-8")
    os.symlink(real, tmp_path / "corpus")
    os.symlink(real / "a.txt", real / "lien.txt")  # inside, through the corpus's real path
    code, rows = _run(tmp_path / "corpus", tmp_path / "out")
    assert code == 0 and rows == {"a.txt": ("ok", ""), "lien.txt": ("skipped", "duplicate of a.txt")}


def test_a_file_swapped_for_a_link_after_discovery_is_refused_when_opened(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (entry,) = discover(corpus)
    (corpus / "a.txt").unlink()
    os.symlink(tmp_path / "secret.txt", corpus / "a.txt")  # after the check, before the read
    with pytest.raises(OutsideCorpus):
        open_entry(entry)
    assert probe(entry).volatile and probe(entry).data is None
    (article,) = read_entry(entry)
    assert (article.status, article.reason, article.text) == ("skipped", "symlink outside the corpus", "")
    (followed,) = discover(corpus, follow_symlinks=True)
    assert followed.root == "" and os.read(open_entry(followed), 13) == SECRET.encode()[:13]
