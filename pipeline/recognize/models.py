"""Model-name mentions: known families with their version tails, and unknown "Name 2"-style names.

Two recognisers, declared as patterns built from the lexicon:
- ``family``: a known family ("Llama", "Gemini", "Qwen") followed by versions, sizes, codes and
  variant words ("Llama 4 Scout", "Qwen3-235B-A22B", "GPT-4o mini", "Claude Opus 4").
- ``unknown``: a capitalised name followed by a version or a size ("Zephyr 7B", "Croix du Sud 2",
  "Étain3"), kept where a sentence speaks of AI models (then everywhere in the article), where it
  is listed with another model ("Givre3 Turbo, Sérac 2"), or with a size joined by a hyphen
  ("Grésil-70B"); not a known non-model (phones, licences), nor a version glued to a word that
  comes only once (a footnote call: "issues GitHub2").
Then the short forms: a family's codes alone (« V3 », « R1 » in an article on DeepSeek), OpenAI's
series in capitals (« O3 Mini »), providers' model ids (« claude-3-5-sonnet-20241022 » is Claude
3.5 Sonnet), « ChatGPT-5 » for GPT-5.
Aliases and pronouns are resolved later, in ``pipeline.link.entities``.
"""
from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Optional

from sortedcontainers import SortedList
from spacy.language import Language
from spacy.tokens import Doc

from pipeline import patterns
from pipeline.lexicons import Lexicons, load, organization_names, organization_pattern, per_lexicons
from pipeline.recognize import text_of
from pipeline.recognize import model_lists
from pipeline.recognize.names import capital_series_pattern, lower_size_tiers, name_patterns, suffixed_name_pattern
from pipeline.recognize.segments import START, cells_under
from pipeline.spans import Spans, Taken


_SURNAME = patterns.compile(r"[ \u00a0]+[A-ZÀ-Ö][a-zà-ÿ]")  # « Claude Monet »: a first name, not the model


@per_lexicons
def _names(lex: Lexicons) -> dict[str, re.Pattern]:
    """The model-name cues of the lexicon (``names.*``), compiled once."""
    return {name: lex.cue(f"names.{name}") for name in lex.cues["names"]}


@per_lexicons
def _lower_variants(lex: Lexicons) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.variant_words)


@per_lexicons
def _org_before(lex: Lexicons) -> re.Pattern:
    return patterns.compile(rf"(?<![\w-])(?:{organization_names(lex)})[ \u00a0]+$")


@per_lexicons
def _product_names(lex: Lexicons) -> re.Pattern:
    """The assistants and apps built on models (« ChatGPT », « Le Chat »), as whole words."""
    return patterns.compile(rf"(?<![\w-])(?:{patterns.alternation(lex.products, case_sensitive=True)})(?![\w-])")


@per_lexicons
def _glued_products(lex: Lexicons) -> frozenset[str]:
    """The products' names without spaces (« LeChat »), as a name glued or hyphenated may hold them."""
    return frozenset(p.replace(" ", "") for p in lex.products)


@per_lexicons
def _benchmark_words(lex: Lexicons) -> frozenset[str]:
    return frozenset(b.split()[0] for b in lex.benchmarks)


def _org_family(lex: Lexicons, org: Optional[str]) -> Optional[str]:
    """The family an organisation names after itself (« DeepSeek » for DeepSeek), else None."""
    canonical = lex.organizations.get(org or "")
    fams = [f.name for f in lex.families if f.organization == canonical]
    return next((f for f in fams if f == org), None)


def _family_codes(text: str, lex: Lexicons) -> Iterator[tuple]:
    """The codes a family's models go by alone (``codes`` in the lexicon: « V3 », « R1 Zero »,
    « V3.2-Speciale » for DeepSeek), in an article that names the family or its maker; not « le
    nouveau R1 », the update the article is about."""
    names = _names(lex)
    newer = names["newer"]
    for fam, named, codes in _code_families(lex):
        if named.search(text):
            for m in codes.finditer(text):
                if newer.search(text, max(0, m.start() - 20), m.start()):
                    continue
                words = (w.group(1) for w in (_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start()),
                                              names["sibling_before"].search(text, max(0, m.start() - 40), m.start())) if w)
                if any(w[:1].isupper() and w.lower() not in lex.common_words and not named.fullmatch(w) for w in words):
                    continue  # « Coder V1 », « Coder V1 et V2 »: the code of another name
                yield fam, m


_WORD_BEFORE = patterns.compile(r"(?<![\w-])([\w-]+)[ \u00a0]+$")


@per_lexicons
def _code_families(lex: Lexicons) -> tuple[tuple, ...]:
    """For each family with codes: the family, a pattern of its name and its maker's names, a
    pattern of its codes (built once per lexicon)."""
    out = []
    for fam in lex.families:
        if fam.codes:
            names = {fam.name, *(n for n, canonical in lex.organizations.items() if canonical == fam.organization)}
            named = patterns.compile(rf"(?<![\w-])(?:{patterns.alternation(names, case_sensitive=True)})(?![\w])")
            codes = patterns.compile(rf"(?<![\w.@/-])[{''.join(fam.codes)}]\d{{1,2}}(?:\.\d)?(?:-[A-Z][a-z]+|[ -]Zero)?(?![\w-]|[.,]\d)")
            out.append((fam, named, codes))
    return tuple(out)


