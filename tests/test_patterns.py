"""``pipeline.patterns``: a first-character guard that changes no match."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from pipeline import patterns
from pipeline.patterns import first_chars


@pytest.mark.parametrize(
    ("pattern", "flags", "chars"),
    [
        (r"\bsurpass\w*|\bd[ée]pass\w*", re.I, "ds"),
        (r"(?<![\w-])(?:GPT|Llama)(?![\w-])", 0, "GL"),
        (r"\b(?:le |la )?place", 0, "lp"),  # an optional group: what follows can start too
        (r"(?:^|\b)(?:[Ee]n clair|[Dd]onc)\b", 0, "DEde"),
        (r"\d{1,3}\s*%", 0, r"\d"),
        (r"[A-Z][a-z]+", 0, "A-Z"),
        (r"\s+par\b", 0, r"\s"),
        (r"[-.]x", 0, r"\-\."),
        (r"a*b?", 0, None),  # can match the empty string
        (r".x", 0, None),
        (r"[^a]x", 0, None),
        (r"(?i:a)b", 0, "Aa"),  # a group turning the case flag on: both cases
        (r"(?i:k)b", 0, "Kk\u212a"),  # and the Kelvin sign, which the engine folds to k
        (r"(?a:\w)b", 0, None),  # a group changing how classes read
        (r"(a)\1", 0, "a"),
        (r"x(", 0, None),  # not a pattern
    ],
)
def test_first_chars(pattern, flags, chars):
    assert first_chars(pattern, flags) == chars


TEXT = ("Selon Meta, Llama 4 Maverick surpasse GPT-4o et dépasse Gemini 2.0 Flash sur MMLU (85,5 %). "
        "En clair, il se classe derrière DeepSeek V3 ; donc le modèle de Meta reste en tête du classement "
        "avec un score ELO de 1 417 points. SURPASSE, Surpassait, l'égal de Claude. 2e place, 12 %.")


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"\b(?:surpass\w*|d[ée]pass\w*|class\w*\s+(?:\w+\s+)?derri[eè]re)", re.I),
        (r"(?:^|\b)(?:[Ee]n clair|[Dd]onc)\b", 0),
        (r"\b[Ss]elon (?P<who>[A-Z]\w*)", 0),
        (r"(?<![\w,.])(?P<val>\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:[.,]\d+)?)\s*(?:%|points?)", 0),
        (r"\ben t[eê]te (?:du|des) (?:classement|palmarès)|\bnuméro (?:un|1)\b", re.I),
        (r"\b(?P<n>\d{1,3})(?:e|ème)\s+place\b", re.I),
        (r"l['’][ée]gale? (?:de |du |d['’])", re.I),
        (r"(?i)\bdonc\b", 0),  # a global inline flag: compiled as it is
        (r"\bx*", 0),  # can match the empty string: compiled as it is
    ],
)
def test_the_guard_changes_no_match(pattern, flags):
    plain, guarded = re.compile(pattern, flags), patterns.compile(pattern, flags)
    spans = lambda p, *a: [(m.span(), m.groupdict()) for m in p.finditer(TEXT, *a)]  # noqa: E731
    assert spans(guarded) == spans(plain)
    assert spans(guarded, 10, 120) == spans(plain, 10, 120)  # as the linkers call it, within a sentence
    assert [bool(guarded.match(TEXT, i)) for i in range(len(TEXT))] == [bool(plain.match(TEXT, i)) for i in range(len(TEXT))]
    assert guarded.groupindex == plain.groupindex and guarded.groups == plain.groups


@pytest.mark.parametrize(
    ("pattern", "flags", "guarded"),
    [
        (r"\bsurpass\w*", 0, True),  # starts with \b: the engine tries every position
        (r"surpass\w*", re.I, True),  # case-insensitive letters: the engine computes no first set
        (r"(?<!\w)\d+\s*%", 0, True),
        (r"surpass\w*", 0, False),  # a literal prefix: the engine skips to it by itself
        (r"[A-Z]\w+ affirme", 0, False),
        (r"\d\s*%", re.I, False),  # a digit has no case: the engine's own set
        (r"\d+\s*%", 0, True),  # a repeat first: the engine computes no set
        (r"(?i)\bdonc\b", 0, True),  # a global inline flag is read like the flags argument
        (r"\bdonc\b", re.I, True),
        (r"\b\w+", re.I, True),
    ],
)
def test_a_start_set_only_where_the_engine_has_none(pattern, flags, guarded):
    assert (patterns.start_set(pattern, flags) is not None) is guarded


@pytest.mark.parametrize(
    ("pattern", "flags", "inside", "outside"),
    [
        (r"\bsurpass\w*", 0, "s", "Sd"),
        (r"\b(?:surpass\w*|d[ée]pass\w*)", re.I, "sSſdD", "eé"),  # ſ: the engine folds it to s
        (r"\bk\w", re.I, "kK\u212a", "x"),  # the Kelvin sign folds to k
        (r"\bi\w", re.I, "iI\u0130\u0131", "j"),  # İ and ı: the engine's extra equivalences of i
        (r"\b[à-â]\w", re.I, "àáâÀÁÂ", "aã"),
        (r"(?<!\w)\d+\s*%", 0, [r"\d"], "%"),
        (r"\b\w+", re.I, [r"\w"], "é"),  # a category is kept as it is
    ],
)
def test_start_set(pattern, flags, inside, outside):
    found = patterns.start_set(pattern, flags)
    assert set(inside) <= found
    assert not set(outside) & found
    compiled = patterns.compile(pattern, flags)
    for c in (c for c in inside if len(c) == 1):  # each one can start a match when the pattern allows it
        text = f" {c}" + "k1 %" * 2
        assert [m.span() for m in compiled.finditer(text)] == [m.span() for m in re.compile(pattern, flags).finditer(text)]


def test_every_character_the_engine_folds_is_in_the_start_set():
    """Against the engine itself: every code point a case-insensitive literal matches is among
    the literal's folded variants, and no code point past the last cased one has a lower case."""
    import _sre
    assert all(_sre.unicode_tolower(c) == c for c in range(patterns._LAST_CASED + 1, 0x110000))
    letters = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæµß"
    for letter in letters + letters.upper():
        literal = re.compile(re.escape(letter), re.I)
        matched = {c for c in range(patterns._LAST_CASED + 1) if literal.fullmatch(chr(c))}
        assert matched <= patterns._folds_to(ord(letter)), letter


