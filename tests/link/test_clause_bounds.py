"""``cues.clause_bounds``: the clause around a position, looked for in a few characters before it
first, then further back: the same clause as a scan from the sentence start."""
from __future__ import annotations

import pytest

from pipeline.link.cues import _CLAUSE_CUT, clause_bounds


def _scanned(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    a = start
    for m in _CLAUSE_CUT.finditer(text, start, pos):
        a = m.end()
    m = _CLAUSE_CUT.search(text, pos, end)
    return a, (m.start() if m else end)


@pytest.mark.parametrize("text", [
    "Mistral Large 2 compte 123 milliards de paramètres, mais sa fenêtre atteint 128 000 jetons ; et il est rapide.",
    "Gemini 2.5 Pro a vu 15,5 trillions de tokens de pré-entraînement, et sa fenêtre atteint un million de tokens.",
    "Le modèle " + "très " * 60 + "grand compte 70 milliards : " + "vraiment " * 40 + "et elle mais 8 000 jetons",
    "Chiffres : " + " ; ".join(f"{i} milliards" for i in range(1, 60)) + ".",
    "jamais" + "mais" * 30 + " mais, et ils, et il" + "x" * 250 + "7,5 et 8",
])
def test_clause_bounds_are_those_of_a_scan_from_the_sentence_start(text):
    for start in (0, 3):
        for pos in range(start, len(text) + 1):
            assert clause_bounds(text, start, len(text), pos) == _scanned(text, start, len(text), pos), pos