# « gpt-4-turbo-2024-04-09 », « claude-3-5-sonnet-20241022 », « gemini-1.5-pro-002 »,
# « meta.llama-3.1-70b-instruct »: a provider's model id, written in lower case with hyphens (never
# inside a path or a URL)
_ID_FAMILIES = patterns.alternation(("gpt", "claude", "gemini", "llama", "gemma", "qwen", "mistral", "mixtral", "phi"),
                                    case_sensitive=True)
# (after a provider's name and a slash too: « meta-llama/llama-4-maverick:free », « mistralai/mistral-small-3.1 »)
_ID_PROVIDERS = patterns.alternation(("meta-llama", "mistralai", "google", "qwen", "microsoft", "openai", "anthropic"),
                                     case_sensitive=True)
_API_ID = patterns.compile(rf"(?<![\w/.@-])(?:[a-z]+\.|(?:{_ID_PROVIDERS})/)?(?P<fam>{_ID_FAMILIES})"
                           r"-(?P<rest>[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?![\w/-])")
_API_ID_GATE = patterns.compile(rf"(?:{_ID_FAMILIES})-")  # (in every id: a text without it is not searched for ids)
_ID_DATE = re.compile(r"\d{8}|\d{3,4}|latest|exp")
_ID_DROP = frozenset({"instruct", "chat", "it", "hf"})


def _id_family(fam: str) -> str:
    """The family an id's prefix names, as the lexicon writes it (« gpt » -> « GPT »)."""
    return {"gpt": "GPT", "phi": "Phi"}.get(fam, fam.capitalize())


def api_id_name(fam: str, rest: str, *, variants: frozenset[str] = frozenset()) -> Optional[str]:
    """The model a provider's id names (« claude-3-5-sonnet-20241022 » -> « Claude 3.5 Sonnet »,
    « gpt-4-turbo-2024-04-09 » -> « GPT-4 Turbo »), or None when it holds no version or a word
    that is no variant (lower-cased ``variants``) nor a size (« mistral-3-large-ministral-ia », a file name)."""
    parts = rest.split("-")
    if len(parts) >= 3 and re.fullmatch(r"\d{4}", parts[-3]) and all(re.fullmatch(r"\d{2}", p) for p in parts[-2:]):
        parts = parts[:-3]  # a date « 2024-04-09 »
    while len(parts) > 1 and _ID_DATE.fullmatch(parts[-1]):
        parts.pop()  # « -20241022 », « -002 », « -latest »
    parts = [p for p in parts if p not in _ID_DROP]
    if not parts or not re.fullmatch(r"\d+(?:\.\d+)?o?", parts[0]):
        return None  # a version first (« gemini-pro-vision » says none)
    if len(parts) > 1 and re.fullmatch(r"\d", parts[0]) and re.fullmatch(r"\d", parts[1]):
        parts = [f"{parts[0]}.{parts[1]}", *parts[2:]]  # « claude-3-5 » is 3.5
    if any(p not in variants and not re.fullmatch(r"\d+(?:\.\d+)?[bmk]", p) for p in parts[1:]):
        return None
    words = [p.upper() if re.fullmatch(r"\d+(?:\.\d+)?[bm]", p) else p if p[0].isdigit() else p.capitalize()
             for p in parts[1:]]
    family = _id_family(fam)
    head = f"{family}-{parts[0]}" if fam in ("gpt", "phi") else f"{family} {parts[0]}"
    return " ".join([head, *[w.lower() if w.lower() == "mini" and fam == "gpt" else w for w in words]])


_CHATGPT_N = patterns.compile(r"(?<![\w-])ChatGPT[- ]?(?P<v>\d(?:\.\d)?o?)(?![\w-])(?!\.\w)")
# « GPT-o1 », « ChatGPT o3-mini »: OpenAI's reasoning series written after the chatbot's or the GPT name
_GPT_O = patterns.compile(r"(?<![\w-])(?:Chat)?GPT[- ](?P<o>o[1-9](?:-mini|-pro)?)(?![\w-])(?!\.\w)")
_VERSION_PART = patterns.compile(r"\d+(?:\.\d+)*[a-z]?")
_LAST_PART = patterns.compile(r"(?P<head>.*[ -])(?P<last>[^ -]+)$")


def _slashed(text: str, pos: int, surface: str, lex: Lexicons) -> Iterator[tuple[int, int, str]]:
    """The names a slash (or « et », « ou ») adds after ``surface``: its last part replaced by each
    one of the same kind (a version by a version, a tier by a tier word)."""
    names = _names(lex)
    last = _LAST_PART.match(surface)
    if not last:
        return
    while (m := names["slash_part"].match(text, pos)) is not None:
        part = m.group("part")
        same_kind = part[0].isdigit() == last.group("last")[0].isdigit() and (
            not part[0].isdigit() or _VERSION_PART.fullmatch(last.group("last")) is not None)  # (a version for a version, not a size)
        if not same_kind or (not part[0].isdigit() and part not in lex.variant_words and part.split("-")[0] not in lex.variant_words) \
                or (not part[0].isdigit() and lex.family(part) is not None):
            return  # (« … Thinking et Codex »: a family of its own)
        yield m.start("part"), m.end("part"), last.group("head") + part
        pos = m.end()


