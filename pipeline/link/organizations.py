"""Organisation facts: who makes a model, where the text itself says so (``docs/GOLD_FORMAT.md``).

Organisations are the lexicon's (``organizations.yaml``) and names a descriptor introduces
(« la start-up française Perdrix Labs »). Finders, each named in the ``recognizer`` column:

- ``genitive``: « le GPT-4o d'OpenAI », « Grok 4.1 de la société xAI ».
- ``glued_maker``: « Claude Opus 4Anthropic200K tokens » (a table flattened with no cell separators).
- ``parenthesis``: « Qwen 2.5 (Alibaba) », « OpenAI (GPT-4.5) ».
- ``colon_list``: « des anciennes versions d'OpenAI : GPT-4.5 et GPT-4o ».
- ``apposition``: « Grok 4, le nouveau modèle phare d'xAI », « Gemini 3 Pro est la dernière
  innovation de Google ».
- ``dashed``: « Codestral 2501 – Mistral, DeepSeek Coder – DeepSeek » (a list's items, the maker after a dash).
- ``prefix``: « Google Gemini 2.5 Pro », « OpenAI o3 ».
- ``paired_with``: « OpenAI avec GPT-4o et Google avec Gemini Ultra ».
- ``made_by``: « Grok 3, développé par xAI », « développé par Mistral AI et Nvidia », « signé Mistral AI ».
- ``made_by_listed``: « les modèles de langage conçus par Anthropic, Claude 3 Opus et Claude 3 Sonnet ».
- ``fronted_made_by``: « Présenté mardi par le laboratoire xAI, Grok-3 … ».
- ``fronted_launch``: « En lançant GPT-5, OpenAI … ».
- ``launch``: the organisation as the subject of a launch verb, the models its objects: « Meta
  dévoile Llama 4 », « OpenAI a levé le voile sur deux modèles baptisés o3 et o4-mini »; a
  developer phrase as the subject (« Le géant chinois a dévoilé Qwen2.5-Max ») stands for the one
  organisation of the sentence before.
- ``launch_noun``: « l'annonce de Llama 3.3 70B par Meta », « le lancement par Alibaba de Qwen 2.5-Max ».
- ``launch_with``: « Mistral AI a répliqué avec Mistral Large 2 », « Google lui a répondu avec Gemma 3 ».
- ``house``: « QwQ-32B, le précédent modèle de raisonnement de la maison » (the sentence's organisation).
- ``table_column``: « | BLOOM | BigScience | … » under a column « Éditeur » or « Développeur »;
  « | OpenAI | GPT-4o (…), GPT-4 Turbo (…) | »: a row that opens on an organisation.
- ``clause_possessive``: « …, tandis qu'OpenAI fait face à des défis avec son modèle GPT-5.2 ».
- ``possessive``: the organisation the sentence is about, and « son LLM Arctic », « ses modèles
  Ernie 4.5 Turbo et Ernie X1 Turbo », « Llama 4, sa nouvelle série ».

Not organisation facts: a claimer (« selon OpenAI »), a host or seller (« Amazon propose Llama
sur Bedrock »: not a launch verb), a competitor's model (a comparison object, or a name after
« après », « face à », a relative clause).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterator, Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, organization_names, organization_pattern, per_lexicons
from pipeline.link.cues import object_cue
from pipeline.link.discourse import LIST_GAP, SentenceView, name_runs
from pipeline.link.entities import Entities, Ref
from pipeline.link.raw import Provenance, RawFact
from pipeline.recognize.segments import TABLE, table_blocks, within
from pipeline.spans import Spans, Taken, last_before, starts_within


@dataclass(frozen=True)
class Org:
    start: int
    end: int
    name: str  # canonical


@dataclass(frozen=True)
class Scope:
    text: str
    view: SentenceView
    orgs: tuple[Org, ...]  # the organisations named in the sentence
    previous_orgs: tuple[Org, ...]  # … in the sentence before
    lex: Lexicons
    p: dict
    header: Optional[frozenset[int]] = None  # in a table row: the columns whose header names a maker
    ents: Optional[Entities] = None
    previous_subject: Optional[Org] = None  # the organisation the last sentence naming one opens on, if it names no model
    previous_launcher: Optional[Org] = None  # the organisation that launched, in the sentence before, models it did not name
    searches: dict = field(default_factory=dict, repr=False, compare=False)  # pattern name -> its NextMatch in the sentence

    def next_match(self, name: str, pos: int) -> Optional[re.Match]:
        """``self.p[name].search(text, pos, sentence end)``, each part of the sentence read once
        however many launch verbs ask (:class:`~pipeline.patterns.NextMatch`)."""
        found = self.searches.get(name)
        if found is None:
            found = self.searches[name] = patterns.NextMatch(self.p[name], self.text, self.view.sentence.end)
        return found.search(pos)

    @cached_property
    def subject(self) -> Optional[Org]:
        """The organisation the sentence opens on, if it is its subject (read once, by every finder that asks)."""
        return _sentence_subject(self)

    def family(self, model: str) -> Optional[str]:
        info = self.ents.get(model) if self.ents else None
        return info.family if info else None

    def lexicon_maker(self, model: str) -> Optional[str]:
        """The maker the lexicon knows for a model's family (None: a family it does not know)."""
        info = self.ents.get(model) if self.ents else None
        return info.organization if info else None

    def lexicon_allows(self, model: str, org: str) -> bool:
        """Whether the lexicon gives the model no other maker than ``org`` (« Microsoft avec GPT-4 »
        is a partner: the lexicon says GPT is OpenAI's)."""
        maker = self.lexicon_maker(model)
        return maker is None or self.lex.same_maker(maker, org)

    @cached_property
    def org_starts(self) -> list[int]:
        """Where the sentence's organisations start (they are in that order)."""
        return [o.start for o in self.orgs]

    def ref_at(self, pos: int) -> Optional[Ref]:
        """The first name of the sentence that starts at ``pos``, if one does (by bisection: a
        sentence of hundreds of names is not read once per organisation)."""
        return _first_at(self.view.refs, self.view.ref_starts, pos)

    def org_at(self, pos: int) -> Optional[Org]:
        return _first_at(self.orgs, self.org_starts, pos)


def _first_at(items, starts: list[int], pos: int):
    """The first of ``items`` (in the order of their ``starts``) that starts at ``pos``, if any."""
    i = bisect_left(starts, pos)
    return items[i] if i < len(items) and starts[i] == pos else None


Found = tuple[Ref, str, int, int]  # (model ref, organisation, quote start, quote end)


@per_lexicons
def _patterns(lex: Lexicons) -> dict:
    c = "organizations."
    return {name: lex.cue(c + name) for name in lex.cues["organizations"]} | {"obj": object_cue(lex)}


