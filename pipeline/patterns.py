"""Regular expressions that skip, in C, to where a match can start.

Python's regex engine tries a pattern at every position of the text. When the pattern starts with
a literal or a character class it first skips, in C, to the next position holding one of those
characters; it cannot when the pattern starts with ``\\b``, a lookbehind, or is case-insensitive
with letters: then every position runs the pattern's first steps (a branch of twenty cue words
is twenty tries). Most cue patterns of the link stage are of that kind.

:func:`compile` works out from the parsed pattern which characters a match can start with and,
when the engine will not skip by itself, compiles the pattern with that set in its optimisation
header: the same header the engine writes for ``[sdbm]…``, read by the same loop, so
``\\b(?:surpass…|dépass…|bat|meilleur…)`` is only tried where an ``s``, ``d``, ``b`` or ``m`` stands.
For a case-insensitive pattern the set holds every character the engine would fold to one of
them (« S », « ſ »). The pattern's text, groups and matches are those of ``re.compile``
(``tests/test_patterns.py`` checks it on a table and on every linker pattern); only the positions
that cannot start a match are given up sooner. Where the first characters cannot be worked out
(a pattern that can match the empty string, starts with ``.`` or a negated class, a group
changing how classes read, ``(?a:…)``), the pattern is compiled as it is.

:func:`alternation` writes a list of words as a tree of their shared beginnings, which the engine
reads once instead of trying each word in turn.
"""
from __future__ import annotations

import re
from re import _compiler as sre_compiler  # Python 3.11's regex internals (the project pins 3.11)
from re import _constants as sre
from re import _parser as sre_parse
from functools import lru_cache
from typing import Optional

