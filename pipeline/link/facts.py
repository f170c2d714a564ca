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

from pipeline.lexicons import Lexicons, fr, per_lexicons
from pipeline.link.discourse import SentenceView, coordinated_subject, name_runs, object_cue
from pipeline.link.entities import Entities, Ref, tail_parts
from pipeline.normalize import numbers
from pipeline.recognize.quantities import EXPERTS, FOREIGN, PARAMS, TOKENS, Quantity

# What may stand between a value and the next one that borrows its unit: « dont », « et », « contre »,
# « (… », « , pour le deuxième et »; not « depuis », « en ».
LIST_LINK = re.compile(r"(?:\bdont|\bet|\bou|\bcontre|\bsoit|\bà|\bpuis|,|\()"
                       r"(?:\s+(?:seulement|environ|près de|plus de|quelque|à peine|respectivement))?\s*$")
RELATIVE = re.compile(r"\s*,?\s*(?:\([^)]*\)\s*)?qui\s+(?:n['’]\s*)?(?:en\s+)?(?:\w+\s+){0,3}?(?:de\s+|d['’])?$")
YEAR = re.compile(r"(?:19|20)\d\d")
APPOSITION = re.compile(r"(?:,\s+|\**\s*:\**\s+|,?\s+(?:est|était|reste|sera|devient)\s+)(?:un|une)\s+"
                        r"(?:\w+\s+){0,2}?(?:modèle|version)\b[^,;.]*$")
ALL_OF_THEM = re.compile(r"\b(?:[Tt]ous|[Tt]outes)\s+(?:les\s+)?(?:deux|trois|quatre|cinq)\b|"
                         r"\b(?:[Cc]es|[Ll]es)\s+(?:deux|trois|quatre|cinq)\s+(?:nouveaux\s+)?mod[eè]les\b")
PRONOUN_SUBJECT = re.compile(r"\b(?:il|elle)\s+(?:\w+\s+){0,2}?(?:compte|affiche|totalise|p[eè]se|dispose|atteint|a été)", re.I)
ORDINALS = {"premier": 0, "première": 0, "deuxième": 1, "second": 1, "seconde": 1, "troisième": 2,
            "quatrième": 3, "cinquième": 4}
_NUMBER_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6}


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


@per_lexicons
def _cues(lex: Lexicons):
    c = lex.cues
    return {
        "training": re.compile(fr(c["training"]), re.I),
        "context": re.compile(fr(c["context"]), re.I),
        "trap": re.compile(fr(c["token_traps"]), re.I),
        "per_token": re.compile(fr(c["per_token"]), re.I),
        "negation": re.compile(fr(c["negation"]), re.I),
        "unnamed": re.compile(fr(c["unnamed_holder"]), re.I),
        "component": re.compile(fr(c["component_holder"]), re.I),
        "hedge": re.compile(fr(c["hedges"]), re.I),
        "not_cond": frozenset(c["not_conditional"]),
    }


def is_hedged(text: str, start: int, end: int, lex: Lexicons) -> bool:
    cues = _cues(lex)
    for m in cues["hedge"].finditer(text, start, end):
        if m.group(0).lower() not in cues["not_cond"]:
            return True
    return False


_LABEL = re.compile(r"[-*•\s]*\**\s*(?P<label>[^:*|]{2,40}?)\s*:\s*\**\s*")


def _label_unit(text: str, s) -> Optional[str]:
    """« **Experts :** 384, dont 8 … »: a bullet's label says what its first number counts."""
    from pipeline.link.tables import label_attribute
    if s.kind != "bullet":
        return None
    m = _LABEL.match(text, s.start, s.end)
    attr = label_attribute(m.group("label")) if m else None
    return {"experts": EXPERTS, "params_total": PARAMS, "params_active": PARAMS,
            "context_tokens": TOKENS, "training_tokens": TOKENS}.get(attr or "")


class Variants:
    """Size variants named from a family (« Gemma 3 en 1, 4, 12 et 27 milliards »)."""

    def __init__(self) -> None:
        self.by_family: dict[str, list[tuple[int, str]]] = {}  # family model -> [(size, variant)]
        self.last_family: Optional[str] = None
        self.last_pos = -1

    def add(self, family_model: str, size: int, name: str, pos: int = -1) -> None:
        lst = self.by_family.setdefault(family_model, [])
        if name not in [n for _, n in lst]:
            lst.append((size, name))
        self.last_family = family_model
        self.last_pos = max(self.last_pos, pos)

    def of(self, family_model: Optional[str]) -> list[str]:
        return [n for _, n in sorted(self.by_family.get(family_model or "", []))]

    def current(self) -> list[tuple[int, str]]:
        return sorted(self.by_family.get(self.last_family or "", []))