@per_lexicons
def _known_makers(lex: Lexicons) -> frozenset[str]:
    """The canonical names of the lexicon's organisations."""
    return frozenset(lex.organizations.values())


def find_orgs(text: str, lex: Lexicons) -> list[Org]:
    """The organisations of the lexicon, names after a descriptor (« la start-up Perdrix Labs »)
    and names ending with an organisation's word (« Frimas Labs », « Creuset IA »)."""
    p = _patterns(lex)
    found = [Org(m.start(), m.end(), lex.organizations[m.group(0)]) for m in organization_pattern(lex).finditer(text)]
    # A leader stands for the company as « le groupe de Mark Zuckerberg », or beside the company's
    # own name (« xAI et Elon Musk ont dévoilé »); « le Grok d'Elon Musk » ties a model to a person.
    companies: dict[str, list[int]] = {}  # an organisation -> where its own name stands (sorted)
    for o in found:
        if text[o.start:o.end] not in lex.organization_people:
            companies.setdefault(o.name, []).append(o.start)
    out = [o for o in found if text[o.start:o.end] not in lex.organization_people
           or p["team_of"].search(text, max(0, o.start - 40), o.start)
           or _near(companies.get(o.name, []), o.start, PEOPLE_REACH)]
    known = Spans((o.start, o.end) for o in out)
    taken = Taken()
    unknown: set[str] = set()
    for cue, check in (("described", _described_name), ("suffixed", _suffixed_name), ("appositive", _suffixed_name)):
        for m in p[cue].finditer(text):
            a, b = m.span("org")
            if cue == "described" and m.group("noun")[:1].isupper() and m.end("noun") + 1 == a:
                a = m.start("noun")  # « l'Atelier Cognitif »: a capitalised noun is part of the name
            article = p["leading_article"].match(text, a, b)
            if article:  # « La Confiserie Logique, installée à Montélimar »
                a = article.end()
            name = text[a:b]
            if " " not in name and cue == "appositive" or known.overlaps(a, b) or not taken.free(a, b) \
                    or not check(name, lex):
                continue  # (one word before « , une entreprise » may be anything: a person, a city)
            out.append(Org(a, b, lex.organizations.get(name, name)))
            taken.add((a, b))
            if name not in lex.organizations:
                unknown.add(name)
    if 0 < len(unknown) <= _MAX_PROPAGATED:  # an organisation found once is one wherever the article names it
        for m in patterns.compile(rf"(?<![\w&.-])(?:{patterns.alternation(unknown, case_sensitive=True)})(?![\w&-])").finditer(text):
            if not known.overlaps(*m.span()) and taken.free(*m.span()):
                out.append(Org(m.start(), m.end(), m.group(0)))
                taken.add(m.span())
    return sorted(out, key=lambda o: o.start)


PEOPLE_REACH = 80  # characters between a leader and the company's own name that let the leader stand for it


def _near(starts: list[int], pos: int, reach: int) -> bool:
    """Whether one of the sorted ``starts`` is at most ``reach`` characters from ``pos``."""
    i = bisect_left(starts, pos - reach)
    return i < len(starts) and starts[i] <= pos + reach


# (a page naming more makers it does not know is a list, not an article: their other mentions are
# not looked for, so that the search stays linear in the text)
_MAX_PROPAGATED = 32


def _described_name(name: str, lex: Lexicons) -> bool:
    return name.split()[0].lower() not in lex.common_words


def _suffixed_name(name: str, lex: Lexicons) -> bool:
    """Not « Cette IA », « Claude AI » (a model's family), « Meta AI » or « Azure AI » (products)."""
    first = name.split()[0]
    return (first.lower() not in lex.common_words and lex.family(first) is None and first not in lex.products
            and name not in lex.products and first not in lex.not_models and first not in lex.not_organizations)


def _org_right_after(sc: Scope, pos: int, gap: re.Pattern) -> Optional[tuple[Org, int]]:
    """The nearest organisation after ``pos`` that the words in between (``gap``, whole) lead
    to: (org, end of the quote)."""
    org = _first_reached(sc.text, pos, gap, sc.orgs, sc.org_starts)
    return (org, org.end) if org else None


def _first_reached(text: str, pos: int, gap: re.Pattern, items, starts: list[int]):
    """The first of ``items`` (in the order of their ``starts``) starting at ``pos`` or after that
    ``gap`` leads to, whole, from ``pos``. They are tried in order until the text between holds
    more than the gap's non-space width: none further can be reached (a sentence naming hundreds
    of organisations and names is not read again from each to its end)."""
    width = _gap_width(gap)
    seen, reached = 0, pos  # non-space characters in text[pos:reached]
    for i in range(bisect_left(starts, pos), len(items)):
        item = items[i]
        if width is not None:
            seen += len(_NON_SPACE.findall(text, reached, item.start))
            reached = max(reached, item.start)
            if seen > width:
                return None
        if gap.fullmatch(text, pos, item.start):
            return item
    return None


_GAP_WIDTHS: dict[int, tuple[re.Pattern, Optional[int]]] = {}  # id -> (the pattern, kept alive; its width)


def _gap_width(gap: re.Pattern) -> Optional[int]:
    """:func:`~pipeline.patterns.nonspace_width`, worked out once per pattern (by identity: a
    pattern's hash reads its whole text)."""
    hit = _GAP_WIDTHS.get(id(gap))
    if hit is None:
        hit = _GAP_WIDTHS[id(gap)] = (gap, patterns.nonspace_width(gap))
    return hit[1]


def genitive(sc: Scope) -> Iterator[Found]:
    """« le GPT-4o d'OpenAI »; and the names the genitive closes a list of when they are of the same
    family, or of families the lexicon gives to that maker (« les modèles GPT-4 et GPT-3.5 d'Open AI »,
    « les Gemma 3 et Gemini 2.0 Flash-Lite de Google », not « GPT-4o, DeepSeek-V3 et Llama 3.1 de Meta »); two
    makers where the phrase ends on them and the lexicon allows the second (« du MT-NLG de Microsoft et
    Nvidia. », not « rival de GPT-4o, d'OpenAI et DeepSeek. »)."""
    refs = sc.view.refs
    for i, r in enumerate(refs):
        hit = _org_right_after(sc, r.end, sc.p["genitive"])
        if not hit:
            continue
        if any(hit[0].end < x.start <= hit[0].end + 1 for x in refs):
            continue  # « ce qui différencie R1 d’OpenAI o1 »: the organisation prefixes the next name
        yield r, hit[0].name, r.start, hit[1]
        co = _org_right_after(sc, hit[0].end, sc.p["co_maker"])  # « du MT-NLG de Microsoft et Nvidia. »: both
        if co and sc.p["phrase_end"].match(sc.text, co[0].end) and sc.lexicon_allows(r.model, co[0].name):
            yield r, co[0].name, r.start, co[1]
        j = i
        while j > 0 and LIST_GAP.fullmatch(sc.text, refs[j - 1].end, refs[j].start) \
                and _same_maker(sc, refs[j - 1].model, r.model, hit[0].name) \
                and not _org_right_after(sc, refs[j - 1].end, sc.p["genitive"]):
            j -= 1
            yield refs[j], hit[0].name, refs[j].start, hit[1]


