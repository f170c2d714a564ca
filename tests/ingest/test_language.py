"""Language identification: French news (long or short) is "fr", other languages are not."""
from __future__ import annotations

import pytest

from pipeline.ingest.language import detect_language, is_french


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bonjour", "fr"),
        ("GPT-5 est sorti", "fr"),
        ("Meta a publié Llama 4.", "fr"),
        ("Gemma 3 est disponible", "fr"),
        ("Mistral AI lance Mistral Large 3", "fr"),
        ("Le modèle compte 7 milliards de paramètres.", "fr"),
        ("Anthropic dévoile Claude 4, son nouveau modèle d’IA « le plus sûr ».", "fr"),
        ("The model has 7 billion parameters.", "en"),
        ("OpenAI releases GPT-5 with a much larger context window than before.", "en"),
        ("Das Modell hat sieben Milliarden Parameter und ist frei verfügbar.", "de"),
        ("El modelo tiene siete mil millones de parámetros y es de código abierto.", "es"),
        ("Il modello ha sette miliardi di parametri ed è disponibile gratuitamente.", "it"),
        ("", "und"),
        ("12 345 — 67 %", "und"),
    ],
)
def test_detect_language(text, language):
    assert detect_language(text)[0] == language


def test_detect_language_is_deterministic():
    text = "Meta a publié Llama 4."
    assert detect_language(text) == detect_language(text)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("01-mixtral-8x7b-depeche.txt", "fr"),
        ("13-fairphone5-smartphone.txt", "fr"),
        ("14-gpt4o-mini-english.txt", "en"),
    ],
)
def test_corpus_files(corpus_dir, name, language):
    detected, probability = detect_language((corpus_dir / name).read_text(encoding="utf-8"))
    assert detected == language
    assert probability > 0.99


@pytest.mark.parametrize(("language", "french"), [("fr", True), ("en", False), ("und", False)])
def test_is_french(language, french):
    assert is_french(language) is french
