"""Descriptive facts (extra_facts.csv): architecture, multimodal, open weights, training status.

Each cue is declared as data below; the value belongs to the model the sentence is about (its
subject, else the model in focus), like any other fact.
"""
from __future__ import annotations

import re

from pipeline.link.facts import RawFact

CUES = (
    ("architecture", "MoE", re.compile(r"Mixture[ -]of[ -]Experts|\bMoE\b|m[ée]lange d['’]experts", re.I)),
    ("architecture", "dense", re.compile(r"\bmod[eè]les? denses?\b|\bdenses?\b(?= de \d)", re.I)),
    ("multimodal", True, re.compile(r"\bmultimodal(?:e|es|aux)?\b|\bsait analyser des images\b", re.I)),
    ("open_weights", True, re.compile(r"open[- ]weights?|poids ouverts|(?:publi[ée]\w*|rendu publics) (?:ce \w+ )?les poids|t[ée]l[ée]chargeables", re.I)),
    ("status", "training", re.compile(r"en cours d['’]entra[iî]nement", re.I)),
)
_NEGATED = re.compile(r"\b(?:ne|n['’])\s+\w+\s+pas\b|\bsans\b|\brestent? pour l['’]instant\b", re.I)


def link(text: str, sviews, ents, lex) -> list[RawFact]:
    out = []
    for view in sviews:
        s = view.sentence
        model = view.topic
        if not model:
            continue
        for attribute, value, pat in CUES:
            for m in pat.finditer(text, s.start, s.end):
                if _NEGATED.search(text, max(s.start, m.start() - 30), m.start()):
                    continue
                out.append(RawFact(model, attribute, value, False, m.start(), m.end(), s.start, s.end,
                                   f"{attribute}_cue"))
                break
    return out