def glued_maker(sc: Scope) -> Iterator[Found]:
    """« Claude Opus 4Anthropic200K tokens »: in a table flattened with no cell separators, the
    maker's cell glued to the name (no space between: prose never writes that)."""
    glued = _glued_org(sc.lex)
    for r in sc.view.refs:
        if not sc.text[r.end:r.end + 1].isupper():
            continue  # (an organisation's name starts with a capital)
        m = glued.match(sc.text, r.end)
        if m is not None and not sc.text[r.end - 1:r.end].isspace():
            yield r, sc.lex.organizations[m.group(0)], r.start, m.end()


@per_lexicons
def _glued_org(lex: Lexicons) -> re.Pattern:
    """A lexicon organisation's name, with anything but a lower-case letter after it (« Anthropic200K »)."""
    return patterns.compile(rf"(?:{organization_names(lex)})(?![a-z-])")


def _same_maker(sc: Scope, model: str, last: str, org: str) -> bool:
    family = sc.family(model)
    return family is not None and (family == sc.family(last) or sc.lex.same_maker(sc.lexicon_maker(model), org))


def _paren_org(sc: Scope, pos: int) -> Optional[Org]:
    """The organisation alone in the parentheses opening at ``pos`` (« (Anthropic) », « (de Meta) »)."""
    m = sc.p["paren_open"].match(sc.text, pos)
    org = sc.org_at(m.end()) if m else None
    return org if org and sc.p["paren_close"].match(sc.text, org.end) else None


def parenthesis(sc: Scope) -> Iterator[Found]:
    refs = sc.view.refs
    for i, r in enumerate(refs):
        org = _paren_org(sc, r.end)
        if org is None:  # « Command R / R+ (Cohere) », « Llama 3 (8B / 70B) (Meta) »: parts or an aside holding no name
            for cue in ("paren_slashed", "paren_aside"):
                aside = sc.p[cue].match(sc.text, r.end)
                if aside and aside.end() > r.end and not (i + 1 < len(refs) and refs[i + 1].start < aside.end()):
                    org = _paren_org(sc, aside.end())
                    if org:
                        break
        if org:
            yield r, org.name, r.start, org.end + 1
            # « Claude 3 Opus / Sonnet / Haiku (Anthropic) »: the names slashed to it before
            k = i
            while k and _SLASHED.fullmatch(sc.text, refs[k - 1].end, refs[k].start):
                k -= 1
                yield refs[k], org.name, refs[k].start, org.end + 1
    for o in sc.orgs:  # « OpenAI (GPT-4.5) », « d'OpenAI (o1, o3) », « OpenAI (avec o3) »
        m = sc.p["paren_open"].match(sc.text, o.end)
        ref = (sc.ref_at(m.end()) if m else None)
        if ref is None:
            continue
        listed = [ref, *_listed_after(sc, ref)]
        if sc.p["paren_close"].match(sc.text, listed[-1].end):
            for r in listed:
                if sc.lexicon_allows(r.model, o.name):  # (« Microsoft (avec GPT-4) »: a partner)
                    yield r, o.name, o.start, listed[-1].end + 1


def colon_list(sc: Scope) -> Iterator[Found]:
    """« des anciennes versions d'OpenAI : GPT-4.5 et GPT-4o », « Les modèles avancés de Mistral,
    comme Mistral Large », « aux modèles d’OpenAI, y compris GPT-4o »: models of an organisation,
    then the names listed after a colon, a dash, « comme », « y compris » or a parenthesis."""
    text = sc.text
    for o in sc.orgs:
        if not sc.p["models_of"].search(text, max(sc.view.sentence.start, o.start - 50), o.start):
            continue
        m = sc.p["colon"].match(text, o.end)
        first = (sc.ref_at(m.end()) if m else None)
        if first is None:
            continue
        listed, last = [first], first
        for r in sc.view.refs:
            if r.start >= last.end and sc.p["colon_gap"].fullmatch(text, last.end, r.start):
                listed.append(r)
                last = r
        for r in listed:
            if sc.lexicon_allows(r.model, o.name):  # (« les modèles d'OpenAI, comme GPT-4o et Claude 3 »: not Claude's)
                yield r, o.name, o.start, last.end


def dashed(sc: Scope) -> Iterator[Found]:
    """« Codestral 2501 – Mistral, DeepSeek Coder – DeepSeek, LLaMA 3 – Meta »: an item of a list,
    a name and its maker after a dash, with nothing after the maker but the item's end (and a maker the
    lexicon allows: « le duel GPT-4o - Google. » is no maker's)."""
    for r in sc.view.refs:
        hit = _org_right_after(sc, r.end, sc.p["dashed"])
        if hit and sc.p["phrase_end"].match(sc.text, hit[0].end, sc.view.sentence.end) and sc.lexicon_allows(r.model, hit[0].name):
            yield r, hit[0].name, r.start, hit[1]


def apposition(sc: Scope) -> Iterator[Found]:
    """« Grok 4, le nouveau modèle phare d'xAI », « Gemini 3 Pro est la dernière innovation de Google »;
    not when another model is named in between (« Llama 2, la seconde version de son modèle concurrent du
    célèbre GPT-4 de OpenAI »: the genitive is GPT-4's)."""
    for r in sc.view.refs:
        hit = _org_right_after(sc, r.end, sc.p["apposition"])
        if hit and not any(r.end <= x.start and x.end <= hit[0].start and not _same_family(sc, x.model, r.model)
                           for x in sc.view.refs):  # (« … la série GLM de Zhipu AI »: its own series)
            yield r, hit[0].name, r.start, hit[1]


def _same_family(sc: Scope, a: str, b: str) -> bool:
    fa, fb = sc.ents.get(a), sc.ents.get(b)
    return fa is not None and fb is not None and fa.family is not None and fa.family == fb.family