# after a version and a tier, bare numbers are no part of the name (« Gemini 2.5 Flash-Lite 15 1 »)
_NUMBERS_AFTER_TIER = patterns.compile(r"\d[^ \u00a0]*(?:[ \u00a0]+[A-Za-z][\w-]*[a-z])+(?P<n>(?:[ \u00a0-]\d{1,3}(?:[.,]\d+)?)+)$")
_PAREN_SIZE = patterns.compile(r"\s*\(\s*(\d+(?:[.,]\d+)?[BMK])\s*\)")
# « Gemini (2.5 Pro) », « Llama (3.1) », « Claude (3 Opus) »: a version with a point or a tier alone in
# parentheses after a bare family (not « (2024) », not a note « (1) »)
_PAREN_VERSION = patterns.compile(r"\s*\(\s*(?P<v>\d{1,2}(?:\.\d+(?:[ \u00a0](?P<tier>[A-Z][a-z]+))?|[ \u00a0](?P<tier2>[A-Z][a-z]+))"
                                  r"|(?P<tier3>[A-Z][a-z]+)[ \u00a0]\d{1,2}(?:\.\d+)?)\s*\)")  # (« Claude (Opus 4) »)


# a release's date code after a versioned name: month and day (« 1106 », « 0125 ») or year and month
# (« 2402 », « 2407 »), never a year (« 2024 ») nor a count (« 1024 tokens »)
_CODE = r"(?:0[1-9]|1[0-2])[0-3]\d|2[1-9](?:0[1-9]|1[0-2])"
_TIER_OPENERS = frozenset('"«“(')  # (what a quoted or parenthesised tier opens with: read only then)
_PAREN_TIER = patterns.compile(r"[ \u00a0]*\([ \u00a0]*(?P<tier>[A-Z][a-z]+)[ \u00a0]*\)")
_QUOTED_TIER = patterns.compile(r"[ \u00a0]*[\"«“][ \u00a0]*(?P<tier>[A-Z][a-z]+)[ \u00a0]*[\"»”]")
_YEAR_MONTH = patterns.compile(r"2[3-9](?:0[1-9]|1[0-2])")
_DATE_CODE_AFTER = patterns.compile(
    rf"[ \u00a0]+(?P<code>{_CODE})(?![\w.,])(?![ \u00a0]*(?:tokens?|jetons?|milliards?|millions?|mots|%|Go|Mo|points?|[Ee]lo|ELO|€|\$|dollars?|\d))"
    rf"|\s*\(\s*(?P<code2>{_CODE})\s*\)")


def _brand_before(text: str, start: int, lex: Lexicons) -> bool:
    """« Meta Llama 3.1 (405B) »: the maker's name right before the family's."""
    return _org_before(lex).search(text, max(0, start - 40), start) is not None
_SIZE_PART = patterns.compile(r"\d+(?:[.,]\d+)?[BMK]|\d+x\d+B")
_DECIMAL_COMMA = patterns.compile(r"(?<=[- \u00a0]\d),(?=\d)")  # a version written with a decimal comma (« GPT-3,5 », « Gemini 1,5 »)


_NEXT_CAPITALISED = patterns.compile(r"[ \u00a0](?P<word>[A-Z][A-Za-z]{2,}|[A-Z]{2,})(?![\w-]|\.\w)")


def _other_name_after(text: str, end: int, lex: Lexicons) -> bool:
    """A capitalised word right after a bare family name that is no variant, maker or family of
    the lexicon: the family's name is part of another name (« Llama CPP », « Llama Stack »)."""
    m = _NEXT_CAPITALISED.match(text, end)
    if m is None:
        return False
    word = m.group("word")
    return word not in lex.variant_words and word not in lex.organizations and lex.family(word) is None \
        and word.lower() not in lex.common_words


@per_lexicons
def _lower_families(lex: Lexicons) -> dict:
    """The families by their name in lower case (« qwen » -> Qwen)."""
    out: dict = {}
    for f in lex.families:  # (the lexicon's first spelling: « llama » is Llama, not LLaMA)
        if len(f.name) > 2:
            out.setdefault(f.name.lower(), f)
    return out


_OLLAMA_GATE = patterns.compile(r":\d+(?:\.\d+)?[bm](?![\w:])")  # (in every tag: a text without one is not searched)


@per_lexicons
def _ollama_tags(lex: Lexicons) -> re.Pattern:
    names = patterns.alternation(sorted(_lower_families(lex)), case_sensitive=True)
    return patterns.compile(rf"(?<![\w/.@:-])(?P<fam>{names})(?P<rest>[a-z0-9.-]*?):(?P<size>\d+(?:\.\d+)?[bm])"
                            rf"(?P<more>(?:-[a-z0-9]+){{0,2}})(?![\w:.-]|\.\w)")


def ollama_name(family: str, rest: str, size: str, more: str) -> str:
    """« qwen3 » + « 14b » -> « Qwen3-14B », « qwen3-vl » + « 30b » + « -a3b » -> « Qwen3-VL-30B-A3B »: the
    parts of a tag, each short one in capitals."""
    parts = [p for p in (rest + "-" + size + more).split("-") if p]
    shown = [p.upper() if len(p) <= 3 or re.fullmatch(r"\d+(?:\.\d+)?[bm]", p) else p for p in parts]
    head, *tail = shown
    return family + (head if rest[:1] not in ("-", "") else "-" + head) + "".join("-" + p for p in tail)


def _capitalised_tiers(tail: str, lex: Lexicons) -> str:
    """« 1.5 pro » -> « 1.5 Pro »: a size tier written in lower case, as the name writes it."""
    lower = lower_size_tiers(lex)
    return " ".join(w.title() if w in lower else w for w in tail.split(" ")) if lower.intersection(tail.split(" ")) else tail


