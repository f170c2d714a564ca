"""Values a reader never takes as a model's: ranges (« de 1,5 à 70 milliards »), negated values
(« ne pèse pas 56 milliards »), components (« un encodeur de 2,5 milliards »), unnamed models
(« une version de plus de 400 milliards »), a size that names a variant (« sa version 1B »), ratios."""
from __future__ import annotations

import re

from pipeline import patterns
from pipeline.link.discourse import SentenceView
from pipeline.normalize import numbers
from pipeline.recognize.quantities import Quantity

APPOSITION = patterns.compile(r"(?:,\s+|\**\s*:\**\s+|,?\s+(?:est|était|reste|sera|devient)\s+)(?:un|une)\s+"
                        r"(?:\w+\s+){0,2}?(?:modèle|version)\b[^,;.]*$")

def is_trap(text: str, q: Quantity, view: SentenceView, cues: dict) -> bool:
    """A value no model has: a range, a negated value, a component, an unnamed model, a ratio."""
    s = view.sentence
    before = text[max(s.start, q.start - 80):q.start]
    if re.search(r"\bde\s+(?:plus de\s+|moins de\s+)?$", before) and \
            re.match(rf"\s*(?:[\w ]{{0,25}}?)\bà\s+(?:{numbers.NUMBER})", text[q.end:q.end + 40]):
        return True  # « de 1,5 à 70 milliards »: a range
    if re.search(rf"\bde\s+(?:{numbers.NUMBER})(?:\s+\w+)?\s+à\s+$", before):
        return True  # the upper end of the range
    if re.search(r"\bentre\s+$", before) and re.match(r"[^.;]{0,30}?\bet\s+\d", text[q.end:q.end + 40]):
        return True
    cut = max(text.rfind(c, s.start, q.start) for c in ",;:")
    clause_start = cut + 1 if cut >= 0 else s.start
    if cues["negation"].search(text, clause_start, q.start) and not re.search(r"\bne\s+\w+\s+que\b|n['’]\w+\s+que\b", text[clause_start:q.start]):
        return True
    if cues["component"].search(before):
        return True  # « un encodeur de vision de 2,5 milliards »
    if cues["unnamed"].search(before) and not _apposition(text, max(s.start, q.start - 80), q, view):
        return True  # « une version de 400 milliards », « Meta ouvre un modèle de 405 milliards »
    if q.scale == "B" and re.search(r"\b(?:version|variante|déclinaison|modèle)\s+$", before):
        return True  # « sa version 1B » names a variant, it states no value
    if re.search(r"\b(?:fois|x)\s*$", before, re.I):
        return True
    return False


def _apposition(text: str, before_start: int, q: Quantity, view: SentenceView) -> bool:
    """« Phi-3-mini, un modèle de 3,8 milliards », « Large 2, était un modèle dense de 123 milliards »,
    « **Devstral :** un modèle de 24 milliards »: an indefinite said of the name just before it."""
    m = APPOSITION.search(text, before_start, q.start)
    return bool(m) and any(m.start() - 3 <= r.end <= m.start() for r in view.refs)
