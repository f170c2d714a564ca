"""Table tests for pipeline.normalize.numbers: French number and quantity normalisation."""
from __future__ import annotations

import copy
import re

import pytest
import yaml

from pipeline.normalize import numbers
from pipeline.normalize.numbers import (
    NUMBER,
    NUMBER_DIGITS,
    NUMBER_WORDS,
    QUANTITY,
    SCALE_SUFFIX,
    SCALE_WORD,
    LexiconError,
    NumberLexicon,
    find_quantities,
    load_lexicon,
    parse_number,
    parse_quantity,
    quantity_pattern,
    quantity_value,
    scale_of,
    validate_lexicon,
)

NBSP = "\u00a0"
NNBSP = "\u202f"

# --------------------------------------------------------------------------------------
# parse_quantity
# --------------------------------------------------------------------------------------

QUANTITY_CASES = [
    # scale words
    ("109 milliards", 109_000_000_000),
    ("1 milliard", 1_000_000_000),
    ("sept milliards", 7_000_000_000),
    ("Sept milliards", 7_000_000_000),
    ("cent neuf milliards", 109_000_000_000),
    ("46,7 milliards", 46_700_000_000),
    ("2,5 milliards", 2_500_000_000),
    ("0,5 milliard", 500_000_000),
    ("10 millions", 10_000_000),
    ("1 million", 1_000_000),
    ("1,5 million", 1_500_000),
    ("un million", 1_000_000),
    ("Un million", 1_000_000),
    ("deux millions", 2_000_000),
    ("2,788 millions", 2_788_000),
    ("175 000 millions", 175_000_000_000),
    ("2 billions", 2_000_000_000_000),
    ("1,8 billion", 1_800_000_000_000),
    ("14,8 trillions", 14_800_000_000_000),
    ("1.8 trillion", 1_800_000_000_000),  # a point is decimal when a scale follows
    ("mille milliards", 1_000_000_000_000),
    ("deux mille milliards", 2_000_000_000_000),
    ("2 mille milliards", 2_000_000_000_000),
    ("128 mille", 128_000),
    # thousands separators: space, NBSP, narrow NBSP
    ("2 000 milliards", 2_000_000_000_000),
    (f"2{NBSP}000 milliards", 2_000_000_000_000),
    (f"2{NNBSP}000 milliards", 2_000_000_000_000),
    (f"109{NBSP}milliards", 109_000_000_000),
    (f"109{NNBSP}milliards", 109_000_000_000),
    ("2 000", 2_000),
    (f"2{NBSP}000", 2_000),
    (f"2{NNBSP}000", 2_000),
    ("4 096", 4_096),
    ("1 417", 1_417),
    (f"1{NNBSP}448", 1_448),
    ("128 000", 128_000),
    (f"1{NBSP}000{NBSP}000", 1_000_000),
    ("2000", 2_000),
    # abbreviations, spaced or glued
    ("109 Md", 109_000_000_000),
    ("256 Ko", 256_000),  # « une fenêtre de contexte de 256 Ko »: kilo, read as K
    ("128Ko", 128_000),
    ("128 ko", 128_000),
    ("41 Md", 41_000_000_000),
    ("671 Md", 671_000_000_000),
    ("41Md", 41_000_000_000),
    ("3 Mds", 3_000_000_000),
    ("5 Mrd", 5_000_000_000),
    ("12 Mio", 12_000_000),
    # suffixes glued to digits
    ("109B", 109_000_000_000),
    ("405B", 405_000_000_000),
    ("128K", 128_000),  # K = 1000, never 1024
    ("32k", 32_000),
    ("2M", 2_000_000),
    ("14,8T", 14_800_000_000_000),
    ("1,5B", 1_500_000_000),
    # words alone
    ("dix-huit", 18),
    ("vingt-quatre", 24),
    ("quatre-vingt-dix", 90),
    ("deux cent cinquante-six", 256),
    ("vingt et un", 21),
    ("soixante-et-onze", 71),
    ("mille", 1_000),
    ("un", 1),
    ("une", 1),
    # integral decimals and surrounding blanks
    ("8,0", 8),
    ("  109 milliards \n", 109_000_000_000),
]


