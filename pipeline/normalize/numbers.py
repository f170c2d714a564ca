"""Normalisation of French number expressions: « 109 milliards », « 128K », « cent neuf ».

Pure functions and regular-expression building blocks; no state beyond the lexicon
(``pipeline/lexicons/numbers_fr.yaml``), loaded and validated once at import.

Reading conventions
-------------------
* The comma is always the decimal separator (« 46,7 », « 16,384 » = 16.384). A point followed
  by exactly three digits separates thousands (« 200.000 », « 1.200.000.000 », « 3.000
  milliards »); any other point is decimal, and :data:`QUANTITY` / :func:`find_quantities`
  accept it only when a scale follows (« 5.1 milliards », « 1.8 trillion »): a bare « 3.1 » is a
  version (« Llama 3.1 »), never a quantity.
* Halves and decimal words: « 3 milliards et demi » = 3.5e9, « un demi-million » = 500 000,
  « deux virgule sept milliards » = 2.7e9; scales multiply: « mille milliards », « deux milliards
  de milliards » = 2e18 (words in the lexicon: half_words, decimal_words, scale_joiners).
* Thousands groups are exactly three digits, separated by one space, NBSP (U+00A0), narrow
  NBSP (U+202F) or thin space (U+2009): « 2 000 », « 1 448 ».
* K/k = 10^3 (128K = 128000, never 131072); M = 10^6; B, Md, Mds, Mrd = 10^9;
  French billion = 10^12; trillion and T = 10^12 (project convention, see the lexicon).
* Quantities are exact integers (``decimal.Decimal`` arithmetic); a value that is not an
  integer (« 12,9 », « 88,5 % ») is not a quantity: :func:`quantity_value` returns None and
  :func:`find_quantities` skips it. Use :func:`parse_number` for such values.
"""
from __future__ import annotations

import decimal
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

from pipeline import patterns
from pipeline.lexicons import LexiconError, safe_yaml
from text_to_num import text2num

__all__ = [
    "LEXICON_PATH",
    "LexiconError",
    "NumberLexicon",
    "validate_lexicon",
    "load_lexicon",
    "parse_number",
    "scale_of",
    "quantity_value",
    "parse_quantity",
    "find_quantities",
    "quantity_pattern",
    "NUMBER_DIGITS",
    "NUMBER_WORDS",
    "NUMBER",
    "SCALE_WORD",
    "SCALE_SUFFIX",
    "QUANTITY",
]

LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicons" / "numbers_fr.yaml"


# --------------------------------------------------------------------------------------
# Lexicon: loading and validation
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberLexicon:
    """The validated content of ``numbers_fr.yaml``."""

    number_words: Mapping[str, int]  # atom -> value, lowercase
    non_initial: frozenset[str]
    et_before: frozenset[str]
    articles: frozenset[str]
    scale_words: Mapping[str, int]  # lowercase word -> factor (case-insensitive)
    scale_abbreviations: Mapping[str, int]  # case-sensitive, spaced or glued
    scale_suffixes: Mapping[str, int]  # case-sensitive, glued to digits only
    scale_lookup_only: Mapping[str, int]  # case-sensitive, scale_of() only
    half_words: frozenset[str] = frozenset()  # « et demi », « demi- »
    decimal_words: frozenset[str] = frozenset()  # « virgule »
    scale_joiners: frozenset[str] = frozenset()  # « milliards de milliards »


_TOP_KEYS = {"number_words", "non_initial", "et_before", "articles", "scales", "half_words", "decimal_words",
             "scale_joiners"}
_SCALE_KEYS = {"power", "words", "abbreviations", "suffixes", "lookup_only"}
_FORM_KINDS = ("words", "abbreviations", "suffixes", "lookup_only")
_WORD_SHAPE = patterns.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")  # letters, inner hyphens
_ABBR_SHAPE = patterns.compile(r"[^\W\d_]{1,4}")


