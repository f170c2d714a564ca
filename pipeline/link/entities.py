"""Models of an article: canonical names, and every reference to them (full names and aliases).

- A full name ("Llama 4 Scout") names a model; spellings that differ only by case, spaces or
  hyphens ("DeepSeek V3" / "DeepSeek-V3") are one model, named as first written.
- A short form of a full name found in the same article is an alias, never a new model: a tier
  word ("Scout", "Opus"), a code or variant tail ("V3", "R1", "K2", "Large 2") and a size after an
  article ("le 405B"). It refers to the nearest full model before it (else the first after it).
- "Large 2" when only "Mistral Large 3" is named is Mistral's "Large 2": the family is carried over.
- A bare family ("Mixtral") is an alias of the model the title names in that family, when the
  title names exactly one and its tail is only a size ("Mixtral 8x7B"); otherwise it is the family.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from operator import attrgetter
from typing import Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.cues import object_cue
from pipeline.recognize.models import ModelMention
from pipeline.spans import Spans, Taken

_SIZE = patterns.compile(r"^\d+(?:[.,]\d+)?[BMK]$|^\d+x\d+B$")
_CODE = patterns.compile(r"^[A-Z]{1,2}\d+(?:\.\d+)?[A-Z]?\+?$")
_VERSION = patterns.compile(r"^\d+(?:\.\d+)*[a-z]?$")


def name_key(name: str | None) -> str:
    """Case-, accent-, space- and hyphen-insensitive key of a model name."""
    if not name:
        return ""
    return _name_key(name)


@lru_cache(maxsize=4096)  # (asked for the same few names many times an article)
def _name_key(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^(le|la|les|l)\s+", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def tail_parts(name: str, family: str | None) -> list[str]:
    rest = name[len(family):] if family and name.startswith(family) else name
    return [p for p in re.split(r"[ \u00a0\u202f-]+", rest) if p]


@dataclass(frozen=True)
class Ref:
    start: int
    end: int
    model: str  # canonical model name
    kind: str  # name | code | alias | family_alias | version | org_anaphor


@dataclass(frozen=True)
class ModelInfo:
    name: str
    family: Optional[str]
    organization: Optional[str]
    first: int


_NAME_SIZE = patterns.compile(r"(?<![\w.])(\d+(?:[.,]\d+)?)\s*[Bb](?![\w])")


@lru_cache(maxsize=4096)
def name_sizes(name: str) -> frozenset[int]:
    """The sizes a model's name states (« gpt-oss-120b »: 120 billion; « Mixtral 8x7B »: 7 billion)."""
    return frozenset(round(float(m.group(1).replace(",", ".")) * 1e9) for m in _NAME_SIZE.finditer(name))


@dataclass
class Entities:
    models: dict[str, ModelInfo] = field(default_factory=dict)  # key -> info
    refs: list[Ref] = field(default_factory=list)
    # the models by the size their name states, and the first model of each family named by one
    # word after it (« Qwen3 »), for the first ``_indexed`` models (built when first asked, then
    # brought up to date with the models added since)
    _sized: dict[int, set[str]] = field(default_factory=dict, repr=False, compare=False)
    _one_word: dict[tuple[str, str], str] = field(default_factory=dict, repr=False, compare=False)
    _indexed: int = field(default=0, repr=False, compare=False)

    def add_model(self, name: str, family: Optional[str], org: Optional[str], pos: int) -> str:
        key = name_key(name)
        info = self.models.get(key)
        if info is None:
            self.models[key] = info = ModelInfo(name, family, org, pos)
        return info.name

    def added_since(self, count: int) -> list[ModelInfo]:
        """The models added after the first ``count``, in the order they were added (read from the
        end: an index that catches up reads only what is new)."""
        new = len(self.models) - count
        return list(islice(reversed(self.models.values()), new))[::-1] if new > 0 else []

    def named_with_size(self, size: int) -> set[str]:
        """The names of the models whose name states ``size`` (« gpt-oss-120b » for 120 billion),
        looked up, not read from every model (a page of sizes would read them all for each)."""
        return self._indexes()[0].get(size, set())

    def one_word_member(self, family: str, word: str) -> Optional[str]:
        """The first model named by ``family`` and the one word ``word`` after it (« Qwen3 » for
        Qwen and « 3 »), if any."""
        return self._indexes()[1].get((family, word))

    def _indexes(self) -> tuple[dict[int, set[str]], dict[tuple[str, str], str]]:
        for info in self.added_since(self._indexed):
            self._index(info)
        return self._sized, self._one_word

    def _index(self, info: ModelInfo) -> None:
        for size in name_sizes(info.name):
            self._sized.setdefault(size, set()).add(info.name)
        tail = tail_parts(info.name, info.family)
        if info.family and len(tail) == 1:
            self._one_word.setdefault((info.family, tail[0]), info.name)
        self._indexed += 1

    def get(self, name: str) -> Optional[ModelInfo]:
        return self.models.get(name_key(name))

    def copy(self) -> "Entities":
        """An independent copy: a step that names new models (variants) works on its own copy and
        returns it, so that no later step sees a change it did not ask for."""
        return Entities(dict(self.models), list(self.refs))