@pytest.mark.parametrize(("text", "expected"), QUANTITY_CASES)
def test_parse_quantity(text: str, expected: int) -> None:
    value = parse_quantity(text)
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize(
    "text",
    [
        "8x7B",  # experts × size: a name, not a quantity
        "8×7B",
        "1,6 fois",
        "un quart",
        "",
        "   ",
        "abc",
        "12,9",  # not an integer (use parse_number)
        "8,30",
        "68,74",
        "16,384",  # comma is decimal: 16.384
        "3.1",  # a version
        "GPT-4o",
        "H100",
        "109 milliards de paramètres",  # trailing words: use find_quantities
        "2 M",  # suffixes are glued only
        "5G",  # G is lookup-only
        "deux trois",
        "milliards",
        "10 Md€",
        "1 41",
        "-3",
    ],
)
def test_parse_quantity_rejects(text: str) -> None:
    assert parse_quantity(text) is None


# --------------------------------------------------------------------------------------
# parse_number
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sept", 7),
        ("cent neuf", 109),
        ("un", 1),
        ("une", 1),
        ("dix-huit", 18),
        ("deux cent cinquante-six", 256),
        ("vingt-quatre", 24),
        ("quatre-vingt-dix", 90),
        ("quatre-vingts", 80),
        ("mille", 1000),
        ("zéro", 0),
        ("DIX", 10),
        ("12,9", 12.9),
        ("8,30", 8.3),
        ("68,74", 68.74),
        ("46,7", 46.7),
        ("2,788", 2.788),
        ("16,384", 16.384),  # always a decimal comma
        ("3.5", 3.5),
        ("1 417", 1417),
        (f"2{NBSP}000", 2000),
        (f"1{NNBSP}448", 1448),
        ("405", 405),
    ],
)
def test_parse_number(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected, rel=0, abs=1e-12)


@pytest.mark.parametrize(
    "text",
    ["un quart", "", "abc", "deux millions", "109B", "1,", ",5", "1 41", "1  417", "8x7", "cents", "deux trois"],
)
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------------------
# scale_of and quantity_value
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "factor"),
    [
        ("mille", 10**3),
        ("K", 10**3),
        ("k", 10**3),
        ("million", 10**6),
        ("millions", 10**6),
        ("Millions", 10**6),
        ("M", 10**6),
        ("Mio", 10**6),
        ("milliard", 10**9),
        ("MILLIARDS", 10**9),
        ("Md", 10**9),
        ("Mds", 10**9),
        ("Mrd", 10**9),
        ("B", 10**9),
        ("G", 10**9),
        ("billion", 10**12),
        ("billions", 10**12),
        ("trillion", 10**12),  # project convention: English trillion
        ("trillions", 10**12),
        ("T", 10**12),
        ("mille milliards", 10**12),
        (f" milliards{NBSP}", 10**9),
    ],
)
def test_scale_of(word: str, factor: int) -> None:
    assert scale_of(word) == factor


@pytest.mark.parametrize("word", ["m", "b", "t", "md", "MD", "fois", "", "cent", "quart"])
def test_scale_of_rejects(word: str) -> None:
    assert scale_of(word) is None


@pytest.mark.parametrize(
    ("number", "scale", "expected"),
    [
        ("46,7", "milliards", 46_700_000_000),
        ("1,8", "billion", 1_800_000_000_000),
        ("2,788", "millions", 2_788_000),
        ("cent neuf", "milliards", 109_000_000_000),
        ("175 000", "millions", 175_000_000_000),
        ("128", "K", 128_000),
        ("0,001", "K", 1),
        ("7", None, 7),
        ("1,23456789", "milliards", 1_234_567_890),
        ("123456789012345678901234567890", "trillions", 123456789012345678901234567890 * 10**12),
        ("9" * 200, None, int("9" * 200)),  # (as many digits as the decimal context holds exactly)
    ],
)
def test_quantity_value(number: str, scale: str | None, expected: int) -> None:
    value = quantity_value(number, scale)
    assert value == expected
    assert type(value) is int


