"""Table tests for pipeline.recognize.segments.segment (pure function)."""
from __future__ import annotations

import pytest

from pipeline.recognize.segments import BULLET, HEADING, MAX_SENTENCE_CHARS, TABLE, TEXT, bounded, segment


def parts(text):
    return [(text[s.start:s.end], s.kind, s.block) for s in segment(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# Llama 4 arrive", [("# Llama 4 arrive", HEADING, 1)]),
        ("Scout : petit mais costaud", [("Scout : petit mais costaud", HEADING, 1)]),
        # a sentence and the start of another, cut at the excerpt's end: not a heading
        ("Le tout entraîné sur 450 milliards de tokens. Les modèles concu",
         [("Le tout entraîné sur 450 milliards de tokens.", TEXT, 1), ("Les modèles concu", TEXT, 1)]),
        (
            "Meta a publié Llama 4. Le modèle est ouvert.",
            [("Meta a publié Llama 4.", TEXT, 1), ("Le modèle est ouvert.", TEXT, 1)],
        ),
        (  # "déc." is an abbreviation: no split inside the parenthesis
            "OpenAI a lancé o1 (déc. 2024) puis o3. Ensuite rien.",
            [("OpenAI a lancé o1 (déc. 2024) puis o3.", TEXT, 1), ("Ensuite rien.", TEXT, 1)],
        ),
        (  # a name in camel case starts a sentence; a lower-case word does not
            "Google a publié Gemini. xAI affirme le contraire. Il a suivi. o3 aussi.",
            [("Google a publié Gemini.", TEXT, 1), ("xAI affirme le contraire.", TEXT, 1),
             ("Il a suivi. o3 aussi.", TEXT, 1)],
        ),
        (  # a closing guillemet after a space ends the sentence too
            "Il a dit : « Nous voilà. » Il a sorti Claude 4.",
            [("Il a dit : « Nous voilà.", TEXT, 1), ("Il a sorti Claude 4.", TEXT, 1)],
        ),
        (
            "- Llama 4 Scout compte 109 milliards de paramètres.",
            [("- Llama 4 Scout compte 109 milliards de paramètres.", BULLET, 1)],
        ),
        (
            "# Titre\n\nPremière phrase ici. Deuxième phrase là.",
            [("# Titre", HEADING, 1), ("Première phrase ici.", TEXT, 2), ("Deuxième phrase là.", TEXT, 2)],
        ),
        (  # « : 1. » opens a numbered item, no sentence end
            "Classement : 1. Gemini 2.5 Pro : 1 460 2. GPT-4.5 : 1 398. Fin ici.",
            [("Classement : 1. Gemini 2.5 Pro : 1 460 2. GPT-4.5 : 1 398.", TEXT, 1), ("Fin ici.", TEXT, 1)],
        ),
        (  # a line that opens on a lower-case letter goes on one that ends no sentence
            "deux modèles, gpt-oss-20b\net gpt-oss-120b, sous licence.\nFin.\net voilà\nle modèle gemini-1.5-flash\na une limite.",
            [("deux modèles, gpt-oss-20b\net gpt-oss-120b, sous licence.", TEXT, 1), ("Fin.", TEXT, 2),
             ("et voilà\nle modèle gemini-1.5-flash\na une limite.", TEXT, 3)],
        ),
        (  # a line that opens on a comma goes on the one before; not after a blank line
            "Le plus léger, gpt-oss-20b\n, dispose de 21 milliards.\n\n, seule",
            [("Le plus léger, gpt-oss-20b\n, dispose de 21 milliards.", TEXT, 1), (", seule", HEADING, 2)],
        ),
    ],
)
def test_segment(text, expected):
    assert parts(text) == expected


def test_table_rows_and_cells():
    text = "| Modèle | Paramètres |\n|---|---|\n| Llama 4 Scout | 109 Md |"
    sents = segment(text)
    assert [s.kind for s in sents] == [TABLE, TABLE]  # the separator row is dropped
    assert [[text[c.start:c.end] for c in s.cells] for s in sents] == [
        ["Modèle", "Paramètres"],
        ["Llama 4 Scout", "109 Md"],
    ]
    assert text[sents[1].start:sents[1].end] == "| Llama 4 Scout | 109 Md |"


def test_a_dokuwiki_header_row_is_a_table_row():
    text = "^ Année ^ Modèle ^ Taille ^\n| 2019 | GPT-2 | 1.5B |\nLa suite ^ ici ^."
    sents = segment(text)
    assert [s.kind for s in sents] == [TABLE, TABLE, TEXT]
    assert [text[c.start:c.end] for c in sents[0].cells] == ["Année", "Modèle", "Taille"]


def test_text_sentences_have_no_cells():
    assert all(s.cells == () for s in segment("Une phrase. Une autre."))


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("court", 10, ["court"]),
        ("aaaa, bbbb; cccc dddd", 12, ["aaaa, bbbb;", "cccc dddd"]),  # « ; » first
        ("aaaa bbbb, cccc dddd", 12, ["aaaa bbbb,", "cccc dddd"]),  # then « , »
        ("aaaa bbbb cccc dddd", 12, ["aaaa bbbb", "cccc dddd"]),  # then a space
        ("aaaaaaaaaaaaaaaaaaaa", 8, ["aaaaaaaa", "aaaaaaaa", "aaaa"]),  # mid-word only without one
    ],
)
def test_bounded(text, limit, expected):
    pieces = list(bounded(text, 0, len(text), limit=limit))
    assert [text[a:b] for a, b in pieces] == expected
    assert all(b - a <= limit for a, b in pieces)


def test_a_sentence_without_end_is_cut_under_the_limit():
    text = "Titre\n\n" + ", et ".join(f"Llama {i % 9 + 1} compte {i} milliards" for i in range(2_000))
    sents = segment(text)
    assert len(sents) > 1 + len(text) // MAX_SENTENCE_CHARS
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in sents)
    assert text[sents[-1].end - 5:] == text[-5:]  # nothing lost at the end


def test_a_table_row_over_the_limit_is_running_text():
    row = "| " + " | ".join(f"Qwen {i}" for i in range(MAX_SENTENCE_CHARS // 8)) + " |"
    assert {s.kind for s in segment(row)} == {TEXT}
