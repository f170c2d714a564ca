"""Facts: which attribute a quantity states, and of which named model.

For each sentence, in order:
1. Units (``units``): stated (« de paramètres », « jetons », « experts »), else carried over from
   a list neighbour (« 7 et 14 milliards de paramètres », « dont 12,9 actifs »), else inferred.
2. Family sizes (``family_sizes``): « Llama 3.1, déclinée en 8B, 70B et 405B » names the variants.
3. Traps (``traps``): ranges, negations, components, unnamed or generic models, hypotheses … drop
   the value.
4. Attribute (``attributes``): params_total / params_active / experts / context / training.
5. Lists (``paired``): as many values of one attribute as coordinated names, in order (with or
   without « respectivement »); one value shared by the names the sentence opens on.
6. Holders (``holders``): « pour X », ordinals, groups, « X et ses N », the clause's name, the
   sentence's subject, an anaphor. A value no rule ties to a named model yields nothing.
Markdown tables are read cell by cell (``tables``); a cell written as prose (a name and a value with
its unit) is read as a sentence; tables that lost their bars are read by their header: one row a
line (``flat_table``), the models across the first line (``flat_across``), one cell a line
(``stacked_table``). The ``recognizer`` column says which rule
placed the value: ``params_total:clause_name``, ``context_tokens:paired``, ``family_sizes``.
Last, a value no language model can have (a window of 8 tokens, 2 000 parameters) is dropped
(``traps.implausible``), whichever rule placed it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, load
from pipeline.link.attributes import attribute_of
from pipeline.link.cues import fact_cues, is_hedged
from pipeline.link.cues import object_cue
from pipeline.link.discourse import SentenceView, coordinated_subject, name_runs, subject_before
from pipeline.link.entities import Entities, Ref, tail_parts
from pipeline.link import tables
from pipeline.link.holders import Candidate, Memory, Scope, group, holder_of
from pipeline.link.raw import Provenance, RawFact
from pipeline.link.traps import bare_label, continues, contradicts_name, implausible, invalidated_by
from pipeline.link.units import alone_in_parentheses, infer_units
from pipeline.link.variants import variant_name
from pipeline.recognize.quantities import FOREIGN, PARAMS, TOKENS, Quantity
from pipeline.recognize.segments import HEADING, TABLE, TEXT, Sentence, within


@dataclass(frozen=True)
class FactsFound:
    facts: tuple[RawFact, ...]
    ents: Entities  # the article's entities with the variants the facts named (« Llama 3.1 8B »)


def link(text: str, views: list[SentenceView], quantities, ents: Entities, lex: Lexicons) -> FactsFound:
    """The facts of one article. ``ents`` is not changed: the variants named by family sizes are
    added to a copy, returned with the facts."""
    ents = ents.copy()
    memory = Memory()
    out: list[RawFact] = []
    obj = object_cue(lex)
    for view in views:
        s = view.sentence
        mine = within(quantities, s.start, s.end)
        if s.kind != TABLE and mine:
            out += _sentence_facts(text, view, mine, ents, lex, obj, memory)
        elif mine:
            for cell_view, cell_qs in _prose_cells(text, view, mine):
                out += _sentence_facts(text, cell_view, cell_qs, ents, lex, obj, memory)
        _remember(view, memory)
    sentences = [v.sentence for v in views]
    out += tables.table_facts(text, sentences, ents, quantities, memory.variants, lex, owners=table_owners(views))
    out += tables.flat_table_facts(text, sentences, ents.refs, quantities, lex)
    out += tables.flat_across_facts(text, sentences, ents.refs, quantities, lex)
    out += tables.stacked_table_facts(text, sentences, ents.refs, quantities, lex)
    ents.refs.sort(key=lambda r: r.start)
    return FactsFound(tuple(f for f in out if not implausible(f.attribute, f.value)), ents)


PROSE_CELL_WORDS = 4  # a cell of at least this many words, a name and a value with its unit, is read as a sentence
_PAREN_AFTER_NAME = patterns.compile(r"[\w.+-][ \u00a0]*\([ \u00a0]*$")  # « GPT-J (6B) »: the size right after the name


def _prose_cells(text: str, view: SentenceView, qs: list[Quantity]):
    """« | Gemini 2.5 Pro (fenêtre de contexte gigantesque jusqu’à 2M de tokens, multimodal) | »: a
    table cell written as prose, with a name and a value that says its unit, is read as a
    sentence of its own (a bare « 128K » in a cell is the table's to read, by its header)."""
    for cell in view.sentence.cells:
        cell_qs = within(qs, cell.start, cell.end)
        refs = within(view.refs, cell.start, cell.end)
        if not refs or not any(q.unit or q.scale for q in cell_qs):
            continue
        if len(text[cell.start:cell.end].split()) < PROSE_CELL_WORDS and not any(
                q.scale and alone_in_parentheses(text, q, cell.start) and _PAREN_AFTER_NAME.search(text, cell.start, q.start)
                and any(r.end <= q.start for r in refs) for q in cell_qs):
            continue  # (« | GPT-J (6B), BLOOM-7B1 | »: a name's size in parentheses says itself)
        sentence = Sentence(cell.start, cell.end, TEXT, view.sentence.block)
        yield SentenceView(view.index, sentence, refs, None, None, None), cell_qs


def _sentence_facts(text: str, view: SentenceView, qs: list[Quantity], ents: Entities, lex: Lexicons,
                    obj: re.Pattern, memory: Memory) -> list[RawFact]:
    cues = fact_cues(lex)
    s = view.sentence
    units = [(q, unit, value) for q, unit, value in infer_units(text, s, qs, cues)
             if unit not in (None, FOREIGN) and value is not None and value > 0]
    sizes = family_sizes(text, view, units, ents, lex, obj, memory)
    if sizes:
        return sizes
    cands: list[Candidate] = []
    dropped: Optional[Quantity] = None  # the last value a trap dropped
    for q, unit, value in units:
        if bare_label(text, q, view, ents, lex) or invalidated_by(text, q, view, ents, lex) or continues(text, dropped, q, view, lex):
            dropped = q
            continue
        attr = attribute_of(text, q, unit, s, cues, previous_token_attribute=memory.last_token_attribute, memo=view.memo)
        if attr:
            cands.append(Candidate(q, attr, value))
            if unit == TOKENS:
                memory.last_token_attribute = attr
    if not cands:
        return []
    cands = _list_attributes(text, cands)
    sc = Scope(text, lex, ents, obj, memory, view, tuple(cands))
    placed = paired(sc)
    out = []
    for i, c in enumerate(cands):
        rule, models = placed.get(i, (None, []))
        if rule is None:
            rule, models = holder_of(sc, c)
        models = [m for m in models if not contradicts_name(m, c.attribute, c.value)]
        hedged = bool(models) and _hedged(text, sc, c, lex)  # (read only for a value that gives a fact)
        for model in models:
            out.append(RawFact(model, c.attribute, c.value, hedged,
                               Provenance(c.q.start, c.q.unit_end, s.start, s.end, f"{c.attribute}:{rule}")))
    out = _not_scattered(text, out)
    totals = {(f.model, f.value) for f in out if f.attribute == "params_total"}
    if len(totals) == 1:
        memory.last_total = (view.index, *next(iter(totals)))
    return out


SCATTER = 3  # this many different values of one attribute for one model in one sentence: none is its own


def _not_scattered(text: str, facts: list[RawFact]) -> list[RawFact]:
    """The facts, less those of a model that gets ``SCATTER`` or more different values of one
    attribute in the sentence, unless they are one list (« se décline en 4, 12 et 48 milliards »):
    a page flattened onto one line gave a model every token count of an example table (« 800 tokens
    … 1500 tokens … 30 000 tokens »). Two values stay: « 32 768 natifs, 128 000 étendus »."""
    groups: dict[tuple[str, str], list[RawFact]] = {}
    for f in facts:
        groups.setdefault((f.model, f.attribute), []).append(f)
    scattered = set()
    for key, same in groups.items():
        spans = sorted((f.where.start, f.where.end) for f in same)
        if len({f.value for f in same}) >= SCATTER and not all(
                SIZE_GAP.fullmatch(text, a[1] if a[1] <= b[0] else b[0], b[0]) for a, b in zip(spans, spans[1:])):
            scattered.add(key)
    return [f for f in facts if (f.model, f.attribute) not in scattered]


def _list_attributes(text: str, cands: list[Candidate]) -> list[Candidate]:
    """« activant chacun 5,1 milliards et 3,6 milliards de paramètres »: a parameter count listed
    after an active one is active too."""
    out = list(cands)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.attribute == "params_active" and b.attribute == "params_total" and SIZE_GAP.fullmatch(text, a.q.unit_end, b.q.start):
            out[i] = Candidate(b.q, "params_active", b.value)
    return out


def _hedged(text: str, sc: Scope, c: Candidate, lex: Lexicons) -> bool:
    """A conditional, a promise or a rumour between the previous value and the end of this one's clause."""
    m = fact_cues(lex)["clause_end"].search(text, c.q.unit_end, sc.view.sentence.end)
    end = m.start() if m else c.q.unit_end  # (a unit may run past the sentence's end)
    return is_hedged(text, sc.previous_end(c), c.q.start, lex) or is_hedged(text, c.q.unit_end, end, lex)


# ---- lists ------------------------------------------------------------------------------------

EXPLICIT_HOLDERS = ("ordinal", "for_named", "for_group", "parenthesized")


def paired(sc: Scope) -> dict[int, tuple[str, list[str]]]:
    """Values placed by a list: as many values of one attribute as the names the sentence opens on
    (« Phi-3-small et Phi-3-medium affichent 7 et 14 milliards »), or as the models a plural refers
    to (« Ces deux modèles … avec respectivement 117 et 21 milliards ») ; one value for all of them
    otherwise (« Scout et Maverick activent 17 milliards de paramètres »). Several values that do not
    match the names one to one go to no one; values with another name between them are not a list.
    Values that say their own holder (« pour X », ordinals) are left to it; a value listed right
    before one of them goes with it (« 8192 et 32768 tokens pour les deux versions de GPT-4 »)."""
    held: dict[int, list[str]] = {}  # the values that say their holder: the models they go to
    for i, c in enumerate(sc.candidates):
        models = next((m for m in (sc.ask(name, c) for name in EXPLICIT_HOLDERS) if m is not None), None)
        if models is not None:
            held[i] = models
    listed_with: dict[int, tuple[str, list[str]]] = {}
    for i in range(len(sc.candidates) - 2, -1, -1):
        a, b = sc.candidates[i], sc.candidates[i + 1]
        if i not in held and i + 1 in held and a.attribute == b.attribute and SIZE_GAP.fullmatch(sc.text, a.q.unit_end, b.q.start):
            held[i] = held[i + 1]
            listed_with[i] = ("listed_with", held[i + 1])
    return {**_list_pairs(sc, held), **listed_with}


def _list_pairs(sc: Scope, held: dict[int, list[str]]) -> dict[int, tuple[str, list[str]]]:
    """``paired`` for the values that do not say their holder."""
    free = [i for i in range(len(sc.candidates)) if i not in held]
    if not free:
        return {}
    first = sc.candidates[free[0]]
    names = coordinated_subject(sc.text, sc.view, sc.obj, before=first.q.start)
    rule = "paired"
    if len(names) < 2:
        names, after = listed_respectively(sc)
        if names:  # (only the values after « respectivement » are the list's)
            rule, free = "paired_listed", [i for i in free if sc.candidates[i].q.start >= after]
    if len(names) < 2 and fact_cues(sc.lex)["respectively"].search(sc.text, sc.view.sentence.start, sc.view.sentence.end) \
            and not subject_before(sc.text, sc.view, first.q.start, sc.obj):
        names = group(sc, first) or []
        rule = "paired_group"
    if len(names) < 2:
        return {}
    by_attr: dict[str, list[int]] = {}
    for i in free:
        by_attr.setdefault(sc.candidates[i].attribute, []).append(i)
    out: dict[int, tuple[str, list[str]]] = {}
    for attr, idxs in by_attr.items():
        first_q, last_q = sc.candidates[idxs[0]].q, sc.candidates[idxs[-1]].q
        if len(idxs) > 1 and any(first_q.end <= r.start < last_q.start and r.model not in names for r in sc.view.refs):
            continue  # « A ou B gèrent 128 000 jetons, tandis que C monte à 256 000 »: another name between the values
        if len(idxs) == len(names):
            for i, model in zip(idxs, names):
                out[i] = (rule, [model])
        elif len(idxs) > 1:  # as many values as names, or one for all: never every name with every value
            for i in idxs:
                out[i] = ("unpaired", [])
        elif not any(sc.candidates[i].attribute == attr and set(models) & set(names) for i, models in held.items()):
            # (not when the names have values of the attribute of their own: « A (230 milliards), B
            # (196 milliards) et C (68 milliards) » shares nothing)
            for i in idxs:
                near = subject_before(sc.text, sc.view, sc.candidates[i].q.start, sc.obj)
                if near is None or near in names:
                    out[i] = ("shared", list(names))
    return out


def listed_respectively(sc: Scope) -> tuple[list[str], int]:
    """« plus performant que GPT-3, Gopher, MT NLG - qui possèdent, respectivement, 175, 280 et 530
    milliards »: the list of names right before « respectivement » (wherever in the sentence it
    stands), to pair in order with the values after it; and where those values start."""
    s = sc.view.sentence
    m = fact_cues(sc.lex)["respectively"].search(sc.text, s.start, s.end)
    if not m:
        return [], s.end
    refs = [r for r in sc.view.refs if r.end <= m.start()]
    run = name_runs(sc.text, refs)[-1] if refs else []
    if len(run) < 2 or not fact_cues(sc.lex)["respectively_gap"].fullmatch(sc.text, run[-1].end, m.start()):
        return [], s.end
    return [r.model for r in run], m.end()


# ---- family sizes -----------------------------------------------------------------------------

LABEL_TRAPS = ("unnamed", "size_label", "bare_size")  # what a list of sizes naming variants looks like alone
SIZE_GAP = load().cue("discourse.and")  # « 8B, 70B et 405B »
SIZE_TAIL = patterns.compile(r"^\d+(?:[.,]\d+)?B$|^\d+x\d+B$")


def family_sizes(text: str, view: SentenceView, units, ents: Entities, lex: Lexicons, obj: re.Pattern,
                 memory: Memory) -> list[RawFact]:
    """« Llama 3.1, déclinée en 8B, 70B et 405B », « la série Llama 2, avec des versions de 7, 13,
    34 et 70 milliards »: a list of parameter counts after a family's name names its variants."""
    params = [(q, v) for q, u, v in units if u == PARAMS and not q.active]
    if len(params) < 2 or len(params) != len(units):
        return []
    gaps = [text[a.unit_end if a.unit_end < b.start else a.end:b.start] for (a, _), (b, _) in zip(params, params[1:])]
    if not all(SIZE_GAP.fullmatch(g) for g in gaps):
        return []
    first = params[0][0]
    if invalidated_by(text, first, view, ents, lex) not in (None, *LABEL_TRAPS):
        return []  # « par exemple, 7b, 14b, 72b, signifiant 7 milliards, 14 milliards … »
    fam = subject_before(text, view, first.start, obj) or (view.subject if view.anaphoric and not view.guessed else None)
    if fam is None and not view.refs and fact_cues(lex)["sizes_of"].search(text, view.sentence.start, first.start):
        fam = view.focus  # « Trois tailles de modèles sont désormais accessibles : 7, 13 ou 70 milliards »
    info = ents.get(fam) if fam else None
    if not info or not info.family or any(SIZE_TAIL.match(p) for p in tail_parts(info.name, info.family)):
        return []
    if not any(r.model == fam for r in view.refs) and any(q.scale and not q.scale[1:] for q, _ in params):
        return []  # « • Modèles : 7B, 13B, 30B, 65B paramètres » under the family's heading: bare labels, not its variants' counts
    if coordinated_subject(text, view, obj):
        return []
    cues = fact_cues(lex)
    if cues["respectively"].search(text, view.sentence.start, view.sentence.end):
        return []  # « … que GPT-3, Gopher, MT NLG - qui possèdent, respectivement, 175, 280 et 530 milliards »: a list's
    if cues["distilled_sizes"].search(text, max(view.sentence.start, first.start - 60), first.start):
        return []  # « dont des modèles distillés à 1,5B, 7B, 14B et 70B »: distilled models, the family's no variants
    named = [r.end for r in view.refs if r.model == fam and r.end <= first.start]
    if named and cues["other_conjunct"].search(text, named[-1], first.start):
        return []  # « un Mistral Large 3 massif et plusieurs variantes “ministral” (3B, 8B, 14B) »: another group's
    s = view.sentence
    out = []
    for q, v in params:
        name = ents.add_model(variant_name(info.name, v), info.family, info.organization, q.start)
        memory.variants.add(info.name, v, name, q.start)
        ents.refs.append(Ref(q.start, q.end, name, "variant"))
        out.append(RawFact(name, "params_total", v, False, Provenance(q.start, q.unit_end, s.start, s.end, "family_sizes")))
    return out


def table_owners(views: list[SentenceView]) -> dict[int, str]:
    """The one model a table that names none describes: the only model named since the last
    heading (the heading included) before the table starts."""
    owners: dict[int, str] = {}
    named: set[str] = set()
    in_table = False
    for view in views:
        s = view.sentence
        if s.kind == TABLE:
            if not in_table and len(named) == 1:
                owners[s.start] = next(iter(named))
            in_table = True
            continue
        in_table = False
        if s.kind == HEADING:
            named = set()
        named |= {r.model for r in view.refs}
    return owners


# ---- memory -----------------------------------------------------------------------------------

def _remember(view: SentenceView, memory: Memory) -> None:
    """What later sentences refer back to: the names of this one."""
    if view.refs:
        memory.prev_refs = view.refs