@pytest.mark.parametrize(
    ("number", "scale"),
    [("12,9", None), ("abc", "milliards"), ("7", "fois"), ("un quart", None), ("", None), ("0,0001", "K"),
     # more digits than the context holds: rounded, no exact value (a pasted run of 256 000 digits
     # took 1.7 s to become an integer, growing with their square)
     ("9" * 201, None), ("1" + " 000" * 66, "milliards"), ("1" * 256_000, None)],
)
def test_quantity_value_rejects(number: str, scale: str | None) -> None:
    assert quantity_value(number, scale) is None


@pytest.mark.parametrize(
    "text, scale, expected",
    [
        ("quatorze milliards trois cents millions de", "milliards", (len("quatorze milliards trois cents millions"), 300_000_000)),
        ("1 milliard 200 millions", "milliard", (len("1 milliard 200 millions"), 200_000_000)),
        ("2 millions 500 mille jetons", "millions", (len("2 millions 500 mille"), 500_000)),
        ("3 milliards et 400 millions", "milliards", None),  # « et »: a second value
        ("3 milliards, 400 millions", "milliards", None),
        ("3 millions 2 milliards", "millions", None),  # a bigger scale: not a part
        ("3 milliards 2000 millions", "milliards", None),  # not smaller than the first scale
        ("3 milliards de paramètres", "milliards", None),
    ],
)
def test_compound_rest(text: str, scale: str, expected) -> None:
    pos = text.index(scale) + len(scale)
    assert numbers.compound_rest(text, pos, scale) == expected


# --------------------------------------------------------------------------------------
# find_quantities
# --------------------------------------------------------------------------------------