def _word_list(data: Mapping, key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
        raise LexiconError(f"{where}: {key!r} must be a list of non-empty strings, got {value!r}")
    return value


def validate_lexicon(data: object) -> NumberLexicon:
    """Check a parsed ``numbers_fr.yaml`` and return it as a :class:`NumberLexicon`.

    Raises :class:`LexiconError` naming the first problem found: missing or unknown keys,
    wrong types, a number word whose value disagrees with ``text2num``, a scale form claimed
    twice, a power of ten out of range, etc.
    """
    if not isinstance(data, Mapping):
        raise LexiconError(f"numbers lexicon: top level must be a mapping, got {type(data).__name__}")
    unknown = set(data) - _TOP_KEYS
    missing = {"number_words", "scales"} - set(data)
    if unknown:
        raise LexiconError(f"numbers lexicon: unknown keys {sorted(map(str, unknown))}")
    if missing:
        raise LexiconError(f"numbers lexicon: missing keys {sorted(missing)}")

    words = data["number_words"]
    if not isinstance(words, Mapping) or not words:
        raise LexiconError("numbers lexicon: 'number_words' must be a non-empty mapping word -> int")
    number_words: dict[str, int] = {}
    for word, value in words.items():
        where = f"numbers lexicon: number_words[{word!r}]"
        if not isinstance(word, str) or not _WORD_SHAPE.fullmatch(word) or word != word.lower():
            raise LexiconError(f"{where}: a number word must be a lowercase word (letters, inner hyphens)")
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise LexiconError(f"{where}: value must be a non-negative integer, got {value!r}")
        try:
            expected = text2num(word, "fr")
        except ValueError:
            raise LexiconError(f"{where}: text2num cannot read this word") from None
        if expected != value:
            raise LexiconError(f"{where}: value {value} disagrees with text2num ({expected})")
        number_words[word] = value

    sets: dict[str, frozenset[str]] = {}
    for key in ("non_initial", "et_before", "articles"):
        listed = _word_list(data, key, "numbers lexicon")
        strangers = [w for w in listed if w not in number_words]
        if strangers:
            raise LexiconError(f"numbers lexicon: {key!r} lists words absent from number_words: {strangers}")
        sets[key] = frozenset(listed)

    scales = data["scales"]
    if not isinstance(scales, list) or not scales:
        raise LexiconError("numbers lexicon: 'scales' must be a non-empty list")
    forms: dict[str, dict[str, int]] = {kind: {} for kind in _FORM_KINDS}
    seen: list[tuple[str, str]] = []  # (form, kind): a form may be claimed only once
    for i, scale in enumerate(scales):
        where = f"numbers lexicon: scales[{i}]"
        if not isinstance(scale, Mapping):
            raise LexiconError(f"{where}: must be a mapping")
        unknown = set(scale) - _SCALE_KEYS
        if unknown:
            raise LexiconError(f"{where}: unknown keys {sorted(map(str, unknown))}")
        power = scale.get("power")
        if isinstance(power, bool) or not isinstance(power, int) or not 1 <= power <= 30:
            raise LexiconError(f"{where}: 'power' must be an integer in 1..30, got {power!r}")
        factor = 10**power
        count = 0
        for kind in _FORM_KINDS:
            for form in _word_list(scale, kind, where):
                if kind == "words":
                    if not _WORD_SHAPE.fullmatch(form) or form != form.lower():
                        raise LexiconError(f"{where}: word {form!r} must be a lowercase word")
                elif not _ABBR_SHAPE.fullmatch(form):
                    raise LexiconError(f"{where}: {kind} form {form!r} must be 1 to 4 letters")
                for other, other_kind in seen:
                    # words are case-insensitive, so they clash with any form equal but for case
                    folded = "words" in (kind, other_kind)
                    if (other.lower() == form.lower()) if folded else (other == form):
                        raise LexiconError(f"{where}: scale form {form!r} is already listed as {other!r}")
                seen.append((form, kind))
                forms[kind][form] = factor
                count += 1
        if count == 0:
            raise LexiconError(f"{where}: lists no form (words, abbreviations, suffixes, lookup_only)")

    words_of: dict[str, frozenset[str]] = {}
    for key in ("half_words", "decimal_words", "scale_joiners"):
        listed = _word_list(data, key, "numbers lexicon")
        bad = [w for w in listed if not _WORD_SHAPE.fullmatch(w) or w != w.lower()]
        if bad:
            raise LexiconError(f"numbers lexicon: {key!r}: lowercase words only, got {bad}")
        words_of[key] = frozenset(listed)

    return NumberLexicon(
        half_words=words_of["half_words"],
        decimal_words=words_of["decimal_words"],
        scale_joiners=words_of["scale_joiners"],
        number_words=MappingProxyType(number_words),
        non_initial=sets["non_initial"],
        et_before=sets["et_before"],
        articles=sets["articles"],
        scale_words=MappingProxyType(forms["words"]),
        scale_abbreviations=MappingProxyType(forms["abbreviations"]),
        scale_suffixes=MappingProxyType(forms["suffixes"]),
        scale_lookup_only=MappingProxyType(forms["lookup_only"]),
    )


def load_lexicon(path: Path = LEXICON_PATH) -> NumberLexicon:
    """Read and validate a numbers lexicon file (done once at import for the shipped one)."""
    try:
        data = safe_yaml(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read numbers lexicon: {exc}") from exc
    try:
        return validate_lexicon(data)
    except LexiconError as exc:
        raise LexiconError(f"{path}: {exc}") from None


_LEX = load_lexicon()


# --------------------------------------------------------------------------------------
# Regular-expression building blocks (strings; compiled once below)
# --------------------------------------------------------------------------------------


_SEP = "[ \u00a0\u202f\u2009]"  # thousands separator: exactly one space-like character
_WS = "[^\\S\\r\\n]*(?:\\r?\\n[^\\S\\r\\n]*)?"  # between number and scale: at most one line break
_HYPHEN = "\\-\u2010\u2011"  # ASCII hyphen, hyphen, non-breaking hyphen
_TIMES = "\u00d7"  # « 8×7B »

# Left edge of a number: not glued to a letter, digit or underscore, not after a decimal
# separator that follows a digit ("3.1": the "1"), not after a hyphen glued to a word
# ("GPT-4o", "Qwen3-235B"), but allowed after a hyphen that follows a bare 1-3 digit number
# (the range "7-13 milliards").
_NOT_BEFORE = f"[\\w.,{_HYPHEN}{_TIMES}]"
_LEFT = (
    f"(?:(?<![\\w{_HYPHEN}{_TIMES}])"
    f"|(?<=(?<!{_NOT_BEFORE})\\d[{_HYPHEN}])"
    f"|(?<=(?<!{_NOT_BEFORE})\\d\\d[{_HYPHEN}])"
    f"|(?<=(?<!{_NOT_BEFORE})\\d\\d\\d[{_HYPHEN}]))"
    f"(?<!\\d[.,])"
)
# Right edge of a whole quantity: not glued to a letter or digit, not before a decimal part
# it did not take ("3.1"), not before a hyphen + letter ("7B-Instruct", "4-bit").
_RIGHT = f"(?![\\w{_TIMES}])(?![.,]\\d)(?![{_HYPHEN}][^\\W\\d_])"

# A thousands group is never glued to a letter: "Llama 3 405B" is 3 then 405B, not 3405B.
_INT = f"(?:\\d{{1,3}}(?:{_SEP}\\d{{3}}(?![\\w]))+|\\d{{1,3}}(?:\\.\\d{{3}})+(?!\\d|\\.\\d)|\\d+)"

#: Digits with optional French thousands groups and an optional decimal part (comma or
#: point): "2 000", "1 448", "46,7", "2,788", "3.5". No capturing group.
NUMBER_DIGITS = f"(?:(?=\\d){_LEFT}{_INT}(?:[.,]\\d+)?(?!\\d))"

_ATOMS = patterns.alternation(_LEX.number_words)
_INITIAL_ATOMS = patterns.alternation(w for w in _LEX.number_words if w not in _LEX.non_initial)
_WORD_END = f"(?![\\w{_HYPHEN}])"
# Cheap first test before the lookbehinds: the initial letter of some atom (either case).
_FIRST_LETTERS = "".join(sorted({c for w in _LEX.number_words for c in (w[0].lower(), w[0].upper())}))
_JOIN = f"(?:[{_HYPHEN}]|[ \u00a0\u202f\u2009]+)"
_JOIN_ET = f"(?:{_JOIN}et{_JOIN}(?=(?:{patterns.alternation(_LEX.et_before)}){_WORD_END}))"

#: French number words and their compounds ("sept", "dix-huit", "cent neuf",
#: "deux cent cinquante-six", "vingt et un", "quatre-vingt-dix"), case-insensitive, at word
#: boundaries. The regex admits some non-numbers ("deux trois"); the parsers reject them.
NUMBER_WORDS = (
    f"(?:(?=[{_FIRST_LETTERS}])(?<![\\w{_HYPHEN}])(?i:(?:{_INITIAL_ATOMS})(?:(?:{_JOIN_ET}|{_JOIN})(?:{_ATOMS}))*){_WORD_END})"
)

#: A bare number, in digits or in words.
NUMBER = f"(?:{NUMBER_DIGITS}|{NUMBER_WORDS})"

#: The suffixes and abbreviations of a thousand (« 128K », « 256 Ko », « 128 ko »): a token count's marks.
KILO_MARKS = frozenset(k for k, f in {**_LEX.scale_suffixes, **_LEX.scale_abbreviations}.items() if f == 1000)
_SMALL_SCALE_WORDS = [w for w, f in _LEX.scale_words.items() if f == 1000]
_BIG_SCALE_WORDS = [w for w, f in _LEX.scale_words.items() if f > 1000]
_SP = "[ \u00a0\u202f\u2009]+"
_BIG = patterns.alternation(_BIG_SCALE_WORDS)
_HALF = patterns.alternation(_LEX.half_words)
_SCALE_WORD_CORE = (
    f"(?:(?i:(?:{patterns.alternation(_SMALL_SCALE_WORDS)}){_SP}(?:{_BIG})"
    f"|(?:{_BIG}){_SP}(?:{patterns.alternation(_LEX.scale_joiners)}){_SP}(?:{_BIG})"  # milliards de milliards
    f"|(?:{_HALF})[{_HYPHEN}](?:{_BIG})"  # demi-million
    f"|{patterns.alternation(_LEX.scale_words)})"
    f"|(?-i:{patterns.alternation(_LEX.scale_abbreviations)}))"
)
_DECIMAL_WORDS = f"(?i:{_SP}(?:{patterns.alternation(_LEX.decimal_words)}){_SP})"
# « 3 milliards et demi »: half of the scale more (part of the scale as written).
_AND_HALF = f"(?i:{_SP}et{_SP}(?:{_HALF})(?![\\w]))"

#: Scale words and abbreviations: "milliards", "Millions", "mille milliards", "Md", "Mds".
#: Words are case-insensitive, abbreviations case-sensitive; may follow a digit directly
#: ("41Md") but not a letter. No capturing group.
SCALE_WORD = f"(?:(?<![^\\W\\d_]){_SCALE_WORD_CORE}(?![\\w]))"

#: Scale suffixes glued to a digit and followed by neither letter nor digit: "128K", "2M",
#: "109B", "14,8T". Case-sensitive even inside an IGNORECASE pattern. No capturing group.
SCALE_SUFFIX = f"(?:(?<=\\d)(?-i:{patterns.alternation(_LEX.scale_suffixes)})(?![\\w]))"

_SCALE = f"(?:{SCALE_WORD}|{SCALE_SUFFIX})"
# In a quantity, a decimal point is taken only when a scale follows ("1.8 trillion", not the
# version "3.1"); a decimal comma always.
_QUANTITY_DIGITS = f"(?:(?=\\d){_LEFT}{_INT}(?:,\\d+|\\.\\d+(?={_WS}{_SCALE}))?(?!\\d))"


def quantity_pattern(*, num: str = "num", scale: str = "scale") -> str:
    """The :data:`QUANTITY` pattern with its two named groups renamed (to embed it twice)."""
    return (
        f"(?:(?P<{num}>{_QUANTITY_DIGITS}|{NUMBER_WORDS}(?:{_DECIMAL_WORDS}{NUMBER_WORDS})?)"
        f"(?:{_WS}(?P<{scale}>{_SCALE}{_AND_HALF}?))?{_RIGHT})"
    )


#: A number and its optional scale: "109 milliards", "128K", "cent neuf milliards",
#: "2 000", "46,7 milliards", "41 Md". Named groups: ``num`` (the number as written) and
#: ``scale`` (the scale word or suffix as written, or None). Not glued to a word on either
#: side ("H100", "GPT-4o", "8x7B", "Qwen3-235B-A22B" give nothing).
QUANTITY = quantity_pattern()

_QUANTITY_RE = patterns.compile(QUANTITY)
# After « quatorze milliards », the smaller part of one number: « trois cents millions » (not « et
# 400 millions », which lists a second value: « respectivement 3 milliards et 400 millions »).
_COMPOUND_RE = patterns.compile(
    f"{_SP}(?P<num>{_QUANTITY_DIGITS}|{NUMBER_WORDS}){_SP}(?P<scale>{SCALE_WORD}){_RIGHT}", re.I)


def compound_rest(text: str, pos: int, scale: str) -> tuple[int, int] | None:
    """« quatorze milliards trois cents millions », « 1 milliard 200 millions »: after a quantity
    with the scale word ``scale`` ending at ``pos``, the rest of the same number, written with a
    smaller scale: (its end, its value), or None."""
    m = _COMPOUND_RE.match(text, pos)
    if m is None:
        return None
    big, small = scale_of(scale), scale_of(m.group("scale"))
    rest = quantity_value(m.group("num"), m.group("scale"))
    if big is None or small is None or rest is None or not small < big or rest >= big:
        return None
    return m.end(), rest
_DIGITS_FULL_RE = patterns.compile(NUMBER_DIGITS)
_WORDS_FULL_RE = patterns.compile(f"{NUMBER_WORDS}(?:{_DECIMAL_WORDS}{NUMBER_WORDS})?")
_ATOM_RE = patterns.compile(f"(?i:{_ATOMS}){_WORD_END}")
_SPACES_RE = patterns.compile(r"\s+")
_DIGIT_SEP_RE = patterns.compile("[ \u00a0\u202f\u2009]")
_POUR_RE = patterns.compile(r"(?i:\bpour)\s$")
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})
_DECIMAL_WORD_RE = patterns.compile(_DECIMAL_WORDS)
_CTX = decimal.Context(prec=200, traps=[decimal.InvalidOperation, decimal.Overflow])


