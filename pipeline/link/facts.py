"""Facts: which attribute a quantity states, and of which model.

Rules, in order, for a quantity in running text:
1. Its unit: stated (« de paramètres », « jetons », « experts »), else carried over from its
   list neighbour (« 7 et 14 milliards de paramètres », « dont 12,9 actifs », « 128K et 256K »),
   else inferred (a K-suffixed count in a sentence about context; « (104 milliards) » after a model
   in a sentence about parameters). A quantity followed by any other noun is not an attribute.
2. Its attribute: params_active when « actifs / activés » follows, experts unless routed per token,
   training_tokens near « entraîné / données », context_tokens otherwise.
3. Dropped: negated (« ne pèse pas »), ranges (« de 1,5 à 70 milliards »), values of an unnamed
   model or a component (« une version de 400 milliards », « un encodeur de 2,5 milliards »),
   speeds, prices, lab tests.
4. Its model: « pour X » after it; the models of a list paired in order (« respectivement », or as
   many values as names); ordinals (« pour le deuxième »); family sizes (« Llama 3.1 en 8B, 70B et
   405B » names the variants); groups (« les deux modèles », « les trois plus grandes »); the
   nearest name before it that is not a comparison object; else the model in focus.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons
from pipeline.link.cues import clause_bounds, fact_cues, is_hedged
from pipeline.link.discourse import SentenceView, coordinated_subject, name_runs, object_cue
from pipeline.link.entities import Entities, Ref, tail_parts
from pipeline.link.traps import is_trap
from pipeline.link.units import infer_units
from pipeline.link.variants import Variants, variant_name
from pipeline.recognize.quantities import EXPERTS, FOREIGN, PARAMS, TOKENS, Quantity

RELATIVE = patterns.compile(r"\s*,?\s*(?:\([^)]*\)\s*)?qui\s+(?:n['’]\s*)?(?:en\s+)?(?:\w+\s+){0,3}?(?:de\s+|d['’])?$")
PRONOUN_SUBJECT = patterns.compile(r"\b(?:il|elle)\s+(?:\w+\s+){0,2}?(?:compte|affiche|totalise|p[eè]se|dispose|atteint|a été)", re.I)
ORDINALS = {"premier": 0, "première": 0, "deuxième": 1, "second": 1, "seconde": 1, "troisième": 2,
            "quatrième": 3, "cinquième": 4}
@dataclass(frozen=True)
class RawFact:
    model: str
    attribute: str
    value: int
    hedged: bool
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    recognizer: str


class FactLinker:
    def __init__(self, text: str, ents: Entities, lex: Lexicons):
        self.text = text
        self.ents = ents
        self.lex = lex
        self.cues = fact_cues(lex)
        self.obj = object_cue(lex)
        self.variants = Variants()
        self.facts: list[RawFact] = []
        self.prev_refs: list[Ref] = []
        self._last_token_attr: Optional[str] = None

    # ---- attribute ---------------------------------------------------------------------
    def _attribute(self, q: Quantity, unit: str, view: SentenceView) -> Optional[str]:
        text = self.text
        s = view.sentence
        if unit == PARAMS:
            return "params_active" if q.active else "params_total"
        if unit == EXPERTS:
            before = text[max(s.start, q.start - 12):q.start]
            if re.search(r"\bdont\b", before, re.I) and self.cues["per_token"].search(text, q.end, min(s.end, q.unit_end + 40)):
                return None
            return "experts"
        if unit == TOKENS:
            a, b = clause_bounds(text, s.start, s.end, q.start)
            after = text[q.unit_end:min(b, q.unit_end + 40)]  # « 200 000 tokens, avec … en sortie »: another clause
            if self.cues["trap"].search(after) or self.cues["trap"].search(text[max(a, q.start - 40):q.start]):
                return None
            if re.match(r"\s*contre\b", text[a:q.start]) and self._last_token_attr:
                return self._last_token_attr
            before = [(m.end(), "training_tokens") for m in self.cues["training"].finditer(text, a, q.start)] + \
                     [(m.end(), "context_tokens") for m in self.cues["context"].finditer(text, a, q.start)]
            if before:
                return max(before)[1]  # « une fenêtre de contexte de 128k tokens et a été entraîné sur … »
            if self.cues["training"].search(text, q.start, b):
                return "training_tokens"  # « 15,5 trillions de tokens de pré-entraînement »
            if self.cues["context"].search(text, q.start, b):
                return "context_tokens"
            return "training_tokens" if self.cues["training"].search(text, s.start, s.end) and not \
                self.cues["context"].search(text, s.start, s.end) else "context_tokens"
        return None

    # ---- model -------------------------------------------------------------------------
    def _ref_model(self, refs: list[Ref], pos: int, view: SentenceView) -> Optional[str]:
        """The nearest name before pos in the sentence that is not a comparison object."""
        from pipeline.link.claim_context import subject_before
        return subject_before(self.text, view, pos, self.obj)

    def link_sentence(self, view: SentenceView, qs: list[Quantity]) -> None:
        text = self.text
        s = view.sentence
        refs = view.refs
        units = infer_units(self.text, view.sentence, qs, self.cues)
        items = []
        for q, unit, value in units:
            if unit in (None, FOREIGN) or value is None or value <= 0:
                continue
            if is_trap(self.text, q, view, self.cues):
                continue
            attr = self._attribute(q, unit, view)
            if attr:
                items.append((q, attr, value))
                if unit == TOKENS:
                    self._last_token_attr = attr
        if not items:
            self._remember(view)
            return
        if self._family_sizes(view, items):
            self._remember(view)
            return
        # « pour X », ordinals and groups, name by name
        assigned: dict[int, list[str]] = {}
        for idx, (q, attr, value) in enumerate(items):
            after = text[q.unit_end:min(s.end, q.unit_end + 60)]
            m = re.match(r"\s*(?:de contexte\s*)?pour\s+(?:le|la|l['’])?\s*(premier|première|deuxième|second|seconde|troisième|quatrième|cinquième)\b", after, re.I) \
                or re.search(r"\b(?:le|la)\s+(premier|première|deuxième|second|seconde|troisième|quatrième|cinquième)\s+(?:\w+\s+){0,2}?$",
                             text[max(s.start, q.start - 40):q.start], re.I)  # « le second 9 milliards »
            if m and self.prev_refs:
                k = ORDINALS[m.group(1).lower()]
                ordered = []
                for r in self.prev_refs:
                    if r.model not in ordered:
                        ordered.append(r.model)
                if k < len(ordered):
                    assigned[idx] = [ordered[k]]
                continue
            m = re.match(r"\s*(?:de contexte\s*)?pour\s+", after)
            if m:
                at = q.unit_end + m.end()
                ref = next((r for r in refs if r.start == at or (at <= r.start <= at + 4 and re.fullmatch(r"(?:le|la|l['’])?\s*", text[at:r.start]))), None)
                if ref:
                    assigned[idx] = [ref.model]
                    continue
                group = self.variants.group(text[at:at + 40])
                if group:
                    assigned[idx] = group
                    continue
        # pairing: as many names (a coordinated subject) as values of one attribute
        subj_list = self._coordinated_subject(view, before=items[0][0].start)
        free = [i for i in range(len(items)) if i not in assigned]
        by_attr: dict[str, list[int]] = {}
        for i in free:
            by_attr.setdefault(items[i][1], []).append(i)
        for attr, idxs in by_attr.items():
            if subj_list and len(subj_list) > 1 and len(idxs) == len(subj_list):
                for i, model in zip(idxs, subj_list):
                    assigned[i] = [model]
            elif subj_list and len(subj_list) > 1:
                for i in idxs:
                    if self._ref_model(refs, items[i][0].start, view) in subj_list or not self._ref_model(refs, items[i][0].start, view):
                        assigned[i] = subj_list
        for idx, (q, attr, value) in enumerate(items):
            models = assigned.get(idx)
            if models is None:
                prev_end = max([x.unit_end for x, _, _ in items if x.end <= q.start] + [s.start])
                before = text[prev_end:q.start]
                group = self.variants.group(before)
                if group and not self._ref_model(refs, q.start, view):
                    models = group
                else:
                    m = self._holder(view, q)
                    if m is None:
                        continue
                    if re.search(r"\bla famille\b", before, re.I) and self.ents.get(m) and self.ents.get(m).family:
                        fam_model = self._family_model(m)
                        m = fam_model or m
                    models = [m]
            prev_q_end = max([x.unit_end for x, _, _ in items if x.end <= q.start] + [s.start])
            after_end = re.search(r"[,;.]|\bet\b|$", text[q.unit_end:s.end]).start() + q.unit_end
            hedged = is_hedged(text, prev_q_end, q.start, self.lex) or is_hedged(text, q.unit_end, after_end, self.lex)
            for model in models:
                self.facts.append(RawFact(model, attr, value, hedged, q.start, q.unit_end, s.start, s.end, f"{attr}_in_text"))
        self._remember(view)

    def _holder(self, view: SentenceView, q: Quantity) -> Optional[str]:
        """The model a single value belongs to: « X et ses N », the nearest name, a pronoun's antecedent."""
        text = self.text
        before = [r for r in view.refs if r.end <= q.start]
        if before and re.search(r"\b(?:et\s+)?(?:ses|son|sa)\s+$", text[before[-1].end:q.start]):
            return before[-1].model  # « GPT-3 et ses 175 000 millions »
        if before and RELATIVE.match(text[before[-1].end:q.start]):
            return before[-1].model  # « … devant DeepSeek-V3, qui en compte 671 milliards »
        near = self._ref_model(view.refs, q.start, view)
        if near:
            last = next((r for r in reversed(before) if r.model == near), None)
            if last and PRONOUN_SUBJECT.search(text, last.end, q.start):
                return view.subject or view.focus  # « R1 reprend l'architecture du V3 : il compte … »
            return near
        return view.topic

    def _family_model(self, model: str) -> Optional[str]:
        info = self.ents.get(model)
        if not info or not info.family:
            return None
        parts = tail_parts(info.name, info.family)
        for info2 in self.ents.models.values():
            if info2.family == info.family and len(tail_parts(info2.name, info2.family)) == 1 and parts and \
                    tail_parts(info2.name, info2.family)[0] == re.split(r"[-]", parts[0])[0]:
                return info2.name
        return None

    def _coordinated_subject(self, view: SentenceView, *, before: Optional[int] = None) -> list[str]:
        return coordinated_subject(self.text, view, self.obj, before=before)

    def _family_sizes(self, view: SentenceView, items) -> bool:
        """« Llama 3.1, déclinée en 8B, 70B et 405B »: the sizes name the family's variants."""
        params = [(q, v) for q, a, v in items if a == "params_total"]
        if len(params) < 2 or len(params) != len(items):
            return False
        text = self.text
        first = params[0][0]
        gaps = [text[a.unit_end if a.unit_end < b.start else a.end:b.start] for (a, _), (b, _) in zip(params, params[1:])]
        if not all(re.fullmatch(r"\s*(?:,|et|ou|,\s*et)\s*", g) for g in gaps):
            return False
        fam = self._ref_model(view.refs, first.start, view) or view.topic
        info = self.ents.get(fam) if fam else None
        if not info or not info.family or any(re.match(r"^\d+(?:[.,]\d+)?B$|^\d+x\d+B$", p) for p in tail_parts(info.name, info.family)):
            return False
        if self._coordinated_subject(view):
            return False
        s = view.sentence
        for q, v in params:
            name = variant_name(info.name, v)
            name = self.ents.add_model(name, info.family, info.organization, q.start)
            self.variants.add(info.name, v, name, q.start)
            self.ents.refs.append(Ref(q.start, q.end, name, "variant"))
            self.facts.append(RawFact(name, "params_total", v, False, q.start, q.unit_end, s.start, s.end, "family_sizes"))
        return True

    def _remember(self, view: SentenceView) -> None:
        if view.refs:
            self.prev_refs = view.refs
            listed = self._listed(view)
            if len(listed) > 1:
                self.variants.remember_list(listed, view.sentence.start)

    def _listed(self, view: SentenceView) -> list[str]:
        """The longest run of names joined by commas and « et » in the sentence."""
        runs = name_runs(self.text, view.refs)
        return [r.model for r in max(runs, key=len)] if runs else []