def canonical_name(name: str, family: Optional[str], lex: Lexicons) -> str:
    """The maker's word order where the press uses two (``tier_order``): « Claude Sonnet 3.7 » ->
    « Claude 3.7 Sonnet », « Claude 4 Opus » -> « Claude Opus 4 »."""
    rule = lex.tier_order.get(family or "")
    if not rule:
        return name
    m = re.fullmatch(rf"{re.escape(family)}[ -](?:(?P<t1>{'|'.join(rule['tiers'])})[ -](?P<v1>\d+(?:\.\d+)?)|"
                     rf"(?P<v2>\d+(?:[.,]\d+)?)[ -](?P<t2>{'|'.join(rule['tiers'])}))", name)
    if not m:
        return name
    tier, version = m.group("t1") or m.group("t2"), (m.group("v1") or m.group("v2")).replace(",", ".")
    major = int(version.split(".")[0])
    return f"{family} {tier} {version}" if major >= rule["tier_first_from"] else f"{family} {version} {tier}"


def _family_org(lex: Lexicons, family: Optional[str]) -> Optional[str]:
    if family == "o-series":
        return next((o for _, o, f in lex.lowercase_series if f == family), None)
    fam = lex.family(family) if family else None
    return fam.organization if fam else None


def _is_variant_alias(m: ModelMention, lex: Lexicons) -> bool:
    parts = tail_parts(m.text, None)
    return m.family is None and len(parts) == 2 and parts[0] in lex.variant_words and bool(_VERSION.match(parts[1]))


def resolve(text: str, mentions, lex: Lexicons, *, title_end: int) -> Entities:
    ents = Entities()
    full = [m for m in mentions if m.has_tail or m.family is None or m.family == "o-series"]
    bare = [m for m in mentions if m.family and not m.has_tail and m.family != "o-series"]
    pending_variants = [m for m in full if _is_variant_alias(m, lex)]
    pending = set(pending_variants)  # (a set: the same test as the list's, without reading the list for each mention)
    full = [m for m in full if m not in pending]
    for m in full:
        name = ents.add_model(canonical_name(m.text, m.family, lex), m.family, _family_org(lex, m.family), m.start)
        # « V3 », « R1 » alone (the lexicon's family codes): a short name, never the article's model
        ents.refs.append(Ref(m.start, m.end, name, "code" if m.recognizer == "family_code" else "name"))
    # Bare family names: an alias of the one size-only model of that family in the title; none
    # after a product noun (« l'application Gemini »).
    product = _product_noun_pattern(lex)
    titles: dict[Optional[str], dict[str, ModelMention]] = {}  # a family's full names in the title, built once
    for m in bare:
        if product.search(text, max(0, m.start - 30), m.start):
            continue
        in_title = titles.get(m.family)
        if in_title is None:
            in_title = titles[m.family] = {name_key(x.text): x for x in full if x.family == m.family and x.start < title_end}
        target = None
        if len(in_title) == 1:
            x = next(iter(in_title.values()))
            if all(_SIZE.match(p) or p in lex.variant_words for p in tail_parts(x.text, x.family)) \
                    and not object_cue(lex).search(text, max(0, x.start - COMPARED_WINDOW), x.start):
                target = ents.get(x.text).name  # (not « … Phi-2, son alternative à Gemini Nano »: the title's rival)
        if target:
            ents.refs.append(Ref(m.start, m.end, target, "family_alias"))
        else:
            name = ents.add_model(m.text, m.family, _family_org(lex, m.family), m.start)
            ents.refs.append(Ref(m.start, m.end, name, "name"))
    ents.refs.sort(key=lambda r: r.start)
    _tier_lists(text, ents, lex)
    _bare_tiers(text, ents, lex)
    _find_aliases(text, ents, lex, pending_variants)
    ents.refs.sort(key=lambda r: r.start)
    _org_anaphors(text, ents, lex)
    return ents


