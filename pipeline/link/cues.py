"""The French cue patterns the linkers share (training, context, traps, hedges), compiled once per
lexicon from ``cues_fr.yaml``, and the clause a position belongs to."""
from __future__ import annotations

import re

from pipeline import patterns
from pipeline.lexicons import Lexicons, load, per_lexicons


@per_lexicons
def fact_cues(lex: Lexicons) -> dict:
    """The ``facts`` cues by their short name (« training », « per_token », …)."""
    out = {name: lex.cue(f"facts.{name}") for name in lex.cues["facts"]}
    out["trap"] = out["token_traps"]
    out["negation"] = lex.cue("negation")
    return out


@per_lexicons
def object_cue(lex: Lexicons) -> re.Pattern:
    """What makes the name after it a comparison's object (« surpasse », « face à », « plus … que »)."""
    comp = "|".join(lex.cue_source(f"comparisons.{rel}") for rel in lex.cues["comparisons"])
    return patterns.compile(rf"(?:{comp}|{lex.cue_source('discourse.object_near')})", re.I)


@per_lexicons
def _hedges(lex: Lexicons):
    return lex.cue("hedges"), frozenset(lex.cues["not_conditional"])


def is_hedged(text: str, start: int, end: int, lex: Lexicons) -> bool:
    """A promise, a forecast, a rumour or the conditional in ``text[start:end]``."""
    hedge, not_conditional = _hedges(lex)
    return any(m.group(0).lower() not in not_conditional for m in hedge.finditer(text, start, end))


_CLAUSE_CUT = load().cue("facts.clause_cut")


_LOOK_BACK = (24, 200)  # characters before pos where the clause's start is looked for first, then next


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause around pos: between commas, semicolons, colons and « mais ».

    Its start is looked for in the last 24 characters before pos first, then in the last 200,
    and from ``start`` only when they hold no cut: the same answer (a cut is a few characters,
    none found inside another), without rescanning a long sentence for each of its values."""
    a = None
    for back in _LOOK_BACK + (None,):
        window = start if back is None else max(start, pos - back)
        for m in _CLAUSE_CUT.finditer(text, window, pos):
            a = m.end()
        if a is not None or window == start:
            break
    if a is None:
        a = start
    m = _CLAUSE_CUT.search(text, pos, end)
    return a, (m.start() if m else end)
