"""One article in, its models, facts and claims out: recognise, link, summarise."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

from spacy.language import Language

from pipeline import nlp as nlp_module
from pipeline.lexicons import Lexicons, load
from pipeline.link import claims as claim_linking
from pipeline.link import descriptive
from pipeline.link.discourse import views
from pipeline.link.entities import Entities, resolve
from pipeline.link import facts as fact_linking, organizations
from pipeline.link.raw import RawClaim, RawFact
from pipeline.records import Article, Claim, Extraction, Fact, ModelRow
from pipeline.recognize import text_of

CORE_ATTRIBUTES = ("params_total", "params_active", "experts", "context_tokens", "training_tokens")


class Extractor:
    """Loads the pipeline once; ``process`` is called for every article."""

    def __init__(self, nlp: Optional[Language] = None, lexicons: Optional[Lexicons] = None):
        self._own_nlp = nlp is None  # a pipeline it built itself, it renews (memory stays flat)
        self.nlp = nlp or nlp_module.build()
        self.lex = lexicons or load()

    def process(self, article: Article) -> Extraction:
        if article.status != "ok" or not article.text:
            return Extraction(article)
        if self._own_nlp:
            self.nlp = nlp_module.renewed(self.nlp)
        with _collector_paused():
            doc = self.nlp(article.text)
            return self.extract_doc(article, doc)

    def extract_doc(self, article: Article, doc) -> Extraction:
        text = text_of(doc)
        sentences = doc._.sentences
        if not sentences:
            return Extraction(article)
        ents = resolve(text, doc._.model_mentions, self.lex, title_end=sentences[0].end)
        if not ents.models:
            return Extraction(article)
        sviews, ents = views(text, sentences, ents, self.lex)
        quantities = list(doc._.quantities)
        found = fact_linking.link(text, sviews, quantities, ents, self.lex)
        ents = found.ents
        raw_claims = claim_linking.link(text, sviews, sentences, ents, quantities, self.lex)
        org_facts = organizations.organization_facts(text, sviews, ents, self.lex)
        facts = _facts(article, text, found.facts + tuple(org_facts))
        claims = _claims(article, text, raw_claims)
        extra = _facts(article, text, descriptive.link(text, sviews, ents, self.lex))
        models = _model_rows(article, ents, facts, claims)
        return Extraction(article, models, facts, claims, extra)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one article is extracted. An article allocates objects
    that live until it is done (mentions, quantities, candidate rows): the collector walked them
    again and again, a cost that grew faster than the article (a 1 MB table page: 16 s/MB against
    9.5 without). Its few cycles are collected afterwards, where the collector would have run."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _sentence_text(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())


def _sentence_of(text: str, where, seen: dict[tuple[int, int], str]) -> str:
    """The ``sentence`` column of a row, each sentence's text built once."""
    span = (where.sentence_start, where.sentence_end)
    found = seen.get(span)
    if found is None:
        found = seen[span] = _sentence_text(text, *span)
    return found


def _facts(article: Article, text: str, raw: Iterable[RawFact]) -> tuple[Fact, ...]:
    out = {}
    sentences: dict[tuple[int, int], str] = {}  # (a sentence's rows share its text)
    for f in raw:
        w = f.where
        key = (f.model, f.attribute, str(f.value), w.start, w.end)
        if key in out:
            continue
        out[key] = Fact(article.article_id, f.model, f.attribute, f.value, f.hedged, text[w.start:w.end],
                        _sentence_of(text, w, sentences), w.start, w.end, w.recognizer)
    return tuple(sorted(out.values(), key=lambda f: (f.start, f.end, f.model, f.attribute)))


def _claims(article: Article, text: str, raw: Iterable[RawClaim]) -> tuple[Claim, ...]:
    out = {}
    sentences: dict[tuple[int, int], str] = {}
    for c in raw:
        w = c.where
        key = (c.subject, c.relation, c.object, c.benchmark, c.value, w.start)
        if key in out:
            continue
        out[key] = Claim(article.article_id, c.subject, c.relation, c.object, c.benchmark, c.metric, c.value,
                         c.claimed_by, c.hedged, text[w.start:w.end],
                         _sentence_of(text, w, sentences), w.start, w.end, w.recognizer)
    return tuple(sorted(out.values(), key=lambda c: (c.start, c.end, c.subject, c.relation, c.object or "", c.benchmark or "")))


def summarise(values: list) -> Optional[int]:
    """Several stated values of one attribute: the one stated most often, ties to the largest.

    Unhedged values win over hedged ones (a promise never replaces a statement)."""
    if not values:
        return None
    counts: dict = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(counts, key=lambda v: (counts[v], v))


def _model_rows(article: Article, ents: Entities, facts, claims) -> tuple[ModelRow, ...]:
    mentions: dict[str, int] = {}
    for r in ents.refs:
        mentions[r.model] = mentions.get(r.model, 0) + 1
    by_model: dict[str, list] = {}
    for f in facts:
        by_model.setdefault(f.model, []).append(f)
    rows = []
    for info in sorted(ents.models.values(), key=lambda i: (i.first, i.name)):
        mine = by_model.get(info.name, [])
        vals = {a: summarise([f.value for f in mine if f.attribute == a and not f.hedged]
                             or [f.value for f in mine if f.attribute == a]) for a in CORE_ATTRIBUTES}
        org_text = [f.value for f in mine if f.attribute == "organization"]
        org, src = (org_text[0], "text") if org_text else ((info.organization, "lexicon") if info.organization else (None, None))
        rows.append(ModelRow(article.article_id, info.name, info.family, org, src, mentions.get(info.name, 0), **vals))
    return tuple(rows)