_TIER_OWNER_REACH = 2_000  # characters back to the family's model a list of its own tiers belongs to


def _tier_lists(text: str, ents: Entities, lex: Lexicons) -> None:
    """« Llama 4 : Scout, Maverick et Behemoth », « Trois variants : Scout, Maverick et Behemoth »
    after « Llama 4 », « Claude 3 en trois versions : Haiku, Sonnet et Opus »: tier words listed
    after a family's model name the family's variants (« Llama 4 Scout »). Tiers only one family
    has (« Haiku, Sonnet et Opus ») belong to the last model of that family named before them
    (« Claude 3 … rivalise avec GPT-4. Ce nouveau modèle existe en trois versions : Haiku, … »)."""
    pat = _tier_list_pattern(lex)
    named = [r for r in ents.refs if r.kind == "name"]  # sorted by start
    starts = [r.start for r in named]
    taken = Spans((r.start, r.end) for r in ents.refs)
    added = Taken()
    for m in pat.finditer(text):
        i = bisect_right(starts, m.start())
        while i and named[i - 1].end > m.start():
            i -= 1  # (a name running into the list)
        own = {lex.tier_families.get(w) for w in re.findall(r"[^\s,]+", m.group("tiers")) if w in lex.tier_families}
        if len(own) == 1:  # « Haiku, Sonnet et Opus » are Claude's: the last Claude named, not « GPT-4 »
            family = next(iter(own))
            while i and m.start() - named[i - 1].end <= _TIER_OWNER_REACH \
                    and (ents.get(named[i - 1].model) is None or ents.get(named[i - 1].model).family != family):
                i -= 1  # (bounded by the reach: a list looks at the names of 2 000 characters at most)
            if not i or m.start() - named[i - 1].end > _TIER_OWNER_REACH:
                continue
        elif not i or m.start() - named[i - 1].end > 200:
            continue
        info = ents.get(named[i - 1].model)
        if info is None or not info.family or any(p in lex.variant_words for p in tail_parts(info.name, info.family)):
            continue
        lead = text[max(named[i - 1].end, m.start("tiers") - 40):m.start("tiers")]
        if any((f := lex.family(w)) is not None and f.name != info.family for w in _CAPITALISED.findall(lead)):
            continue  # « … GPT-4 ! Les 3 versions de Gemini : Nano, Pro et Ultra »: another family's tiers
        for t in re.finditer(r"[^\s,]+", m.group("tiers")):
            word = t.group(0)
            if word in ("et", "ou") or word not in lex.variant_words:
                continue
            a = m.start("tiers") + t.start()
            if taken.overlaps(a, a + 1) or not added.free(a, a + 1):
                continue
            name = ents.add_model(f"{info.name} {word}", info.family, info.organization, a)
            ents.refs.append(Ref(a, a + len(word), name, "name"))
            added.add((a, a + len(word)))
    ents.refs.sort(key=lambda r: r.start)


_CAPITALISED = re.compile(r"[A-Z][\w.-]*")


COMPARED_WINDOW = 60  # characters before a title's name where a comparison makes it the rival, not the subject


@per_lexicons
def _bare_tier_pattern(lex: Lexicons) -> re.Pattern:
    return patterns.compile(rf"(?<![\w-])(?:{patterns.alternation(lex.bare_tiers, case_sensitive=True)})(?![\w-])")


