"""Claims: comparisons, scores and ranks, one row per (subject, object[, benchmark]).

- Comparisons: a cue (« surpasse », « rivalise avec », « se classe derrière ») with the names
  after it in a coordinated list (« surpasse A, B ou encore C » = three rows), and the subject
  before it (a name that is not itself an object, else the model in focus). With no named object,
  a claim is kept only when a benchmark names what was compared (« sur les benchmarks STEM »).
- Scores: « 70,6 % sur MMLU », « un score ELO de 1417 sur LMArena », « 95,6 sur Arena-Hard »,
  « 1 111 points d'Elo pour X, 1 249 pour Y », « contre 38 % pour X », « respectivement A et B »,
  and benchmark rows of tables. A percentage with no benchmark is not a score.
- Ranks: « la deuxième place », « en tête du classement », « le meilleur modèle ouvert sur ce test ».
- claimed_by: « Selon X », « X affirme », « d'après les tests internes de X », carried to the next
  sentences of the same paragraph (and to a table a sentence introduces) unless the journalist
  concludes (« En clair », « donc »). ``hedged``: promises, forecasts, rumours, the conditional.
"""
from __future__ import annotations

from typing import Optional

from pipeline.lexicons import Lexicons
from pipeline.link import attribution, comparisons, leaderboards, ranks, scores
from pipeline.link.claim_context import ClaimLinker
from pipeline.link.raw import RawClaim
from pipeline.link.discourse import SentenceView
from pipeline.link.entities import Entities
from pipeline.recognize.segments import BULLET, HEADING, TABLE


RECENT = 12  # a list of scores (« - Sonnet 4.5 : 77,2 % ») is on a test named at most this many sentences before (its items count as one)


def _sentence(ctx: ClaimLinker, view: SentenceView) -> None:
    s = view.sentence
    if s.kind == TABLE:
        return
    who = attribution.sentence_source(ctx, view, view.topic)
    ctx.sources[view.index] = who
    by = attribution.claimed_by(ctx, view, who)
    comparisons.link_sentence(ctx, view, by)
    scores.link_sentence(ctx, view, by)
    ranks.link_sentence(ctx, view, by)
    leaderboards.link_sentence(ctx, view, by)
    if who:
        ctx.source, ctx.source_block = who, s.block
    elif s.block != ctx.source_block or ctx.p["own"].search(ctx.text, s.start, s.end):
        ctx.source, ctx.source_block = None, -1
    if s.kind == HEADING:
        ctx.source, ctx.source_block = None, -1
    found = ctx.benchmarks(s.start, s.end)
    if s.kind != BULLET:  # the introduction of the bullets that follow (« Classement Aider : »)
        ctx.intro_ranking = ranks.introduces_ranking(ctx, view)
        ctx.intro_benchmark = found[-1][2] if ctx.intro_ranking and found else None
    if s.block != ctx.prev_block:
        ctx.block_benchmark = None
    item = s.kind == BULLET and ctx.prev_kind == BULLET  # (a list's next item: « • Llama 3 : 1203 »)
    ctx.prev_benchmarks, ctx.prev_block, ctx.prev_span, ctx.prev_kind = found, s.block, (s.start, s.end), s.kind
    if found:
        ctx.block_benchmark = found[-1][2]
        ctx.recent_benchmark, ctx.recent_age = found[-1][2], 0
        ctx.recent_elo = False
    if leaderboards.speaks_of_elo(ctx.text, s.start, s.end, ctx.lex):
        ctx.recent_elo = True
    elif not item:
        ctx.recent_age += 1
        if ctx.recent_age > RECENT:
            ctx.recent_benchmark = None


def link(text: str, sviews: list[SentenceView], sentences, ents: Entities, quantities, lex: Lexicons) -> list[RawClaim]:
    linker = ClaimLinker(text, ents, lex)
    intro_source: dict[int, Optional[str]] = {}
    for view in sviews:
        _sentence(linker, view)
        if view.sentence.kind != TABLE:
            intro_source[view.index] = linker.sources.get(view.index) or (
                linker.source if text[view.sentence.start:view.sentence.end].rstrip().endswith(":") else None)
    linker.claims += scores.table_scores(text, sviews, sentences, ents, linker, intro_source)
    return linker.claims