FIND_CASES = [
    # not inside a word or a name
    ("GPT-4o", []),
    ("GPT\u20114o", []),  # non-breaking hyphen
    ("Qwen3-235B-A22B", []),
    ("Qwen3-0.6B", []),
    ("Qwen2.5-72B-Instruct", []),
    ("H100 et B200", []),
    ("Phi-3-mini-4K", []),
    ("Mixtral 8x7B et 8×22B", []),
    ("Mistral 7B-Instruct en 4-bit", []),
    ("Claude 3.5 Sonnet et Gemini 1.5 Pro", []),  # versions
    ("dix-huitième", []),
    ("10h12", []),
    ("5G et 4G", []),
    ("1er et 2e", []),
    # Decision: the version "3.1" is rejected, but a size standing alone after it is a
    # quantity; names are masked upstream, and the caller filters by context.
    ("Llama 3.1 405B", [("405B", 405_000_000_000)]),
    # A thousands group glued to a letter is not a group: 3 then 405B, not 3405B.
    ("Llama 3 405B", [("3", 3), ("405B", 405_000_000_000)]),
    ("Gemma 3 270M", [("3", 3), ("270M", 270_000_000)]),
    ("Llama 4 Maverick 17B-16E", [("4", 4), ("17B", 17_000_000_000)]),
    # separators
    (f"sur 3{NBSP}000 GPU H200", [(f"3{NBSP}000", 3000)]),
    ("128 000 jetons", [("128 000", 128_000)]),
    (f"128{NNBSP}000 jetons", [(f"128{NNBSP}000", 128_000)]),
    (f"1{NNBSP}448 votes", [(f"1{NNBSP}448", 1448)]),
    ("1 417 points", [("1 417", 1417)]),
    # scales in sentences
    (
        "Le modèle compte 46,7 milliards de paramètres dont 12,9 milliards actifs.",
        [("46,7 milliards", 46_700_000_000), ("12,9 milliards", 12_900_000_000)],
    ),
    ("entraîné sur 2 000 milliards de jetons", [("2 000 milliards", 2_000_000_000_000)]),
    ("il ne pèse pas 56 milliards", [("56 milliards", 56_000_000_000)]),
    ("Mistral 7B et ses sept milliards de paramètres", [("7B", 7_000_000_000), ("sept milliards", 7_000_000_000)]),
    ("| Paramètres totaux | 671 Md |", [("671 Md", 671_000_000_000)]),
    ("une fenêtre de 128K jetons, contre 32k", [("128K", 128_000), ("32k", 32_000)]),
    ("14,8 trillions de tokens", [("14,8 trillions", 14_800_000_000_000)]),
    ("1.8 trillion tokens", [("1.8 trillion", 1_800_000_000_000)]),
    ("environ 18 billions de tokens", [("18 billions", 18_000_000_000_000)]),
    ("2,788 millions d'heures GPU H800", [("2,788 millions", 2_788_000)]),
    ("d'un million de jetons", [("un million", 1_000_000)]),
    ("de 32 000 à deux millions de jetons", [("32 000", 32_000), ("deux millions", 2_000_000)]),
    ("175 000 millions", [("175 000 millions", 175_000_000_000)]),
    ("109\nmilliards", [("109\nmilliards", 109_000_000_000)]),  # one line break is fine
    ("2\n\nmillions", [("2", 2)]),  # a paragraph break is not
    ("109 milliardaires", [("109", 109)]),
    # ranges
    ("de 1,5 à 70 milliards", [("70 milliards", 70_000_000_000)]),  # 1,5 is no integer
    ("entre 7-13 milliards", [("7", 7), ("13 milliards", 13_000_000_000)]),
    # words
    ("pourtant dix-huit fois plus gros", [("dix-huit", 18)]),  # the caller drops "fois"
    ("vingt et un, deux et trois milliards", [("vingt et un", 21), ("deux", 2), ("trois milliards", 3_000_000_000)]),
    ("deux trois millions", [("deux", 2), ("trois millions", 3_000_000)]),
    ("un modèle de sept milliards", [("sept milliards", 7_000_000_000)]),  # lone article skipped
    ("un quart des jetons", []),
    ("99 pour cent", [("99", 99)]),
    # non-integers are skipped
    ("88,5 % sur MMLU", []),
    ("un score de 8,30", []),
    # a point before exactly three digits separates thousands (« 200.000 », « 1.200.000.000 »)
    ("1.000 jetons", [("1.000", 1_000)]),
    ("200.000 tokens", [("200.000", 200_000)]),
    ("1.200.000.000 jetons", [("1.200.000.000", 1_200_000_000)]),
    ("3.000 milliards de tokens", [("3.000 milliards", 3_000_000_000_000)]),
    ("vers 3.000.", [("3.000", 3_000)]),  # the final point ends the sentence
    ("5.1 milliards", [("5.1 milliards", 5_100_000_000)]),
    # halves, a decimal word, a product of scales
    ("3 milliards et demi de paramètres", [("3 milliards et demi", 3_500_000_000)]),
    ("un million et demi de jetons", [("un million et demi", 1_500_000)]),
    ("deux millions et demi", [("deux millions et demi", 2_500_000)]),
    ("un demi-million de tokens", [("un demi-million", 500_000)]),
    ("un demi-milliard", [("un demi-milliard", 500_000_000)]),
    ("deux virgule sept milliards", [("deux virgule sept milliards", 2_700_000_000)]),
    ("2 milliards de milliards de jetons", [("2 milliards de milliards", 2 * 10**18)]),
    ("deux-cent-mille jetons", [("deux-cent-mille", 200_000)]),
    ("quatre-vingt cinq milliards", [("quatre-vingt cinq milliards", 85_000_000_000)]),
    ("et demi", []),
    ("", []),
    ("abc", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_quantities(text: str, expected: list[tuple[str, int]]) -> None:
    found = list(find_quantities(text))
    assert [(text[s:e], v) for s, e, v in found] == expected
    assert all(type(v) is int for _, _, v in found)


def test_find_quantities_articles_option() -> None:
    text = "un modèle et une variante"
    assert list(find_quantities(text)) == []
    assert list(find_quantities(text, include_articles=True)) == [(0, 2, 1), (13, 16, 1)]


def test_find_quantities_spans_and_order() -> None:
    text = "Meta : 405 milliards, 128K, puis 15 000 milliards."
    spans = list(find_quantities(text))
    assert [(s, e) for s, e, _ in spans] == sorted((s, e) for s, e, _ in spans)
    assert [text[s:e] for s, e, _ in spans] == ["405 milliards", "128K", "15 000 milliards"]


# --------------------------------------------------------------------------------------
# Regular-expression building blocks
# --------------------------------------------------------------------------------------


def test_patterns_are_strings() -> None:
    for pattern in (NUMBER_DIGITS, NUMBER_WORDS, NUMBER, SCALE_WORD, SCALE_SUFFIX, QUANTITY):
        assert isinstance(pattern, str)
        re.compile(pattern)
    assert re.compile(QUANTITY).groupindex.keys() == {"num", "scale"}
    for pattern in (NUMBER_DIGITS, NUMBER_WORDS, NUMBER, SCALE_WORD, SCALE_SUFFIX):
        assert re.compile(pattern).groups == 0  # no capturing group to shift the embedder's


@pytest.mark.parametrize(
    ("pattern", "text", "ok"),
    [
        (NUMBER_DIGITS, "2 000", True),
        (NUMBER_DIGITS, f"2{NBSP}000,5", True),
        (NUMBER_DIGITS, "1 000 000", True),
        (NUMBER_DIGITS, "46,7", True),
        (NUMBER_DIGITS, "3.5", True),
        (NUMBER_DIGITS, "1 41", False),
        (NUMBER_DIGITS, "1 4177", False),
        (NUMBER_WORDS, "quatre-vingt-dix", True),
        (NUMBER_WORDS, "deux cent cinquante-six", True),
        (NUMBER_WORDS, "Vingt et un", True),
        (NUMBER_WORDS, "septembre", False),
        (NUMBER_WORDS, "cents", False),
        (NUMBER, "cent neuf", True),
        (NUMBER, "109", True),
        (SCALE_WORD, "milliards", True),
        (SCALE_WORD, "Milliards", True),
        (SCALE_WORD, "Mds", True),
        (SCALE_WORD, "mds", False),
        (SCALE_WORD, "mille milliards", True),
        (SCALE_WORD, "K", False),
    ],
)
def test_building_blocks_fullmatch(pattern: str, text: str, ok: bool) -> None:
    assert bool(re.fullmatch(pattern, text)) is ok


def test_number_words_longest_first() -> None:
    assert re.match(NUMBER_WORDS, "une fois").group() == "une"
    assert re.match(NUMBER_WORDS, "quatre-vingts ans").group() == "quatre-vingts"
    assert re.search(NUMBER_WORDS, "septembre") is None


def test_scale_suffix_glued_to_digit_only() -> None:
    assert re.search(f"\\d{SCALE_SUFFIX}", "128K jetons").group() == "8K"
    assert re.search(f"\\d{SCALE_SUFFIX}", "128Ko") is None
    assert re.search(SCALE_SUFFIX, "un K") is None
    # stays case-sensitive inside an IGNORECASE pattern
    assert re.search(f"\\d{SCALE_SUFFIX}", "2m", re.IGNORECASE) is None


def test_quantity_groups() -> None:
    m = re.fullmatch(QUANTITY, "cent neuf milliards")
    assert (m.group("num"), m.group("scale")) == ("cent neuf", "milliards")
    m = re.fullmatch(QUANTITY, "128K")
    assert (m.group("num"), m.group("scale")) == ("128", "K")
    m = re.fullmatch(QUANTITY, "1 417")
    assert (m.group("num"), m.group("scale")) == ("1 417", None)
    assert quantity_value(m.group("num"), m.group("scale")) == 1417


def test_quantity_embeds_in_larger_patterns() -> None:
    params = re.compile(f"{QUANTITY}\\s+de\\s+paramètres", re.IGNORECASE)
    m = params.search("Il compte 46,7 MILLIARDS DE PARAMÈTRES.")
    assert quantity_value(m["num"], m["scale"]) == 46_700_000_000
    assert params.search("Mixtral 8x7B de paramètres") is None
    verbose = re.compile(f"contexte \\s+ de \\s+ {QUANTITY}", re.VERBOSE)
    m = verbose.search(f"fenêtre de contexte de 128{NNBSP}000 jetons")
    assert quantity_value(m["num"], m["scale"]) == 128_000
    # two quantities in one pattern: rename the groups
    both = re.compile(f"de {quantity_pattern(num='lo', scale='lo_s')} à {quantity_pattern(num='hi', scale='hi_s')}")
    m = both.search("de 1,5 à 70 milliards")
    assert (m["lo"], m["lo_s"], m["hi"], m["hi_s"]) == ("1,5", None, "70", "milliards")


# --------------------------------------------------------------------------------------
# Lexicon validation
# --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def lexicon_data() -> dict:
    with open(numbers.LEXICON_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_shipped_lexicon_is_valid(lexicon_data: dict) -> None:
    lexicon = validate_lexicon(lexicon_data)
    assert isinstance(lexicon, NumberLexicon)
    assert lexicon.number_words["cent"] == 100
    assert lexicon.scale_words["trillions"] == 10**12


def _broken(data: dict, mutate) -> dict:
    data = copy.deepcopy(data)
    mutate(data)
    return data


BAD_LEXICONS = [
    ("not a mapping", lambda d: None, "top level"),
    ("missing scales", lambda d: d.pop("scales"), "missing keys"),
    ("unknown key", lambda d: d.update(extra=1), "unknown keys"),
    ("empty words", lambda d: d.update(number_words={}), "number_words"),
    ("wrong value", lambda d: d["number_words"].update(sept=8), "disagrees with text2num"),
    ("not a number word", lambda d: d["number_words"].update(quart=4), "text2num cannot read"),
    ("string value", lambda d: d["number_words"].update(sept="7"), "non-negative integer"),
    ("uppercase word", lambda d: d["number_words"].update(Sept=7), "lowercase"),
    ("article not a word", lambda d: d.update(articles=["le"]), "absent from number_words"),
    ("scales not a list", lambda d: d.update(scales={"power": 3}), "non-empty list"),
    ("power missing", lambda d: d["scales"][0].pop("power"), "'power'"),
    ("power is text", lambda d: d["scales"][0].update(power="3"), "'power'"),
    ("power out of range", lambda d: d["scales"][0].update(power=99), "'power'"),
    ("no forms", lambda d: d["scales"].append({"power": 15}), "lists no form"),
    ("unknown scale key", lambda d: d["scales"][0].update(symbol="k"), "unknown keys"),
    ("form listed twice", lambda d: d["scales"][0]["suffixes"].append("B"), "already listed"),
    ("word clashes ignoring case", lambda d: d["scales"][0]["words"].append("md"), "already listed"),
    ("suffix with a digit", lambda d: d["scales"][0]["suffixes"].append("K2"), "1 to 4 letters"),
    ("words not a list", lambda d: d["scales"][0].update(words="mille"), "list of non-empty strings"),
]


@pytest.mark.parametrize(("label", "mutate", "message"), BAD_LEXICONS, ids=[b[0] for b in BAD_LEXICONS])
def test_validate_lexicon_rejects(lexicon_data: dict, label: str, mutate, message: str) -> None:
    bad = None if label == "not a mapping" else _broken(lexicon_data, mutate)
    with pytest.raises(LexiconError, match=re.escape(message)):
        validate_lexicon(bad)


def test_load_lexicon_names_the_file(tmp_path) -> None:
    path = tmp_path / "numbers_fr.yaml"
    path.write_text("number_words: {sept: 8}\nscales: [{power: 3, words: [mille]}]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="numbers_fr.yaml"):
        load_lexicon(path)
    path.write_text("number_words: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="cannot read"):
        load_lexicon(path)
    assert issubclass(LexiconError, ValueError)