def _bare_tiers(text: str, ents: Entities, lex: Lexicons) -> None:
    """« Llama 4 est sorti. … Maverick (42 milliards de paramètres) surpasse … »: a tier only one
    family has, alone, names that tier of the family's last model named before it (at most
    ``_TIER_OWNER_REACH`` characters back) when that model has a version and no tier of its own
    (« Llama 4 », « Claude 3 »; not « Claude 3.5 Sonnet … Opus », nor « Llama … Scout »), or a sibling
    tier of the family's (« Llama 4 Maverick … Behemoth » is Llama 4 Behemoth)."""
    named = [r for r in ents.refs if r.kind == "name"]  # sorted by start
    if not named:
        return
    starts = [r.start for r in named]
    taken = Spans((r.start, r.end) for r in ents.refs)
    added = []
    for m in _bare_tier_pattern(lex).finditer(text):
        a, b = m.span()
        if taken.overlaps(a, b):
            continue
        family = lex.bare_tiers[m.group(0)]
        owner = _last_of_family(ents, named, starts, family, a)
        if owner is None:
            continue
        info = ents.get(owner.model)
        tail = tail_parts(info.name, info.family)
        base = info.name
        if len(tail) == 2 and lex.bare_tiers.get(tail[1]) == family and info.name[:-len(tail[1])][-1:] in (" ", "-") \
                and a - owner.end <= _SIBLING_REACH:
            # « Llama 4 Maverick atteint 1417 Elo. Quant au modèle Behemoth, … »: a sibling tier of the same version
            tail, base = tail[:1], info.name[:-len(tail[1]) - 1]
        if len(tail) != 1 or not _VERSION.fullmatch(tail[0]):
            continue  # (« Llama » alone, « Llama 3.1 70B », or a model that has another tier)
        name = ents.add_model(canonical_name(f"{base} {m.group(0)}", family, lex), family, info.organization, a)
        added.append(Ref(a, b, name, "name"))
    if added:
        ents.refs = sorted(ents.refs + added, key=lambda r: r.start)


_SIBLING_REACH = 400  # characters at most between a model with a tier and a sibling tier named alone


def _last_of_family(ents: Entities, named: list[Ref], starts: list[int], family: str, before: int) -> Optional[Ref]:
    """The last mention before ``before`` of a model of ``family``, at most ``_TIER_OWNER_REACH`` back."""
    i = bisect_right(starts, before)
    while i and before - named[i - 1].end <= _TIER_OWNER_REACH:
        info = ents.get(named[i - 1].model)
        if info is not None and info.family == family:
            return named[i - 1]
        i -= 1
    return None


@per_lexicons
def _tier_list_pattern(lex: Lexicons) -> re.Pattern:
    return lex.cue("entities.tier_list")


@per_lexicons
def _product_noun_pattern(lex: Lexicons) -> re.Pattern:
    return patterns.compile(rf"\b(?:{patterns.alternation(lex.product_nouns)})\s+$", re.I)  # words: product_nouns


def _org_anaphors(text: str, ents: Entities, lex: Lexicons) -> None:
    """« le modèle de Meta », « l'IA d'Elon Musk »: the last model named before it whose developer is
    that organisation."""
    added = []
    by_org: Optional[dict[Optional[str], list[Ref]]] = None
    for m in _org_anaphor_pattern(lex).finditer(text):
        org = lex.organizations[m.group("org") or m.group("org2")]
        if by_org is None:
            by_org = _refs_by_org(ents)
        last = _last_ended_before(by_org.get(org, []), m.start())
        if last is not None:
            added.append(Ref(m.start(), m.end(), last.model, "org_anaphor"))
    if added:
        ents.refs = sorted(ents.refs + added, key=lambda r: r.start)


def _refs_by_org(ents: Entities) -> dict[Optional[str], list[Ref]]:
    """The article's references (in order) by their model's developer."""
    out: dict[Optional[str], list[Ref]] = {}
    for r in ents.refs:
        out.setdefault(ents.get(r.model).organization, []).append(r)
    return out


def _last_ended_before(refs: list[Ref], pos: int) -> Optional[Ref]:
    """The last of ``refs`` (sorted by start) that ends at or before ``pos``: among those that start
    before it, by bisection, past the few that run over it."""
    i = bisect_right(refs, pos - 1, key=_START)
    while i and refs[i - 1].end > pos:
        i -= 1
    return refs[i - 1] if i else None


_START = attrgetter("start")


@per_lexicons
def _org_anaphor_pattern(lex: Lexicons) -> re.Pattern:
    return lex.cue("entities.model_of_org")


def _alias_forms(info: ModelInfo, lex: Lexicons) -> list[tuple[str, bool]]:
    """(surface form, needs a determiner before it) for one full model name."""
    parts = tail_parts(info.name, info.family)
    forms: list[tuple[str, bool]] = []
    if not parts or not info.family:
        return forms
    if parts[-1] in lex.tier_aliases:
        forms.append((parts[-1], False))
    if _CODE.match(parts[0]) and (len(parts) == 1 or all(_VERSION.match(p) for p in parts[1:])):
        forms.append((parts[0], False))  # « le V3 », « R1 » (also for « DeepSeek-R1-0528 »)
    if parts[0] in lex.variant_words and len(parts) >= 2 and _VERSION.match(parts[1]):
        forms.append((" ".join(parts[:2]), False))
    if _SIZE.match(parts[-1]) and len(parts) >= 2:
        forms.append((parts[-1], True))
    return forms


