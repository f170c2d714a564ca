"""The spaCy pipeline: its tokenizer keeps the text exact, its components fill their extensions."""
from __future__ import annotations

import pytest

from pipeline.nlp import build


@pytest.mark.parametrize("text", ["a  b", " a b ", "a\n\nb  c\u00a0d", "", "  ", "x", "Llama 4 Scout\tcompte 109B."])
def test_doc_text_is_the_input(text):
    assert build().make_doc(text).text == text


def test_components_fill_their_extensions():
    doc = build()("Le modèle Llama 4 Scout compte 109 milliards de paramètres.")
    assert [m.text for m in doc._.model_mentions] == ["Llama 4 Scout"]
    assert [(q.value, q.unit) for q in doc._.quantities] == [(109000000000, "params")]
    assert len(doc._.sentences) == 1
