"""Who a sentence is about: explicit names, the subject of the sentence, and the model in focus.

The focus is the model the text is talking about when it says « il », « sa », « le modèle »,
« ce mastodonte »: the subject of the last sentence (or heading) that named one. A name that is
the object of a comparison (« surpasse GPT-4o », « derrière Gemini 2.5 Pro », « contre 38 % pour
Claude 3 Opus ») is not a subject and does not move the focus.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterator, Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, load, per_lexicons
from pipeline.link.cues import object_cue
from pipeline.link.entities import Entities, Ref
from pipeline.link.units import bullet_label
from pipeline.recognize.segments import BULLET, HEADING, Sentence, within


# Between two names of one coordinated list: « A, B ou encore C », « A et B », « A (67,35) et B ».
LIST_GAP = load().cue("discourse.list_gap")


_IN_ASIDE = patterns.compile(r"[^()]*\)")
_NAME_FOLLOWS = load().cue("discourse.name_follows")


@per_lexicons
def _cues(lex: Lexicons) -> dict[str, re.Pattern]:
    return {name: lex.cue(f"discourse.{name}") for name in lex.cues["discourse"]}


@dataclass
class SentenceView:
    index: int
    sentence: Sentence
    refs: list[Ref]
    subject: Optional[str]  # an explicit subject named in the sentence, or the antecedent of its anaphor
    focus: Optional[str]  # the model in focus before this sentence
    last: Optional[str]  # the last model named before this sentence
    anaphoric: bool = False  # the subject is the antecedent of a pronoun, a possessive, « ce modèle »
    guessed: bool = False  # … or only the article's model, for a bullet that names none (claims take it, facts do not)
    sole: bool = False  # the article's model is the only model its title names
    group: tuple[str, ...] = ()  # the models a plural anaphor opening the sentence refers to (« Ces modèles », « Ils »)
    group_at: int = -1  # where the sentence that listed them starts
    listed: tuple[str, ...] = ()  # the longest list of names the sentence gives, unless compared with
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # look-ups kept for the sentence (_SubjectIndex)

    @cached_property
    def ref_starts(self) -> list[int]:
        """Where its names start, in order (for bisections; ``refs`` is never changed)."""
        return [r.start for r in self.refs]

    @property
    def topic(self) -> Optional[str]:
        """The model the sentence is about: its subject if named, else the focus."""
        return self.subject or self.focus


_AND = load().cue("discourse.and")
_FRONTED = load().cue("discourse.fronted_object")


def name_runs(text: str, refs: list[Ref]) -> list[list[Ref]]:
    """Runs of names joined only by commas and « et » / « ou »: « Phi-3-small et Phi-3-medium »."""
    runs: list[list[Ref]] = []
    for r in refs:
        if runs and _AND.fullmatch(text, runs[-1][-1].end, r.start):
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def coordinated_subject(text: str, view: "SentenceView", obj: re.Pattern, *, before: Optional[int] = None) -> list[str]:
    """The names the sentence opens on, when there are several: « Phi-3-small et Phi-3-medium affichaient… »."""
    refs = [r for r in view.refs if before is None or r.end <= before]
    if len(refs) < 2 or obj.search(text, view.sentence.start, refs[0].start):
        return []
    first = name_runs(text, refs)[0]
    return [r.model for r in first] if len(first) > 1 else []


def _listed(text: str, refs: list[Ref], i: int, prev_end: int, prev_object: bool, fronted: bool) -> bool:
    """Whether ``refs[i]`` is one more object listed after the object before it (« surpasse A, B
    et C »); not when a bare comma closes a phrase the sentence opens on and the name after it
    stands alone (« Face à GPT-4o, Claude 3.5 Sonnet affiche … »)."""
    gap = text[prev_end:refs[i].start]
    if not prev_object or not LIST_GAP.fullmatch(gap):
        return False
    if fronted and gap.strip() == ",":
        nxt = refs[i + 1] if i + 1 < len(refs) else None
        return nxt is not None and _AND.fullmatch(text, refs[i].end, nxt.start) is not None
    return True


def _name_roles(text: str, sentence: Sentence, refs: list[Ref], obj: re.Pattern, *, end: Optional[int] = None,
                ignore: Callable[[Ref], bool] = lambda r: False,
                aside: Callable[[Ref], bool] = lambda r: False) -> Iterator[tuple[Ref, bool, int]]:
    """The names of a sentence in order (up to ``end``), each with whether it is a comparison
    object (after a comparison cue, « pour », « contre », or listed after an object) and where the
    words before it start. ``ignore``d names count for nothing; an ``aside`` name (in parentheses)
    only moves that start."""
    prev_end = sentence.start
    prev_object = fronted = False
    for i, r in enumerate(refs):
        if end is not None and r.start >= end:
            break
        if ignore(r):
            continue
        if aside(r):
            prev_end = r.end
            continue
        is_object = obj.search(text, prev_end, r.start) is not None or _listed(text, refs, i, prev_end, prev_object, fronted)
        yield r, is_object, prev_end
        fronted = prev_end == sentence.start and _FRONTED.fullmatch(text, prev_end, r.start) is not None
        prev_object, prev_end = is_object, r.end


def _only_objects(text: str, sentence: Sentence, refs: list[Ref], obj: re.Pattern) -> bool:
    """No name, or only comparison objects (« … soit 16 fois plus que les modèles Llama 3 »)."""
    return all(is_object for _, is_object, _ in _name_roles(text, sentence, refs, obj))


def subject_before(text: str, view: "SentenceView", pos: int, obj: re.Pattern, *,
                   skip: Optional[re.Pattern] = None) -> Optional[str]:
    """The nearest name before pos in the sentence that is not a comparison object (nor listed
    after one), nor, with ``skip``, a name right after words that make it something else's
    complement (« la vitesse de Claude 3 Opus »)."""
    key = ("subject_before", id(obj), id(skip))  # (the index holds both: their ids stay theirs; a pattern's hash reads its whole code)
    index = view.memo.get(key)
    if index is None:
        roles = view.memo.get(("roles", id(obj)))
        if roles is None:
            roles = view.memo[("roles", id(obj))] = _Roles(text, view, obj)
        index = view.memo[key] = _SubjectIndex(text, view, roles, skip)
    found = index.answer(pos)
    return _subject_before_read(text, view, pos, obj, skip) if found is _READ else found


_READ = object()  # (the index cannot answer: read the names)


class _Roles:
    """The names of one sentence with their roles (``_name_roles``, no aside), read once, as far as
    asked, for the indexes of every ``skip``."""

    __slots__ = ("obj", "names", "read")

    def __init__(self, text: str, view: "SentenceView", obj: re.Pattern):
        self.obj = obj
        self.names = _name_roles(text, view.sentence, view.refs, obj)
        self.read: list[tuple[Ref, bool, int]] = []

    def __getitem__(self, i: int) -> tuple[Ref, bool, int]:
        while len(self.read) <= i:
            self.read.append(next(self.names))
        return self.read[i]


class _SubjectIndex:
    """``subject_before`` for the positions of one sentence: a sentence's values each asked it, and
    each answer read every name before the value again (quadratic in a long sentence's names).
    The names' roles do not depend on the position asked unless a name before it is an aside
    closed before it (« (la seule manière d'accéder à o3) »): there, the names are read. The
    names are read once, in order, as far as the positions asked need."""

    __slots__ = ("text", "sentence", "skip", "starts", "roles", "closes", "aside_from", "best")

    def __init__(self, text: str, view: "SentenceView", roles: _Roles, skip: Optional[re.Pattern]):
        self.text, self.sentence, self.skip, self.roles = text, view.sentence, skip, roles
        self.starts = view.ref_starts
        self.closes = text.find(")", view.sentence.start, view.sentence.end) >= 0  # (else no name is an aside)
        self.aside_from: list[float] = [float("inf")]  # for the first k names, the first parenthesis closing an aside of one of them
        self.best: list[Optional[str]] = [None]  # for the first k names, the last that can be the subject (no aside)

    def answer(self, pos: int):
        """The subject before ``pos``, or ``_READ``."""
        if pos > self.sentence.end:
            return _READ
        k = bisect_left(self.starts, pos)  # the names that start before pos
        while len(self.best) <= k:
            self._read_next()
        return _READ if self.aside_from[k] < pos else self.best[k]

    def _read_next(self) -> None:
        r, is_object, prev_end = self.roles[len(self.best) - 1]
        text, skip = self.text, self.skip
        subject = not is_object and not (skip is not None and skip.search(text, max(prev_end, r.start - 40), r.start))
        self.best.append(r.model if subject else self.best[-1])
        self.aside_from.append(min(self.aside_from[-1], _aside_from(text, self.sentence, r) if self.closes else float("inf")))


_PAREN = patterns.compile(r"[()]")


def _aside_from(text: str, s: Sentence, r: Ref) -> float:
    """Where the parenthesis that makes ``r`` an aside closes: ``r`` is one for the values after
    it (``aside`` in ``_subject_before_read``: the first parenthesis after the name closes, and one
    opens in the 60 characters before it); infinity when there is none in the sentence."""
    m = _PAREN.search(text, r.end, s.end)
    if m is None or m.group() != ")" or "(" not in text[max(s.start, r.start - 60):r.start]:
        return float("inf")
    return m.start()


def _subject_before_read(text: str, view: "SentenceView", pos: int, obj: re.Pattern,
                         skip: Optional[re.Pattern]) -> Optional[str]:
    """``subject_before`` by reading the names before pos."""
    s = view.sentence

    def aside(r: Ref) -> bool:  # « (la seule manière d'accéder à o3) »: an aside closed before the value
        return _IN_ASIDE.match(text, r.end, pos) is not None and "(" in text[max(s.start, r.start - 60):r.start]

    best = None
    for r, is_object, prev_end in _name_roles(text, s, view.refs, obj, end=pos, aside=aside):
        if not is_object and not (skip is not None and skip.search(text, max(prev_end, r.start - 40), r.start)):
            best = r.model
    return best


def in_object_position(text: str, sent: Sentence, ref: Ref, cue: re.Pattern, prev_end: int) -> bool:
    """A name preceded, since the previous name or the start of its clause, by a comparison or «pour/contre»."""
    start = max(sent.start, prev_end)
    return bool(cue.search(text, start, ref.start))


def views(text: str, sentences, ents: Entities, lex: Lexicons) -> tuple[list[SentenceView], Entities]:
    """One view per sentence, and the article's entities with the versions the sentences name
    (« sa version Instruct ») added (a new object; ``ents`` is left as it was)."""
    ents = ents.copy()
    cue = object_cue(lex)
    c = _cues(lex)
    out: list[SentenceView] = []
    added: list[Ref] = []
    focus: Optional[str] = None
    last: Optional[str] = None
    main: Optional[str] = None  # the model the title names first
    owner: Optional[str] = None  # the one model a heading or an introduction « … : » gives a list to
    focus_alone = False  # the focus was set by a sentence that named it and no other model (not a guess)
    focus_in_section = False  # no heading since it was set
    product_block = -1  # the bullet whose label is a product (« - ChatGPT : »): its sentences are about it
    title_models: set[str] = set()
    listing: Optional[SentenceView] = None  # the last sentence that listed models, since the last heading
    refs = ents.refs
    for n, sent in enumerate(sentences):
        mine = within(refs, sent.start, sent.end)
        mine = _versions(text, sent, mine, ents, lex, focus, added)
        mine = [_prefer_focus(r, focus, ents) for r in mine]
        subject = None
        anaphoric = guessed = about_another = False  # (about a name the text does not know, or a product)
        if not mine and focus and focus_alone and (c["label_line"].match(text, sent.start, sent.end) or (
                sent.kind != BULLET and c["value_line"].match(text, sent.start, sent.end))):
            subject, anaphoric = focus, True  # « Fenêtre de contexte : 128k tokens » under the model's name (alone)
        elif sent.kind == HEADING:
            subject = mine[0].model if mine and not c["beaten"].match(text, mine[0].end) else None
        else:
            ce = c["last_named"].search(text, sent.start, sent.end)
            first_ref = mine[0].start if mine else sent.end
            anaphor = c["anaphoric_start"].match(text, sent.start, first_ref)
            if anaphor and _NAME_FOLLOWS.fullmatch(text, anaphor.end(), first_ref):
                anaphor = None  # « Le modèle Qwen3-Coder … », « La fenêtre de contexte de Gemini … »: the name follows
            elif anaphor and mine and c["identity"].search(text, anaphor.end(), first_ref):
                anaphor = None  # « Le modèle le plus réputé est le fameux Whisper v3 »: the name it is
            elif anaphor and c["unknown_name_follows"].match(text, anaphor.end(), first_ref):
                anaphor, about_another = None, True  # « Son modèle 3.5 Sonnet atteint … »: a name the text does not know
            own = c["own_model"].search(text, sent.start, first_ref)
            named_own = own is not None and bool(mine) and _NAME_FOLLOWS.fullmatch(text, own.end(), first_ref) is not None
            if anaphor and named_own and own.start() >= anaphor.start():
                anaphor = None  # « D'après la start-up, son modèle Mistral 7B est … »: the name follows the possessive
            if ce and ce.start() < first_ref and last:
                subject, anaphoric = last, True
            elif own and main and not named_own:
                # « Le laboratoire a entraîné son modèle … »: the article's model (not « … place son
                # modèle Claude Opus 4.5 … »: the name that follows); when the model in focus has the
                # same maker, that one (« ERNIE X1 est le nouveau modèle de Baidu. … Baidu affirme que
                # son modèle … », in an article that opened on ERNIE 4.5), unless it is a variant named
                # after the article's model (« DeepSeek-R1-0528-Qwen3-8B », a distilled DeepSeek-R1-0528)
                other = focus and focus != main and not focus.startswith(main) and _models_share_maker(ents, lex, focus, main)
                subject, anaphoric = (focus if other else main), True
            elif anaphor and focus:
                # « Sa fenêtre … le double de celle de Large 2 »: still the model in focus;
                # « Le nouveau venu » is the article's main model, not the one just compared.
                subject = main if c["newcomer"].match(text, sent.start, first_ref) and main else focus
                anaphoric = True
            elif sent.kind == BULLET and not mine and out and out[-1].sentence.block == sent.block and out[-1].subject \
                    and out[-1].refs and text[sent.start] not in "-*•":
                # « - GPT-2: Ce modèle … . La taille de 1,5 milliard de paramètres … »: the next sentence of a
                # bullet that names its model is about that model
                subject, anaphoric = out[-1].subject, True
            elif sent.kind == BULLET and (owner or main) and not about_another and (
                    not mine or text[sent.start] in "-*•" and _only_objects(text, sent, mine, cue)) and not (
                    focus and focus != (owner or main) and _starts_before(c["definite"].search(text, sent.start, sent.end), first_ref)):
                # « Kimi K2 en bref » then « - Contexte : 128 000 jetons »; a bullet that names no
                # model, under no heading that names one (or only one it compares with: « soit 16
                # fois plus que les modèles Llama 3 »), is about the article's model (but « le modèle
                # affiche … » after « - xAI lance Grok 4. » is the model in focus: the rule below)
                subject, anaphoric, guessed = owner or main, True, owner is None
            elif not mine and out and _answers(text, out[-1], sent):
                subject, anaphoric = out[-1].subject, True  # « Sa force ? Une capacité à gérer … »
            elif focus and _starts_before(definite := c["definite"].search(text, sent.start, sent.end), first_ref) \
                    and not c["indefinite_model"].search(text, sent.start, definite.start()) \
                    and not (mine and c["identity"].search(text, definite.end(), first_ref)):
                subject, anaphoric = focus, True  # « la famille a été pré-entraînée sur … » (not after « un nouveau modèle »,
                # nor « Le modèle le plus réputé est le fameux Whisper v3 »: the name that follows)
            else:
                # « le modèle de Meta » looks back; it does not take the focus
                # (not a name in an aside: « K2 Think s'appuie sur … (inspirée du modèle LLaMA-65B), … il surclasse »)
                for r, is_object, _ in _name_roles(text, sent, mine, cue, ignore=lambda r: r.kind == "org_anaphor",
                                                   aside=lambda r: _aside_from(text, sent, r) < sent.end
                                                   and not c["glossed_before"].search(text, max(sent.start, r.start - 60), r.start)):
                    if not is_object and (r.kind != "code" or (r is mine[0] and c["code_opens"].fullmatch(text, sent.start, r.start))):
                        subject = r.model  # (« … ses modèles pour V3 »: a code deep in a sentence is no subject)
                        break
        subject = _named_member(text, mine, subject, ents, c)
        # (the model in focus introduces a list only from its own section: « … Mistral Large 3 fait
        # un bond. Pour la première fois, un modèle open-weight propose : », not « Résultats : » under
        # a heading that came after it)
        owner = _list_owner(text, sent, mine, subject or (focus if focus_in_section else None), owner, c)
        full = [r for r in mine if r.kind != "code"]
        if main is None and full and (n == 0 or sent.kind != HEADING):
            main = full[0].model  # the title's first model, else the first model the text names in full
        if n == 0:
            title_models = {r.model for r in mine}
        if sent.kind == BULLET and text[sent.start] in "-*•":  # « - ChatGPT : … il reste en tête … »: a bullet about a product
            product_block = sent.block if bullet_label(text, sent) in lex.products else -1
        if sent.block == product_block and not mine:
            subject, anaphoric, guessed, about_another = None, False, False, True
        listed = _listed_names(text, sent, mine, cue) if sent.kind != HEADING else ()
        group, group_at = _group(text, sent, mine, out[-1] if out else None, listing, c)
        out.append(SentenceView(n, sent, mine, subject, None if about_another else focus, last, anaphoric, guessed,
                                sole=guessed and title_models == {subject}, group=group, group_at=group_at, listed=listed))
        listing = None if sent.kind == HEADING else out[-1] if listed else listing
        if subject and not c["aside"].match(text, sent.start, sent.end):
            focus, focus_alone = subject, not guessed and {r.model for r in mine} <= {subject}
            focus_in_section = True
        elif sent.kind == HEADING:
            focus_in_section = False
        if mine:
            last = mine[-1].model
    if added:
        ents.refs = sorted(ents.refs + added, key=lambda r: r.start)
    return out, ents


def _listed_names(text: str, sent: Sentence, refs: list[Ref], obj: re.Pattern) -> tuple[str, ...]:
    """The longest run of names the sentence lists (« GPT-4.1, GPT-4.1 mini et GPT-4.1 nano »),
    unless it is what a comparison is made with (« au niveau de Grok-2 ou Ernie 4.5 »)."""
    if len(refs) < 2:
        return ()
    runs = name_runs(text, refs)
    run = max(runs, key=len) if runs else []
    if len(run) < 2:
        return ()
    before = [r for r in refs if r.end <= run[0].start]
    if in_object_position(text, sent, run[0], obj, before[-1].end if before else sent.start):
        return ()
    return tuple(dict.fromkeys(r.model for r in run))


def _group(text: str, sent: Sentence, refs: list[Ref], prev: Optional[SentenceView], listing: Optional[SentenceView],
           c: dict) -> tuple[tuple[str, ...], int]:
    """The models a plural anaphor opening the sentence refers to: the group the sentence before
    spoke of, else the last list of names given under the same heading (« Ces modèles », « Tous
    trois »). A pronoun (« Ils ») reads only the sentence right before, and only a group or a list
    that sentence opened on. With where the sentence that listed them starts."""
    if prev is None or sent.kind == HEADING:
        return (), -1
    m = c["plural_anaphor"].match(text, sent.start, refs[0].start if refs else sent.end)
    if m is None:
        return (), -1
    if prev.group:
        return prev.group, prev.group_at
    if m.group("pronoun"):
        return (prev.listed, prev.sentence.start) if _opens_on_list(text, prev) else ((), -1)
    return (listing.listed, listing.sentence.start) if listing is not None else ((), -1)


def _opens_on_list(text: str, view: SentenceView) -> bool:
    """« o3 et o4-mini sont sortis. »: the sentence's list is the first thing it says."""
    return bool(view.listed) and view.refs[0].model == view.listed[0] and \
        _WORD.search(text, view.sentence.start, view.refs[0].start) is None


_WORD = patterns.compile(r"\w")


def _models_share_maker(ents: Entities, lex: Lexicons, a: str, b: str) -> bool:
    """Whether two models the article names are known to have one maker (a lab and its parent count as one)."""
    x, y = ents.get(a), ents.get(b)
    return bool(x and y and x.organization and y.organization and lex.same_maker(x.organization, y.organization))


def _named_member(text: str, mine: list[Ref], subject: Optional[str], ents: Entities, c: dict) -> Optional[str]:
    """A family the sentence names, then a member of it it names after « baptisé » (« une nouvelle
    déclinaison de sa famille Qwen, baptisée Qwen 3-Max »): the member is what the sentence is about."""
    info = ents.get(subject) if subject else None
    if info is None or info.name != info.family:
        return subject
    for a, b in zip(mine, mine[1:]):
        if a.model == subject and c["named_member"].fullmatch(text, a.end, b.start):
            member = ents.get(b.model)
            if member and member.family == info.family:
                return b.model
    return subject


def _starts_before(m: Optional[re.Match], pos: int) -> bool:
    return m is not None and m.start() < pos


def _answers(text: str, prev: "SentenceView", sent: Sentence) -> bool:
    """« Sa force ? Une capacité à gérer … »: an answer to the short question just before it."""
    q = prev.sentence
    return (prev.anaphoric and prev.subject is not None and q.block == sent.block
            and text[q.start:q.end].rstrip().endswith("?") and q.end - q.start <= 40)


SHORT_INTRO = 8  # words: a sentence this short that opens on the one model it names introduces the bullets after it


def _list_owner(text: str, sent: Sentence, mine: list[Ref], subject: Optional[str], owner: Optional[str],
                c: dict[str, re.Pattern]) -> Optional[str]:
    """The model the following bullets describe: the one model a heading names (« Kimi K2 en
    bref »), or the subject (else the model in focus) of a sentence that introduces a list and
    names no other model (« Ses caractéristiques : »), or the one model it names as its topic
    (« Pour Zinc1, la fiche technique : »), or a short sentence that opens on the one model it
    names (« ERNIE-4.5 renverse la donne. »); within a list, a bullet that holds only a model's name
    (« • Version testée : gpt-4-turbo-2024-04-09 »). Any other running sentence ends the list."""
    if sent.kind == HEADING:
        models = {r.model for r in mine}
        return models.pop() if len(models) == 1 else None
    if sent.kind == BULLET:
        if len(mine) == 1 and c["name_bullet_lead"].fullmatch(text, sent.start, mine[0].start) \
                and c["name_bullet_tail"].fullmatch(text, mine[0].end, sent.end):
            return mine[0].model  # « • Version testée : gpt-4-turbo-2024-04-09 », « - Modèle : Qwen3-Max »
        return owner
    if len(mine) == 1 and subject == mine[0].model and _WORD.search(text, sent.start, mine[0].start) is None \
            and len(text[sent.start:sent.end].split()) <= SHORT_INTRO:
        return subject  # « ERNIE-4.5 renverse la donne. » then « - 21 milliards de paramètres au total »
    if not text[sent.start:sent.end].rstrip().endswith(":") or len({r.model for r in mine}) > 1:
        return None
    if mine and c["topic_lead"].fullmatch(text, sent.start, mine[0].start):
        return mine[0].model  # « Pour Zinc1, la fiche technique tient en quatre lignes : »
    return subject


def _prefer_focus(ref: Ref, focus: Optional[str], ents: Entities) -> Ref:
    """« Le modèle de Meta » is the Meta model in focus, when there is one."""
    if ref.kind != "org_anaphor" or not focus or focus == ref.model:
        return ref
    f, r = ents.get(focus), ents.get(ref.model)
    if f and r and f.organization and f.organization == r.organization:
        return Ref(ref.start, ref.end, focus, ref.kind)
    return ref


@per_lexicons
def _version_pattern(lex: Lexicons) -> re.Pattern:
    return lex.cue("discourse.version_of")


def _without_tier(name: str, tier: str, lex: Lexicons) -> str:
    """« Gemini 3 Pro » then « Sa version Flash » is Gemini 3 Flash: a size tier replaces the size
    tier the name ends with, it is not added to it (« Llama 4 Maverick » + « Instruct » keeps both)."""
    head, _, last = name.rpartition(" ")
    return head if head and last in lex.size_tiers and tier in lex.size_tiers else name


def _versions(text: str, sent: Sentence, mine: list[Ref], ents: Entities, lex: Lexicons,
              focus: Optional[str], added: list[Ref]) -> list[Ref]:
    """« Sa version Instruct », « la version Instruct du 70B », « Kimi K2 …, puis la version
    « Thinking » »: a variant of the model named after it, else before it in the sentence, else in
    focus; « la version 34B de Llama 1 »: the size of the model named after it."""
    pat = _version_pattern(lex)
    out = list(mine)
    for m in pat.finditer(text, sent.start, sent.end):
        base_ref = next((r for r in out if m.group("of") and r.start == m.end()), None)
        before = [r for r in out if r.end <= m.start()]  # « … annoncé Kimi K2, puis la version « Thinking » »
        if base_ref is None and m.group("v")[:1].isdigit():
            continue  # (a size names a variant of the name it is said of: « la version 34B de Llama 1 »)
        if base_ref is None and not before and _cues(lex)["indefinite_model"].search(text, sent.start, m.start()):
            continue  # « le développement d'un modèle et de sa version Instruct »: the version of an unnamed model
        base = base_ref.model if base_ref else (before[-1].model if before else focus)
        info = ents.get(base) if base else None
        if info is None:
            continue
        if m.group("v") in info.name.split():  # « Devstral Small 2 … Cette version « Small » »: that model itself
            name = info.name
        else:
            name = ents.add_model(f"{_without_tier(info.name, m.group('v'), lex)} {m.group('v')}", info.family, info.organization, m.start())
        ref = Ref(m.start(), base_ref.end if base_ref else m.end("v"), name, "version")
        if base_ref:
            out.remove(base_ref)
        out.append(ref)
        added.append(ref)
    plural = lex.cue("discourse.versions_of").finditer(text, sent.start, sent.end) if text.find("versions", sent.start, sent.end) >= 0 else ()
    for m in plural:  # « les versions 7B et 13B de Llama 2 »
        base_ref = next((r for r in out if r.start == m.end()), None)
        info = ents.get(base_ref.model) if base_ref else None
        if info is None:
            continue
        out.remove(base_ref)
        for size in _SIZE.finditer(text, m.start("sizes"), m.end("sizes")):
            name = ents.add_model(f"{info.name} {size.group(0)}", info.family, info.organization, size.start())
            ref = Ref(size.start(), size.end(), name, "version")
            out.append(ref)
            added.append(ref)
    return sorted(out, key=lambda r: r.start)


_SIZE = patterns.compile(r"\d+(?:[.,]\d+)?[BM]")