@dataclass(frozen=True)
class ModelMention:
    start: int
    end: int
    text: str
    family: str | None  # the lexicon family, None for an unknown name
    has_tail: bool  # a version, size or variant follows the family name
    recognizer: str


def find_model_mentions(text: str, *, lexicons: Lexicons | None = None,
                        sentences=()) -> Iterator[ModelMention]:
    """Model-name mentions in ``text``, left to right, never overlapping."""
    lex = lexicons or load()
    names = _names(lex)
    family, lower, unknown = name_patterns(lex)
    taken = Taken()
    found: list[ModelMention] = []
    free = taken.free

    listed = list(family.finditer(text))  # read again below: a bare family name listed with models
    # (a family the article names with a version: alone, its name may stand for that model, not the family)
    versioned = {lex.family(m.group("fam")).name for m in listed if (m.group("tail") or "").strip(" -\u00a0")}
    # the organisations the article names (read once, when first asked)
    makers = functools.cache(lambda: frozenset(lex.organizations[m.group(0)] for m in organization_pattern(lex).finditer(text)))

    for m in listed:
        fam = lex.family(m.group("fam"))
        tail = m.group("tail") or ""
        end, surface = m.end(), fam.name + _capitalised_tiers(_DECIMAL_COMMA.sub(".", m.group(0)[len(m.group("fam")):]), lex)  # « LLAMA 3.1 » is « Llama 3.1 », « GPT-3,5 » GPT-3.5, « Gemini 1,5 pro » Gemini 1.5 Pro
        extra = _NUMBERS_AFTER_TIER.search(tail)
        if extra:  # « Gemini 2.5 Pro 5 100 250 000 »: a table's values after a versioned name's tier
            cut = len(extra.group("n"))
            end, surface, tail = end - cut, surface[:-cut], tail[:-cut]
        size = _PAREN_SIZE.match(text, end)
        if size and (fam.requires_version and not tail.strip(" -") or _brand_before(text, m.start(), lex)) \
                and not any(p in lex.variant_words or _SIZE_PART.fullmatch(p) for p in tail.replace("-", " ").split()):
            # « Meta Llama 3.1 (405B) », « le modèle Mistral (7B) »: the size completes a name after its
            # maker's, or one that needs a version; « GPT-3 (175B) », « LaMDA (137B) » are complete
            end, surface, tail = size.end(), f"{surface} {size.group(1)}", f"{tail} {size.group(1)}"
        version = _PAREN_VERSION.match(text, end) if not tail.strip(" -\u00a0") else None
        if version and all(t is None or t in lex.variant_words for t in (version.group("tier"), version.group("tier2"), version.group("tier3"))):
            # « Gemini (2.5 Pro) » in a table's header: the version in parentheses completes the bare family
            end, tail = version.end(), f" {version.group('v')}"
            surface = f"{fam.name}{tail}"
        quoted = (_QUOTED_TIER.match(text, end) or _PAREN_TIER.match(text, end)) \
            if text[end:end + 3].lstrip(" \u00a0")[:1] in _TIER_OPENERS and any(c.isdigit() for c in tail) \
            and not any(p in lex.variant_words for p in tail.replace("-", " ").split()) else None
        if quoted and quoted.group("tier") in lex.variant_words and quoted.group("tier") not in lex.effort_levels:
            # « Llama 4 "Behemoth" », « Gemini 2.5 « Pro » », « Claude 3.5 (Sonnet) »: a tier the page puts in
            # quotes or parentheses after a versioned name with none is the name's
            end, surface, tail = quoted.end(), f"{surface} {quoted.group('tier')}", f"{tail} {quoted.group('tier')}"
        code = _DATE_CODE_AFTER.match(text, end) if text[end:end + 3].lstrip(" \u00a0(")[:1].isdigit() else None
        if code and not tail.strip(" -\u00a0") and not _YEAR_MONTH.fullmatch(code.group("code") or ""):
            code = None  # (after a bare family, only a year and a month: « Codestral 2501 », not « Claude 1106 »)
        if code and code.group("code2") and any(c.isdigit() for c in tail):
            code = None  # « Mistral Small 3.1 (2503) »: the release code of a name that has its version, in passing
        if code:  # « Mistral Large 2407 », « GPT-4 1106 », « Mistral Large (2402) »: the release's date code
            c = code.group("code") or code.group("code2")
            end, surface, tail = code.end(), f"{surface} {c}", f"{tail} {c}"
        if fam.requires_version and not tail.strip(" -\u00a0") and not names["collective"].search(text, max(0, m.start() - 30), m.start()) \
                and not names["owned"].match(text, end) and not names["called_a_model"].match(text, end) \
                and not (fam.bare_with_maker and fam.name not in versioned and fam.organization in makers()
                         and not _SURNAME.match(text, end)):
            continue  # « Claude » the assistant, « Mistral » the company; but « la famille Claude », « GPT d'OpenAI »,
            # « Bloom est un modèle de langage », « Claude » in an article that names Anthropic and no Claude model
        if not tail.strip(" -\u00a0") and names["org_noun_before"].search(text, max(0, m.start() - 50), m.start()):
            continue  # « le laboratoire chinois Qwen a présenté »: the organisation
        if not tail.strip(" -\u00a0") and _other_name_after(text, end, lex):
            continue  # « Llama CPP », « Llama Stack »: part of another name (a tool, a product)
        found.append(ModelMention(m.start(), end, surface, fam.name, bool(tail), "family"))
        taken.add((m.start(), end))
        if tail:  # « Llama 3.1 / 3.2 / 3.3 », « Gemini 2.0 Pro/Flash »: siblings after slashes
            for a, b, name in _slashed(text, end, surface, lex):
                found.append(ModelMention(a, b, name, fam.name, True, "slashed"))
                taken.add((a, b))
    # « Le modèle R1 de DeepSeek », « de DeepSeek (R1) », « DeepSeek a présenté son modèle de
    # raisonnement R3 »: a code named with its maker is that
    # maker's family's model (« DeepSeek R1 »)
    for m in names["code_of_org"].finditer(text):
        group = next(g for g in ("code", "code2", "code3") if m.group(g))
        a, b = m.span(group)
        fam = _org_family(lex, m.group("org") or m.group("org2") or m.group("org3"))
        if fam and free(a, b):
            found.append(ModelMention(a, b, f"{fam} {m.group(group)}", fam, True, "code_of_org"))
            taken.add((a, b))
    # « la sortie de V3, R1 Zero et R1 » in an article on DeepSeek: the family's models by their code
    for fam, m in _family_codes(text, lex):
        if free(m.start(), m.end()):
            found.append(ModelMention(m.start(), m.end(), f"{fam.name} {m.group(0)}", fam.name, True, "family_code"))
            taken.add((m.start(), m.end()))
    for m in (_API_ID.finditer(text) if _API_ID_GATE.search(text) else ()):  # « claude-3-5-sonnet-20241022 »: a provider's model id
        name = api_id_name(m.group("fam"), m.group("rest"), variants=_lower_variants(lex))
        if name and free(m.start(), m.end()):
            family = lex.family(_id_family(m.group("fam")))
            found.append(ModelMention(m.start(), m.end(), name, family.name if family else None, True, "api_id"))
            taken.add((m.start(), m.end()))
    # « qwen3:14b », « ministral-3:14b », « qwen3-vl:30b-a3b »: an Ollama tag, the family in lower case
    for m in (_ollama_tags(lex).finditer(text) if _OLLAMA_GATE.search(text) else ()):
        if free(m.start(), m.end()):
            fam = _lower_families(lex)[m.group("fam")]
            found.append(ModelMention(m.start(), m.end(), ollama_name(fam.name, m.group("rest"), m.group("size"), m.group("more")),
                                      fam.name, True, "ollama_tag"))
            taken.add((m.start(), m.end()))
    # « ChatGPT-5 », « ChatGPT 4o »: the press's name for the model behind the product (« GPT-5 »)
    for m in _CHATGPT_N.finditer(text):
        if free(m.start(), m.end()):
            found.append(ModelMention(m.start(), m.end(), f"GPT-{m.group('v')}", "GPT", True, "chatgpt_version"))
            taken.add((m.start(), m.end()))
    for m in _GPT_O.finditer(text):
        if free(m.start(), m.end()):
            found.append(ModelMention(m.start(), m.end(), m.group("o"), "o-series", "-" in m.group("o"), "series"))
            taken.add((m.start(), m.end()))
    for m in lower.finditer(text):
        if free(m.start(), m.end()):
            name = m.group(0).lower().replace(" ", "-").replace("\u00a0", "-")  # « o3-mini High » is o3-mini-high
            found.append(ModelMention(m.start(), m.end(), name, "o-series", bool(m.group("tail")), "series"))
            taken.add((m.start(), m.end()))
    # « O3 Mini », « des modèles comme DeepSeek, O1 ou O3 », « le modèle public O3 »: the series in
    # capitals, with its tier, listed with another model or after « modèle », where the sentence
    # speaks of AI models (« l'ozone O3 » is none)
    capitals = [m for m in capital_series_pattern(lex).finditer(text) if free(m.start(), m.end())]
    spans = sorted([(x.start, x.end) for x in found] + [m.span() for m in capitals])
    def told(m: re.Match) -> bool:  # a tier, a list, or « le modèle O3 », in a sentence on AI models
        i = bisect_left(spans, m.span())
        in_list = (i and names["listed"].fullmatch(text, spans[i - 1][1], m.start())) or \
            (i + 1 < len(spans) and names["listed"].fullmatch(text, m.end(), spans[i + 1][0]))
        named = names["model_word_before"].search(text, max(0, m.start() - 25), m.start())
        return bool(m.group("tier") or in_list or named) and _in_ai_sentence(text, m.start(), sentences, lex)

    # once the article names the series so, its other mentions are the model too (« d'O3 », « L'O3 »)
    if any(told(m) for m in capitals):
        for m in capitals:
            tier = m.group("tier")
            name = m.group("fam").lower() + (f"-{tier.lower()}" if tier else "")
            found.append(ModelMention(m.start(), m.end(), name, "o-series", bool(tier), "series_capital"))
            taken.add((m.start(), m.end()))
    # An unknown name counts where its sentence speaks of AI models, and then everywhere in the
    # article (« Ébène 3 s'appuie sur 256 experts » once « Ébène 3 … paramètres » was seen).
    unknowns: list[tuple[int, int, str, bool]] = []
    benchmark_words = _benchmark_words(lex)
    for m in unknown.finditer(text):
        start, name = _drop_leading_words(m.start(), m.group("fam"), lex)
        if name and (name.split()[0] in benchmark_words or names["benchmark_word"].search(name.split()[0])):
            continue  # « MMLU 5-shot », « AIME 2025 », « Kingbench 2.0 »: a benchmark and its setting
        if name is None or _is_year(m.group("tail")) or not free(start, m.end()):
            continue
        if _AFFILIATION_NUMBER.fullmatch(m.group("tail")) and _CAPITAL_WORD_AFTER.match(text, m.end()):
            continue  # « Yoann Dupont 3 Laurent Romary 2 », « Paris, France 2 Inria »: an author's affiliation call
        if _INITIALS.match(name) and not _SIZE_OR_V.match(m.group("tail")):
            continue  # initials before a hyphen name a model with a size or a « v » version only (« LN-Nano 8B », not « UE-Chine 2 »)
        if names["thing_before"].search(text, max(0, start - 20), start):
            continue  # « l'architecture Aricate v4 »: another kind of thing
        if names["amount_after"].match(text, m.end()):
            continue  # « Facturé 75$ par million de tokens », « Tarif 20 % »: a price or a share, no version
        # « Sonnet 3.7 »: a variant word then a version is kept for the resolver, which makes it a
        # sibling of a named model (« Claude Sonnet 4 ») or nothing
        variant = name.split()[0] in lex.variant_words and not _SIZE_PART.fullmatch(m.group("tail").strip(" -"))
        sized = _SIZE_TAIL.fullmatch(m.group("tail")) is not None
        unknowns.append((start, m.end(), text[start:m.end()], variant or sized or _in_ai_sentence(text, start, sentences, lex)))
    # « Latam-GPT », « InkubaLM »: a name built on a language-model suffix, where its sentence speaks of AI models
    for m in suffixed_name_pattern(lex).finditer(text):
        name = m.group("fam")
        if any(p in name.replace("-", "") for p in _glued_products(lex)) or name in lex.organizations \
                or name in lex.not_models or lex.family(name) or not free(m.start(), m.end()):
            continue  # (« Chat-GPT », « ChatGPTChatGPT »: the product)
        unknowns.append((m.start(), m.end(), m.group(0), _in_ai_sentence(text, m.start(), sentences, lex)))
    unknowns.sort()
    # « Étain3 »: a version glued to a word counts when the name comes back (a footnote call,
    # « les issues GitHub2 », is written once)
    times = Counter(surface for _, _, surface, _ in unknowns)
    unknowns = [(a, b, surface, ai and (times[surface] > 1 or not _GLUED.search(surface)))
                for a, b, surface, ai in unknowns]
    seen_in_ai = {surface for _, _, surface, ai in unknowns if ai}
    rest = []
    for start, end, surface, ai in unknowns:
        if ai or surface in seen_in_ai:
            found.append(ModelMention(start, end, surface, None, True, "unknown_name"))
            taken.add((start, end))
        else:
            rest.append((start, end, surface))
    # « Givre3 Turbo, Sérac 2, Brume Matinale 2 : … »: a name listed with models is one too, everywhere
    listed_names = {surface for _, _, surface in _listed_with(text, rest, found, lex)}
    for start, end, surface in rest:
        if surface in listed_names:
            found.append(ModelMention(start, end, surface, None, True, "unknown_listed"))
            taken.add((start, end))
    # « LATAM-GPT » once « Latam-GPT » is a model: the same name in other letters' case
    for a, b, surface in _case_variants(text, [m.text for m in found if m.family is None and m.start < m.end], free):
        found.append(ModelMention(a, b, surface, None, True, "case_variant"))
        taken.add((a, b))
    called = names["called_a_model"]
    named = itertools.chain(names["named_as_model"].finditer(text),  # « baptisé Saba », « le modèle de langage Pleias »
                            (m for m in names["defined_as_model"].finditer(text) if called.match(text, m.end())))  # « Llava est un LLM »
    for m in named:
        a, b = m.span("name")
        name = m.group("name")
        first = name.split()[0]
        if (first in lex.not_models or name in lex.organizations or first in lex.organizations
                or first.lower() in lex.common_words or first.isupper() and len(first) <= 4 or not free(a, b)):
            continue
        if not _in_ai_sentence(text, a, sentences, lex):
            continue
        found.append(ModelMention(a, b, name, None, False, "named_as_model"))
        taken.add((a, b))
    for a, b, name in model_lists.listed_models(text, sentences, lex):  # « voici la liste des modèles compatibles : • Falcon »
        if free(a, b) and name not in lex.organizations:
            fam = lex.family(name)
            found.append(ModelMention(a, b, fam.name if fam else name, fam.name if fam else None, fam is None and " " in name,
                                      "model_list"))
            taken.add((a, b))
    found.sort(key=lambda x: x.start)
    # a bare family name listed with models is the family (« comme GPT-4 et Claude », « Gemini ou
    # Claude », « comme Llama, Mistral et Qwen »: the models it is listed with may be bare too)
    # (an assistant listed with it counts as a model there: « ChatGPT ou Claude », « Perplexity, Claude ou Mistral »)
    neighbours = found + [ModelMention(p.start(), p.end(), p.group(0), None, False, "product")
                          for p in _product_names(lex).finditer(text) if free(p.start(), p.end())]
    ends, starts = _Nearest(neighbours, key=lambda x: x.end), _Nearest(neighbours, key=lambda x: x.start)
    bare = []  # the bare family names that may be models, with whether they are
    for m in listed:
        fam = lex.family(m.group("fam"))
        if m.group("tail") or not fam.requires_version or not free(m.start(), m.end()):
            continue
        if (org := organization_pattern(lex).match(text, m.start())) and org.end() > m.end():
            continue  # « Mistral AI »: the company
        if names["not_listed"].search(text, max(0, m.start() - 12), m.start()):
            continue  # « Selon Mistral, Mixtral 8x22B … »: the company
        product = _NEXT_CAPITALISED.match(text, m.end())
        if product and product.group("word") not in lex.variant_words:
            continue  # « Devstral 2 et Mistral Vibe CLI »: the first word of a product's name
        # only the names right before and right after can be listed with it (the gap is a comma or a conjunction)
        before, after = ends.before(m.start()), starts.after(m.end())
        left = before is not None and names["listed"].fullmatch(text, before.end, m.start())
        right = after is not None and names["listed"].fullmatch(text, m.end(), after.start)
        joined = (before is not None and names["joined"].fullmatch(text, before.end, m.start())
                  or after is not None and names["joined"].fullmatch(text, m.end(), after.start))
        bare.append((m, fam, bool((left and right) or joined) or names["such_as"].search(text, max(0, m.start() - SUCH_AS_WINDOW), m.start())
                     is not None or _after_its_maker(text, m.start(), m.end(), fam.organization, lex)))
    # « GPT, Claude, Gemini, Llama, Mistral ou ChatGPT »: a list of three names or more, two of them
    # models, makes models of the bare names in it
    listed_models = _in_long_lists(text, [(m.start(), m.end(), ok) for m, _, ok in bare], neighbours, lex)
    for (m, fam, ok), in_list in zip(bare, listed_models):
        if ok or in_list:
            found.append(ModelMention(m.start(), m.end(), fam.name, fam.name, False, "family_in_list"))
            taken.add((m.start(), m.end()))
    found.sort(key=lambda x: x.start)
    if sentences:  # names on lines that are not the article (« À lire aussi : … ») are not mentions
        found = [m for m in found if _in_sentence(sentences, m.start)]
        licence_cells = cells_under(text, sentences, lex.cue("tables.not_model_header"))
        if licence_cells:  # « | Licence | … | Llama 3.3 Community | »
            cells = Spans((c.start, c.end) for c in licence_cells)
            found = [m for m in found if not cells.overlaps(m.start, m.start + 1)]
    yield from found


