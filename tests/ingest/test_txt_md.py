"""Plain-text and markdown articles: front matter, title, dateline, byline, text kept as is."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from pipeline.ingest import read_file
from pipeline.ingest.formats.md import heading_title
from pipeline.ingest.formats.txt import (
    MAX_YAML_CHARS,
    _deeper_than,
    find_author,
    find_signature,
    read_header,
    split_front_matter,
    split_segments,
)

BODY = (
    "Mistral AI a publié mardi un nouveau modèle de langage ouvert, avec sept milliards de "
    "paramètres, sous licence Apache 2.0, pour les développeurs européens."
)


def _read(tmp_path: Path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    (article,) = read_file(path, source=name)
    return article


@pytest.mark.parametrize(
    ("name", "content", "title", "author", "published", "text_start"),
    [
        pytest.param(
            "fm.txt",
            '---\ntitle: "Titre : entre guillemets"\nurl: https://ex.fr/a\ndate: 2024-06-21T23:40:00-05:00\n'
            "author: Léa Fontaine\ntags: [IA, LLM]\n---\n\nTitre : entre guillemets\n\n" + BODY,
            "Titre : entre guillemets", "Léa Fontaine", "2024-06-21", "Titre : entre guillemets\n\n",
            id="txt front matter (local date of an ISO timestamp)",
        ),
        pytest.param(
            "fm-quoted.txt",
            "---\ntitle: 'Un titre'\ndate: \"3 décembre 2025\"\n---\n" + BODY,
            "Un titre", None, "2025-12-03", "Mistral AI a publié",
            id="txt quoted front matter values",
        ),
        pytest.param(
            "fm-broken.txt",
            "---\ntitle: Llama 4: le retour\ndate: 2025-04-05\n\tbad: [\n---\n" + BODY,
            "Llama 4: le retour", None, "2025-04-05", "Mistral AI a publié",
            id="txt broken YAML front matter read line by line",
        ),
        pytest.param(
            "depeche.txt",
            "Un titre de dépêche\nDépêche | Paris, lundi 11 décembre 2023, 17h05 | Service Économie & Tech\n\n" + BODY,
            "Un titre de dépêche", None, "2023-12-11", "Un titre de dépêche\n",
            id="txt dateline without author",
        ),
        pytest.param(
            "byline.txt",
            "Titre\nPublié le 13 décembre 2024 · Mis à jour le 16 décembre 2024 à 9h05\n"
            "Auteur : Karim Haddad · Catégorie : IA générative\n\n" + BODY,
            "Titre", "Karim Haddad", "2024-12-13", "Titre\nPublié",
            id="txt publication date preferred to update date",
        ),
        pytest.param(
            "no-header.txt", "Un titre\n\n" + BODY + "\n\nEldad B.\n",
            "Un titre", "Eldad B.", None, "Un titre\n\n",
            id="txt signature on the last line",
        ),
        pytest.param(
            "blog.md",
            "# DeepSeek-V3 : ce qu'il faut savoir\n\n*Publié le 29 janvier 2025 par Camille Roche · Temps de lecture : 6 min*\n\n"
            + BODY + "\n\n| Modèle | Paramètres |\n|---|---|\n| V3 | 671 Md |\n\n- **Point :** un\n",
            "DeepSeek-V3 : ce qu'il faut savoir", "Camille Roche", "2025-01-29", "# DeepSeek-V3",
            id="md heading title, emphasised byline",
        ),
        pytest.param(
            "analyse.md",
            "Chapeau sans titre\n\n# Le vrai titre\n\n*Analyse · 12 août 2025 · par Lucas Meunier*\n\n" + BODY,
            "Le vrai titre", "Lucas Meunier", "2025-08-12", "Chapeau sans titre",
            id="md first heading, not first line",
        ),
        pytest.param(
            "fm.md",
            "---\ntitle: Titre du front matter\nauthor: [Ana, Bob]\n---\n# Titre affiché\n\n" + BODY,
            "Titre du front matter", "Ana, Bob", None, "# Titre affiché",
            id="md front matter wins over heading",
        ),
        pytest.param(
            "rule.md", "---\n\n# Titre\n\n" + BODY + "\n\n---\n", "Titre", None, None, "---\n\n# Titre",
            id="md leading horizontal rule is not front matter",
        ),
    ],
)
def test_txt_and_md(tmp_path, name, content, title, author, published, text_start):
    article = _read(tmp_path, name, content)
    assert article.status == "ok", article.reason
    assert article.format == name.rsplit(".", 1)[1]
    assert article.title == title
    assert article.author == author
    assert article.published == published
    assert article.text.startswith(text_start)
    assert BODY in article.text
    assert "---\ntitle" not in article.text


def test_markdown_kept_as_is(tmp_path):
    content = "# Titre\n\n" + BODY + "\n\n| Modèle | Paramètres |\n|---|---|\n| V3 | 671\u00a0Md |\n\n- **Point :** un\n"
    article = _read(tmp_path, "table.md", content)
    assert article.text == content.rstrip()


def test_front_matter_url(tmp_path):
    article = _read(tmp_path, "u.txt", "---\nurl: https://ex.fr/ia/1\n---\nTitre\n\n" + BODY)
    assert article.url == "https://ex.fr/ia/1"


@pytest.mark.parametrize(
    ("text", "meta_keys", "rest_start"),
    [
        ("---\ntitle: A\n---\nBody", {"title"}, "Body"),
        ("---\r\ntitle: A\n---\nBody", set(), "---"),  # decode normalises CRLF before this
        ("No front matter\n---\n", set(), "No front"),
        ("---\n---\nBody", set(), "---"),
        ("---\ntitle: A\n---", {"title"}, ""),
    ],
)
def test_split_front_matter(text, meta_keys, rest_start):
    meta, rest = split_front_matter(text)
    assert set(meta) == meta_keys
    assert rest.startswith(rest_start)


@pytest.mark.parametrize(
    ("segment", "author"),
    [
        ("Par Julien Marchetti", "Julien Marchetti"),
        ("par Lucas Meunier", "Lucas Meunier"),
        ("Publié le 29 janvier 2025 par Camille Roche", "Camille Roche"),
        ("Auteur : Hugo Lemaire", "Hugo Lemaire"),
        ("By Daniel Brooks", "Daniel Brooks"),
        ("Par Élodie Marchand", "Élodie Marchand"),
        ("Par Jean de La Fontaine", "Jean de La Fontaine"),
        ("Par Léa Fontaine et Hugo Lemaire", "Léa Fontaine et Hugo Lemaire"),
        ("Service Économie & Tech", None),
        ("Rubrique : Intelligence artificielle", None),
        ("le modèle publié par les chercheurs", None),
        ("Temps de lecture : 6 min", None),
    ],
)
def test_find_author(segment, author):
    assert find_author(segment) == author


@pytest.mark.parametrize(
    ("line", "segments"),
    [
        ("Dépêche | Paris, lundi 11 décembre 2023, 17h05 | Service", ["Dépêche", "Paris, lundi 11 décembre 2023, 17h05", "Service"]),
        ("*Analyse · 12 août 2025 · par Lucas Meunier*", ["Analyse", "12 août 2025", "par Lucas Meunier"]),
        ("Publié le 30 avril 2025 – 11 h 20 | Auteur : Hugo Lemaire", ["Publié le 30 avril 2025", "11 h 20", "Auteur : Hugo Lemaire"]),
        ("Par Jean-Pierre Dupont - 3 mai 2024", ["Par Jean-Pierre Dupont", "3 mai 2024"]),
    ],
)
def test_split_segments(line, segments):
    assert split_segments(line) == segments


@pytest.mark.parametrize(
    ("text", "author", "published"),
    [
        ("Titre\nPublié le 30 avril 2025 – 11 h 20 | Rubrique : IA | Auteur : Hugo Lemaire\n\nCorps.", "Hugo Lemaire", "2025-04-30"),
        ("Titre\nLe 3 décembre 2025 à 10h12 | Intelligence artificielle | Par Nadia Benali", "Nadia Benali", "2025-12-03"),
        ("Titre\nDépêche | Mountain View (Californie), 21 mai 2025 | Par Thomas Girard", "Thomas Girard", "2025-05-21"),
        ("Titre\nPar X Y · 25 juillet 2024", "X Y", "2024-07-25"),
        ("Titre\nChronique hebdomadaire | 22 avril 2024 | Par Marc Olivier", "Marc Olivier", "2024-04-22"),
        ("Avril 2024, le mois des modèles ouverts\nChronique | 22 avril 2024", None, "2024-04-22"),
        ("Titre\n\nUn paragraphe qui cite le 20 janvier 2025 et qui a été écrit par Meta.", None, "2025-01-20"),
        ("Titre\n\n" + "Un long paragraphe du 20 janvier 2025. " * 10, None, None),
        ("Titre\n1\n2\n3\n4\n5\nPar Quelqu'un · 1 mai 2024", None, None),
    ],
)
def test_read_header(text, author, published):
    header = read_header(text, title="Titre")
    assert (header.author, header.published) == (author, published)


@pytest.mark.parametrize(
    ("text", "signature"),
    [
        ("Titre\n\nCorps.\n\nEldad B.", "Eldad B."),
        ("Titre\n\nCorps.\n\nThomas Girard\n", "Thomas Girard"),
        ("Titre\n\nCorps.\n\n(Fin de dépêche)", None),
        ("Titre\n\nCorps.\n\nMistral AI", None),
        ("Titre\n\nCorps.\n\nBonne lecture", None),
        ("Titre\n\nCorps se terminant par une phrase.", None),
    ],
)
def test_find_signature(text, signature):
    assert find_signature(text, title="Titre") == signature


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("# Titre\n\ncorps", "Titre"),
        ("intro\n\n## Section\n\n# Titre **gras** #\n", "Titre gras"),
        ("Titre souligné\n==============\n\ncorps", "Titre souligné"),
        ("  Titre à espaces \t\n  ===  \ncorps", "Titre à espaces"),
        ("Titre Windows\r\n===\r\ncorps", "Titre Windows"),
        ("Un long chapeau " * 300 + "\n\nTitre tardif\n===\n", "Titre tardif"),
        ("Pas de titre\n\ncorps", "Pas de titre"),
        ("## Seulement un h2\n\ncorps", "Seulement un h2"),
        ("", None),
    ],
)
def test_heading_title(text, title):
    """(Long paragraphs: the underline pattern is linear in the text, it once took 3 ms an article.)"""
    assert heading_title(text) == title


def _bomb(levels: int) -> str:
    """A front matter whose anchors each list the previous one nine times: the title names the last."""
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefghij", "bcdefghij"[:levels]):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    last = "abcdefghij"[levels]
    return "---\n" + "\n".join(lines) + f"\ntitle: *{last}\nauthor: Léa Fontaine\n---\n\n" + BODY


@pytest.mark.parametrize("front_matter", [
    pytest.param(_bomb(8), id="anchors listed again and again (9^9 items)"),
    pytest.param("---\ntitle: " + "[" * 20_000 + "T" + "]" * 20_000 + "\nauthor: Léa Fontaine\n---\n\n" + BODY,
                 id="lists nested 20 000 deep"),
    pytest.param("---\ntitle: " + "[" * 100 + "T" + "]" * 100 + "\nauthor: Léa Fontaine\n---\n\n" + BODY,
                 id="lists nested 100 deep"),
])
def test_a_hostile_front_matter_is_read_as_lines(tmp_path, front_matter):
    """YAML that would build gigabytes (aliases), recurse past Python's depth, or take seconds
    (libyaml's time grows with the square of the nesting) is read as plain « key: value » lines."""
    started = time.monotonic()
    article = _read(tmp_path, "fm.txt", front_matter)
    assert time.monotonic() - started < 5
    assert article.status == "ok" and article.text.startswith("Mistral AI a publié")
    assert article.author == "Léa Fontaine" and len(article.title) < len(front_matter)


def test_front_matter_limits():
    assert not _deeper_than({"tags": ["IA", ["LLM"]]}, 3) and _deeper_than({"tags": ["IA", ["LLM"]]}, 2)  # (three containers)
    assert not _deeper_than("titre", 0) and not _deeper_than([], 1) and _deeper_than([[]], 1)
    meta, _ = split_front_matter("---\ntitle: " + "x" * MAX_YAML_CHARS + "\ntags: [a, b]\n---\nTexte")
    assert meta["title"].startswith("xxx") and meta["tags"] == "[a, b]"  # (lines: the list is not read as YAML)
    meta, _ = split_front_matter("---\ntitle: Titre\ntags: [a, b]\n---\nTexte")
    assert meta == {"title": "Titre", "tags": ["a", "b"]}