# --------------------------------------------------------------------------------------
# Values
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _words_value(words: str) -> int | None:
    """text2num on a normalised word number; None when it is not one French number."""
    normal = _SPACES_RE.sub(" ", words.translate(_HYPHENS).strip().lower())
    try:
        return text2num(normal, "fr")
    except ValueError:
        return None


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def _digits_decimal(digits: str) -> decimal.Decimal:
    """« 2 000 » -> 2000, « 46,7 » -> 46.7, « 200.000 » and « 1.200.000.000 » (dot thousands) -> 200000
    and 1200000000, « 5.1 » -> 5.1."""
    digits = _DIGIT_SEP_RE.sub("", digits)
    if _DOT_THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")
    return decimal.Decimal(digits.replace(",", "."))


def _number_decimal(text: str) -> decimal.Decimal | None:
    text = text.strip()
    if not text:
        return None
    if _DIGITS_FULL_RE.fullmatch(text):
        return _digits_decimal(text)
    if _WORDS_FULL_RE.fullmatch(text):
        return _words_decimal(text)
    return None


def parse_number(text: str) -> float | None:
    """The value of a bare number, in digits or French words; None if ``text`` is not one.

    "1 417" -> 1417.0, "46,7" -> 46.7, "16,384" -> 16.384 (the comma is decimal),
    "cent neuf" -> 109.0, "une" -> 1.0, "un quart" -> None. Scales are not numbers here:
    "deux millions" -> None (use :func:`parse_quantity`).
    """
    value = _number_decimal(text)
    return None if value is None else float(value)


