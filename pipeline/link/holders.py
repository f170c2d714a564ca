"""Holders: which named model a value belongs to. Tried in order; the first that answers wins,
and a value no holder answers for yields nothing (a wrong number is worse than a missing one).

- ``ordinal``: « 128K pour le premier et 256K pour le second », « le second 9 milliards ».
- ``for_named``: « 128 000 jetons pour Llama 3.1 », « 32K pour Qwen3-0.6B ».
- ``genitive_after``: « la fenêtre de 400 000 tokens de GPT-5 ».
- ``name_in_parentheses``: « passée de 4 096 tokens (GPT-3) à 32 000 »: a name alone in parentheses
  right after the value and its unit.
- ``glossed_name``: « un LLM maison (Helium) à 7 milliards »: the name a model noun glosses in
  parentheses right before the value.
- ``for_group``: « 128K pour les deux modèles », « pour les trois plus grandes ».
- ``against_at``: « 500 milliards contre 1 000 à GPT-4 ».
- ``sized_variant``: « la version 120 milliards » is the model named with that size (« gpt-oss-120b »).
- ``group``: « les trois plus grandes comptent … », « Tous trois disposent de … ».
- ``parenthesized``: « DeepSeek R1 (version complète de 671 milliards de paramètres) ».
- ``possessive``: « GPT-3 et ses 175 milliards de paramètres ».
- ``relative``: « devant DeepSeek-V3, qui en compte 671 milliards ».
- ``clause_name``: the nearest name before the value in its sentence that is not a comparison
  object (« surpasse GPT-4o »), nor the complement of another noun (« la vitesse de Claude 3 Opus »).
- ``apposed``: « …, Kimi K2, un modèle d'un trillion de paramètres »: the name an indefinite in
  apposition is said of, when its clause names no model.
- ``subject``: the name the sentence is about, written after the value (« Avec 24 milliards de
  paramètres, Mistral Small 3 … »), or the pronoun after a fronted phrase (« Avec une fenêtre de
  1M de tokens, …, il est idéal »: the model in focus).
- ``anaphor``: a sentence that opens on a pronoun, a possessive or « ce modèle » (« Il compte … »,
  « Sa fenêtre de contexte … », « Cela en fait un modèle de … ») is about the model in focus.
- ``active_share``: « … 424 milliards de paramètres. Seulement 47 milliards sont activés par
  token »: the active part, opening a sentence that names no model, of the total just given.

Lists are paired before these (``facts.paired``): as many values as coordinated names, or
« respectivement », or one value shared by the names the sentence opens on.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Optional

from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.discourse import SentenceView, subject_before
from pipeline.link.entities import Entities, Ref
from pipeline.link.tables import label_attribute
from pipeline.link.traps import apposed_name, sized_model
from pipeline.link.units import bullet_label
from pipeline.link.variants import Variants, superlative
from pipeline.recognize.quantities import Quantity
from pipeline.spans import last_before


@dataclass(frozen=True)
class Candidate:
    """A value of a known attribute, before its holder is known."""

    q: Quantity
    attribute: str
    value: int


@dataclass
class Memory:
    """What the fact linker of one article carries from one sentence to the next."""

    prev_refs: list[Ref] = field(default_factory=list)  # the names of the last sentence that named some
    variants: Variants = field(default_factory=Variants)
    last_token_attribute: Optional[str] = None
    last_total: Optional[tuple[int, str, int]] = None  # (sentence index, model, value): the one total a sentence gave


@dataclass(frozen=True)
class Scope:
    """What a holder may read: the article, the sentence, the values of the sentence."""

    text: str
    lex: Lexicons
    ents: Entities
    obj: re.Pattern  # names after a comparison cue are objects, never holders
    memory: Memory
    view: SentenceView
    candidates: tuple[Candidate, ...]
    answers: dict = field(default_factory=dict, repr=False, compare=False)  # (holder, value) -> its answer

    def ask(self, name: str, c: Candidate) -> Optional[list[str]]:
        """The holder ``name``'s answer for the value, worked out once for the sentence (the list
        pairing asks the explicit holders before ``holder_of`` asks them all); ``None`` without
        asking when the sentence lacks what the holder needs (``NEEDS``)."""
        key = (name, id(c))
        if key not in self.answers:
            self.answers[key] = _HOLDER_BY_NAME[name](self, c) if name in self.open_holders else None
        return self.answers[key]

    @cached_property
    def open_holders(self) -> tuple[str, ...]:
        """The holders that may answer in this sentence, in their order: those whose ``NEEDS``
        the sentence and the memory meet (read once for the sentence, not for each value)."""
        return tuple(name for name, _ in HOLDERS if name not in NEEDS or NEEDS[name](self))

    @cached_property
    def has_ordinal(self) -> bool:
        """An ordinal word (« premier », « second ») stands in the sentence."""
        s = self.view.sentence
        lowered = self.text[s.start:s.end].lower()
        return any(word in lowered for word in self.lex.ordinals)

    @cached_property
    def cues(self) -> dict[str, re.Pattern]:
        """The holders' words (``holders.<name>``), looked up once for the sentence."""
        return _cues(self.lex)

    def previous_end(self, c: Candidate) -> int:
        """End of the previous value of the sentence, else the sentence start."""
        ends, reach = self._value_ends
        if ends is None:  # (values out of order: read them all)
            return max([x.q.unit_end for x in self.candidates if x.q.end <= c.q.start] + [self.view.sentence.start])
        return reach[bisect_right(ends, c.q.start)]

    @cached_property
    def _value_ends(self) -> tuple[Optional[list[int]], list[int]]:
        """The values' ends in order, and for the first k values the furthest their units reach
        (the sentence start for k = 0): previous_end by bisection, not by reading every value."""
        ends = [x.q.end for x in self.candidates]
        if any(a > b for a, b in zip(ends, ends[1:])):
            return None, []
        reach = [self.view.sentence.start]
        for x in self.candidates:
            reach.append(max(reach[-1], x.q.unit_end))
        return ends, reach