class _Nearest:
    """Mentions sorted by a position: the last one at or before a position, the first one at or after."""

    def __init__(self, items: list, *, key):
        self._items = sorted(items, key=key)
        self._keys = [key(x) for x in self._items]

    def before(self, pos: int):
        i = bisect_right(self._keys, pos)
        return self._items[i - 1] if i else None

    def after(self, pos: int):
        i = bisect_left(self._keys, pos)
        return self._items[i] if i < len(self._items) else None


# « Grésil-70B », « Falcon-40B »: a size in billions joined by a hyphen is how models are named
# (« Borealis 7B », spaced, may be anything)
# a word of the name with its version glued to a lower-case letter (« Étain3 », « Prix Sortie12 »)
_GLUED = patterns.compile(r"(?:^| )[^\d ]*[a-zà-öø-ÿœ]\d")
# a flattened list of authors or affiliations: a one- or two-digit call, then the next capitalised name
_AFFILIATION_NUMBER = patterns.compile(r"[ \u00a0]\d{1,2}")
_CAPITAL_WORD_AFTER = patterns.compile(r"[ \u00a0]+(?:\d{1,2}[ \u00a0]+)?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\b")
_SIZE_TAIL = patterns.compile(r"-\d+(?:[.,]\d+)?B|-\d+x\d+B")
_INITIALS = patterns.compile(r"[A-ZÀ-ÖØ-Þ]{1,2}-")
_SIZE_OR_V = patterns.compile(r"[ \u00a0\u202f-](?:\d+(?:[.,]\d+)?[BMK](?![\w])|\d+x\d+B|\d+ B(?![\w])|v\d)")


