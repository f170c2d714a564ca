"""Ranks on a leaderboard: « la deuxième place », « la 9e place », « en tête du classement »,
« numéro un », « le meilleur modèle ouvert sur ce test »."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from pipeline import patterns
from pipeline.link.discourse import SentenceView
from pipeline.link.cues import is_hedged

if TYPE_CHECKING:
    from pipeline.link.claim_context import ClaimLinker


# A word every rank pattern holds (« place », « position », « rang », « en tête », « meilleur »,
# « numéro »): a sentence without one of them has no rank.
RANK_WORD = patterns.compile(r"place|position|rang|t[eê]te|meilleur|numéro", re.I)


def link_sentence(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    text = ctx.text
    s = view.sentence
    if not RANK_WORD.search(text, s.start, s.end):
        return
    hits = []
    for m in ctx.p["rank_place"].finditer(text, s.start, s.end):
        hits.append((m.start(), m.end(), ctx.lex.ordinals[m.group("ord").lower()]))
    if hits:
        for m in ctx.p["rank_ellipsis"].finditer(text, hits[0][1], s.end):
            hits.append((m.start("ord"), m.end(), ctx.lex.ordinals[m.group("ord").lower()]))
    for m in ctx.p["rank_num"].finditer(text, s.start, s.end):
        hits.append((m.start(), m.end(), int(m.group("n"))))
    for m in ctx.p["rank_head"].finditer(text, s.start, s.end):
        hits.append((m.start(), m.end(), 1))
    for m in ctx.p["rank_best"].finditer(text, s.start, s.end):
        ordv = ctx.lex.ordinals[m.group("ord").lower()] if m.group("ord") else 1
        hits.append((m.start(), m.end(), ordv))
    for a, b, value in sorted(hits):
        subject = ctx.subject_before(view, a)
        if not subject:
            continue
        near = ctx._nearest_benchmark(view, a) or ctx._earlier_benchmarks(view)[-1:]
        bench = near[0][2] if near else None
        if bench is None and not re.search(r"classement|palmarès|leaderboard|test|API", text[s.start:s.end], re.I):
            continue
        ctx.add(view, subject=subject, relation="ranks", object=None, benchmark=bench, metric="position",
                 value=float(value), claimed_by=by, hedged=is_hedged(text, s.start, a, ctx.lex),
                 start=a, end=b, recognizer="rank")

# ---- driver ------------------------------------------------------------------------
