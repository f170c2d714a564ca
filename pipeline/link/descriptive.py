"""Descriptive facts (extra_facts.csv): architecture, multimodal, open weights, training status.

Each cue is lexicon data (``descriptive``); the value belongs to the model the sentence is about (its
subject, else the model in focus), like any other fact.
"""
from __future__ import annotations

from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.cues import object_cue
from pipeline.link.discourse import subject_before
from pipeline.link.raw import Provenance, RawFact
from pipeline.recognize.segments import HEADING

# (attribute, value): the cue of the lexicon (``descriptive.<attribute>_<value>``) that states it
CUES = (("architecture", "MoE"), ("architecture", "dense"), ("multimodal", True), ("open_weights", True),
        ("status", "training"))


@per_lexicons
def _cues(lex: Lexicons) -> dict:
    return {name: lex.cue(f"descriptive.{name}") for name in lex.cues["descriptive"]}


def _cue_name(attribute: str, value) -> str:
    return f"{attribute}_{value}".lower()


def _holder(text: str, view, pos: int, end: int, obj, c: dict):
    """The model a descriptive cue is about: the name before it in the sentence that is not a
    comparison object, else the model in focus when a pronoun or « ces modèles » refers to it."""

    s = view.sentence
    after = next((r for r in view.refs if r.start >= pos), None)
    if after and c["of_model"].fullmatch(text, end, after.start):
        return after.model  # « a rendu publics les poids de Mixtral 8x7B »
    named = subject_before(text, view, pos, obj)
    before = [r for r in view.refs if r.end <= pos]
    if named and not (before and c["subject_pronoun"].search(text, before[-1].end, pos)):
        return named
    if c["anaphor"].search(text, s.start, pos) or (subject_before(text, view, s.end, obj) is None and c["anaphor"].search(text, s.start, s.end)):
        return view.subject or view.focus  # « Toujours en cours d'entraînement, ce mastodonte … »
    return None


def link(text: str, sviews, ents, lex) -> list[RawFact]:
    obj = object_cue(lex)
    c = _cues(lex)
    out = []
    for view in sviews:
        s = view.sentence
        if s.kind == HEADING:
            continue  # « … l'été où les poids ouverts ont tenu tête »: a theme, not a statement
        if not (view.refs or view.subject or view.focus):
            continue  # (no model to hold a value: ``_holder`` answers None to every cue)
        for attribute, value in CUES:
            for m in c[_cue_name(attribute, value)].finditer(text, s.start, s.end):
                if c["negated"].search(text, max(s.start, m.start() - 30), m.start()):
                    continue
                if c["indefinite"].search(text, s.start, m.start()):
                    continue
                model = _holder(text, view, m.start(), m.end(), obj, c)
                if not model:
                    continue
                out.append(RawFact(model, attribute, value, False,
                                   Provenance(m.start(), m.end(), s.start, s.end, f"{attribute}_cue")))
                break
    return out