def _listed_with(text: str, candidates: list[tuple[int, int, str]], mentions: list[ModelMention], lex: Lexicons) -> list[tuple[int, int, str]]:
    """The candidate names separated from a model mention (or from another such name) by a comma
    or a conjunction alone: left to right, then right to left, so that a list is read whole."""
    names = _names(lex)
    spans = SortedList((x.start, x.end) for x in mentions)  # (a name accepted goes in among them, in a bisection)
    accepted: set[tuple[int, int, str]] = set()
    pending = sorted(candidates)
    for order in (pending, pending[::-1]):
        for item in order:
            if item in accepted:
                continue
            a, b, _ = item
            i = spans.bisect_left((a,))
            before, after = (spans[i - 1] if i else None), (spans[i] if i < len(spans) else None)
            if (before and names["listed"].fullmatch(text, before[1], a)) or (after and names["listed"].fullmatch(text, b, after[0])):
                accepted.add(item)
                spans.add((a, b))
    return sorted(accepted)


CASE_VARIANT_MIN = 5  # characters a name needs (with a hyphen or a digit) for its case variants to be it


def _case_variants(text: str, surfaces: list[str], free) -> Iterator[tuple[int, int, str]]:
    """Where ``text`` writes one of the names in other letters' case (« LATAM-GPT » for « Latam-GPT »),
    with the name as first written: one pass over the text for all of them. Only names distinctive
    enough (``CASE_VARIANT_MIN`` characters, a hyphen or a digit) count."""
    first: dict[str, str] = {}
    for surface in surfaces:
        if len(surface) >= CASE_VARIANT_MIN and (any(c.isdigit() for c in surface) or "-" in surface):
            first.setdefault(surface.lower(), surface)
    if not first:
        return
    pattern = re.compile(rf"(?<![\w-])(?:{patterns.alternation(first)})(?![\w-])", re.I)
    for m in pattern.finditer(text):
        surface = first.get(m.group(0).lower())
        if surface is not None and m.group(0) != surface and free(m.start(), m.end()):
            yield m.start(), m.end(), surface


