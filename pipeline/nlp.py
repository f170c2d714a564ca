"""The spaCy pipeline, built once: a blank French tokenizer and our rule components.

No statistical model is loaded: the recognisers are rules over the text, which is what makes
the pipeline several times faster than ``fr_core_news_sm``.
"""
from __future__ import annotations

from typing import Optional
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from pipeline.ingest import MAX_BYTES

# Importing the modules registers their factories.
from pipeline.recognize import models as _models  # noqa: F401
from pipeline.recognize import remember_text
from pipeline.recognize import quantities as _quantities  # noqa: F401
from pipeline.recognize import segments as _segments  # noqa: F401

COMPONENTS = ("segmenter", "model_mentions", "quantities")


class WhitespaceTokenizer:
    """Splits on spaces only. The recognisers match characters, not tokens, so the French rule
    tokenizer (a fifth of the run time) would buy nothing; the Doc's text stays exactly the input."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        # Every space between two parts of str.split(" ") follows a word (its trailing space) or
        # belongs to a run of extra spaces, which is a token of its own.
        parts = text.split(" ")
        last = len(parts) - 1
        words: list[str] = []
        spaces: list[bool] = []
        extra = 0
        for i, part in enumerate(parts):
            if part:
                if extra:
                    words.append(" " * extra)
                    spaces.append(False)
                    extra = 0
                words.append(part)
                spaces.append(i < last)
            elif i < last:
                extra += 1
        if extra:
            words.append(" " * extra)
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        remember_text(doc, text)
        return doc


@registry.tokenizers("pipeline.whitespace_tokenizer.v1")
def _whitespace_tokenizer():
    return lambda nlp: WhitespaceTokenizer(nlp.vocab)


# Every distinct token a Doc holds stays in the vocabulary (its string store and lexemes) for the
# life of the pipeline: numbers, names and words glued to punctuation make it grow with the corpus
# (about 10 000 strings over the first 1 000 generated articles, fewer for each later thousand).
# A pipeline renews itself past this many strings, so that a long run's memory stays flat.
MAX_STRINGS = 50_000


@lru_cache(maxsize=1)
def build() -> Language:
    """The process's pipeline (built once)."""
    return fresh()


def renewed(nlp: Language, *, max_strings: Optional[int] = None) -> Language:
    """``nlp``, or a new pipeline when its vocabulary has grown past ``max_strings`` strings (the
    old one is freed with the last Doc that uses it)."""
    return fresh() if len(nlp.vocab.strings) > (max_strings or MAX_STRINGS) else nlp


def fresh() -> Language:
    # A language-neutral blank pipeline: spaCy's French tokenizer exceptions take ~4 s to import
    # and nothing here uses them (French language data lives in pipeline/lexicons/).
    nlp = spacy.blank("xx", config={"nlp": {"tokenizer": {"@tokenizers": "pipeline.whitespace_tokenizer.v1"}}})
    # No lexical attributes (norm, shape, prefix, suffix, like_num, …) for new words: nothing here
    # reads them, and computing them was half the tokenizer's time and half the vocabulary's strings.
    nlp.vocab.lex_attr_getters = {}
    # spaCy refuses texts over a million characters for the sake of its parser's memory; this
    # pipeline has no parser and its memory grows linearly, so any file ingest accepts is taken.
    nlp.max_length = MAX_BYTES
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