def test_no_character_folds_into_a_category_from_outside_it():
    """Case-insensitive, a class tests the lower case of the character read: a category kept in a
    start set must already hold every character whose lower case it holds."""
    import _sre
    for category in (r"\w", r"\d", r"\s", r"\W", r"\D", r"\S"):
        plain = re.compile(category)
        folded = re.compile(f"[{category}]", re.I)
        assert all(plain.match(chr(c)) for c in range(patterns._LAST_CASED + 1) if folded.match(chr(c))), category


def test_the_linkers_patterns_find_the_same_matches_guarded(repo_root):
    """Every cue pattern of the claim linker, over the project's corpus: the same matches."""
    from pipeline.ingest import read_corpus
    from pipeline.lexicons import load
    from pipeline.link.claim_context import _patterns

    compiled = []
    for value in _patterns(load()).values():
        for item in (value if isinstance(value, list) else [value]):
            pattern = item[1] if isinstance(item, tuple) else item
            if isinstance(pattern, re.Pattern):
                compiled.append(pattern)
    assert sum(patterns.start_set(p.pattern, p.flags) is not None for p in compiled) >= 10
    texts = [a.text for a in read_corpus(repo_root / "corpus") if a.text]
    for pattern in compiled:
        plain = re.compile(pattern.pattern, pattern.flags)
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], pattern.pattern
            for a in range(0, len(text), 97):  # within windows, as the linkers search a sentence
                assert [m.span() for m in pattern.finditer(text, a, a + 160)] == \
                    [m.span() for m in plain.finditer(text, a, a + 160)], pattern.pattern


@pytest.mark.parametrize(
    ("words", "pattern", "text", "found"),
    [
        (["milliard", "milliards"], "milliard(?:s)?", "trois milliards", "milliards"),  # the longest first
        (["Mistral", "Mistral AI", "Meta"], "M(?:eta|istral(?:\\ AI)?)", "selon Mistral AI", "Mistral AI"),
        (["b", "a", "c"], "(?:a|b|c)", "c", "c"),  # in alphabetical order: the same pattern every run
        (["GPT-4.5", "o3"], "(?:GPT\\-4\\.5|o3)", "GPT-4o5", None),  # escaped: « . » is a dot
        (["Ai2", "AI21"], "AI21|Ai2", "selon ai21", None),  # case-insensitive, « Ai2 » would start « AI21 »: no tree
        ([], "(?!)", "anything", None),  # no words: never matches, not the empty string
    ],
)
def test_alternation(words, pattern, text, found):
    assert patterns.alternation(words) == pattern
    m = re.search(patterns.alternation(words), text)
    assert (m.group(0) if m else None) == found