def names_its_model(sc: Scope) -> Iterator[Found]:
    """« Mistral AI teste actuellement un nouveau modèle (LLM) nommé Mistral Next »: the name the
    sentence gives, by a naming participle, to a model its organisation subject has or shows."""
    subject = sc.subject
    if subject is None:
        return
    text, s = sc.text, sc.view.sentence
    for r in sc.view.refs:
        if r.start < subject.end or r.start - subject.end > NAMING_REACH:
            break
        named = sc.p["naming_participle"].search(text, max(s.start, r.start - 20), r.start)
        if named and sc.p["a_model"].search(text, subject.end, named.start()) \
                and not any(subject.end <= x.start < r.start for x in sc.view.refs) \
                and not sc.p["obj"].search(text, subject.end, r.start):  # (« Meta, qui a battu le modèle nommé GPT-4o »)
            yield r, subject.name, subject.start, r.end


NAMING_REACH = 120  # characters between the organisation and the name its model is given


def with_aside(sc: Scope) -> Iterator[Found]:
    """« Google, avec Gemini 2.5 Pro, n'est pas en reste »: the model in an aside introduced by
    « avec » right after the organisation the sentence opens on (not another maker's)."""
    subject = sc.subject
    if subject is None:
        return
    m = sc.p["with_aside"].match(sc.text, subject.end)
    ref = (sc.ref_at(m.end()) if m else None)
    if ref is not None and sc.p["aside_close"].match(sc.text, ref.end) \
            and sc.lexicon_allows(ref.model, subject.name):
        yield ref, subject.name, subject.start, ref.end


def genitive_apposition(sc: Scope) -> Iterator[Found]:
    """« Un autre modèle de Google, Gemini-Exp-1114, occupe … », « Le modèle d'IA bon marché de
    DeepSeek, DeepSeek V3, … »: the name in apposition right after an organisation's model."""
    text = sc.text
    for o in sc.orgs:
        phrase = sc.p["model_of_before"].search(text, max(sc.view.sentence.start, o.start - GENITIVE_REACH), o.start)
        if phrase is None:
            continue
        gap = sc.p["appositive_name"].match(text, o.end)
        ref = (sc.ref_at(gap.end()) if gap else None)
        if ref is not None:
            yield ref, o.name, phrase.start(), ref.end


GENITIVE_REACH = 70  # characters before the organisation where « un autre modèle de » may start


def prefix(sc: Scope) -> Iterator[Found]:
    """« Google Gemini 2.5 Pro », « OpenAI o3 »: the maker's name before the model's, when the lexicon
    gives the model no other maker (« fiche Hugging Face Devstral 2 » is the model's page on a hub)."""
    for o in sc.orgs:
        ref = _first_reached(sc.text, o.end, sc.p["prefix_gap"], sc.view.refs, sc.view.ref_starts)  # (none before o.end can: endpos < pos)
        if ref and sc.lexicon_allows(ref.model, o.name):
            yield ref, o.name, o.start, ref.end


def paired_with(sc: Scope) -> Iterator[Found]:
    """« OpenAI avec GPT-4o et Google avec Gemini Ultra »: each organisation with its model (not
    when the lexicon gives the model another maker: « Microsoft avec GPT-4 » is a partner)."""
    for o in sc.orgs:
        gap = sc.p["with_gap"].match(sc.text, o.end, sc.view.sentence.end)
        ref = (sc.ref_at(gap.end()) if gap else None)
        if ref and sc.lexicon_allows(ref.model, o.name):
            yield ref, o.name, o.start, ref.end


def made_by(sc: Scope) -> Iterator[Found]:
    """« Mistral 7B, développé par Mistral AI », « X est un modèle … signé Google »; « A, B et C,
    tous trois créés par Google »: every name of the list the quantifier sums up."""
    if not sc.p["made_by_gate"].search(sc.text, sc.view.sentence.start, sc.view.sentence.end):
        return
    runs = {run[-1].start: run for run in name_runs(sc.text, sc.view.refs)}
    for r in sc.view.refs:
        m = sc.p["made_by"].match(sc.text, r.end, sc.view.sentence.end)
        if not m or sc.p["other_model_between"].search(sc.text, r.end, m.end()):
            continue
        if sc.p["made_of_other"].search(sc.text, max(sc.view.sentence.start, r.start - 60), r.start) \
                and not sc.p["apposed_noun"].match(sc.text, r.end):
            continue  # (« la version de GPT-4 développée par », but « concurrent de Sora, l'alternative proposée par OpenAI »)
        named = runs.get(r.start, [r]) if sc.p["all_of_them"].match(sc.text, r.end) else [r]
        for org in _org_list(sc, m.end()):  # « développé par Mistral AI et Nvidia »
            for ref in named:
                yield ref, org.name, ref.start, org.end


def made_by_respectively(sc: Scope) -> Iterator[Found]:
    """« GPT et BERT sont deux modèles développés par OpenAI et Google, respectivement », « Anthropic
    et Google se distinguent avec leurs modèles respectifs, Claude et Gemini »: as many makers as
    names listed, in order."""
    text, s = sc.text, sc.view.sentence
    if not sc.p["respectively"].search(text, s.start, s.end):
        return
    for run in name_runs(text, sc.view.refs):
        if len(run) < 2:
            continue
        m = sc.p["made_by_plural"].search(text, run[-1].end, s.end)
        orgs = _org_list(sc, m.end()) if m else []
        if len(orgs) == len(run):
            for r, org in zip(run, orgs):
                yield r, org.name, r.start, org.end
            return
        # « Anthropic et Google … avec leurs modèles respectifs, Claude et Gemini »: the makers first
        lists = [_org_list(sc, o.start) for o in sc.orgs if o.end <= run[0].start]
        makers = next((x for x in reversed(lists) if len(x) == len(run)), [])
        if makers and makers[-1].end <= run[0].start \
                and sc.p["their_models"].search(text, max(makers[-1].end, run[0].start - 60), run[0].start):
            for r, org in zip(run, makers):
                yield r, org.name, org.start, r.end
            return


def made_by_listed(sc: Scope) -> Iterator[Found]:
    """« les modèles de langage conçus par Anthropic, Claude 3 Opus et Claude 3 Sonnet »: the names
    listed right after the one maker of the models a plural introduces."""
    text, s = sc.text, sc.view.sentence
    if text.find(" par ", s.start, s.end) < 0:
        return  # (no « … par »: nothing to find)
    for m in sc.p["models_made_by"].finditer(text, s.start, s.end):
        orgs = _org_list(sc, m.end())
        gap = sc.p["models_listed"].match(text, orgs[0].end, s.end) if len(orgs) == 1 else None
        run = next((run for run in name_runs(text, sc.view.refs) if gap and run[0].start == gap.end()), [])
        for r in run:
            yield r, orgs[0].name, m.start(), r.end


