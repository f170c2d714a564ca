"""What a number counts: its own unit (« de paramètres », « jetons », « experts »), else the unit
of its list neighbour (« 7 et 14 milliards de paramètres », « dont 12,9 actifs », « 4K et 128K
jetons »), else what the sentence is about (« 8B, 70B » are parameters, « 128K » in a sentence about
context is tokens). A year never borrows a unit; a big number never borrows a scale."""
from __future__ import annotations

import re
from typing import Optional

from pipeline import patterns
from pipeline.lexicons import load
from pipeline.link.tables import label_attribute
from pipeline.normalize import numbers
from pipeline.recognize.quantities import EXPERTS, PARAMS, TOKENS, Quantity
from pipeline.recognize.segments import BULLET, Sentence

# What may stand between a value and the next one that borrows its unit: « dont », « et », « contre »,
# « (… », « , pour le deuxième et »; not « depuis », « en ».
LIST_LINK = load().cue("units_link.list_link")
YEAR = patterns.compile(r"(?:19|20)\d\d")
_OPENS = patterns.compile(r"\([ \u00a0]*$")
_CLOSES = patterns.compile(r"[ \u00a0]*\)(?![ \u00a0]*[«“\[(])")  # (not an aside that opens another: « (Llama 1 (1B) « Llama 2 (2B) … »)


def alone_in_parentheses(text: str, q: Quantity, start: int) -> bool:
    """« (117M) », « (1.5 milliard) »: the value alone in parentheses (opened after ``start``),
    which close without opening another aside."""
    return bool(_OPENS.search(text, max(start, q.start - 8), q.start) and _CLOSES.match(text, q.unit_end))

_LABEL = patterns.compile(r"[-*•\s]*\**\s*(?P<label>[^:*|]{2,40}?)\s*:\s*\**\s*")


def bullet_label(text: str, s) -> Optional[str]:
    """« - Paramètres actifs : 40 Md » : a bullet's label, or None."""
    if s.kind != BULLET:
        return None
    m = _LABEL.match(text, s.start, s.end)
    return m.group("label") if m else None


def label_unit(text: str, s) -> Optional[str]:
    """« **Experts :** 384, dont 8 … »: a bullet's label says what its first number counts."""
    label = bullet_label(text, s)
    attr = label_attribute(label) if label else None
    return {"experts": EXPERTS, "params_total": PARAMS, "params_active": PARAMS,
            "context_tokens": TOKENS, "training_tokens": TOKENS}.get(attr or "")


def _small(q: Quantity, neighbour: Optional[Quantity] = None) -> bool:
    """A bare number that can borrow its neighbour's scale (« dont 12,9 actifs »), not « 128 000 »;
    after a scale word, up to 9 999 (« 500 milliards contre 1 000 »)."""
    value = numbers.parse_number(q.number.replace("\u202f", " ").replace("\u00a0", " "))
    word_scale = neighbour is not None and neighbour.scale is not None and neighbour.scale[:1].islower()
    return value is not None and value < (10_000 if word_scale else 1000)