def test_the_tree_matches_as_the_longest_first_alternation():
    """Against ``longest|longer|long`` (longest first): the same matches, also where what follows
    the words makes the engine go back to a shorter one, and case-insensitive."""
    import random

    rng = random.Random(7)
    for _ in range(300):
        words = {"".join(rng.choice("abA -") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        flat = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
        text = "".join(rng.choice("abA -x") for _ in range(60))
        for around, flags in (("(?:{})", 0), ("(?:{})(?:a -|b)", 0), ("x(?:{})a", re.I), ("(?P<w>{})(?!a)", 0)):
            ours, theirs = re.compile(around.format(patterns.alternation(words)), flags), re.compile(around.format(flat), flags)
            assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in theirs.finditer(text)], (words, text)
            if not flags:  # a case-sensitive caller may always have the tree
                ours = re.compile(around.format(patterns.alternation(words, case_sensitive=True)))
                assert [(m.span(), m.groups()) for m in ours.finditer(text)] == [(m.span(), m.groups()) for m in theirs.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "flags", "chars"),
    [
        (r"\bde\s+(?:plus de\s+|moins de\s+)?$", re.I, "e"),  # spaces at the end are skipped
        (r"\bentre\s+\d+\s+et\s+$|\d+\s*(?:→|->)\s*$", 0, ">t→"),
        (r"\b(?:fois|x)\s*$", 0, "sx"),
        (r"\bversions?\s+(?:[\d.,]+\s*(?:,|et)\s*)*$", 0, ",nst"),  # a repeat that may be empty: what is before it too
        (r"\w+$", 0, r"\w"),
        (r"(?:[a-z]+|\s+)$", 0, None),  # a match may be only spaces
        (r"a[^.;]*$", 0, None),  # [^…] may end on anything
        (r"a[\s.]$", 0, None),  # a class of spaces and other characters
        (r"\bde\s+", 0, None),  # not anchored at the end
        (r"a$", re.M, None),  # $ at every line end
        (r"(?i:a)$", 0, "Aa"),  # a group turning the case flag on: both cases
        (r"(?a:\w)$", 0, None),  # a group changing how classes read
    ],
)
def test_last_chars(pattern, flags, chars):
    found = patterns.last_chars(re.compile(pattern, flags))
    assert (found.pattern[1:-1] if found else None) == chars


def _trap_cues_and_corpus(repo_root) -> tuple[list, list[str]]:
    """The trap cues searched before a value, and the texts of the shipped corpus."""
    from pipeline.ingest import read_corpus
    from pipeline.lexicons import load
    from pipeline.link.traps import _compiled

    cues = [c["before"] for c in _compiled(load()).values() if "before" in c]
    return cues, [a.text for a in read_corpus(repo_root / "corpus") if a.text]


def test_last_chars_never_refuse_a_match(repo_root):
    """Every trap cue searched before a value: wherever it matches, before any position of the
    project's corpus, its last non-whitespace character is one ``last_chars`` allows."""
    cues, corpus = _trap_cues_and_corpus(repo_root)
    guarded = [(p, patterns.last_chars(p)) for p in cues if patterns.last_chars(p) is not None]
    assert len(guarded) >= 8
    texts = corpus[:6]
    texts += ["de 1,5 à 70 milliards, entre 7 et 70 B, 1,5B → 70B, trois fois 2, un modèle de 7B, dont 2 experts, "
              "les versions 1.3B, 7.5B et 40B, un encodeur de vision de 2,5 milliards  "]
    hits = 0
    for text in texts:
        for end in range(len(text) + 1):
            last = patterns.last_non_space(text, max(0, end - 80), end)
            for pattern, ends in guarded:
                if pattern.search(text, max(0, end - 80), end):
                    hits += 1
                    assert last >= max(0, end - 80) and ends.match(text, last), (pattern.pattern, text[max(0, end - 80):end])
    assert hits >= 8