_WORD_CHAR = re.compile(r"[\w-]")


def occurrences(text: str, forms, *, determiner: Optional[re.Pattern] = None) -> dict[str, list[tuple[int, int]]]:
    """For each form, where it stands as a word of its own (« V3 », not « DeepSeek-V3 »), after
    « le », « du », « la », « l' » when ``determiner`` is given (``entities.determiner_before``);
    left to right, never overlapping (a form found is not looked for again inside itself).

    A few forms are each looked for in the text; more (an archive page naming thousands of models
    has thousands) are found in one reading of the text for all of them, which costs a pattern
    to build but not one reading per form: the same places either way."""
    words = sorted(set(forms))
    if len(words) <= FEW_FORMS:
        return {w: _each_alone(text, w, determiner) for w in words}
    return _all_at_once(text, words, determiner)


FEW_FORMS = 16  # forms looked for one by one; more are found together


def _standalone(text: str, i: int, j: int, determiner: Optional[re.Pattern]) -> bool:
    return not (i and _WORD_CHAR.match(text, i - 1)) and not _WORD_CHAR.match(text, j) and (
        determiner is None or determiner.search(text, max(0, i - 40), i) is not None)


def _each_alone(text: str, form: str, determiner: Optional[re.Pattern]) -> list[tuple[int, int]]:
    """``occurrences`` of one form, read by itself."""
    out, i = [], text.find(form)
    while i >= 0:
        j = i + len(form)
        if _standalone(text, i, j, determiner):
            out.append((i, j))
            i = text.find(form, j)
        else:
            i = text.find(form, i + 1)
    return out


def _all_at_once(text: str, words: list[str], determiner: Optional[re.Pattern]) -> dict[str, list[tuple[int, int]]]:
    """``occurrences`` of many forms in one reading: every place where some form starts, after no
    word character, holds the longest such form, and the others starting there are its beginnings."""
    found: dict[str, list[tuple[int, int]]] = {w: [] for w in words}
    lengths = sorted({len(w) for w in words})
    starts = re.compile(rf"(?<![\w-])(?=({patterns.alternation(words, case_sensitive=True)}))")
    for m in starts.finditer(text):
        i, longest = m.start(), m.group(1)
        for n in lengths:
            if n > len(longest):
                break
            spots = found.get(longest[:n])
            if spots is not None and (not spots or spots[-1][1] <= i) and _standalone(text, i, i + n, determiner):
                spots.append((i, i + n))
    return found


class _Siblings:
    """What ``_family_of_variant`` reads of the article's models, indexed once and brought up to
    date with the models added since each time it is asked (``Entities.added_since``), so that a
    name reads its own candidates, not every model of the article
    (an archive page names thousands): the models by the first word of their name after the
    family (« Large » for « Mistral Large 3 ») and, for a family whose word order is the maker's
    (``tier_order``), by every word of it (« Ultra » in « Gemini 1.0 Ultra »); the families named
    tier first, by where each is first named so; each family's first model."""

    def __init__(self, ents: Entities, lex: Lexicons):
        self.ents, self.lex = ents, lex
        self.read = 0  # the models indexed
        self.by_word: dict[str, list[tuple[int, int, ModelInfo]]] = {}  # (where first named, order added, model), sorted
        self.added = 0
        self.tier_first: list[tuple[int, str]] = []  # (where first named tier first, family), sorted
        self._tier_min: dict[str, int] = {}  # family -> where first named tier first
        self.first_of: dict[str, ModelInfo] = {}

    def _catch_up(self) -> None:
        for info in self.ents.added_since(self.read):
            self._add(info)
        self.read = len(self.ents.models)

    def _add(self, info: ModelInfo) -> None:
        if not info.family:
            return
        self.first_of.setdefault(info.family, info)
        self.added += 1
        tail = tail_parts(info.name, info.family)
        words = dict.fromkeys(tail if info.family in self.lex.tier_order else tail[:1])
        for word in words:
            insort(self.by_word.setdefault(word, []), (info.first, self.added, info))
        if tail and tail[0] in self.lex.variant_words:
            earliest = self._tier_min.get(info.family)
            if earliest is None or info.first < earliest:
                if earliest is not None:
                    del self.tier_first[bisect_left(self.tier_first, (earliest, info.family))]
                insort(self.tier_first, (info.first, info.family))
                self._tier_min[info.family] = info.first

    def nearest(self, word: str, pos: int) -> Optional[ModelInfo]:
        """The model indexed under ``word`` first named nearest to ``pos`` (of two as near, the one
        added first)."""
        self._catch_up()
        near = self.by_word.get(word)
        if not near:
            return None
        k = bisect_left(near, (pos,))
        gap = min(abs(near[j][0] - pos) for j in (k - 1, k) if 0 <= j < len(near))
        best = None
        for at in {pos - gap, pos + gap}:
            j = bisect_left(near, (at,))
            while j < len(near) and near[j][0] == at:
                if best is None or near[j][1] < best[1]:
                    best = near[j]
                j += 1
        return best[2]

    def tier_first_family(self, *, before: int) -> Optional[str]:
        """The one family named tier first (« Mistral Large 3 ») before ``before``, if only one is."""
        self._catch_up()
        n = bisect_left(self.tier_first, (before,))
        return self.tier_first[0][1] if n == 1 else None


