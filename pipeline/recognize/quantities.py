"""Quantities that may be model attributes: a number, its scale, and the unit that follows it.

« 109 milliards de paramètres », « 41 Md actifs », « 128K jetons », « 16 experts », « 2M de tokens ».
What the quantity measures (params_total, context_tokens, …) and whose it is are decided in
``pipeline.link.facts``; here each quantity only records what its own words say.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterator, Optional

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import patterns
from pipeline.lexicons import Lexicons, fr, load, per_lexicons
from pipeline.normalize import numbers
from pipeline.recognize import text_of

PARAMS, TOKENS, EXPERTS, FOREIGN = "params", "tokens", "experts", "foreign"


@dataclass(frozen=True)
class Quantity:
    start: int  # the number and its scale
    end: int
    unit_end: int  # end of the unit phrase (== end when there is none)
    number: str  # the digits or words as written
    scale: Optional[str]  # "milliards", "Md", "K", ... as written
    value: Optional[int]  # number × scale
    unit: Optional[str]  # params | tokens | experts | foreign | None
    active: bool  # « actifs », « activés » follows
    recognizer: str = "quantity"


@per_lexicons
def _patterns(lex: Lexicons):
    # the units in the lexicon's order, as one pattern whose named group says which matched (the
    # first alternative that matches wins, as trying them in turn would)
    units = patterns.compile("|".join(f"(?P<{k}>" + r"\s*(?:[«“\"]\s*)?" + fr(v) + ")" for k, v in lex.cues["units"].items()),
                             re.I)
    # a currency, another noun or a percentage right after the number: not a unit of ours
    percent = lex.cue("quantities.percent")
    foreign = patterns.compile("|".join([r"\s*" + fr(lex.cues["foreign_units"]), lex.cue_source("quantities.other_noun"),
                                         f"(?-i:{percent.pattern})"]), re.I)
    active = patterns.compile(lex.cue_source("quantities.active_lead") + fr(lex.cues["active"]), re.I)
    return units, foreign, active


_QUANTITY = patterns.compile(numbers.QUANTITY)
_SPACED_K = patterns.compile(r"[ \u00a0\u202f][kK](?![\w])")
_NEWLINE = patterns.compile("\n")


def find_quantities(text: str, *, lexicons: Lexicons | None = None, masks=()) -> Iterator[Quantity]:
    """Quantities outside the masked spans (model names), with their units."""
    lex = lexicons or load()
    units, foreign, active = _patterns(lex)
    spaced_suffix = lex.cue("quantities.spaced_suffix")
    expert_blocks = lex.cue("quantities.expert_blocks")
    masks = sorted(masks)
    line_ends = [m.start() for m in _NEWLINE.finditer(text)] + [len(text)]  # (each number's line end by bisection)
    skip_until = -1  # the end of a compound number already read
    definite = [d for d in lex.cue("quantities.definite_scale").finditer(text) if not _masked(masks, d.start(), d.end())]
    k = 0  # the next of them, yielded in order with the others
    for m in _QUANTITY.finditer(text):
        a, b = m.start(), m.end()
        while k < len(definite) and definite[k].start() < a:
            yield _quantity(text, definite[k], units, line_ends)
            k += 1
        if a < skip_until or _masked(masks, a, b):
            continue
        if _slashed(text, a, b):
            continue
        num, scale = m.group("num"), m.group("scale")
        spaced_k = _SPACED_K.match(text, b) if scale is None else None
        if spaced_k:  # « 128 k tokens »
            scale, b = "k", spaced_k.end()
        spaced = spaced_suffix.match(text, b) if scale is None else None
        if spaced:  # « 850 M de paramètres », « 15 T tokens »: a suffix apart, before what it counts
            scale, b = spaced.group("s"), spaced.end("s")
        value = numbers.quantity_value(num, scale)
        if value is None and (scale or numbers.parse_number(num) is None):
            continue
        rest = numbers.compound_rest(text, b, scale) if scale and scale[:1].isalpha() else None
        if rest:  # « quatorze milliards trois cents millions »: one number
            b, value = rest[0], value + rest[1]
            skip_until = b
        if scale is None and num.lower() in ("un", "une"):
            continue  # an article, not a number
        eol = line_ends[bisect_left(line_ends, b)]  # what follows a number on its line: a unit never starts the next one
        unit, unit_end = _unit_after(text, b, eol, units)
        if unit is None and foreign.match(text, b, eol):
            unit = FOREIGN
        if unit == FOREIGN:
            e = expert_blocks.match(text, b, eol)
            if e:  # « huit blocs de paramètres distincts, les « experts » »
                unit, unit_end = EXPERTS, e.end()
        is_active = bool(active.match(text, b, eol))
        yield Quantity(a, b, unit_end, num, scale, value, unit, is_active)
    for d in definite[k:]:
        yield _quantity(text, d, units, line_ends)


def _unit_after(text: str, b: int, eol: int, units: re.Pattern) -> tuple[Optional[str], int]:
    """The unit right after a number ending at ``b`` on its line, and where it ends."""
    u = units.match(text, b, eol)
    return (u.lastgroup, u.end()) if u else (None, b)


def _slashed(text: str, a: int, b: int) -> bool:
    """« 25/09/2025 », « 10/10 »: the number ``text[a:b]`` slashed to another (a date, a fraction)."""
    return (text.startswith("/", b) and text[b + 1:b + 2].isdecimal()) or \
        (a >= 2 and text[a - 1] == "/" and text[a - 2].isdecimal())


def _quantity(text: str, m: re.Match, units: re.Pattern, line_ends: list[int]) -> Quantity:
    """« le trillion de paramètres »: one of the scale, with the unit the lookahead saw."""
    b = m.end()
    unit, unit_end = _unit_after(text, b, line_ends[bisect_left(line_ends, b)], units)
    return Quantity(m.start(), b, unit_end, "1", m.group("scale"), numbers.quantity_value("1", m.group("scale")), unit, False)


def _masked(masks: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) starts or ends inside one of the sorted, non-overlapping ``masks``."""
    i = bisect_right(masks, (a, float("inf")))  # masks starting at or before a
    if i and a < masks[i - 1][1]:
        return True
    j = bisect_left(masks, (b,))  # masks starting before b
    return bool(j) and masks[j - 1][0] < b <= masks[j - 1][1]


if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=())


@Language.factory("quantities", assigns=["doc._.quantities"], requires=["doc._.model_mentions"])
def make_quantities(nlp: Language, name: str):
    lex = load()

    def component(doc: Doc) -> Doc:
        masks = [(m.start, m.end) for m in doc._.model_mentions]
        doc._.quantities = tuple(find_quantities(text_of(doc), lexicons=lex, masks=masks))
        return doc

    return component
