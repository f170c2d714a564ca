"""JSON Lines: one article per line; bad lines become error rows, the others are unaffected."""
from __future__ import annotations

import json

import pytest

from pipeline.ingest import article_id, read_file
from pipeline.ingest.formats.jsonl import read_line

FR = "Mistral AI a publié un nouveau modèle de langage ouvert de sept milliards de paramètres."
EN = "OpenAI released a new small language model that is cheaper than its previous one."


def test_jsonl_file(tmp_path):
    lines = [
        json.dumps({"text": FR, "title": "Titre", "url": "https://ex.fr/1", "date": "2024-06-21T09:40:00+02:00",
                    "author": "Léa Fontaine"}, ensure_ascii=False),
        "",
        "{not json",
        json.dumps({"title": "sans texte"}),
        json.dumps({"text": EN}),
        "   ",
        json.dumps({"text": "   "}),
        json.dumps(["une", "liste"]),
        json.dumps({"text": 42}),
        json.dumps({"text": "Le modÃ¨le dâ€™experts de Mistral AI compte huit experts par couche.", "date": "avril 2024"}),
    ]
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles = read_file(path, source="sub/lot.jsonl")
    rows = [(a.source, a.status, a.reason) for a in articles]
    assert rows == [
        ("sub/lot.jsonl#1", "ok", ""),
        ("sub/lot.jsonl#3", "error", "line 3: invalid JSON"),
        ("sub/lot.jsonl#4", "error", "line 4: no 'text' field"),
        ("sub/lot.jsonl#5", "skipped", "language: en (not French)"),
        ("sub/lot.jsonl#7", "skipped", "line 7: empty 'text'"),
        ("sub/lot.jsonl#8", "error", "line 8: not a JSON object"),
        ("sub/lot.jsonl#9", "error", "line 9: 'text' is not a string"),
        ("sub/lot.jsonl#10", "ok", ""),
    ]
    first = articles[0]
    assert (first.title, first.url, first.published, first.author) == ("Titre", "https://ex.fr/1", "2024-06-21", "Léa Fontaine")
    assert first.text == FR and first.format == "jsonl" and first.language == "fr"
    assert first.article_id == article_id(FR, source="ignored")
    assert articles[1].article_id == article_id(None, source="sub/lot.jsonl#3")
    assert articles[1].article_id != articles[2].article_id
    assert articles[3].text == EN  # kept for counting and hashing
    last = articles[-1]
    assert last.text == "Le modèle d’experts de Mistral AI compte huit experts par couche."
    assert last.encoding == "utf-8+mojibake-repaired"
    assert last.published == "2024-04-01"


@pytest.mark.parametrize(
    ("line", "status", "reason"),
    [
        ('{"text": "Bonjour à tous, voici un article."}', "ok", ""),
        ('{"text": "a\\u0000b\\tc"}', "ok", ""),
        ("{\"text\": \"tab\tbrut\"}", "ok", ""),  # raw control characters tolerated
        ("[1, 2]", "error", "line 5: not a JSON object"),
        ('"texte"', "error", "line 5: not a JSON object"),
        ('{"text": null}', "error", "line 5: no 'text' field"),
        ("{'text': 'quotes simples'}", "error", "line 5: invalid JSON"),
    ],
)
def test_read_line(line, status, reason):
    record = read_line(line, number=5)
    assert (record.status, record.reason, record.part) == (status, reason, "#5")


def test_control_characters_removed_from_fields():
    record = read_line('{"text": "a\\u0000b", "title": "T\\u0007"}', number=1)
    assert record.document.text == "ab"
    assert record.document.title == "T"


def test_blank_jsonl_file_is_one_skipped_row(tmp_path):
    path = tmp_path / "vide.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    (article,) = read_file(path, source="vide.jsonl")
    assert (article.source, article.status, article.reason) == ("vide.jsonl", "skipped", "empty file")


def test_a_lone_surrogate_escape_becomes_a_replacement_character(tmp_path):
    """« \\ud800 » alone (no UTF-8 text can hold it) made the whole file one internal error (found by
    tests/properties): now that line is read, the character replaced, and the next line too."""
    path = tmp_path / "lot.jsonl"
    path.write_text('{"text": "\\ud800 ' + FR + '", "title": "\\udfff"}\n{"text": "\\ud83d\\ude00 ' + FR + '"}\n',
                    encoding="utf-8")
    articles = read_file(path, source="lot.jsonl")
    assert [(a.source, a.status) for a in articles] == [("lot.jsonl#1", "ok"), ("lot.jsonl#2", "ok")]
    assert articles[0].text == "\ufffd " + FR and articles[0].title == "\ufffd"
    assert articles[1].text == "\U0001F600 " + FR  # a pair of escapes is one character, kept


def test_a_line_nested_too_deep_is_an_error_of_its_own(tmp_path):
    """The decoder's depth (a recursion error, not a ValueError) stops at the line: the file's
    other lines are read, and a title nested a thousand lists deep is read too."""
    deep_text = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    deep_title = json.dumps({"title": "x", "text": FR}).replace('"x"', "[" * 900 + '"Titre", ["suite"]' + "]" * 900)
    path = tmp_path / "lot.jsonl"
    path.write_text("\n".join([json.dumps({"text": FR}, ensure_ascii=False), deep_text, deep_title]) + "\n", encoding="utf-8")
    rows = [(a.source, a.status, a.reason, a.title) for a in read_file(path, source="lot.jsonl")]
    assert rows == [("lot.jsonl#1", "ok", "", None), ("lot.jsonl#2", "error", "line 2: JSON nested too deep", None),
                    ("lot.jsonl#3", "ok", "", "Titre, suite")]
