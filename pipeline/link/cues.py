"""The French cue patterns the linkers share (training, context, traps, negation, hedges), compiled
once per lexicon, and the clause a position belongs to."""
from __future__ import annotations

import re

from pipeline import patterns
from pipeline.lexicons import Lexicons, fr, per_lexicons


@per_lexicons
def fact_cues(lex: Lexicons):
    c = lex.cues
    return {
        "training": patterns.compile(fr(c["training"]), re.I),
        "context": patterns.compile(fr(c["context"]), re.I),
        "trap": patterns.compile(fr(c["token_traps"]), re.I),
        "per_token": patterns.compile(fr(c["per_token"]), re.I),
        "negation": patterns.compile(fr(c["negation"]), re.I),
        "unnamed": patterns.compile(fr(c["unnamed_holder"]), re.I),
        "component": patterns.compile(fr(c["component_holder"]), re.I),
        "hedge": patterns.compile(fr(c["hedges"]), re.I),
        "not_cond": frozenset(c["not_conditional"]),
    }


def is_hedged(text: str, start: int, end: int, lex: Lexicons) -> bool:
    cues = fact_cues(lex)
    for m in cues["hedge"].finditer(text, start, end):
        if m.group(0).lower() not in cues["not_cond"]:
            return True
    return False


_CLAUSE_CUT = patterns.compile(r"[,;:]|\bmais\b")


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause around pos: between commas, semicolons, colons and « mais »."""
    a = start
    for m in _CLAUSE_CUT.finditer(text, start, pos):
        a = m.end()
    m = _CLAUSE_CUT.search(text, pos, end)
    return a, (m.start() if m else end)