LONG_LIST = 3  # names in a list that makes models of its bare family names, two of them models

SUCH_AS_WINDOW = 160  # characters before a bare name where that introduction may stand
_PAREN_AFTER = patterns.compile(r"\s*\(\s*$")
_PAREN_CLOSE = patterns.compile(r"\s*\)")


def _after_its_maker(text: str, start: int, end: int, maker: Optional[str], lex: Lexicons) -> bool:
    """« Anthropic (Claude) », « Amazon (Nova) »: a bare family name in parentheses right after the
    name of its maker is its model."""
    if not maker or text[start:end] in lex.organizations or not _PAREN_CLOSE.match(text, end):
        return False  # (« DeepSeek (DeepSeek) » names the company twice)
    opening = _PAREN_AFTER.search(text, max(0, start - 4), start)
    if opening is None:
        return False
    org = next((o for o in organization_pattern(lex).finditer(text, max(0, opening.start() - 40), opening.start())
                if o.end() == opening.start()), None)
    return org is not None and lex.organizations.get(org.group(0)) == maker


def _in_long_lists(text: str, bare: list[tuple[int, int, bool]], found: list[ModelMention], lex: Lexicons) -> list[bool]:
    """For each bare name (start, end, already a model), whether it is in a list of ``LONG_LIST`` or
    more names, separated by commas and conjunctions only, of which at least two are models."""
    names = _names(lex)
    items = sorted([(x.start, x.end, True, -1) for x in found] + [(a, b, ok, i) for i, (a, b, ok) in enumerate(bare)])
    out = [False] * len(bare)
    run: list[tuple[int, int, bool, int]] = []
    closed = False  # the run's last name came after « et » / « ou »: a comma then ends the list
    for item in items + [(len(text) + 1, len(text) + 1, False, -1)]:
        if run and item[0] <= len(text) and names["listed"].fullmatch(text, run[-1][1], item[0]) \
                and not (closed and not names["joined"].fullmatch(text, run[-1][1], item[0])):
            closed = closed or bool(names["joined"].fullmatch(text, run[-1][1], item[0]))
            run.append(item)
            continue
        closed = False
        if len(run) >= LONG_LIST and sum(1 for x in run if x[2]) >= 2:
            for x in run:
                if x[3] >= 0:
                    out[x[3]] = True
        run = [item]
    return out


