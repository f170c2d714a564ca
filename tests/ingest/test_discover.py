"""Corpus walking and per-file statuses: order, hidden entries, links, odd files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.ingest import article_id, read_corpus, read_file
from pipeline.ingest.discover import BROKEN_LINK, DIRECTORY_LINK, FILE, OUTSIDE_LINK, SPECIAL, discover, display_name

FR = "Mistral AI a publié un nouveau modèle de langage ouvert de sept milliards de paramètres.\n"


def _tree(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)


def test_sorted_order_hidden_ignored_and_every_file_reported(tmp_path):
    _tree(
        tmp_path,
        {
            "b.txt": FR,
            "a/z.md": "# Titre\n\n" + FR,
            "a.txt": FR,
            "A.txt": FR,
            "é accentué avec espaces.txt": FR,
            "README.md": "# Lisez-moi\n\n" + FR,
            ".hidden.txt": FR,
            ".git/config.txt": FR,
            "a/.cache/x.txt": FR,
            "notes.xyz": "quelque chose",
            "Makefile": "all:",
            "vide.txt": "",
            "blancs.md": " \n\t\n",
            "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
            "en.txt": "OpenAI released a new small language model that is cheaper than its previous one.",
        },
    )
    rows = [(a.source, a.status, a.reason) for a in read_corpus(tmp_path)]
    assert rows == [
        ("A.txt", "ok", ""),
        ("Makefile", "skipped", "unsupported file type (no extension)"),
        ("README.md", "ok", ""),
        ("a.txt", "ok", ""),
        ("a/z.md", "ok", ""),
        ("b.txt", "ok", ""),
        ("blancs.md", "skipped", "empty file"),
        ("en.txt", "skipped", "language: en (not French)"),
        ("image.txt", "error", "binary file"),
        ("notes.xyz", "skipped", "unsupported file type .xyz"),
        ("vide.txt", "skipped", "empty file"),
        ("é accentué avec espaces.txt", "ok", ""),
    ]


def test_order_does_not_depend_on_creation_order(tmp_path):
    for name in ["c.txt", "a.txt", "b/a.txt", "b.txt", "a b.txt", "a-b.txt", "a_b.txt"]:
        _tree(tmp_path, {name: FR})
    sources = [a.source for a in read_corpus(tmp_path)]
    assert sources == sorted(sources)
    assert sources == ["a b.txt", "a-b.txt", "a.txt", "a_b.txt", "b.txt", "b/a.txt", "c.txt"]


def test_symlinks(tmp_path):
    corpus = tmp_path / "corpus"
    _tree(corpus, {"sub/article.txt": FR})
    outside = tmp_path / "outside.txt"
    outside.write_text(FR, encoding="utf-8")
    os.symlink(outside, corpus / "lien.txt")
    os.symlink(tmp_path / "absent.txt", corpus / "cassé.txt")
    os.symlink(corpus, corpus / "sub" / "boucle")  # a directory loop
    os.symlink("boucle2.txt", corpus / "boucle1.txt")  # a loop of file links
    os.symlink("boucle1.txt", corpus / "boucle2.txt")
    os.symlink(outside / "x.txt", corpus / "sous-fichier.txt")  # a file where its path needs a folder

    kinds = {entry.source: entry.kind for entry in discover(corpus)}
    assert kinds == {
        "boucle1.txt": BROKEN_LINK,
        "boucle2.txt": BROKEN_LINK,
        "cassé.txt": BROKEN_LINK,
        "sous-fichier.txt": BROKEN_LINK,
        "lien.txt": OUTSIDE_LINK,
        "sub/article.txt": FILE,
        "sub/boucle": DIRECTORY_LINK,
    }
    rows = {a.source: (a.status, a.reason) for a in read_corpus(corpus)}
    assert rows == {
        "boucle1.txt": ("error", "symlink loop"),
        "boucle2.txt": ("error", "symlink loop"),
        "cassé.txt": ("error", "broken symlink"),
        "lien.txt": ("skipped", "symlink outside the corpus"),
        "sous-fichier.txt": ("error", "broken symlink"),
        "sub/article.txt": ("ok", ""),
        "sub/boucle": ("skipped", "symlink to a directory (not followed)"),
    }


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "tube.txt")
    (entry,) = discover(tmp_path)
    assert entry.kind == SPECIAL
    (article,) = read_corpus(tmp_path)
    assert (article.status, article.reason) == ("error", "not a regular file")
    (article,) = read_file(tmp_path / "tube.txt", source="tube.txt")  # must not block either
    assert (article.status, article.reason) == ("error", "not a regular file")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads everything")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(FR, encoding="utf-8")
    path.chmod(0)
    try:
        (article,) = read_file(path, source="secret.txt")
    finally:
        path.chmod(0o644)
    assert article.status == "error" and article.reason.startswith("unreadable")


def test_read_file_missing_path_is_an_error_row(tmp_path):
    (article,) = read_file(tmp_path / "absent.txt", source="absent.txt")
    assert article.status == "error"
    assert article.article_id == article_id(None, source="absent.txt")


def test_corpus_must_be_a_directory(tmp_path):
    with pytest.raises(NotADirectoryError):
        list(read_corpus(tmp_path / "absent"))


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("abc", "x.txt", "ba7816bf8f01cfea"),  # sha256("abc")
        (None, "x.txt", "c0941b067020c15f"),  # sha256("source:x.txt")
        ("", "x.txt", "c0941b067020c15f"),
    ],
)
def test_article_id(text, source, expected):
    assert article_id(text, source=source) == expected


def test_article_id_is_stable_for_the_same_content(tmp_path):
    _tree(tmp_path, {"un.txt": FR, "deux/copie.md": FR})
    first, second = read_corpus(tmp_path)
    assert first.article_id == second.article_id == article_id(FR.rstrip(), source="")


@pytest.mark.parametrize(("name", "shown"), [("plain.txt", "plain.txt"), ("caf\udce9.txt", "caf\\xe9.txt")])
def test_display_name(name, shown):
    assert display_name(name) == shown