def fronted_made_by(sc: Scope) -> Iterator[Found]:
    s = sc.view.sentence
    m = sc.p["fronted_made_by"].match(sc.text, s.start, s.end)
    if not m:
        return
    orgs = _org_list(sc, m.end())
    if not orgs:
        return
    ref = next((r for r in sc.view.refs if r.start >= orgs[-1].end
                and sc.p["fronted_gap"].fullmatch(sc.text, orgs[-1].end, r.start)
                and not sc.p["obj"].search(sc.text, orgs[-1].end, r.start)), None)  # (not « le modèle surpasse X »)
    if ref is None and sc.view.anaphoric and sc.view.subject and not sc.view.refs \
            and sc.p["fronted_model_noun"].match(sc.text, orgs[-1].end, s.end):
        # « Conçu par la startup DeepSeek AI, ce modèle open-source … »: the model in focus
        ref = Ref(s.start, orgs[-1].end, sc.view.subject, "anaphor")
    elif ref is None and sc.view.focus and not sc.view.refs and sc.p["fronted_pronoun"].match(sc.text, orgs[-1].end, s.end) \
            and all(o.name in _known_makers(sc.lex) for o in orgs):
        # « Conçu par l’EPFL, …, il incarne … »: makers the lexicon knows (not « Conçu en 2019 par François
        # Chollet, il teste … », a benchmark's author)
        ref = Ref(s.start, orgs[-1].end, sc.view.focus, "anaphor")
    if ref:
        for org in orgs:
            yield ref, org.name, s.start, ref.end


def fronted_launch(sc: Scope) -> Iterator[Found]:
    """« En lançant GPT-5, OpenAI a … », « En dévoilant Qwen 3 et QwQ, Alibaba … »: the models a
    fronted gerund launches, and the organisation the sentence then opens on (not when the lexicon
    gives a model another maker)."""
    text, s = sc.text, sc.view.sentence
    m = sc.p["fronted_launch"].match(text, s.start, s.end)
    if not m:
        return
    run: list[Ref] = []
    for r in sc.view.refs:
        if r.start < m.end():
            continue
        if (not run and r.start == m.end()) or (run and LIST_GAP.fullmatch(text, run[-1].end, r.start)):
            run.append(r)
        else:
            break
    comma = sc.p["fronted_launch_end"].match(text, run[-1].end, s.end) if run else None
    orgs = _org_list(sc, comma.end()) if comma else []
    if len(orgs) != 1:
        return
    for r in run:
        if sc.lexicon_allows(r.model, orgs[0].name):
            yield r, orgs[0].name, s.start, orgs[0].end


def named_after(sc: Scope) -> Iterator[Found]:
    """« Mistral AI annonce son premier modèle de raisonnement. Dénommé Magistral, il … », « Mistral
    a dévoilé dix nouveaux modèles. Au menu : un grand modèle baptisé Mistral Large 3 … »: the
    names the sentence after a launch gives to what was launched."""
    org = sc.previous_launcher
    if org is None:
        return
    s = sc.view.sentence
    for r in sc.view.refs:
        m = sc.p["naming_participle"].search(sc.text, max(s.start, r.start - 30), r.start)
        if m:
            yield r, org.name, m.start(), r.end


def _launcher(sc: Scope) -> Optional[Org]:
    """The organisation that, in a sentence naming no model, launches something it does not name
    (« Mistral AI annonce son premier modèle de raisonnement »), else None."""
    if sc.view.refs:
        return None
    for v in sc.p["launch_verb"].finditer(sc.text, sc.view.sentence.start, sc.view.sentence.end):
        subject = _launch_subject(sc, v.start())
        if subject is not None and sc.p["launched_unnamed"].match(sc.text, v.end(), sc.view.sentence.end):
            return subject
    return None


def anaphor_genitive(sc: Scope) -> Iterator[Found]:
    """« Gemma 3 … Tout d'abord, ce nouveau modèle de Google surpasse … »: a sentence that opens on
    the model in focus, named by a noun phrase of its maker."""
    v, s = sc.view, sc.view.sentence
    if not (v.anaphoric and v.subject and not v.guessed) or any(r.model != v.subject for r in v.refs):
        return
    m = sc.p["anaphor_of"].match(sc.text, s.start, s.end)
    org = sc.org_at(m.end()) if m else None
    if org:
        yield Ref(s.start, org.end, v.subject, "anaphor"), org.name, s.start, org.end


_NON_SPACE = patterns.compile(r"\S")


def _org_list(sc: Scope, pos: int) -> list[Org]:
    """« Mistral AI et Nvidia », « la start-up DeepSeek »: the organisations listed from ``pos``;
    else a capitalised name right there (« conçu par Basalte Research »)."""
    hit = _org_right_after(sc, pos, sc.p["org_lead"])
    if hit is None:
        m = sc.p["unknown_after"].match(sc.text, pos, sc.view.sentence.end)
        name = m.group("org") if m else None
        if name and not _NON_SPACE.search(sc.text, m.end()):
            name = None  # « développé par OpenA » where the page is cut: a name we do not have whole
        if name and name.split()[0].lower() not in sc.lex.common_words and not any(
                r.start < m.end() and m.start() < r.end for r in sc.view.refs):
            return [Org(m.start(), m.end(), sc.lex.organizations.get(name, name))]
    out: list[Org] = []
    while hit:
        org = hit[0]
        out.append(org)
        hit = _org_right_after(sc, org.end, sc.p["org_and"])
    return out


def launch(sc: Scope) -> Iterator[Found]:
    text, s = sc.text, sc.view.sentence
    for v in sc.p["launch_verb"].finditer(text, s.start, s.end):
        subject = _launch_subject(sc, v.start())
        if subject is None:
            continue
        if sc.p["respectively"].search(text, v.end(), s.end) and any(
                LIST_GAP.fullmatch(text, o.end, subject.start) for o in sc.orgs if o.end <= subject.start):
            continue  # « OpenAI et Google ont présenté respectivement GPT-5 et Gemini 3 »: each its own
        makers = [subject, *_co_subjects(sc, subject, v)]
        inferred = subject.start < s.start  # (« Le géant américain a annoncé »: the organisation of a sentence before)
        for k, r in enumerate(_launched(sc, v.end())):
            allowed = [o for o in makers if sc.lexicon_allows(r.model, o.name)]
            if inferred and not allowed:
                break  # (an organisation the text does not name here never contradicts the lexicon's maker)
            if k and not allowed:
                break  # « Meta a lancé son modèle Llama 3 et GPT-4o est resté devant »: another's model, another clause
            # (several makers: each model to the one the lexicon gives it, « OpenAI et Anthropic ont lancé … :
            # GPT-5.3 Codex et Claude Opus 4.6 »; one: its first name whatever the lexicon says)
            for maker in allowed if len(makers) > 1 else makers:
                yield r, maker.name, min(maker.start, v.start()), r.end
        # « les modèles Phi-3 que l'entreprise lancera »: the name the relative clause hangs on
        before = last_before(sc.view.refs, sc.view.ref_starts, v.start())
        rel = sc.p["relative_object"].match(text, before[-1].end, v.start()) if before else None
        if rel and v.start() - rel.end() <= RELATIVE_SUBJECT:
            yield before[-1], subject.name, before[-1].start, v.end()


