"""Bullets under an introduction that says they are models (``pipeline.recognize.model_lists``):
text -> the names the bullets open on."""
from __future__ import annotations

import pytest

from pipeline.lexicons import load
from pipeline.recognize.model_lists import listed_models
from pipeline.recognize.models import find_model_mentions
from pipeline.recognize.segments import segment

CASES = [
    # bare names, names with a size, a note or an emoji after the name
    ("Voici la liste des modèles compatibles :\n\n- Falcon\n- Koala 🐨\n- Vigogne (French)\n- Persimmon 8B",
     ["Falcon", "Koala", "Vigogne", "Persimmon 8B"]),
    # several names to a bullet, joined by a slash, « & », « and »
    ("Modèles pris en charge :\n• Pygmalion/Metharme\n• Chinese LLaMA / Alpaca and Vicuna\n• Baichuan 1 & 2 + derivations",
     ["Pygmalion", "Metharme", "Chinese LLaMA", "Alpaca", "Vicuna", "Baichuan 1"]),
    ("Les modèles supportés par l'outil :\n1. MPT\n2. Mistral AI v0.1", ["MPT", "Mistral AI v0.1"]),
    # a bullet that opens on a lower-case word, a number or a common word names nothing
    ("Modèles disponibles :\n- tous les modèles GGUF\n- 4 bits\n- Les autres", []),
    # no introduction, or one that does not say the bullets are models, or a paragraph in between
    ("Nos conseils :\n- Falcon\n- Koala", []),
    ("Les modèles compatibles sont nombreux.\n- Falcon\n- Koala", []),
    ("Voici la liste des modèles compatibles :\n\nCe sont des modèles ouverts.\n- Falcon", []),
]


@pytest.mark.parametrize("text, names", CASES)
def test_listed_models(text, names):
    assert [n for _, _, n in listed_models(text, segment(text), load())] == names


def test_listed_bare_family_is_a_model_mention():
    text = "Voici la liste des modèles compatibles :\n- Falcon\n- Mistral AI\n- Koala"
    mentions = list(find_model_mentions(text, sentences=segment(text)))
    assert [(m.text, m.recognizer) for m in mentions] == [("Falcon", "model_list"), ("Koala", "model_list")]