def _drop_leading_words(start: int, fam: str, lex: Lexicons) -> tuple[int, str | None]:
    """« Selon Zephyr 7B », « Avec Grive 4 »: a leading function word is not part of the name;
    a name made only of them, or known as something else (« Windows 11 », an organisation), is none."""
    words = fam.split()
    if len(words) == 2 and (words[0].lower() in lex.common_words or words[0] in lex.organizations
                            or words[0] in lex.not_models):
        start += len(fam) - len(words[1])
        fam = words[1]
    if fam in lex.not_models or fam in lex.organizations or (fam.lower() in lex.common_words and not fam.isupper()):
        return start, None  # (« MAI-1 » is no month)
    if any(w in lex.not_models for w in fam.split()):
        return start, None  # (« Intelligent Index 76 »)
    parts = _CAMEL_PART.findall(fam.split()[0])
    if len(parts) > 1 and parts[0] in lex.not_models:
        return start, None  # a label glued to its value on a scraped page: « LicenceApache 2.0 »
    return start, fam


_CAMEL_PART = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+")


def _sentence_at(sentences, pos: int):
    """The sentence (sorted by start) that holds ``pos``, or None."""
    i = bisect_right(sentences, pos, key=START) - 1
    return sentences[i] if i >= 0 and sentences[i].start <= pos < sentences[i].end else None


def _in_sentence(sentences, pos: int) -> bool:
    return _sentence_at(sentences, pos) is not None


def _is_year(tail: str) -> bool:
    return bool(re.fullmatch(r"[ \u00a0-](?:19|20)\d\d", tail))


def _in_ai_sentence(text: str, pos: int, sentences, lex: Lexicons) -> bool:
    names = _names(lex)
    s = _sentence_at(sentences, pos)
    if s is not None:
        return bool(names["ai_context"].search(text, s.start, s.end))
    a, b = max(0, pos - 200), min(len(text), pos + 200)
    return bool(names["ai_context"].search(text[a:b]))


if not Doc.has_extension("model_mentions"):
    Doc.set_extension("model_mentions", default=())


@Language.factory("model_mentions", assigns=["doc._.model_mentions"], requires=["doc._.sentences"])
def make_model_mentions(nlp: Language, name: str):
    lex = load()

    def component(doc: Doc) -> Doc:
        doc._.model_mentions = tuple(find_model_mentions(text_of(doc), lexicons=lex, sentences=doc._.sentences))
        return doc

    return component