def _co_subjects(sc: Scope, subject: Org, verb: re.Match) -> list[Org]:
    """« L’EPFL, l’ETH Zurich et le CSCS ont lancé Apertus »: the organisations listed before the
    launch's subject, when the verb is plural (they launched it together)."""
    before = last_before(sc.orgs, sc.org_starts, subject.start, count=None)  # (none for a subject of a sentence before)
    if not before or not sc.p["plural_verb"].search(sc.text, subject.end, verb.end()):
        return []
    out, first = [], subject
    for o in before:
        if not sc.p["org_and"].fullmatch(sc.text, o.end, first.start):
            break
        out.append(o)
        first = o
    return out


def launch_with(sc: Scope) -> Iterator[Found]:
    """« Mistral AI a répliqué avec Mistral Large 2 », « Google lui a répondu avec Gemma 3 »."""
    text, s = sc.text, sc.view.sentence
    for r in sc.view.refs:
        m = sc.p["launch_with"].search(text, max(s.start, r.start - 80), r.start)
        if not m:
            continue
        subject = _launch_subject(sc, m.start())
        if subject:
            for x in [r, *_listed_after(sc, r)]:
                yield x, subject.name, subject.start, x.end


def _listed_after(sc: Scope, first: Ref) -> list[Ref]:
    out, last = [], first
    for r in sc.view.refs:
        if r.start >= last.end and LIST_GAP.fullmatch(sc.text, last.end, r.start):
            out.append(r)
            last = r
    return out


def _sentence_subject(sc: Scope) -> Optional[Org]:
    """The organisation a sentence opens on (« Mistral AI, … »), if it is its subject."""
    s = sc.view.sentence
    first = sc.orgs[0] if sc.orgs else None
    if first is None or first.start - s.start > 60 or any(r.start < first.start for r in sc.view.refs) \
            or sc.p["not_subject"].search(sc.text, max(s.start, first.start - 12), first.start):
        return None
    return first


def _launch_subject(sc: Scope, verb: int) -> Optional[Org]:
    """The organisation a launch verb has for subject: named just before it (« Meta dévoile »,
    « Mistral AI a dévoilé le 25 octobre »), or a developer phrase standing for the one
    organisation of the sentence before (« Le géant chinois a dévoilé »)."""
    text, s = sc.text, sc.view.sentence
    before = last_before(sc.orgs, sc.org_starts, verb, count=2, keep=lambda o: not _in_aside(text, s.start, o, verb))[::-1]
    if len(before) > 1 and _after_preposition(sc, before[-1]) and _in_commas(text, before[-2].end, before[-1], verb):
        before.pop()  # « La start-up Moonshot, backée par Alibaba, lance Kimi K2 »: the aside's is not the subject
    if before:
        o = before[-1]
        prep = _after_preposition(sc, o)
        apposed = sc.p["apposed_before"].search(text, max(s.start, o.start - 3), o.start) and sc.p["apposed_gap"].fullmatch(text, o.end, verb)
        after_aside = _comma_aside_end(text, o.end, verb)  # (« OpenAI, un mois après avoir lancé GPT-5.1, a dévoilé »)
        if (sc.p["subject_gap"].fullmatch(text, o.end, verb) or apposed) and not prep \
                and not starts_within(sc.view.ref_starts, after_aside, verb):
            return o  # (« une start-up chinoise méconnue, DeepSeek, a lancé »: the subject's apposition)
    if sc.p["launch_infinitive"].search(text, max(s.start, verb - 15), verb):
        return sc.subject  # « Mistral AI … trois mois après avoir lancé Mistral 7B »
    d = sc.p["developer"].search(text, max(s.start, verb - 60), verb)
    if d and sc.p["subject_gap"].fullmatch(text, d.end(), verb) and not before:
        named = {o.name for o in sc.previous_orgs}
        if len(named) == 1:
            return sc.previous_orgs[-1]
    # « Aujourd'hui, Anthropic a fait une de ces actions … Il a sorti Claude 4 Opus »: a pronoun
    # for the organisation the sentence before opens on (one that names no model)
    pronoun = sc.p["pronoun_subject"].match(text, s.start, verb)
    if pronoun and sc.previous_subject and not before and sc.p["subject_gap"].fullmatch(text, pronoun.end(), verb):
        return sc.previous_subject
    return None


def _after_preposition(sc: Scope, o: Org) -> bool:
    """« selon Google », « par Meta »: an organisation a preposition introduces (not « par Meta, qui … »,
    nor « l'équipe de … »)."""
    text, s = sc.text, sc.view.sentence
    return bool(sc.p["not_subject"].search(text, max(s.start, o.start - 12), o.start)) and not sc.p["relative_subject"].match(text, o.end) \
        and not sc.p["team_of"].search(text, max(s.start, o.start - 40), o.start)


def _comma_aside_end(text: str, start: int, end: int) -> int:
    """Where an aside between commas that opens right at ``start`` ends (after its closing comma,
    the last before ``end``), or ``start`` when none opens there."""
    gap = text[start:end]
    if not gap.lstrip().startswith(","):
        return start
    close = gap.rfind(",")
    return start + close + 1 if close > gap.find(",") else start


def _in_commas(text: str, start: int, o: Org, end: int) -> bool:
    """The organisation stands in an aside between two commas, both in ``text[start:end]``."""
    return text.find(",", start, o.start) >= 0 and text.find(",", o.end, end) >= 0


def _in_aside(text: str, start: int, o: Org, end: int) -> bool:
    """« MiniMax (également connu sous le nom de Xiyu Technology) a lancé »: the organisation is in
    parentheses that close before ``end``."""
    return text.rfind("(", start, o.start) > text.rfind(")", start, o.start) and text.find(")", o.end, end) >= 0


def _launched(sc: Scope, pos: int) -> list[Ref]:
    """The models a launch verb has for objects: the first name after it (« dévoile le 25 octobre
    Mistral Large 2 »), and the names listed with it (« baptisés o3 et o4-mini »); none after a
    comparison, a relative clause, a time reference (« une semaine après GPT-5.1 »), and none
    that another organisation's genitive claims (« … d'OpenAI »)."""
    text, s = sc.text, sc.view.sentence
    stop = sc.next_match("launch_stop", pos)
    more = sc.next_match("launched_more", pos)
    if stop and more and more.start() <= stop.start() < more.end():
        stop = sc.p["launch_stop"].search(text, more.end(), s.end)  # « , dont Llama 4 Scout » lists, it does not stop
    end = stop.start() if stop else s.end
    refs = [r for r in sc.view.refs if pos <= r.start < end]
    out: list[Ref] = []
    for r in refs:
        if out and not (LIST_GAP.fullmatch(text, out[-1].end, r.start) or sc.p["launched_more"].fullmatch(text, out[-1].end, r.start)
                        or len(out) == 1 and _members_follow(sc, pos, out[0], r)):
            break
        if not out and (r.start - pos > 100 or sc.p["obj"].search(text, pos, r.start)):
            break
        if _org_right_after(sc, r.end, sc.p["genitive"]):
            break
        out.append(r)
    return out + _variants_in_parentheses(sc, out, end)