def infer_units(text: str, s: Sentence, qs: list[Quantity], cues: dict) -> list[tuple[Quantity, Optional[str], Optional[int]]]:
    """Each quantity with its unit (params, tokens, experts, foreign or None) and its value."""
    out: list[list] = [[q, q.unit, q.value] for q in qs]
    sent_text = text[s.start:s.end]
    has_params = any(q.unit == PARAMS for q in qs) or cues["params_word"].search(sent_text)
    has_tokens = any(q.unit == TOKENS for q in qs)
    labelled = label_unit(text, s)
    run_end = _list_ends(text, qs, cues["list_joint"])
    k = None  # the last quantity before this one counting parameters or tokens
    for i, row in enumerate(out):
        if i and out[i - 1][1] in (PARAMS, TOKENS):
            k = i - 1
        q, unit, value = row
        if unit is not None:
            continue
        gap_next = text[q.end:qs[i + 1].start] if i + 1 < len(qs) else None
        nxt = qs[i + 1] if i + 1 < len(qs) else None
        # « 7 et 14 milliards de paramètres », « 4K et 128K jetons »: the list's last item speaks for all.
        if nxt is not None and cues["list_or_range"].fullmatch(gap_next or "") and nxt.unit in (PARAMS, TOKENS, None):
            j = run_end[i + 1]
            if qs[j].unit in (PARAMS, TOKENS):
                row[1] = qs[j].unit
                if q.scale is None and qs[j].scale and _small(q):
                    row[2] = numbers.quantity_value(q.number, qs[j].scale)
                continue
        if i and out[i - 1][1] == EXPERTS and q.scale is None and LIST_LINK.search(text, qs[i - 1].unit_end, q.start):
            row[1] = EXPERTS  # « 9 milliards de paramètres, 64 experts, 8 activés par token »: 8 experts, not 8 milliards
            continue
        # « dont 12,9 actifs », « 128K … et 256K pour le troisième », « (104 milliards) »,
        # « 128 000 jetons pour ses trois tailles, contre 8 000 pour Llama 3 »
        if k is not None and q.start - qs[k].unit_end < 80 and not (q.scale and not qs[k].scale and out[k][1] == PARAMS) \
                and LIST_LINK.search(text, qs[k].unit_end, q.start) and not (q.scale is None and YEAR.fullmatch(q.number)):
            row[1] = out[k][1]
            if q.scale is None and qs[k].scale and _small(q, qs[k]):
                row[2] = numbers.quantity_value(q.number, qs[k].scale)
            continue
        if q.scale == "B" or (q.scale == "M" or cues["big_scale_word"].fullmatch(q.scale or "")) and alone_in_parentheses(text, q, s.start):
            row[1] = PARAMS  # « 8B, 70B et 405B »: billions of parameters; « GPT-1 (117M) », « GPT-2 (1.5 milliard) »
        elif q.scale and (q.value or 0) >= 10**6 and cues["active_before"].search(text, max(s.start, q.start - 40), q.start):
            row[1] = PARAMS  # « n'en active que trente-deux milliards par jeton »: the « en » is parameters
        elif cues["big_scale_word"].fullmatch(q.scale or "") and (q.value or 0) >= 10**8 \
                and cues["counts_en_before"].search(text, max(s.start, q.start - 40), q.start):
            row[1] = PARAMS  # « Le second n'en compte que vingt et un milliards »: the « en » is parameters
        elif q.scale and (q.value or 0) >= 10**6 and q.active and cues["per_token"].search(text, q.unit_end, min(s.end, q.unit_end + 40)):
            row[1] = PARAMS  # « seulement 47 milliards sont activés pour chaque token »: what a model activates is parameters
        elif labelled and (labelled == EXPERTS or q.scale or (q.value or 0) >= 1000) and not YEAR.fullmatch(q.number):
            row[1] = labelled  # « - Contexte : 128 000 » (not « - Temps d'entraînement : divisé par 3 », nor a year)
        elif q.scale in numbers.KILO_MARKS and (has_tokens or cues["context"].search(sent_text)):
            row[1] = TOKENS
        elif q.scale and q.value and q.value >= 10**8 and has_params:
            row[1] = PARAMS
        elif q.scale and q.value and q.value >= 10**6 and has_tokens:
            row[1] = TOKENS
    return [tuple(r) for r in out]


def _list_ends(text: str, qs: list[Quantity], joint: re.Pattern) -> list[int]:
    """For each quantity, the last one of the list it starts: unitless quantities joined by a list
    joint (« 7, 13 et 70 milliards ») run on to the next one (one pass from the end)."""
    ends = list(range(len(qs)))
    for j in range(len(qs) - 2, -1, -1):
        if qs[j].unit is None and joint.fullmatch(text, qs[j].end, qs[j + 1].start):
            ends[j] = ends[j + 1]
    return ends