@pytest.mark.parametrize(
    ("pattern", "flags", "chars"),
    [
        (r"\b(?:si|par exemple|exemple\s*:)\b[^.;:]*$", re.I, ".;"),  # « exemple : » holds a colon
        (r"\bcatégorie\b[^.;]*$|\bles modèles\b[^.;]{0,40}?de\s*$", 0, ".;"),
        (r"\bde\s+$", 0, ".;:,!?"),
        (r"\d+(?:[.,]\d+)?\s*→\s*$", 0, ";:!?"),
        (r"a.*$", 0, ""),  # . holds anything
        (r"[^a]$", 0, ""),
        (r"\bde\s+", 0, ""),  # not anchored at the end
        (r"(a)\1$", 0, ""),
    ],
)
def test_barriers(pattern, flags, chars):
    assert patterns.barriers(re.compile(pattern, flags)) == chars


def test_a_search_from_after_the_last_barrier_finds_the_same_match(repo_root):
    """Every trap cue searched before a value, from the start of its sentence or from just after
    the last of its barrier characters: the same match, before any position of the corpus."""
    cues, corpus = _trap_cues_and_corpus(repo_root)
    with_barriers = [(p, patterns.barriers(p)) for p in cues if patterns.barriers(p)]
    assert len(with_barriers) >= 8
    texts = corpus[:1]
    texts += ["Par exemple : si vous avez 10 000 tokens. Supposons ; qu'un modèle ait, disons, 175 milliards. "
              "La catégorie des modèles de moins de 2 milliards ; la plupart des modèles ne traitaient que 8 000"]
    moved = 0
    for text in texts:
        for end in range(len(text) + 1):
            for pattern, chars in with_barriers:
                start = patterns.search_start(text, 0, end, chars)
                moved += start > 0
                found, plain = pattern.search(text, start, end), pattern.search(text, 0, end)
                assert (found and found.span()) == (plain and plain.span()), (pattern.pattern, text[:end][-80:])
    assert moved


@pytest.mark.parametrize("pattern", [
    r"\bdont\b|, qui|;", r"(?<=, )dont", r"(?:et|ou) (?=[A-Z])", r"^\s*-", r"x", r"\d+(?= %)",
])
@given(text=st.text(alphabet="dont, qui;etouAB -%1x\n", max_size=60), positions=st.lists(st.integers(0, 60), max_size=12))
@settings(max_examples=200, deadline=None)
def test_next_match_finds_what_a_search_from_each_position_finds(pattern, text, positions):
    """Positions asked in any order (growing, as launch verbs ask, or not): the same match, span
    and groups, as ``search`` from each one."""
    compiled = re.compile(pattern)
    end = len(text) - 3 if len(text) > 3 else len(text)
    memo = patterns.NextMatch(compiled, text, end)
    for pos in sorted(positions)[: len(positions) // 2] + positions:
        pos = min(pos, len(text))
        expected, found = compiled.search(text, pos, end), memo.search(pos)
        assert (found.span(), found.group()) == (expected.span(), expected.group()) if expected else found is None


@pytest.mark.parametrize("pattern, width", [
    (r"\s*", 0), (r"\s+et\s+", 2), (r"[ \u00a0]+[–—-][ \u00a0]+", 1), (r"\s*(?:,|et|ainsi que)\s*", 8),
    (r"a{2,5}b", 6), (r"(?=\w+)de\b", 2), (r"(?:«[^«»]{1,20}»)?\s*d'", 24),
    (r"x*", None), (r"[^,]+", None), (r"(a)\1", None),
])
def test_nonspace_width(pattern, width):
    assert patterns.nonspace_width(re.compile(pattern)) == width


def test_the_organisation_gaps_have_a_width():
    """The gaps the organisation finders most often reach a maker or a name through are bounded
    (so a search for the nearest one stops within a few names)."""
    from pipeline.lexicons import load
    from pipeline.link.organizations import _patterns
    p = _patterns(load())
    for name in ("genitive", "co_maker", "org_and", "by", "prefix_gap", "dashed", "org_lead"):
        assert patterns.nonspace_width(p[name]) is not None, name


@pytest.mark.parametrize("pattern", [r"\s*(?:,|et|ainsi que)\s*", r"\s*(?:«[^«»]{1,4}»)?\s*d'\s*", r"a{0,3}\s+b?"])
@given(text=st.text(alphabet="«» d'aetb,x\u00a0", max_size=30))
@settings(max_examples=300, deadline=None)
def test_no_whole_match_holds_more_than_the_width(pattern, text):
    compiled = re.compile(pattern)
    width = patterns.nonspace_width(compiled)
    if compiled.fullmatch(text):
        assert sum(not c.isspace() for c in text) <= width
