"""Shared fixtures for the per-module link tests: a short French text run through the recognisers,
with its entities and sentence views built exactly as ``pipeline.extract.Extractor`` builds them,
so that each link module's own function can be called directly on it."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from pipeline import nlp as nlp_module
from pipeline.lexicons import Lexicons, load
from pipeline.link.discourse import SentenceView, views
from pipeline.link.entities import Entities, resolve
from pipeline.recognize import text_of
from pipeline.recognize.quantities import Quantity


@dataclass
class Analysed:
    """One text, recognised and resolved: what the link stage receives."""

    text: str
    sentences: list
    ents: Entities
    views: list[SentenceView]
    quantities: list[Quantity]
    lex: Lexicons

    def quantity(self, written: str, nth: int = 0) -> Quantity:
        """The ``nth`` quantity that starts where ``written`` is found in the text (« 8 000 » is
        not the end of « 128 000 »: only places where a recognised quantity starts count)."""
        starts = {q.start: q for q in self.quantities}
        hits = []
        pos = self.text.find(written)
        while pos >= 0:
            if pos in starts:
                hits.append(starts[pos])
            pos = self.text.find(written, pos + 1)
        assert len(hits) > nth, f"no quantity recognised at {written!r} in {self.text!r}: {self.quantities}"
        return hits[nth]

    def view_of(self, pos: int) -> SentenceView:
        """The view of the sentence that contains text position ``pos``."""
        return next(v for v in self.views if v.sentence.start <= pos < v.sentence.end)

    def view_at(self, written: str) -> SentenceView:
        return self.view_of(self.text.index(written))

    def models(self) -> set[str]:
        return {info.name for info in self.ents.models.values()}


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.build()


@pytest.fixture(scope="session")
def lex() -> Lexicons:
    return load()


@pytest.fixture(scope="session")
def analyse(nlp, lex):
    """``analyse(text)`` -> :class:`Analysed` (cached per text)."""
    cache: dict[str, Analysed] = {}

    def run(text: str) -> Analysed:
        if text not in cache:
            doc = nlp(text)
            t = text_of(doc)
            sents = doc._.sentences
            ents = resolve(t, doc._.model_mentions, lex, title_end=sents[0].end)
            sviews, ents = views(t, sents, ents, lex)
            cache[text] = Analysed(t, list(sents), ents, sviews, list(doc._.quantities), lex)
        return cache[text]

    return run


def linked_alone(a: Analysed, lex: Lexicons, link_sentence) -> list:
    """A claim module's own entry point (``link_sentence``) on a fresh linker, one sentence at a
    time, with no claimant: the claims it makes."""
    from pipeline.link.claim_context import ClaimLinker
    ctx = ClaimLinker(a.text, a.ents, lex)
    for view in a.views:
        link_sentence(ctx, view, None)
    return ctx.claims