def _family_of_variant(m: ModelMention, siblings: _Siblings, lex: Lexicons) -> Optional[tuple[str, Optional[str]]]:
    """The family (and its maker) a name that starts with a variant word belongs to: that of the
    named model with the same first word nearest to it (« Large 2 » near « Mistral Large 3 »), else
    the one family the article names tier first (« Medium 3 » in an article on « Mistral Large 3 »),
    else the family the lexicon gives the word (« Sonnet 4.5 » alone: Claude's); None otherwise."""
    parts = tail_parts(m.text, None)
    # (or the tier anywhere in the name of a family whose word order is the maker's: « Ultra 1.0 » near
    # « Gemini 1.0 Ultra »)
    sib = siblings.nearest(parts[0], m.start) if parts else None
    if sib is not None:
        return sib.family, sib.organization
    family = siblings.tier_first_family(before=m.start)
    if family is not None:
        return family, siblings.first_of[family].organization
    if parts[0] in lex.tier_families:
        family = lex.tier_families[parts[0]]
        return family, _family_org(lex, family)
    return None


def _find_aliases(text: str, ents: Entities, lex: Lexicons, pending: list[ModelMention]) -> None:
    named = Spans((r.start, r.end) for r in ents.refs)
    taken = Taken()  # the aliases found

    def free(a: int, b: int) -> bool:
        return not named.overlaps(a, b) and taken.free(a, b)

    by_form: dict[tuple[str, bool], list[ModelInfo]] = {}
    for info in list(ents.models.values()):
        for form in _alias_forms(info, lex):
            by_form.setdefault(form, []).append(info)
    hits: list[tuple[int, int, str]] = []
    longer = Spans((m.start, m.end) for m in pending)  # (« Sonnet 4 » is a name of its own, not « Sonnet » then « 4 »)
    spots = {False: occurrences(text, (form for form, det in by_form if not det)),
             True: occurrences(text, (form for form, det in by_form if det), determiner=lex.cue("entities.determiner_before"))}
    for (form, det), infos in by_form.items():
        ordered = sorted(infos, key=attrgetter("first"))  # (stable: of two named at one place, the first listed)
        firsts = [i.first for i in ordered]
        for a, b in spots[det][form]:
            if not free(a, b) or longer.overlaps(a, b):
                continue
            k = bisect_left(firsts, a)  # the model of that form named last before it, else the first named
            target = ordered[bisect_left(firsts, firsts[k - 1]) if k else 0]
            hits.append((a, b, target.name))
            taken.add((a, b))
    siblings = None  # (indexed when a name first needs it: most articles have none to place)
    for m in pending:  # "Large 2": an alias, or the same family's sibling of a named model
        if not free(m.start, m.end):
            continue
        siblings = siblings or _Siblings(ents, lex)
        found = _family_of_variant(m, siblings, lex)
        if found:
            family, organization = found
            name = ents.add_model(canonical_name(f"{family} {m.text}", family, lex), family, organization, m.start)
            hits.append((m.start, m.end, name))
            taken.add((m.start, m.end))
    for a, b, name in hits:
        ents.refs.append(Ref(a, b, name, "alias"))
