"""The spaCy pipeline: its tokenizer keeps the text exact, its components fill their extensions."""
from __future__ import annotations

import pytest

from pipeline.nlp import build


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("a  b", ["a ", " ", "b"]),
        (" a b ", [" ", "a ", "b "]),
        ("a\n\nb  c\u00a0d", ["a\n\nb ", " ", "c\u00a0d"]),
        ("", []),
        ("  ", ["  "]),
        ("x", ["x"]),
        ("a   ", ["a ", "  "]),
        ("Llama 4 Scout\tcompte 109B.", ["Llama ", "4 ", "Scout\tcompte ", "109B."]),
    ],
)
def test_doc_text_is_the_input(text, tokens):
    doc = build().make_doc(text)
    assert doc.text == text
    assert [t.text_with_ws for t in doc] == tokens


def test_components_fill_their_extensions():
    doc = build()("Le modèle Llama 4 Scout compte 109 milliards de paramètres.")
    assert [m.text for m in doc._.model_mentions] == ["Llama 4 Scout"]
    assert [(q.value, q.unit) for q in doc._.quantities] == [(109000000000, "params")]
    assert len(doc._.sentences) == 1


@pytest.mark.parametrize("text", ["a  b", " a b ", "a\n\nb  c\u00a0d", "", "Llama 4 Scout\tcompte 109B."])
def test_the_remembered_text_is_the_docs_text(text):
    from pipeline.recognize import text_of

    doc = build().make_doc(text)
    assert text_of(doc) == doc.text == text


def test_components_read_a_doc_from_another_tokenizer():
    """A Doc the tokenizer did not make (no remembered text) is read through ``doc.text``."""
    import spacy

    from pipeline.recognize import text_of

    nlp = build()
    doc = spacy.blank("fr")("Le modèle Llama 4 Scout compte 109 milliards de paramètres.")
    assert "pipeline.text" not in doc.user_data
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert text_of(doc) == doc.text
    assert [m.text for m in doc._.model_mentions] == ["Llama 4 Scout"]
    assert [(q.value, q.unit) for q in doc._.quantities] == [(109000000000, "params")]


def test_an_extractor_renews_its_pipeline_past_the_string_limit(monkeypatch):
    """Memory stays flat over a long run: past ``MAX_STRINGS`` strings in its vocabulary, the
    Extractor's pipeline is replaced by a new one, which extracts the same rows."""
    from pipeline import nlp as nlp_module
    from pipeline.extract import Extractor
    from pipeline.records import Article

    text = ("Meta dévoile Llama 4 Scout. Le modèle compte 109 milliards de paramètres, dont 17 milliards "
            "actifs, et surpasse Gemma 3 sur MMLU avec 79,6 %.")
    article = Article(article_id="a", source="a.txt", text=text)
    monkeypatch.setattr(nlp_module, "MAX_STRINGS", 10)
    x = Extractor()
    first_nlp = x.nlp
    first = x.process(article)
    assert len(first_nlp.vocab.strings) > 10
    second = x.process(article)
    assert x.nlp is not first_nlp
    assert second == first and first.facts and first.claims

    given = build()
    kept = Extractor(nlp=given)
    kept.process(article)
    kept.process(article)
    assert kept.nlp is given  # a pipeline the caller gave is the caller's to manage


def test_a_new_word_adds_only_its_own_string():
    """No lexical attributes are computed for new words (their lower case, shape, prefix and suffix
    would be strings of the vocabulary too): the vocabulary grows by the words themselves."""
    from pipeline.nlp import fresh

    nlp = fresh()
    before = len(nlp.vocab.strings)
    nlp.make_doc("Zyxwvut-Qrst9 Mnbvcx")
    assert len(nlp.vocab.strings) == before + 2
