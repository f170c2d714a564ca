"""The spaCy pipeline, built once: a blank French tokenizer and our rule components.

No statistical model is loaded: the recognisers are rules over the text, which is what makes
the pipeline several times faster than ``fr_core_news_sm``.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Importing the modules registers their factories.
from pipeline.recognize import models as _models  # noqa: F401
from pipeline.recognize import quantities as _quantities  # noqa: F401
from pipeline.recognize import segments as _segments  # noqa: F401

COMPONENTS = ("segmenter", "model_mentions", "quantities")


@lru_cache(maxsize=1)
def build() -> Language:
    nlp = spacy.blank("fr")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