def scale_of(word: str) -> int | None:
    """The factor of a scale word or suffix: "milliards" -> 10**9, "K" -> 1000, else None.

    Words are case-insensitive ("Milliards"); abbreviations and suffixes case-sensitive
    ("Md", "K", "k", "M", "B", "T", "G"; "m" and "b" are not scales). "mille milliards"
    (a word of a power-of-ten scale followed by a bigger one) is the product.
    """
    parts = [p for p in word.split() if p.lower() not in _LEX.scale_joiners]
    if not parts:
        return None
    factor = decimal.Decimal(1)
    for part in parts:
        half = False
        head, _, rest = part.translate(_HYPHENS).partition("-")
        if rest and head.lower() in _LEX.half_words:  # « demi-million »
            half, part = True, rest
        found = (
            _LEX.scale_abbreviations.get(part)
            or _LEX.scale_suffixes.get(part)
            or _LEX.scale_lookup_only.get(part)
            or _LEX.scale_words.get(part.lower())
        )
        if found is None:
            return None
        factor *= decimal.Decimal(found) / (2 if half else 1)
    return int(factor) if factor == factor.to_integral_value() else None


def _split_half(scale: str) -> tuple[str, bool]:
    """« milliards et demi » -> ("milliards", True): half a scale more."""
    words = scale.split()
    if len(words) >= 3 and words[-2].lower() == "et" and words[-1].lower() in _LEX.half_words:
        return " ".join(words[:-2]), True
    return scale, False


