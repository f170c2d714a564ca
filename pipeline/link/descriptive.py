"""Descriptive facts (extra_facts.csv): architecture, multimodal, open weights, training status.

Each cue is declared as data below; the value belongs to the model the sentence is about (its
subject, else the model in focus), like any other fact.
"""
from __future__ import annotations

import re

from pipeline import patterns
from pipeline.link.discourse import object_cue, subject_before
from pipeline.link.raw import Provenance, RawFact
from pipeline.recognize.segments import HEADING

CUES = (
    ("architecture", "MoE", patterns.compile(r"Mixture[ -]of[ -]Experts|\bMoE\b|m[ée]lange d['’]experts", re.I)),
    ("architecture", "dense", patterns.compile(r"\bmod[eè]les? denses?\b|\bdenses?\b(?= de \d)", re.I)),
    ("multimodal", True, patterns.compile(r"\bmultimoda(?:l|le|les|ux)\b|\bsait analyser des images\b", re.I)),
    ("open_weights", True, patterns.compile(r"open[- ]weights?|poids ouverts|(?:publi[ée]\w*|rendu publics) (?:ce \w+ )?les poids|t[ée]l[ée]chargeables", re.I)),
    ("status", "training", patterns.compile(r"en cours d['’]entra[iî]nement", re.I)),
)
_NEGATED = patterns.compile(r"\b(?:ne|n['’])\s+\w+\s+pas\b|\bsans\b|\brestent? pour l['’]instant\b", re.I)


# « deux modèles à mélange d'experts », « une version … en cours d'entraînement »: not a named model.
_INDEFINITE = patterns.compile(r"\b(?:une?|des|deux|trois|quatre|cinq|six|sept|huit)\s+(?:\w+\s+){0,2}?(?:mod[eè]les?|versions?|variantes?)\b[^.;]{0,40}$", re.I)
_ANAPHOR = patterns.compile(r"\b(?:[Ii]l|[Ee]lle|[Ss]a|[Ss]on|[Ss]es|[Cc]es mod[eè]les|[Cc]e mod[eè]le|[Ll]e mod[eè]le|[Cc]e mastodonte|[Ll]e nouveau venu)\b")
OF_MODEL = patterns.compile(r"[^,.;]{0,25}?\s(?:de|du|d['’])\s*(?:la |le |l['’])?")
_SUBJECT_PRONOUN = patterns.compile(r"\b(?:il|elle)\s")


def _holder(text: str, view, pos: int, end: int, obj):
    """The model a descriptive cue is about: the name before it in the sentence that is not a
    comparison object, else the model in focus when a pronoun or « ces modèles » refers to it."""

    s = view.sentence
    after = next((r for r in view.refs if r.start >= pos), None)
    if after and OF_MODEL.fullmatch(text, end, after.start):
        return after.model  # « a rendu publics les poids de Mixtral 8x7B »
    named = subject_before(text, view, pos, obj)
    before = [r for r in view.refs if r.end <= pos]
    if named and not (before and _SUBJECT_PRONOUN.search(text, before[-1].end, pos)):
        return named
    if _ANAPHOR.search(text, s.start, pos) or (subject_before(text, view, s.end, obj) is None and _ANAPHOR.search(text, s.start, s.end)):
        return view.subject or view.focus  # « Toujours en cours d'entraînement, ce mastodonte … »
    return None


def link(text: str, sviews, ents, lex) -> list[RawFact]:
    obj = object_cue(lex)
    out = []
    for view in sviews:
        s = view.sentence
        if s.kind == HEADING:
            continue  # « … l'été où les poids ouverts ont tenu tête »: a theme, not a statement
        for attribute, value, pat in CUES:
            for m in pat.finditer(text, s.start, s.end):
                if _NEGATED.search(text, max(s.start, m.start() - 30), m.start()):
                    continue
                if _INDEFINITE.search(text, s.start, m.start()):
                    continue
                model = _holder(text, view, m.start(), m.end(), obj)
                if not model:
                    continue
                out.append(RawFact(model, attribute, value, False,
                                   Provenance(m.start(), m.end(), s.start, s.end, f"{attribute}_cue")))
                break
    return out