_OPEN_PAREN = patterns.compile(r"\s*\(")
RELATIVE_SUBJECT = 40  # characters of the subject between « que » and the launch verb
_SLASHED = patterns.compile(r"\s*/\s*")


def _variants_in_parentheses(sc: Scope, launched: list[Ref], end: int) -> list[Ref]:
    """« Meta a lancé Llama 4 (Scout, Maverick) »: the variants of the last launched name that the
    parenthesis right after it names."""
    if not launched:
        return []
    last = launched[-1]
    opened = _OPEN_PAREN.match(sc.text, last.end, end)
    if opened is None:
        return []
    close = sc.text.find(")", opened.end(), end)
    inside = [r for r in sc.view.refs if opened.end() <= r.start and r.end <= (close if close >= 0 else end)]
    return [r for r in inside if r.model.startswith(last.model + " ")]


def _members_follow(sc: Scope, pos: int, family: Ref, first: Ref) -> bool:
    """« a lancé la famille de modèles Llama 4 : Llama 4 Scout, … »: the members listed after a
    launched family."""
    return bool(sc.p["family_of_models"].search(sc.text, pos, family.start)
                and sc.p["members_colon"].fullmatch(sc.text, family.end, first.start))


def launch_noun(sc: Scope) -> Iterator[Found]:
    text = sc.text
    for r in sc.view.refs:
        m = sc.p["launch_noun_before"].search(text, max(sc.view.sentence.start, r.start - 40), r.start)
        if m:
            hit = _org_right_after(sc, r.end, sc.p["by"])
            if hit:
                yield r, hit[0].name, m.start(), hit[1]
    subject = sc.subject  # « Apple a fait une incursion … avec le lancement d'OpenELM »
    if subject:
        for r in sc.view.refs:
            m = sc.p["launch_noun_with"].search(text, max(subject.end, r.start - 60), r.start)
            if m and not any(subject.end <= x.start < r.start for x in sc.view.refs) \
                    and sc.lexicon_allows(r.model, subject.name):  # (not « Amazon … avec le lancement de Llama 3 »)
                yield r, subject.name, subject.start, r.end
    for m in sc.p["launch_noun_by"].finditer(text, sc.view.sentence.start, sc.view.sentence.end):
        org = sc.org_at(m.end())
        if not org:
            continue  # « le lancement par Alibaba de Qwen 2.5-Max »
        of = sc.p["of"].match(text, org.end)
        ref = (sc.ref_at(of.end()) if of else None)
        if ref:
            yield ref, org.name, m.start(), ref.end


def house(sc: Scope) -> Iterator[Found]:
    """« QwQ-32B, le précédent modèle de raisonnement de la maison », « Kyutai est parti d’un LLM
    maison (Helium) »: the sentence's organisation."""
    subject = sc.subject
    if subject:
        for r in sc.view.refs:
            m = sc.p["house"].match(sc.text, r.end, sc.view.sentence.end)
            if m and r.start > subject.end:
                yield r, subject.name, r.start, m.end()
            elif r.start > subject.end and sc.p["house_before"].search(sc.text, max(subject.end, r.start - 40), r.start):
                yield r, subject.name, subject.start, r.end


def table_column(sc: Scope) -> Iterator[Found]:
    """« | BLOOM | BigScience | juillet 2022 | » under a column « Éditeur »: the row's model is the
    cell's organisation's."""
    s = sc.view.sentence
    if s.kind == TABLE and s.cells:  # « | OpenAI | GPT-4o (…), GPT-4 Turbo (…) | »: the row's organisation
        first = s.cells[0]
        org = next((o for o in sc.orgs if first.start <= o.start and o.end <= first.end), None)
        if org and not any(first.start <= r.start < first.end for r in sc.view.refs):
            for r in sc.view.refs:
                yield r, org.name, org.start, r.end
            return
    if s.kind != TABLE or not s.cells or sc.header is None:
        return
    # the row's model: in the first cell that names one outside the maker columns (« | 4 | Grok-4 | xAI | »)
    ref = next((r for j, c in enumerate(s.cells) if j not in sc.header
                for r in sc.view.refs if c.start <= r.start < c.end), None)
    if ref is None:
        return
    for j, cell in enumerate(s.cells[1:], start=1):
        if j in sc.header:
            org = next((o for o in sc.orgs if cell.start <= o.start and o.end <= cell.end), None)
            if org:
                yield ref, org.name, ref.start, org.end


def possessive(sc: Scope) -> Iterator[Found]:
    """« Snowflake se sert de l'architecture MoE pour son LLM Arctic », « Meta lève le voile sur
    Llama 4, sa nouvelle série », « Baidu a lancé ses modèles Ernie 4.5 Turbo et Ernie X1 Turbo »;
    the organisation the sentence before opens on, for « Son modèle Claude … » or « Elle … ses modèles X »."""
    text, s = sc.text, sc.view.sentence
    first = sc.orgs[0] if sc.orgs else None
    if (first is None or any(r.start < first.start for r in sc.view.refs)) and sc.previous_subject is not None and sc.view.refs:
        # « Anthropic s'est spécialisée dans … . Son modèle Claude est … »: the owner is the
        # organisation the sentence before opens on (when this one opens on no organisation)
        r = sc.view.refs[0]
        m = sc.p["possessive_before"].search(text, s.start, r.start)
        if m and not text[s.start:m.start()].strip(" -*•\t"):
            yield r, sc.previous_subject.name, s.start, r.end
            return
        # « … Mistral AI s'était focalisée sur le texte. Elle annonce … ses nouveaux modèles Voxtral
        # Mini et Voxtral Small »: a pronoun opening the sentence stands for it
        pronoun = sc.p["pronoun_subject"].match(text, s.start, r.start)
        if pronoun is None:
            return
        first = Org(s.start, pronoun.end(), sc.previous_subject.name)
    elif first is None or first.start - s.start > 60 or len({o.name for o in sc.orgs}) > 1 \
            or sc.p["not_subject"].search(text, max(s.start, first.start - 12), first.start) \
            or any(r.start < first.start for r in sc.view.refs):
        return
    listed: set[int] = set()  # (the names listed after a possessive's first: « ses modèles Gemini 3 Pro et Flash »)
    for run in name_runs(text, sc.view.refs):
        for k, r in enumerate(run):
            if r.start < first.end:
                continue
            before = sc.p["possessive_before"].search(text, max(first.end, r.start - 50), r.start)
            after = sc.p["possessive_after"].match(text, r.end, s.end)
            if r.start in listed and not sc.lexicon_allows(r.model, first.name):
                break  # (« son modèle Llama 3 et GPT-4o est resté devant »: another's model)
            if (before and not any(before.start() <= x.start < r.start for x in sc.view.refs)) or after or r.start in listed:
                yield r, first.name, first.start, r.end
                if before and k == 0:
                    listed.update(x.start for x in run[1:])