def _exact_int(number: decimal.Decimal, factor: int) -> int | None:
    """``number`` × ``factor`` if it is an integer the context holds exactly. A product of more
    digits than its precision was rounded: no exact value (a run of digits pasted a thousand
    times, a hash), and its integer is not built (256 000 digits took 1.7 s, growing with their
    square, in one call no time budget interrupts)."""
    product = _CTX.multiply(number, decimal.Decimal(factor))
    if product.adjusted() >= _CTX.prec or product != product.to_integral_value(context=_CTX):
        return None
    return int(product)


@lru_cache(maxsize=8192)  # a pure function of two short strings, which repeat across articles
def quantity_value(number: str, scale: str | None = None) -> int | None:
    """Exact integer of ``number`` × ``scale``, in decimal arithmetic.

    ("46,7", "milliards") -> 46700000000, ("1,8", "billion") -> 1800000000000,
    ("2,788", "millions") -> 2788000, ("cent neuf", "milliards") -> 109000000000.
    None when the number does not parse, the scale is unknown, or the product is not an
    integer ("12,9" alone).
    """
    value = _number_decimal(number)
    return None if value is None else _scaled(value, scale)


def _scaled(value: decimal.Decimal, scale: str | None) -> int | None:
    """``value`` × ``scale`` as an exact integer; « milliards et demi » adds half a scale."""
    if scale is None:
        return _exact_int(value, 1)
    scale, half = _split_half(scale)
    factor = scale_of(scale)
    if factor is None:
        return None
    return _exact_int(value + decimal.Decimal("0.5") if half else value, factor)


