"""Table tests for pipeline.recognize.segments.segment (pure function)."""
from __future__ import annotations

import pytest

from pipeline.recognize.segments import BULLET, HEADING, TABLE, TEXT, segment


def parts(text):
    return [(text[s.start:s.end], s.kind, s.block) for s in segment(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# Llama 4 arrive", [("# Llama 4 arrive", HEADING, 1)]),
        ("Scout : petit mais costaud", [("Scout : petit mais costaud", HEADING, 1)]),
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
        (
            "- Llama 4 Scout compte 109 milliards de paramètres.",
            [("- Llama 4 Scout compte 109 milliards de paramètres.", BULLET, 1)],
        ),
        (
            "# Titre\n\nPremière phrase ici. Deuxième phrase là.",
            [("# Titre", HEADING, 1), ("Première phrase ici.", TEXT, 2), ("Deuxième phrase là.", TEXT, 2)],
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


def test_text_sentences_have_no_cells():
    assert all(s.cells == () for s in segment("Une phrase. Une autre."))