CLAUSE_POSSESSIVE = 80  # characters at most between a clause's organisation and the possessive


def clause_possessive(sc: Scope) -> Iterator[Found]:
    """« Gemini 3 Pro de Google se distingue, tandis qu'OpenAI fait face à des défis avec son modèle
    GPT-5.2 », « …, et Google est en première ligne avec Med-PaLM son nouveau chatbot »: a possessive
    before or right after the name, in a clause whose subject is an organisation (after « tandis
    que », « alors que », « mais », « , et »), with no other name between them."""
    text, s = sc.text, sc.view.sentence
    for r in sc.view.refs:
        before = sc.p["possessive_before"].search(text, max(s.start, r.start - 50), r.start)
        if before is not None:
            at = before.start()
        elif sc.p["possessive_after"].match(text, r.end, s.end):
            at = r.start  # « …, et Google est en première ligne avec Med-PaLM son nouveau chatbot »
        else:
            continue
        org = next((o for o in reversed(sc.orgs) if o.end <= at), None)
        if org is None or at - org.end > CLAUSE_POSSESSIVE \
                or not sc.p["clause_subject"].search(text, max(s.start, org.start - 12), org.start) \
                or any(org.end <= x.start < at for x in sc.view.refs) \
                or not sc.lexicon_allows(r.model, org.name):
            continue  # (nor a model the lexicon gives another maker: « OpenAI critique son modèle Gemini »)
        yield r, org.name, org.start, r.end


def _maker_columns(text: str, sentences, lex: Lexicons) -> dict[int, frozenset[int]]:
    """For each table row, the columns whose header names a maker (« Éditeur », « Développeur »)."""
    maker = lex.cue("tables.maker_header")
    out: dict[int, frozenset[int]] = {}
    for table in table_blocks(sentences):
        cols = frozenset(j for j, c in enumerate(table[0].cells) if maker.search(text, c.start, c.end))
        if cols:
            for row in table[1:]:
                out[row.start] = cols
    return out


FINDERS: tuple[tuple[str, Callable[[Scope], Iterator[Found]]], ...] = (
    ("genitive", genitive),
    ("glued_maker", glued_maker),
    ("parenthesis", parenthesis),
    ("colon_list", colon_list),
    ("apposition", apposition),
    ("dashed", dashed),
    ("genitive_apposition", genitive_apposition),
    ("prefix", prefix),
    ("paired_with", paired_with),
    ("made_by_respectively", made_by_respectively),
    ("made_by", made_by),
    ("made_by_listed", made_by_listed),
    ("fronted_made_by", fronted_made_by),
    ("fronted_launch", fronted_launch),
    ("anaphor_genitive", anaphor_genitive),
    ("named_after", named_after),
    ("launch", launch),
    ("launch_noun", launch_noun),
    ("launch_with", launch_with),
    ("names_its_model", names_its_model),
    ("with_aside", with_aside),
    ("house", house),
    ("table_column", table_column),
    ("possessive", possessive),
    ("clause_possessive", clause_possessive),
)


# The finders that only read the sentence's organisations (``Scope.orgs``): none in the sentence,
# nothing to find; and those whose subject is an organisation of the sentence or of the one before
# (« Le géant chinois a dévoilé … », « Il a sorti … »).
_NEED_ORGS = frozenset({"genitive", "dashed", "genitive_apposition", "names_its_model", "with_aside", "parenthesis", "clause_possessive", "colon_list", "apposition", "prefix", "paired_with", "anaphor_genitive",
                        "made_by_respectively",
                        "launch_noun", "house", "table_column"})
_NEED_A_SUBJECT = frozenset({"launch", "launch_with", "possessive"})


def _may_find(name: str, sc: Scope) -> bool:
    """Whether the finder can find anything in this sentence (a sentence naming no organisation
    skips the finders that would read its organisations for nothing)."""
    if sc.orgs:
        return True
    if name in _NEED_ORGS:
        return False
    return name not in _NEED_A_SUBJECT or bool(sc.previous_orgs) or sc.previous_subject is not None


def organization_facts(text: str, sviews: list[SentenceView], ents: Entities, lex: Lexicons) -> list[RawFact]:
    orgs = find_orgs(text, lex)
    p = _patterns(lex)
    out: list[RawFact] = []
    previous: tuple[Org, ...] = ()
    previous_subject: Optional[Org] = None
    previous_launcher: Optional[Org] = None
    headers = _maker_columns(text, [v.sentence for v in sviews], lex)
    for view in sviews:
        s = view.sentence
        mine = tuple(within(orgs, s.start, s.end))
        sc = Scope(text, view, mine, previous, lex, p, headers.get(s.start), ents, previous_subject, previous_launcher)
        # (« développé par Basalte Research »: a maker the lexicon does not know; « Conçu par la
        # startup DeepSeek AI, ce modèle … »: the model in focus)
        if view.refs or (view.anaphoric and view.subject) or (view.focus and p["fronted_made_by"].match(text, s.start, s.end)):
            seen: set[tuple[str, str]] = set()
            for name, finder in FINDERS:
                if not _may_find(name, sc):
                    continue
                for ref, org, a, b in finder(sc):
                    if (ref.model, org) in seen or org == ref.model:
                        continue
                    seen.add((ref.model, org))
                    # (an organisation a developer phrase stands for is named in an earlier
                    # sentence: the quote is this sentence's part)
                    a, b = max(a, s.start), min(b, s.end)
                    out.append(RawFact(ref.model, "organization", org, False,
                                       Provenance(a, b, s.start, s.end, f"organization:{name}")))
        if mine:
            previous = mine  # the organisations a developer phrase may stand for, later
        previous_launcher = _launcher(sc) if mine or sc.previous_orgs else None
        if view.refs or mine:  # (a sentence that names neither, « « Nous sommes dans le pétrin. » », keeps it)
            previous_subject = sc.subject if not view.refs else None
    return out
