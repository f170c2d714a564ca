"""Language identification: French news (long or short) is "fr", other languages are not."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import language, read_corpus
from pipeline.ingest.language import detect_language, french_by_function_words, is_french, model_language
from pipeline.lexicons import LexiconError

FRENCH_PARAGRAPH = (
    "Mistral AI a présenté mardi son nouveau modèle, qui est disponible sous licence libre. Selon "
    "l'entreprise, il surpasse ses concurrents dans la plupart des tests, avec une fenêtre de contexte "
    "de 128 000 jetons. Les poids sont publiés sur Hugging Face, mais la version commerciale reste "
    "payante pour les entreprises qui ont plus de mille salariés."
)


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
        (FRENCH_PARAGRAPH, "fr"),
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


# Function words settle plainly French text; anything short, mixed or foreign goes to the model.
@pytest.mark.parametrize(
    ("text", "settled"),
    [
        (FRENCH_PARAGRAPH, True),
        (FRENCH_PARAGRAPH + " " + FRENCH_PARAGRAPH, True),
        ("Meta a publié Llama 4.", False),  # too few function words
        # « il » and « on » are French words before they are Italian or English ones
        ("Ce que l'on sait du modèle : il est rapide, il est ouvert, il surpasse ses rivaux selon "
         "l'entreprise, et on peut l'utiliser dans une application avec peu de mémoire.", True),
        ("Le modèle compte 7 milliards de paramètres et il est disponible dans une version ouverte.", False),
        ("Mistral AI has presented its new model, which is available under an open licence. According to the "
         "company, it beats its competitors on most of the tests, with a context window of 128,000 tokens. "
         "The weights are published on Hugging Face, but the commercial version is paid for the companies "
         "that have more than a thousand employees.", False),
        ("Mistral AI ha presentato martedì il suo nuovo modello, che è disponibile con licenza libera. "
         "Secondo l'azienda, supera i concorrenti nella maggior parte dei test, con una finestra di contesto "
         "di 128 000 token. I pesi sono pubblicati su Hugging Face, ma la versione commerciale è a pagamento "
         "per le aziende che hanno più di mille dipendenti.", False),
        ("Mistral AI presentó el martes su nuevo modelo, que está disponible con licencia libre. Según la "
         "empresa, supera a sus competidores en la mayoría de las pruebas, con una ventana de contexto de "
         "128 000 tokens. Los pesos están publicados en Hugging Face, pero la versión comercial es de pago "
         "para las empresas que tienen más de mil empleados.", False),
        # A French lead over a long English quotation: the model decides.
        ("Selon le communiqué, qui est en anglais : " + "The model is the best of the family and it has been "
         "trained on the largest dataset that the company has ever built, with a focus on the code. " * 3, False),
    ],
)
def test_function_words(text, settled):
    assert (french_by_function_words(text) is not None) is settled


@pytest.mark.parametrize("corpus", ["corpus", "tests/fixtures/unseen"])
def test_function_words_agree_with_the_model(repo_root, corpus):
    """Wherever the function words settle a text as French, the model says French too; and they
    settle most articles of a French corpus (the point of the step)."""
    settled = total = 0
    for article in read_corpus(repo_root / corpus):
        if not (article.text or "").strip():
            continue
        sample = article.text[:language.MAX_CHARS]
        total += 1
        if french_by_function_words(sample) is not None:
            settled += 1
            assert model_language(sample)[0] == "fr", article.source
    assert settled >= 0.6 * total


def test_detect_language_is_deterministic():
    for text in ("Meta a publié Llama 4.", FRENCH_PARAGRAPH):
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
    text = (corpus_dir / name).read_text(encoding="utf-8")
    assert detect_language(text)[0] == language
    detected, probability = model_language(text)
    assert detected == language
    assert probability > 0.99


@pytest.mark.parametrize(("language", "french"), [("fr", True), ("en", False), ("und", False)])
def test_is_french(language, french):
    assert is_french(language) is french


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("french: [dans, avec]\nothers: {en: [the, with]}\n", None),
        ("french: [dans, avec]\nothers: {en: [the, dans]}\n", "as French and as another language"),
        ("french: [Dans]\nothers: {en: [the]}\n", "french: expected a list of lower-case words"),
        ("french: [dans]\nothers: {en: [the, on]}\n", "others.en: expected a list of lower-case words"),  # YAML's on: true
        ("french: [dans]\n", "expected 'french' and 'others'"),
        ("french: [dans\n", "cannot read"),
    ],
)
def test_markers_file_is_validated(tmp_path, monkeypatch, yaml_text, message):
    (tmp_path / "languages.yaml").write_text(yaml_text, encoding="utf-8")
    monkeypatch.setattr(language, "LEXICONS", tmp_path)
    language.load_markers.cache_clear()
    try:
        if message is None:
            assert language.load_markers().french == frozenset({"dans", "avec"})
        else:
            with pytest.raises(LexiconError, match=message):
                language.load_markers()
    finally:
        language.load_markers.cache_clear()


def test_a_broken_markers_file_stops_reading(tmp_path, monkeypatch):
    """A broken installation is not a bad input file: it is raised, not listed per file."""
    (tmp_path / "languages.yaml").write_text("french: [dans]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(FRENCH_PARAGRAPH, encoding="utf-8")
    monkeypatch.setattr(language, "LEXICONS", tmp_path)
    language.load_markers.cache_clear()
    try:
        with pytest.raises(LexiconError):
            list(read_corpus(Path(tmp_path)))
    finally:
        language.load_markers.cache_clear()