import _sre
from re._casefix import _EXTRA_CASES

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = tuple(op for op in (getattr(sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)


class _Unknown(Exception):
    """The first characters cannot be worked out."""


def first_chars(pattern: str, flags: int = 0) -> Optional[str]:
    """The body of a character class (``"a-z\\d"``) holding every character a match of
    ``pattern`` can start with; ``None`` when that cannot be worked out, or a match can be empty."""
    try:
        return _first_chars(sre_parse.parse(pattern, flags))
    except re.error:
        return None


def _first_chars(parsed) -> Optional[str]:
    try:
        items, can_be_empty = _sequence(list(parsed))
    except (_Unknown, RecursionError):
        return None
    if can_be_empty or not items:
        return None
    return "".join(sorted(items))


def _sequence(ops: list) -> tuple[set[str], bool]:
    """First-character class items of a sequence of ops; whether it can match the empty string."""
    return _edge(ops, last=False)


def _edge(ops: list, *, last: bool) -> tuple[set[str], bool]:
    """Class items for the first character a sequence can consume (with ``last``: its last
    non-whitespace character); whether it can get past that edge consuming nothing (with ``last``:
    nothing but whitespace)."""
    found: set[str] = set()
    for op, av in (reversed(ops) if last else ops):
        if op in _ZERO_WIDTH:
            continue  # \b, ^, $, lookarounds: they consume nothing
        items, passable = _edge_one(op, av, last=last)
        found |= items
        if not passable:
            return found, False
    return found, True


def _edge_one(op, av, *, last: bool) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return (set(), True) if last and chr(av).isspace() else ({re.escape(chr(av))}, False)
    if op is sre.IN:
        if last:
            spaces = _spaces(av)
            if spaces is None:
                raise _Unknown  # a class of both spaces and other characters
            if spaces:
                return set(), True
        return _in(av), False
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, body = av
        if (add_flags | del_flags) & (re.ASCII | re.LOCALE | re.UNICODE):
            raise _Unknown  # the set would not read the characters the same way
        items, passable = _edge(list(body), last=last)
        if add_flags & re.IGNORECASE:  # « (?i:mille) »: every character the engine folds to its letters
            items = {re.escape(chr(c)) for item in items for c in _folded_item(item)}
        return items, passable  # (« (?-i:…) » in a case-insensitive pattern: a set that holds more, never less)
    if op is sre.BRANCH:
        found: set[str] = set()
        passable = False
        for alternative in av[1]:
            items, through = _edge(list(alternative), last=last)
            found |= items
            passable |= through
        return found, passable
    if op in _REPEATS:
        low, _, body = av
        items, through = _edge(list(body), last=last)
        return items, through or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _edge(list(av), last=last)
    raise _Unknown  # ., [^…], a back-reference, a conditional group


def _folded_item(item: str) -> set[int]:
    """The code points a class item (« a », « a-z », « \\d ») matches, with their case folds;
    raises _Unknown for a category (its case folds are not listed) or a wide range."""
    [(op, av)] = sre_parse.parse(f"[{item}]")
    if op is sre.LITERAL:
        return _folds_to(av)
    if op is sre.IN and len(av) == 1 and av[0][0] is sre.RANGE and av[0][1][1] - av[0][1][0] <= _MAX_FOLDED_RANGE:
        return {c for code in range(av[0][1][0], av[0][1][1] + 1) for c in _folds_to(code)}
    raise _Unknown


def _in(items) -> set[str]:
    out = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            raise _Unknown  # a negated class
    return out


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 (mirrors re.compile)
    """``re.compile(pattern, flags)``, skipping in C to the characters a match can start with when
    the engine would try the pattern at every position (see the module's docstring)."""
    parsed, start = _plan(pattern, flags)
    if start is None:
        return re.compile(pattern, flags)
    return _compiled(pattern, flags, parsed, start)


def start_set(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """The characters :func:`compile` lets the engine skip to for ``pattern`` (case variants
    included); ``None`` when it compiles the pattern as it is."""
    _, start = _plan(pattern, flags)
    return None if start is None else frozenset(_chars_of(start))


def _plan(pattern: str, flags: int):
    """The parsed pattern, and the charset items :func:`compile` puts in its header (None: none)."""
    parsed = sre_parse.parse(pattern, flags)  # raises re.error for a bad pattern, as re.compile does
    return parsed, (None if _skips_by_itself(parsed) else _start_set(parsed))


def _start_set(parsed) -> Optional[list]:
    """The charset items (``(LITERAL, code)``, ``(RANGE, (a, b))``, ``(CATEGORY, c)``) a match of
    the parsed pattern starts with, read without the case flag: under it, every character the
    engine folds to one of them is in; ``None`` when that cannot be worked out."""
    chars = _first_chars(parsed)
    if chars is None:
        return None
    flags = parsed.state.flags
    [(op, items)] = sre_parse.parse(f"[{chars}]", flags & ~re.IGNORECASE)
    if op is not sre.IN:
        items = [(op, items)]
    if not flags & re.IGNORECASE:
        return list(items)
    out: list = []
    for op, av in items:
        if op is sre.LITERAL:
            out += [(sre.LITERAL, c) for c in _folds_to(av)]
        elif op is sre.RANGE:
            if av[1] - av[0] > _MAX_FOLDED_RANGE:
                return None
            out += [(sre.LITERAL, c) for code in range(av[0], av[1] + 1) for c in _folds_to(code)]
        else:
            out.append((op, av))  # \d, \w, \s: no character folds into one of them from outside it
    return out


_MAX_FOLDED_RANGE = 2000
_LAST_CASED = 0x1E943  # no code point after this one has a lower case of its own (tested)


def _folds_to(code: int) -> set[int]:
    """Every code point the engine, case-insensitive, matches with ``code`` (and a few more, which
    only cost a try): its lower case and the engine's extra equivalences of it (``ſ`` for ``s``),
    and every code point whose lower case is one of those (« S », the Kelvin sign for ``k``)."""
    low = _sre.unicode_tolower(code)
    out: set[int] = {code}
    for target in (low, *_EXTRA_CASES.get(low, ())):
        out.add(target)
        out.update(_lowered_to().get(target, ()))
    return out


@lru_cache(maxsize=1)
def _lowered_to() -> dict[int, tuple[int, ...]]:
    """Code point -> the other code points whose lower case it is (the engine's own mapping)."""
    found: dict[int, list[int]] = {}
    tolower = _sre.unicode_tolower
    for code, low in zip(range(_LAST_CASED + 1), map(tolower, range(_LAST_CASED + 1))):
        if low != code:
            found.setdefault(low, []).append(code)
    return {k: tuple(v) for k, v in found.items()}


def _compiled(pattern: str, flags: int, parsed, start: list) -> re.Pattern:
    """``re._compiler.compile`` with ``start`` as the charset of the optimisation header."""
    code = sre_compiler._code(parsed, flags)
    all_flags = flags | parsed.state.flags
    if code[0] is not sre.INFO or code[2] != 0 or code[3] < 1:
        return re.compile(pattern, flags)  # (the engine has a header of its own, or a match can be empty)
    header = [sre.INFO, 0, sre.SRE_INFO_CHARSET, code[3], code[4]]
    charset, _ = sre_compiler._optimize_charset(start)
    sre_compiler._compile_charset(charset, all_flags & ~re.IGNORECASE, header)
    header[1] = len(header) - 1
    code = header + code[code[1] + 1:]
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, all_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _chars_of(items) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE:
            out.update(map(chr, range(av[0], av[1] + 1)))
        else:
            out.add(_CATEGORIES[av])
    return out


def last_chars(pattern: re.Pattern) -> Optional[re.Pattern]:
    """For a pattern anchored at the end of the text searched (« …\\s+à\\s+$ »: the words just
    before a value), a one-character pattern that the last non-whitespace character of any of its
    matches matches (``[àt]``); ``None`` when that cannot be worked out, or a match may hold only
    whitespace. A search that must end at ``end`` cannot succeed unless the last non-whitespace
    character before ``end`` matches it: one character read instead of a search over the window.
    """
    if pattern.flags & re.MULTILINE:
        return None  # ($ would match before every line end)
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if not _anchored_at_end(list(parsed)):
            return None
        items, only_space = _tail(list(parsed))
    except (_Unknown, RecursionError, re.error):
        return None
    if only_space or not items:
        return None
    return re.compile(f"[{''.join(sorted(items))}]", pattern.flags & (re.IGNORECASE | re.ASCII))


def _anchored_at_end(ops: list) -> bool:
    """Whether every match of the sequence ends with ``$`` (nothing but zero-width tests after it)."""
    for op, av in reversed(ops):
        if op is sre.AT and av in (sre.AT_END, sre.AT_END_STRING):
            return True
        if op in _ZERO_WIDTH:
            continue
        if op is sre.SUBPATTERN:
            return _anchored_at_end(list(av[3]))
        if op is sre.BRANCH:
            return all(_anchored_at_end(list(alt)) for alt in av[1])
        return False
    return False


def _tail(ops: list) -> tuple[set[str], bool]:
    """Class items for the last non-whitespace character a sequence can consume; whether it can
    consume only whitespace (or nothing)."""
    return _edge(ops, last=True)


_SPACE_CATEGORIES = {sre.CATEGORY_SPACE: True, sre.CATEGORY_NOT_SPACE: False, sre.CATEGORY_DIGIT: False,
                     sre.CATEGORY_WORD: False}


def _spaces(items) -> Optional[bool]:
    """True when every character of a class is whitespace, False when none is, None when some are."""
    kinds = set()
    for op, av in items:
        if op is sre.LITERAL:
            kinds.add(chr(av).isspace())
        elif op is sre.RANGE and av[1] - av[0] < 0x10000:
            kinds |= {chr(c).isspace() for c in range(av[0], av[1] + 1)}
        elif op is sre.CATEGORY and av in _SPACE_CATEGORIES:
            kinds.add(_SPACE_CATEGORIES[av])
        else:
            return None
    return kinds.pop() if len(kinds) == 1 else None


BARRIER_CANDIDATES = ".;:,!?"  # (characters without case: the case flag cannot change what matches them)


def barriers(pattern: re.Pattern) -> str:
    """For a pattern anchored at the end of the text searched (« \\bsi\\b[^.;:]*$ »), the characters
    (among ``BARRIER_CANDIDATES``) that no match can hold: a search that must end at ``end``
    finds the same match from just after the last of them before ``end`` (a lookbehind and ``\\b``
    still see the text before where a search starts). "" when that cannot be worked out."""
    if pattern.flags & re.MULTILINE:
        return ""
    try:
        parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
        if not _anchored_at_end(parsed):
            return ""
        return "".join(c for c in BARRIER_CANDIDATES if not _consumes(parsed, c, pattern.flags))
    except (_Unknown, RecursionError, re.error):
        return ""


def search_start(text: str, start: int, end: int, barrier_chars: str) -> int:
    """Where a search of [start, end) may start when no match holds one of ``barrier_chars``."""
    if not barrier_chars:
        return start
    return max([start] + [text.rfind(c, start, end) + 1 for c in barrier_chars])


def _consumes(ops: list, c: str, flags: int) -> bool:
    """Whether some part of the sequence can consume the character ``c``."""
    for op, av in ops:
        if op in _ZERO_WIDTH:
            continue  # lookarounds consume nothing
        if op is sre.LITERAL:
            found = chr(av) == c
        elif op is sre.NOT_LITERAL:
            found = chr(av) != c
        elif op is sre.ANY:
            found = c != "\n" or bool(flags & re.DOTALL)
        elif op is sre.IN:
            found = _class_has(av, c)
        elif op in (sre.SUBPATTERN, getattr(sre, "ATOMIC_GROUP", None)):
            found = _consumes(list(av[3] if op is sre.SUBPATTERN else av), c, flags)
        elif op is sre.BRANCH:
            found = any(_consumes(list(alt), c, flags) for alt in av[1])
        elif op in _REPEATS:
            found = _consumes(list(av[2]), c, flags)
        else:
            raise _Unknown  # a back-reference, a conditional group
        if found:
            return True
    return False


_CATEGORY_RE = {sre.CATEGORY_DIGIT: re.compile(r"\d"), sre.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
                sre.CATEGORY_SPACE: re.compile(r"\s"), sre.CATEGORY_NOT_SPACE: re.compile(r"\S"),
                sre.CATEGORY_WORD: re.compile(r"\w"), sre.CATEGORY_NOT_WORD: re.compile(r"\W")}


def _class_has(items, c: str) -> bool:
    negate = False
    has = False
    for op, av in items:
        if op is sre.NEGATE:
            negate = True
        elif op is sre.LITERAL:
            has |= chr(av) == c
        elif op is sre.RANGE:
            has |= av[0] <= ord(c) <= av[1]
        elif op is sre.CATEGORY and av in _CATEGORY_RE:
            has |= _CATEGORY_RE[av].match(c) is not None
        else:
            raise _Unknown
    return has != negate


def last_non_space(text: str, start: int, end: int) -> int:
    """The index of the last non-whitespace character of ``text[start:end]``, or ``start - 1``."""
    i = end - 1
    while i >= start and text[i].isspace():
        i -= 1
    return i


def alternation(words, *, case_sensitive: bool = False) -> str:
    """A pattern matching any of the words, escaped, written as a tree of their shared beginnings
    (« Meta », « Microsoft », « Mistral », « Mistral AI » -> ``M(?:eta|icrosoft|istral(?:\\ AI)?)``):
    the engine reads each character once instead of trying every word in turn. Where several words
    start at a position, the longest is tried first, then the shorter ones (« milliards » before
    « milliard », « Mistral AI » before « Mistral »), as in ``milliards|milliard``: the words that
    can start at one position are beginnings of one another. For no words, a pattern that never
    matches (not one that matches the empty string).

    Case-insensitive, « Ai2 » can start where « AI21 » does without being its beginning, and the
    tree would try it first: such words are written ``AI21|Ai2``, longest first, unless the caller
    says the pattern is ``case_sensitive``."""
    words = set(words)
    if not words:
        return "(?!)"
    if not case_sensitive and _case_crossed(words):
        return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    tree: dict = {}
    for word in words:
        node = tree
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _case_crossed(words: set[str]) -> bool:
    """Whether a word is, case-insensitively, the beginning of a longer one without being it as written."""
    folded = sorted((_folded(w), w) for w in words)
    for i, (fu, u) in enumerate(folded):
        for j in range(i + 1, len(folded)):  # (read in place: a copy of the rest for each word grows with their square)
            fv, v = folded[j]
            if not fv.startswith(fu):
                break  # (sorted: the words folded to a continuation of fu follow it)
            if len(fv) > len(fu) and not v.startswith(u):
                return True
    return False


def _folded(word: str) -> str:
    """The word as the engine compares it case-insensitively (one character for each class of equivalents)."""
    out = []
    for c in word:
        low = _sre.unicode_tolower(ord(c))
        out.append(chr(min((low, *_EXTRA_CASES.get(low, ())))))
    return "".join(out)


def _branches(node: dict) -> str:
    parts = [re.escape(c) + _branches(node[c]) for c in sorted(node) if c]
    if not parts:
        return ""
    if len(parts) == 1 and "" not in node:
        return parts[0]
    return f"(?:{'|'.join(parts)})" + ("?" if "" in node else "")  # (longer words first, then the end here)


def _skips_by_itself(parsed) -> bool:
    """Whether the engine finds, for itself, a literal prefix or a set of first characters to skip
    to (the test of ``re._compiler._compile_info``): then a guard would only slow it down."""
    flags = parsed.state.flags
    try:
        if parsed.getwidth()[0] == 0 or (flags & re.IGNORECASE and flags & re.LOCALE):
            return False
        prefix, _, _ = sre_compiler._get_literal_prefix(parsed, flags)
        return bool(prefix) or bool(sre_compiler._get_charset_prefix(parsed, flags))
    except Exception:  # noqa: BLE001 (another Python's internals: leave the pattern as it is)
        return True


class NextMatch:
    """``pattern.search(text, pos, end)`` for one span, asked from positions that mostly grow (each
    launch verb of a sentence looks for the next stop word after it): a search from ``pos`` finds
    what the last one found when ``pos`` is not past the last one's start nor its match's start
    (the engine tries a position the same whatever ``pos`` is: a lookbehind still sees the text
    before it, ``endpos`` cuts it the same), so a sentence with no stop word is read once, not once
    a verb. Any other ``pos`` searches again."""

    __slots__ = ("pattern", "text", "end", "_from", "_found")

    def __init__(self, pattern: re.Pattern, text: str, end: int):
        self.pattern, self.text, self.end = pattern, text, end
        self._from: Optional[int] = None
        self._found: Optional[re.Match] = None

    def search(self, pos: int) -> Optional[re.Match]:
        if self._from is None or pos < self._from or (self._found is not None and self._found.start() < pos):
            self._from, self._found = pos, self.pattern.search(self.text, pos, self.end)
        return self._found


class _Unbounded(Exception):
    pass


def nonspace_width(pattern: re.Pattern) -> Optional[int]:
    """The most characters other than whitespace one match of ``pattern`` can hold (runs of
    whitespace, however long, count for nothing); None when there is no such bound or it cannot be
    worked out. A stretch of text holding more of them is matched whole by no match, nor is any
    longer stretch from the same start: a search for the nearest end a gap pattern leads to can
    stop there."""
    try:
        return _nonspace(list(sre_parse.parse(pattern.pattern, pattern.flags)))
    except (_Unknown, _Unbounded, RecursionError, re.error):
        return None


def _nonspace(ops: list) -> int:
    total = 0
    for op, av in ops:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            total += 0 if chr(av).isspace() else 1  # (no whitespace character has another case)
        elif op in (sre.NOT_LITERAL, sre.ANY):
            total += 1
        elif op is sre.IN:
            total += 0 if _spaces(av) is True else 1
        elif op is sre.SUBPATTERN:
            total += _nonspace(list(av[3]))
        elif op is getattr(sre, "ATOMIC_GROUP", None):
            total += _nonspace(list(av))
        elif op is sre.BRANCH:
            total += max(_nonspace(list(alt)) for alt in av[1])
        elif op in _REPEATS:
            width = _nonspace(list(av[2]))
            if width and av[1] == sre.MAXREPEAT:
                raise _Unbounded
            total += width * av[1]
        else:
            raise _Unknown  # a back-reference, a conditional group
    return total
