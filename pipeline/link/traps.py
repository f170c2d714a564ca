"""Invalidators: values no model has, though they look like attributes.

Each trap is declared by its words in ``cues_fr.yaml`` (``traps.<name>``): ``before`` is searched
in the text before the value (up to 80 characters of its sentence; its clause for ``negated``),
``after`` is matched right after the number and its scale, ``unless`` cancels the trap. At most one
extra check, in code, where words alone cannot tell. In order:

- ``range_low`` / ``range_high`` / ``between``: « de 1,5 à 70 milliards », « entre 7 et 70 milliards »;
  ``range_opening``: « une gamme allant de 397 milliards … jusqu'à une version 27B ».
- ``negated``: « Mixtral ne pèse pas 56 milliards » (but « n'en active que 17 milliards » is a value).
- ``component``: « un encodeur de vision de 2,5 milliards ».
- ``unnamed``: « une version de 400 milliards », « un modèle de 7B paramètres »; not when said of
  the name just before it (« Phi-3-mini, un modèle de 3,8 milliards », « Cela en fait un modèle
  de 685 milliards »).
- ``size_label``: « sa version 1B », « les versions 1.3B, 7.5B et 40B », « la version 120 milliards »:
  a size that names a variant; not when a model of the article carries that size in its name
  (the holder ``sized_variant`` then takes it).
- ``ratio``: « 1,6 fois », « x 2 ».
- ``models_in_general``: « 70 milliards pour les modèles en open source ».
- ``for_variant``: « 24 milliards de paramètres pour la variante Small »: a variant's value, the
  variant named by its tier alone.
- ``generic``: « la plupart des modèles ne traitaient que 8 000 jetons ».
- ``hypothetical``: « si vous avez 10 000 tokens », « supposons qu'un modèle ait 175 milliards »;
  not when a model is named between the cue and the value (« si Llama 4 Scout compte … »).
- ``bare_size``: « Llama 4 Scout (17B) », « OLMo 7B et 13B »: a size label with no unit is not a
  stated count (a list of them after a family's name names its variants: ``facts.family_sizes``);
  alone in parentheses after a name with no size nor tier, « GPT-3 (175B) », it is that model's.
- ``adapter``: « 16 millions de paramètres entraînables » (a LoRA adapter, not the model).
- ``training_part``: « 280 milliards de tokens textuels multilingues »: a part of the data.
- ``fine_tuning``: « affiné StarCoderBase sur 35 milliards de tokens Python »: the data of a fine-tuning.
- ``equivalence``: « 1 000 tokens équivalent à environ 750 mots ».
- ``subset``: « 64 experts, dont 2 experts partagés »: a part of the count before it; not an
  active count (« dont 37 milliards actifs »).
- ``per_request``: « environ 23 000 tokens par requête »: a usage, not a window (unless the
  window is named before it).
- ``threshold``: « le tarif long contexte s'applique après 200K tokens »: a threshold, not a window.
- ``for_other``: « 1 million de tokens contre 128k pour ChatGPT »: the value of the product or the
  company named after « pour », not of the sentence's model; not when a model is named there.
Then ``continues``: a value that goes on from one a trap dropped (« un modèle de 30 milliards de
paramètres avec seulement 3 milliards actifs ») goes with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, load, per_lexicons
from pipeline.link.cues import clause_bounds
from pipeline.link.discourse import SentenceView
from pipeline.link.entities import Entities, Ref, name_sizes
from pipeline.link.units import alone_in_parentheses
from pipeline.recognize.quantities import Quantity

WINDOW = 80


@dataclass(frozen=True)
class Trap:
    """One invalidator: its cue key, the scope its ``before`` words are searched in, and at most
    one extra check (``keep(text, q, view, ents, match)`` is True when the value is a value after all)."""

    name: str
    scope: str = "window"  # window: 80 characters of the sentence before the value | clause
    keep: Optional[Callable] = None


def apposed_name(text: str, q: Quantity, view: SentenceView) -> Optional[Ref]:
    """« Kimi K2, un modèle d'un trillion de paramètres », « Large 2 est un modèle dense de 123
    milliards »: the name right before the indefinite in apposition the value is in, if any."""
    if not view.refs:
        return None  # (no name to say it of: no search)
    ap = APPOSITION.search(text, max(view.sentence.start, q.start - WINDOW), q.start)
    return next((r for r in reversed(view.refs) if ap.start() - 3 <= r.end <= ap.start()), None) if ap else None


def _said_of_a_name(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    """« Phi-3-mini, un modèle de 3,8 milliards », « Large 2 est un modèle dense de 123 milliards »,
    « **Devstral :** un modèle de 24 milliards », « Cela en fait un modèle de 685 milliards »: an
    indefinite said of the model just named (or of the sentence's anaphoric subject)."""
    if apposed_name(text, q, view) is not None:
        return True
    if MAKES_IT.search(text, max(view.sentence.start, q.start - WINDOW), q.start) and view.subject:
        return True
    before = [r for r in view.refs if r.end <= q.start]
    if before and IN_PARENTHESES.fullmatch(text, before[-1].end, q.start):
        return True  # « DeepSeek R1 (version complète de 671 milliards) »
    return any(m.start() <= r.start < q.start for r in view.refs)  # « une version de Llama 3 de 8 milliards »


def _no_sized_model(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    """Keep « la version 120 milliards » when a model of the article is named with that size."""
    return sized_model(ents, q.value) is not None


def _not_a_size_label(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    # « dont 37B actifs » states a count; so does « utilise des paramètres 3.8B » (a translation's word order)
    return q.scale != "B" or q.active or _size_of_the_name_before(text, q, view, ents) or \
        UNIT_BEFORE.search(text, max(view.sentence.start, q.start - 24), q.start) is not None


UNIT_BEFORE = load().cue("traps_keep.unit_before")


_ALONE_OPEN = patterns.compile(r"[ \u00a0]*\([ \u00a0]*")


def _size_of_the_name_before(text: str, q: Quantity, view: SentenceView, ents: Entities) -> bool:
    """« GPT-3 (175B) », « LaMDA (137B) »: a size alone in parentheses right after a name that
    carries no size nor tier of its own is that model's count (« Llama 4 Scout (17B) » is not: a
    tier's size label may be its active count)."""
    r = next((r for r in reversed(view.refs) if r.end <= q.start), None)
    if r is None or not _ALONE_OPEN.fullmatch(text, r.end, q.start) or not alone_in_parentheses(text, q, r.end):
        return False
    info = ents.get(r.model)
    words = set(r.model.replace("-", " ").split())
    return info is not None and not name_sizes(r.model) and not words & _TIER_WORDS


def _active_count(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    return q.active  # « 671 milliards de paramètres, dont 37 milliards actifs »: the active count


def _named_in_between(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    return any(m.start() <= r.start < q.start for r in view.refs)


def _not_from_a_name(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    """« Moondream 0.5B — 500 millions de paramètres »: the number before the dash is a model's
    name, set apart from its size, not a range's lower end."""
    return any(r.start <= m.start() < r.end for r in view.refs)


def _model_named_after(text: str, q: Quantity, view: SentenceView, ents: Entities, m) -> bool:
    """« 128k pour GPT-4o »: the name after « pour » is a model's (the holder ``for_named`` takes it)."""
    return any(q.end <= r.start <= q.end + 40 for r in view.refs)


TRAPS = (
    Trap("range_low"),
    Trap("range_high", keep=_not_from_a_name),
    Trap("range_opening"),
    Trap("between"),
    Trap("negated", scope="clause"),
    Trap("component"),
    Trap("unnamed", keep=_said_of_a_name),
    Trap("size_label", keep=_no_sized_model),
    Trap("row_of_values"),
    Trap("ratio"),
    Trap("models_in_general"),
    Trap("for_variant"),
    Trap("generic", scope="clause"),
    Trap("hypothetical", scope="sentence", keep=_named_in_between),
    Trap("bare_size", keep=_not_a_size_label),
    Trap("adapter"),
    Trap("training_part"),
    Trap("fine_tuning"),
    Trap("equivalence"),
    Trap("subset", keep=_active_count),
    Trap("per_request"),
    Trap("threshold"),
    Trap("for_other", keep=_model_named_after),
)

# « X, un modèle de », « X est un modèle de », « X : un modèle de »
APPOSITION = load().cue("traps_keep.apposition")
_TIER_WORDS = frozenset(load().variant_words)
IN_PARENTHESES = patterns.compile(r"\s*\([^()]{0,60}")
# « Cela en fait un modèle de … », « C'est un modèle de … », « Il s'agit d'un modèle de … »: said of the subject
MAKES_IT = load().cue("traps_keep.makes_it")


@per_lexicons
def _compiled(lex: Lexicons) -> dict:
    """Each trap's cues by its name: ``before``, ``after``, ``unless`` as the lexicon gives them, and
    what is worked out from them once (``before_ends``, ``before_barriers``, ``after_together``)."""
    out = {}
    for trap in TRAPS:
        group = lex.cues["traps"][trap.name]
        out[trap.name] = cues = {part: lex.cue(f"traps.{trap.name}.{part}") for part in group}
        if "before" in cues:
            cues["before_ends"] = patterns.last_chars(cues["before"])  # (None: the words may end anyhow)
            cues["before_barriers"] = patterns.barriers(cues["before"]) if trap.scope != "window" else ""
        if "after" in cues:  # (read by its after-words alone, which an empty text does not match: tried together)
            cues["after_together"] = "before" not in cues and cues["after"].match("") is None
    return out


@dataclass(frozen=True)
class _Dispatch:
    """What decides, once per value, which traps are worth trying: the traps by the last character
    before the value (filled as characters come), and one pattern for the after-words of the traps
    read by them alone (whether any of them may match right after the value)."""

    by_last_char: dict
    after_any: re.Pattern


@per_lexicons
def _dispatch(lex: Lexicons) -> _Dispatch:
    compiled = _compiled(lex)
    together = [compiled[t.name]["after"] for t in TRAPS if compiled[t.name].get("after_together")]
    return _Dispatch({}, patterns.compile("|".join(
        f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern})" for p in together)))


def sized_model(ents: Entities, value: Optional[int]) -> Optional[str]:
    """The one model of the article whose name ends with this size (« gpt-oss-120b » for 120
    milliards), or None."""
    if not value:
        return None
    found = ents.named_with_size(value)
    return next(iter(found)) if len(found) == 1 else None


NAME_SIZE_TOLERANCE = 0.3  # « gpt-oss-120b » has 117 billion parameters, « Calcite-70B » 70,4 billion


# The smallest value each attribute can have on a language model: below it, a number is something
# else (« un contexte long étendu à 128 8 jetons », a garbled translation, is no window of 8 tokens).
PLAUSIBLE_MIN = {"params_total": 10**6, "params_active": 10**6, "context_tokens": 512,
                 "training_tokens": 10**8, "experts": 2}


def implausible(attribute: str, value) -> bool:
    """A value no language model has for this attribute."""
    low = PLAUSIBLE_MIN.get(attribute)
    return low is not None and isinstance(value, (int, float)) and value < low


def contradicts_name(model: str, attribute: str, value) -> bool:
    """A total parameter count far from the size the model's name states (« Mistral-NeMo-Minitron 8B
    … avec quatre milliards de paramètres »): the value is another model's, or another thing's."""
    if attribute != "params_total" or not isinstance(value, int):
        return False
    sizes = name_sizes(model)
    return bool(sizes) and all(abs(value - size) > NAME_SIZE_TOLERANCE * size for size in sizes)


def _clause_start(text: str, start: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after a comma (not the decimal comma of « 15,5 »),
    a semicolon, a colon, « mais », « et il »."""
    return clause_bounds(text, start, pos, pos)[0]


def continues(text: str, dropped: Optional[Quantity], q: Quantity, view: SentenceView, lex: Lexicons) -> bool:
    """« un modèle de 30 milliards de paramètres avec seulement 3 milliards actifs »: a value that
    goes on from one a trap dropped, with no name between them, describes the same thing."""
    if dropped is None or q.start - dropped.unit_end > WINDOW:
        return False
    if any(dropped.unit_end <= r.start < q.start for r in view.refs):
        return False
    return lex.cue("units_link.continues").fullmatch(text, dropped.unit_end, q.start) is not None


def bare_label(text: str, q: Quantity, view: SentenceView, ents: Entities, lex: Lexicons) -> bool:
    """Whether the value falls into ``bare_size`` (a size label with no unit): the cheap test a
    caller may run before ``invalidated_by``, which drops the same values (a page of hundreds of
    « Llama 3 (8B) » labels in nested asides pays for one check each, not for every trap)."""
    cues = _compiled(lex)["bare_size"]
    return bool(cues["after"].match(text, q.end)) and not _not_a_size_label(text, q, view, ents, None)


def invalidated_by(text: str, q: Quantity, view: SentenceView, ents: Entities, lex: Lexicons) -> Optional[str]:
    """The name of the first trap the value falls into, or None."""
    s = view.sentence
    last = patterns.last_non_space(text, s.start, q.start)  # a ``before`` anchored at the value ends there
    clause_start = None  # (looked for once, by the first trap of that scope)
    dispatch = _dispatch(lex)
    some_after = None  # whether any of the traps read by their ``after`` words alone may match (read once)
    for trap, cues in _traps_ending_with(_compiled(lex), dispatch, text[last] if last >= s.start else None):
        if trap.scope == "clause":
            if clause_start is None:
                clause_start = _clause_start(text, s.start, q.start)
            start = clause_start
        else:
            start = s.start if trap.scope == "sentence" else max(s.start, q.start - WINDOW)
        m = None
        if "before" in cues:
            if cues["before_ends"] is not None and last < start:
                continue  # (it cannot match: no search over the window)
            m = cues["before"].search(text, patterns.search_start(text, start, q.start, cues["before_barriers"]), q.start)
            if m is None:
                continue
        if "after" in cues:
            if cues["after_together"]:
                if some_after is None:
                    some_after = dispatch.after_any.match(text, q.end) is not None
                if not some_after:
                    continue  # (none of them: no need to try each)
            if not cues["after"].match(text, q.end):
                continue
        if "unless" in cues and cues["unless"].search(text, start, q.start):
            continue
        if trap.keep is not None and trap.keep(text, q, view, ents, m):
            continue
        return trap.name
    return None


def _traps_ending_with(compiled: dict, dispatch: _Dispatch, last: Optional[str]) -> tuple:
    """The (trap, cues) pairs worth trying when ``last`` is the last character before the value (None:
    the sentence has none), in order: a trap whose ``before`` words cannot end with it is left out,
    a choice made once per character rather than once per value."""
    by_char = dispatch.by_last_char
    found = by_char.get(last)
    if found is None:
        found = by_char[last] = tuple(
            (trap, cues) for trap, cues in ((t, compiled[t.name]) for t in TRAPS)
            if "before" not in cues or cues["before_ends"] is None
            or (last is not None and cues["before_ends"].match(last)))
    return found