Holder = Callable[[Scope, Candidate], Optional[list[str]]]


@per_lexicons
def _cues(lex: Lexicons) -> dict[str, re.Pattern]:
    return {name: lex.cue(f"holders.{name}") for name in lex.cues["holders"]}


def _cue(sc: Scope, name: str) -> re.Pattern:
    """The holders' words, from the lexicon (``holders.<name>``)."""
    return sc.cues[name]


def ordinal(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« 128K pour le premier et 256K pour le second », « le second 9 milliards », « Le premier, avec
    ses 117 milliards de paramètres, … » (a sentence that names no model): the models the last
    sentence naming some named, by their order."""
    after_pat, before_pat = _cue(sc, "ordinal_after"), _cue(sc, "ordinal_before")
    s = sc.view.sentence
    m = after_pat.match(sc.text, c.q.unit_end, min(s.end, c.q.unit_end + 60)) or \
        before_pat.search(sc.text, max(s.start, c.q.start - 40), c.q.start) or \
        (_cue(sc, "ordinal_subject").match(sc.text, s.start, c.q.start) if not sc.view.refs else None)
    if not m or not sc.memory.prev_refs:
        return None
    k = sc.lex.ordinals[m.group("o").lower()] - 1
    ordered: list[str] = []
    for r in sc.memory.prev_refs:
        if r.model not in ordered:
            ordered.append(r.model)
    return [ordered[k]] if k < len(ordered) else []


def for_named(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« 128 000 jetons pour Llama 3.1 », « 540 milliards pour la première version de PaLM »."""
    m = _cue(sc, "for").match(sc.text, c.q.unit_end, sc.view.sentence.end)
    if not m:
        return None
    at = m.end()
    ref = next((r for r in sc.view.refs if r.start == at or (
        at <= r.start <= at + 4 and _cue(sc, "article").fullmatch(sc.text, at, r.start))), None)
    return [ref.model] if ref else None


def genitive_after(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« la fenêtre de 400 000 tokens de GPT-5 »: the name a genitive gives right after the value and its unit."""
    m = _cue(sc, "of_after").match(sc.text, c.q.unit_end, sc.view.sentence.end)
    ref = next((r for r in sc.view.refs if m and r.start == m.end()), None)
    if ref is None or c.attribute != "params_active" and _cue(sc, "activated_after").match(sc.text, ref.end, sc.view.sentence.end):
        return None  # (« seuls deux experts de X sont sollicités »: the experts it routes to, read by no holder)
    return [ref.model]


def name_in_parentheses(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« passée de 4 096 tokens (GPT-3) à 32 000 tokens »: the name alone in parentheses right after
    the value."""
    m = _cue(sc, "open_parenthesis").match(sc.text, c.q.unit_end, sc.view.sentence.end)
    ref = next((r for r in sc.view.refs if m and r.start == m.end()), None)
    if ref is not None and _cue(sc, "close_parenthesis").match(sc.text, ref.end, sc.view.sentence.end):
        return [ref.model]
    return None


def glossed_name(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« un LLM maison (Helium) à 7 milliards »: the name a model noun glosses in parentheses right
    before the value."""
    before = _last_ref_before(sc, c)
    if before and _cue(sc, "gloss_to_value").fullmatch(sc.text, before.end, c.q.start) \
            and _cue(sc, "glossed_before").search(sc.text, max(sc.view.sentence.start, before.start - 40), before.start):
        return [before.model]
    return None


def against_at(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« 500 milliards de paramètres contre 1 000 à GPT-4 »: the model after « à »."""
    s = sc.view.sentence
    if not _cue(sc, "against_at").search(sc.text, max(s.start, c.q.start - 10), c.q.start):
        return None
    m = _cue(sc, "at").match(sc.text, c.q.unit_end, s.end)
    ref = next((r for r in sc.view.refs if m and r.start == m.end()), None)
    return [ref.model] if ref else None


def for_group(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« 128K pour les deux modèles », « pour les trois plus grandes »: the group the memory knows."""
    m = _cue(sc, "for").match(sc.text, c.q.unit_end, sc.view.sentence.end)
    return sc.memory.variants.group(sc.text[m.end():m.end() + 40]) if m else None


def sized_variant(sc: Scope, c: Candidate) -> Optional[list[str]]:
    if c.attribute != "params_total" or not _cue(sc, "size_label").search(sc.text, max(sc.view.sentence.start, c.q.start - 30), c.q.start):
        return None
    name = sized_model(sc.ents, c.value)
    return [name] if name else None


def group(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« o3 et o4-mini sont sortis. Tous deux disposent de … »: the models the sentence's plural
    anaphor refers to; « les trois plus grandes comptent … »: the variants of the family in focus."""
    if subject_before(sc.text, sc.view, c.q.start, sc.obj):
        return None
    region = sc.text[sc.previous_end(c):c.q.start]
    if sc.view.group and not superlative(region) and sc.view.group_at > sc.memory.variants.last_pos:
        return list(sc.view.group)  # (not when a family's sizes were named since: « Leur fenêtre » is theirs)
    return sc.memory.variants.group(region)


def _last_ref_before(sc: Scope, c: Candidate) -> Optional[Ref]:
    before = last_before(sc.view.refs, sc.view.ref_starts, c.q.start)
    return before[0] if before else None


def parenthesized(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« DeepSeek R1 (version complète de 671 milliards de paramètres) »: a value in parentheses
    right after a name is that name's (not the last of a list of sizes there); in an aside after
    another one closed since the last name, no one's that we know."""
    r = _last_ref_before(sc, c)
    if not r:
        return None
    if _cue(sc, "parenthesized").fullmatch(sc.text, r.end, c.q.start):
        if _cue(sc, "size_list_open").search(sc.text, r.end, c.q.start):
            return []  # « les modèles Ministral 3 (3 B, 8 B, 14 B paramètres) »: the last of a list of sizes, no one's
        return [r.model]
    # « A (230 milliards), B (196 milliards) et C de Meituan (68 milliards) », C unknown: C's, not B's
    return [] if _cue(sc, "aside_after_aside").search(sc.text, r.end, c.q.start) else None


def possessive(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« GPT-3 et ses 175 milliards de paramètres »; in a sentence that names no model, the model in
    focus (« Gemma 3 270M est … Le chiffre "270M" fait référence à ses 270 millions de paramètres »)."""
    r = _last_ref_before(sc, c)
    if r:
        return [r.model] if _cue(sc, "possessive").fullmatch(sc.text, r.end, c.q.start) else None
    v = sc.view
    if not v.refs and v.focus and _cue(sc, "possessive").search(sc.text, max(v.sentence.start, c.q.start - 8), c.q.start):
        return [v.focus]
    return None


def relative(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« devant DeepSeek-V3, qui en compte 671 milliards », and a participle said of the name before
    it (« GPT-3, pourtant entraîné à partir de 175 milliards »), or of the anaphor a sentence opens on
    (« Ce modèle, qui dépasse le trillion de paramètres »); a relative clause after anything else
    (« … DLLaMa de Meta, qui utilise 1 trillion de tokens », a name not recognised) has no holder."""
    r = _last_ref_before(sc, c)
    if r and (_cue(sc, "relative").fullmatch(sc.text, r.end, c.q.start) or _cue(sc, "participle").fullmatch(sc.text, r.end, c.q.start)):
        return [r.model]
    v = sc.view
    if v.anaphoric and v.subject and not v.guessed and _cue(sc, "relative_of_anaphor").fullmatch(sc.text, v.sentence.start, c.q.start):
        return [v.subject]  # « Ce modèle, qui dépasse le trillion de paramètres, … »
    if r and _cue(sc, "relative_of_last").search(sc.text, r.end, c.q.start):
        return [r.model]  # « … Qwen-3-Max-Thinking, malgré la taille de ce dernier, qui dépassait le trillion »
    if _cue(sc, "relative_after_comma").search(sc.text, max(sc.previous_end(c), c.q.start - 60), c.q.start):
        return []
    return None


def clause_name(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """The nearest name before the value that is not a comparison object, nor a name completing
    another noun (« la vitesse de Claude 3 Opus », « celle de GPT-4 »; but « la fenêtre de contexte
    de Gemini » is about Gemini)."""
    text, view = sc.text, sc.view
    near = subject_before(text, view, c.q.start, sc.obj, skip=_cue(sc, "other_noun_of"))
    if not near:
        return None
    last = next((r for r in reversed(view.refs) if r.end <= c.q.start and r.model == near), None)
    if last and _cue(sc, "pronoun_subject").search(text, last.end, c.q.start):
        return [view.subject] if view.subject else None  # « R1 reprend l'architecture du V3 : il compte … »
    if last and _cue(sc, "its_a_model").search(text, last.end, c.q.start):
        return [view.subject] if view.subject and view.anaphoric else None  # « S'appuyant sur X, …, c'est un modèle de … »
    other = _cue(sc, "other_subject").search(text, last.end, c.q.start) if last else None
    if other and not any(r.start == other.start("name") for r in view.refs):
        return None  # « …, tandis que Maverick en a 402 milliards »: the clause has its own subject
    fam = _cue(sc, "family").search(text, sc.previous_end(c), c.q.start)
    if fam and any(0 <= r.start - fam.end() <= 2 for r in view.refs):
        return [_family_model(sc.ents, near) or near]  # « la famille Qwen3 » (not « la famille des MoE »)
    return [near]


def subject(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« Avec 24 milliards de paramètres, Mistral Small 3 … »: a value in a phrase put before the
    subject, which the comma after the phrase introduces."""
    view = sc.view
    after = next((r for r in view.refs if r.start > c.q.start), None)
    if view.subject and not view.anaphoric and after and after.model == view.subject \
            and _cue(sc, "fronted_end").fullmatch(sc.text, c.q.unit_end, after.start) \
            and not any(r.end <= c.q.start for r in view.refs):
        return [view.subject]
    # « Avec une fenêtre de 1M de tokens, un entraînement … et des performances compétitives, il est
    # idéal … »: the pronoun after the fronted phrase stands for the model in focus (when the
    # phrase is too long for the discourse to have read the sentence as anaphoric); names after the
    # pronoun are its objects (« …, il est à égalité avec Gemini 2.5 Pro »)
    if view.focus and not view.anaphoric and _cue(sc, "fronted_open").match(sc.text, view.sentence.start):
        m = _cue(sc, "fronted_pronoun").search(sc.text, c.q.unit_end, view.sentence.end)
        if m and not any(r.start < m.end() for r in view.refs):
            return [view.focus]
    return None


def apposed(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« Kimi K2, un modèle d'un trillion de paramètres »: the name an indefinite in apposition is
    said of, right before it (the one the ``unnamed`` trap keeps the value for)."""
    ref = apposed_name(sc.text, c.q, sc.view)
    return [ref.model] if ref else None


LATTER_REACH = 80  # characters before a value where « cette dernière » names its holder


def anaphor(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """The model in focus; for a bullet that names none under no heading that names one, the
    article's model only when the title names no other and the bullet's label (or its clause's
    subject) says the value's attribute (« • Taille du modèle : 70 milliards de paramètres »: a
    spec sheet); no one after « cette dernière » that follows figures (the latter is a size)."""
    v = sc.view
    if not (v.subject and v.anaphoric):
        return None
    latter = _cue(sc, "latter").search(sc.text, max(v.sentence.start, c.q.start - LATTER_REACH), c.q.start)
    if latter and any(ch.isdigit() for ch in sc.text[v.sentence.start:latter.start()]):
        return []  # « des modèles à 122 et 35 milliards (cette dernière, avec 3 milliards actifs) »: a size, not the model
    if v.guessed:
        if not v.sole:
            return None
        return [v.subject] if _labelled(sc, c) else None
    return [v.subject]


def active_share(sc: Scope, c: Candidate) -> Optional[list[str]]:
    """« X compte 424 milliards de paramètres. Cependant, seulement 47 milliards sont activés pour
    chaque token »: a sentence that names no model and opens on an active count smaller than the
    total the sentence before gave one model is that model's."""
    last, v = sc.memory.last_total, sc.view
    if c.attribute != "params_active" or v.refs or last is None or last[0] != v.index - 1 or c.value >= last[2]:
        return None
    return [last[1]] if _cue(sc, "share_opening").fullmatch(sc.text, v.sentence.start, c.q.start) else None


LABEL_WINDOW = 60  # characters before a value where a clause's subject may name its attribute


def _labelled(sc: Scope, c: Candidate) -> bool:
    """A bullet's label, or its clause's subject right before the value, names the value's
    attribute (« • Taille du modèle : 70 milliards », « … et la longueur du contexte est de 16 000 »)."""
    label = bullet_label(sc.text, sc.view.sentence)
    if label is None or sc.text.find(label, sc.view.sentence.start, c.q.start) < 0:
        m = _cue(sc, "copular_label").search(sc.text, max(sc.view.sentence.start, c.q.start - LABEL_WINDOW), c.q.start)
        label = m.group("label") if m else None
    return label is not None and label_attribute(label) == c.attribute


def _family_model(ents: Entities, model: str) -> Optional[str]:
    """« la famille Qwen3 » when Qwen3-235B-A22B is named: the family's own model, if named."""
    from pipeline.link.entities import tail_parts
    info = ents.get(model)
    if not info or not info.family:
        return None
    parts = tail_parts(info.name, info.family)
    return ents.one_word_member(info.family, parts[0].split("-")[0]) if parts else None


HOLDERS: tuple[tuple[str, Holder], ...] = (
    ("ordinal", ordinal),
    ("for_named", for_named),
    ("genitive_after", genitive_after),
    ("name_in_parentheses", name_in_parentheses),
    ("glossed_name", glossed_name),
    ("for_group", for_group),
    ("against_at", against_at),
    ("sized_variant", sized_variant),
    ("group", group),
    ("parenthesized", parenthesized),
    ("possessive", possessive),
    ("relative", relative),
    ("clause_name", clause_name),
    ("apposed", apposed),
    ("subject", subject),
    ("anaphor", anaphor),
    ("active_share", active_share),
)


_HOLDER_BY_NAME: dict[str, Holder] = dict(HOLDERS)


def _names(sc: Scope) -> bool:
    return bool(sc.view.refs)


def _variants(sc: Scope) -> bool:
    return sc.memory.variants.any_current()


def _total_just_given(sc: Scope) -> bool:
    last = sc.memory.last_total
    return not sc.view.refs and last is not None and last[0] == sc.view.index - 1


# What a holder needs from its sentence to answer at all (a holder not listed is always asked): a
# condition read once for the sentence, which holds whenever the holder answers for one of its
# values, so that skipping the holder changes no answer. A holder answering [] (« no one ») is
# an answer and stops the others: only conditions under which it answers neither [] nor a model.
NEEDS: dict[str, Callable[[Scope], bool]] = {
    "ordinal": lambda sc: bool(sc.memory.prev_refs) and sc.has_ordinal,  # (its word is one of ``lex.ordinals``)
    "for_named": _names,  # (a name after the value: « pour X », « de X », « (X) », « à X »)
    "genitive_after": _names,
    "name_in_parentheses": _names,
    "glossed_name": _names,
    "for_group": _variants,
    "against_at": _names,
    "group": lambda sc: bool(sc.view.group) or _variants(sc),
    "parenthesized": _names,
    "possessive": lambda sc: _names(sc) or bool(sc.view.focus),
    "clause_name": _names,
    "apposed": _names,
    "subject": lambda sc: bool(sc.view.subject or sc.view.focus),
    "anaphor": lambda sc: bool(sc.view.subject and sc.view.anaphoric),
    "active_share": _total_just_given,
}


def holder_of(sc: Scope, c: Candidate) -> tuple[Optional[str], list[str]]:
    """(the holder's name, the models) of one value; (None, []) when no holder answers."""
    for name in sc.open_holders:
        models = sc.ask(name, c)
        if models is not None:
            return name, models
    return None, []