def _match_value(m: re.Match[str]) -> int | None:
    return _num_scale_value(m.group("num"), m.group("scale"))


@lru_cache(maxsize=4096)
def _num_scale_value(num: str, scale: str | None) -> int | None:
    """Value of a QUANTITY match's groups (the regex already vouches for their shape)."""
    value = _digits_decimal(num) if num[0].isdigit() else _words_decimal(num)
    return None if value is None else _scaled(value, scale)


def _words_decimal(words: str) -> decimal.Decimal | None:
    """« cent neuf » -> 109, « deux virgule sept » -> 2.7 (the decimal word splits the two parts)."""
    parts = _DECIMAL_WORD_RE.split(words, maxsplit=1)
    whole = _words_value(parts[0])
    if whole is None:
        return None
    if len(parts) == 1:
        return decimal.Decimal(whole)
    frac = _words_value(parts[1])
    return None if frac is None else decimal.Decimal(f"{whole}.{frac}")


def parse_quantity(text: str) -> int | None:
    """The integer value of a whole quantity expression (leading/trailing spaces ignored).

    "109 milliards" -> 109000000000, "128K" -> 128000, "un million" -> 1000000,
    "175 000 millions" -> 175000000000, "41 Md" -> 41000000000, "2 000" -> 2000.
    None when ``text`` is anything else: "8x7B", "1,6 fois", "un quart", "12,9" (not an
    integer), "109 milliards de paramètres" (trailing words; see :func:`find_quantities`).
    """
    m = _QUANTITY_RE.fullmatch(text.strip())
    return None if m is None else _match_value(m)


def find_quantities(text: str, *, include_articles: bool = False) -> Iterator[tuple[int, int, int]]:
    """Yield ``(start, end, value)`` for each integer quantity in ``text``, left to right.

    Leftmost-longest, never inside a word: "GPT-4o", "H100", "Qwen3-235B-A22B", "8x7B" and
    the version "3.1" of "Llama 3.1" give nothing; a size standing alone, such as the
    "405B" of "Llama 3.1 405B", IS yielded (405000000000): model names are masked upstream
    and the caller filters by context. Non-integer values ("88,5 %") are skipped, so is
    "cent" in "pour cent", and so are lone articles "un"/"une" unless ``include_articles``
    ("un million" is always kept). A word sequence that is not one number ("deux trois
    millions") is split at the longest valid prefix.
    """
    pos = 0
    search = _QUANTITY_RE.search
    while (m := search(text, pos)) is not None:
        start, end = m.span()
        value = _match_value(m)
        num = m.group("num")
        if value is None and not num[0].isdigit() and _words_value(num) is None:
            # An invalid word sequence: take its longest valid prefix of atoms, unscaled.
            ends = [a.end() for a in _ATOM_RE.finditer(num)][:-1]
            for cut in reversed(ends):
                prefix_value = _words_value(num[:cut])
                if prefix_value is not None:
                    end, value, num = start + cut, prefix_value, num[:cut]
                    break
            else:
                pos = start + 1
                continue
            scaled = False
        else:
            scaled = m.group("scale") is not None
        pos = end
        if value is None:
            continue
        if not scaled and not num[0].isdigit():
            lowered = num.lower()
            if not include_articles and lowered in _LEX.articles:
                continue
            if lowered == "cent" and _POUR_RE.search(text, max(0, start - 6), start):
                continue
        yield start, end, value