def size_name(value: int) -> str:
    b = value / 1e9
    return f"{b:g}B"


def variant_name(family_model: str, value: int) -> str:
    return f"{family_model} {size_name(value)}"


def _small(q: Quantity) -> bool:
    """A bare number that can borrow its neighbour's scale (« dont 12,9 actifs »), not « 128 000 »."""
    value = numbers.parse_number(q.number.replace("\u202f", " ").replace("\u00a0", " "))
    return value is not None and value < 1000


def clause_bounds(text: str, start: int, end: int, pos: int) -> tuple[int, int]:
    """The clause around pos: between commas, semicolons, colons and « mais »."""
    cut = re.compile(r"[,;:]|\bmais\b")
    a = start
    for m in cut.finditer(text, start, pos):
        a = m.end()
    m = cut.search(text, pos, end)
    return a, (m.start() if m else end)


class FactLinker:
    def __init__(self, text: str, ents: Entities, lex: Lexicons):
        self.text = text
        self.ents = ents
        self.lex = lex
        self.cues = _cues(lex)
        self.obj = object_cue(lex)
        self.variants = Variants()
        self.facts: list[RawFact] = []
        self.prev_refs: list[Ref] = []
        self._last_token_attr: Optional[str] = None
        self.prev_list: list[str] = []
        self.prev_list_pos = -1

    # ---- units -------------------------------------------------------------------------
    def _units(self, qs: list[Quantity], view: SentenceView) -> list[tuple[Quantity, Optional[str], Optional[int]]]:
        text = self.text
        s = view.sentence
        out: list[list] = [[q, q.unit, q.value] for q in qs]
        sent_text = text[s.start:s.end]
        has_params = any(q.unit == PARAMS for q in qs) or re.search(r"param[eè]tres", sent_text, re.I)
        has_tokens = any(q.unit == TOKENS for q in qs)
        label_unit = _label_unit(text, s)
        for i, row in enumerate(out):
            q, unit, value = row
            if unit is not None:
                continue
            gap_next = text[q.end:qs[i + 1].start] if i + 1 < len(qs) else None
            nxt = qs[i + 1] if i + 1 < len(qs) else None
            # « 7 et 14 milliards de paramètres », « 4K et 128K jetons »: the list's last item speaks for all.
            if nxt is not None and re.fullmatch(r"\s*(?:,|et|ou|à)\s*|\s*,\s*", gap_next or "") and nxt.unit in (PARAMS, TOKENS, None):
                j = i + 1
                while j + 1 < len(qs) and qs[j].unit is None and re.fullmatch(r"\s*(?:,|et|ou)\s*", text[qs[j].end:qs[j + 1].start]):
                    j += 1
                if qs[j].unit in (PARAMS, TOKENS):
                    row[1] = qs[j].unit
                    if q.scale is None and qs[j].scale and _small(q):
                        row[2] = numbers.quantity_value(q.number, qs[j].scale)
                    continue
            # « dont 12,9 actifs », « 128K … et 256K pour le troisième », « (104 milliards) »,
            # « 128 000 jetons pour ses trois tailles, contre 8 000 pour Llama 3 »
            k = next((k for k in range(i - 1, -1, -1) if out[k][1] in (PARAMS, TOKENS)), None)
            if k is not None and q.start - qs[k].unit_end < 80 and not (q.scale and not qs[k].scale and out[k][1] == PARAMS) \
                    and LIST_LINK.search(text, qs[k].unit_end, q.start) and not (q.scale is None and YEAR.fullmatch(q.number)):
                row[1] = out[k][1]
                if q.scale is None and qs[k].scale and _small(q):
                    row[2] = numbers.quantity_value(q.number, qs[k].scale)
                continue
            if q.scale == "B":
                row[1] = PARAMS  # « 8B, 70B et 405B »: billions of parameters
            elif label_unit:
                row[1] = label_unit
            elif q.scale in ("K", "k") and (has_tokens or self.cues["context"].search(sent_text)):
                row[1] = TOKENS
            elif q.scale and q.value and q.value >= 10**8 and has_params:
                row[1] = PARAMS
            elif q.scale and q.value and q.value >= 10**6 and has_tokens:
                row[1] = TOKENS
        return [tuple(r) for r in out]

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
            after = text[q.unit_end:min(s.end, q.unit_end + 40)]
            if self.cues["trap"].search(after) or self.cues["trap"].search(text[max(s.start, q.start - 40):q.start]):
                return None
            a, b = clause_bounds(text, s.start, s.end, q.start)
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

    def _dropped(self, q: Quantity, view: SentenceView) -> bool:
        text = self.text
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
        if self.cues["negation"].search(text, clause_start, q.start) and not re.search(r"\bne\s+\w+\s+que\b|n['’]\w+\s+que\b", text[clause_start:q.start]):
            return True
        if self.cues["component"].search(before):
            return True  # « un encodeur de vision de 2,5 milliards »
        if self.cues["unnamed"].search(before) and not self._apposition(max(s.start, q.start - 80), q, view):
            return True  # « une version de 400 milliards », « Meta ouvre un modèle de 405 milliards »
        if q.scale == "B" and re.search(r"\b(?:version|variante|déclinaison|modèle)\s+$", before):
            return True  # « sa version 1B » names a variant, it states no value
        if re.search(r"\b(?:fois|x)\s*$", before, re.I):
            return True
        return False

    def _apposition(self, before_start: int, q: Quantity, view: SentenceView) -> bool:
        """« Phi-3-mini, un modèle de 3,8 milliards », « Large 2, était un modèle dense de 123 milliards »,
        « **Devstral :** un modèle de 24 milliards »: an indefinite said of the name just before it."""
        m = APPOSITION.search(self.text, before_start, q.start)
        return bool(m) and any(m.start() - 3 <= r.end <= m.start() for r in view.refs)

    # ---- model -------------------------------------------------------------------------
    def _group(self, phrase_region: str) -> Optional[list[str]]:
        """Plural and superlative references to the variants of the family in focus, or to the
        models just listed (« Tous trois disposent … »)."""
        if ALL_OF_THEM.search(phrase_region) and len(self.prev_list) > 1 and self.prev_list_pos > self.variants.last_pos:
            return list(self.prev_list)
        cur = self.variants.current()
        if not cur:
            return None
        names = [n for _, n in cur]
        m = re.search(r"\b(?:les|ses|leurs?)\s+(deux|trois|quatre|cinq|\d)\s+plus\s+(grand|petit)\w*", phrase_region, re.I)
        if m:
            k = _NUMBER_WORDS.get(m.group(1).lower(), int(m.group(1)) if m.group(1).isdigit() else 0)
            return names[-k:] if m.group(2).lower() == "grand" else names[:k]
        m = re.search(r"\b(?:la|le)\s+plus\s+(grand|petit)\w*", phrase_region, re.I)
        if m:
            return names[-1:] if m.group(1).lower() == "grand" else names[:1]
        if re.search(r"\b(?:ses|les|leurs|ces)\s+(?:deux|trois|quatre|cinq|\d)\s+(?:tailles|modèles|versions|variantes)\b|\bles deux\b|"
                     r"\bleurs?\s+(?:fenêtres?|contextes?|tailles?|corpus|données)\b", phrase_region, re.I):
            return names
        return None

    def _ref_model(self, refs: list[Ref], pos: int, view: SentenceView) -> Optional[str]:
        """The nearest name before pos in the sentence that is not a comparison object."""
        from pipeline.link.claim_context import subject_before
        return subject_before(self.text, view, pos, self.obj)

    def link_sentence(self, view: SentenceView, qs: list[Quantity]) -> None:
        text = self.text
        s = view.sentence
        refs = view.refs
        units = self._units(qs, view)
        items = []
        for q, unit, value in units:
            if unit in (None, FOREIGN) or value is None or value <= 0:
                continue
            if self._dropped(q, view):
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
                group = self._group(text[at:at + 40])
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
                group = self._group(before)
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
                self.prev_list = listed
                self.prev_list_pos = view.sentence.start

    def _listed(self, view: SentenceView) -> list[str]:
        """The longest run of names joined by commas and « et » in the sentence."""
        runs = name_runs(self.text, view.refs)
        return [r.model for r in max(runs, key=len)] if runs else []
