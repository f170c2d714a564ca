"""Model-name patterns built from the lexicon: a family (« Llama », « Qwen ») and its tail of
versions, sizes, codes and variant words (« Llama 4 Scout », « Qwen3-235B-A22B », « GPT-4o mini »),
the lower-case OpenAI series (« o3-mini »), and unknown capitalised names with a version or a size
(« Zephyr 7B »). Plain regular expressions, no spaCy: the synthetic-corpus generator uses them too.
"""
from __future__ import annotations

import re

from pipeline import patterns
from pipeline.lexicons import Lexicons, per_lexicons

SEP = "[ \u00a0\u202f-]"
_VERSION = r"\d+(?:\.\d+)*(?:,\d(?!\d)(?!\s*(?:milliards?|millions?|%|fois|[BMK]\b)))?(?:[a-z]|O(?=[^\w]|$))?(?![\w])"  # « GPT-4O » is GPT-4o; « GPT-3,5 » is GPT-3.5
_SIZE = r"\d+(?:[.,]\d+)?[BMK](?![\w])|\d+x\d+B(?![\w])|\d+ B(?![\w])"
_CODE = r"(?!Q\d)[A-Z]{1,2}\d+(?:\.\d+)?[A-Z]?\+?(?![\w])"  # (not a quantisation, « Kimi K2 Q8 »)
UPPER = "A-ZÀ-ÖØ-ÞŒ"
LOWER = "a-zà-öø-ÿœ"
# « GPT-5-level reasoning », « GPT-4-like », « Llama-based »: an English suffix after a name is no part of it
_NOT_A_PART = r"(?:level|like|class|based|style|grade|powered|sized|scale|type|compatible|equivalent)"
# « Qwen3:30b-instruct », « GPT-OSS:20b »: an Ollama tag, the size after a colon
_TAG = r":\d+(?:\.\d+)?[bm](?:-[a-z][a-z\d]*){0,2}(?![\w:])"
_NAMED_BASE = r"[A-Z][a-z]+\d+(?:\.\d+)?(?![\w])"  # « DeepSeek-R1-Distill-Qwen3-8B »: a base model inside a name
# the makers' prefixes of provider model ids (« anthropic.claude-… », « meta-llama/… », « mistralai/… »)
API_ID_PREFIXES = ("anthropic", "google", "meta", "mistralai", "openai", "amazon", "cohere", "deepseek", "qwen", "ai21")


@per_lexicons
def name_patterns(lex: Lexicons) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    variants = patterns.alternation(lex.variant_words, case_sensitive=True)
    spaced_lower = patterns.alternation(lex.spaced_lowercase, case_sensitive=True)
    cap_variants = patterns.alternation((w for w in lex.variant_words if w[:1].isupper()), case_sensitive=True)
    # « Gemini 1,5 pro », « gemini 2.5 flash »: a size tier in lower case after a version (not the tiers that are
    # French words: « GPT-4 plus performant »)
    lower_tiers = patterns.alternation(lower_size_tiers(lex), case_sensitive=True)
    # a table flattened with no cell separators glues a display name to the API id after it
    # (« Claude Sonnet 4.5anthropic.claude-sonnet-4-5 », « Gemini 1.5 Progemini-1.5-pro-002 »): the
    # name ends where an id starts
    ids = patterns.alternation(sorted({f.lower() for f in lex.family_spellings() if len(f) > 2} | set(API_ID_PREFIXES)),
                               case_sensitive=True)
    makers = patterns.alternation(sorted(o for o in lex.organizations if len(o) > 2 and o[:1].isupper()), case_sensitive=True)
    glued = rf"(?=(?:{ids})[.\-])|(?=(?:{makers})(?![a-z]))"  # (or the maker's cell: « Claude Opus 4Anthropic200K »)
    end = rf"(?:(?![\w])|{glued})"
    code, version = _CODE.replace(r"(?![\w])", end), _VERSION.removesuffix(r"(?![\w])") + end
    # After a hyphen: any component. After a space: sizes, short versions, codes, capitalised
    # variants and the few lower-case variants used with a space ("GPT-4o mini").
    comp_hyphen = (rf"(?:{_SIZE}|{_CODE}|{version}|{_NAMED_BASE}|v\d+(?:\.\d+)*(?![\w])|(?:{variants})(?![\w+])|(?!{_NOT_A_PART}(?![\w+]))[a-z]{{3,12}}(?![\w+])|"
                   rf"[A-Z]{{1,4}}(?![\w+])|[A-Z][a-z]{{2,15}}(?![\w+]))")  # « DeepSeek-V3.1-Terminus », « Yi-Lightning »
    comp_space = (rf"(?:{_SIZE}|{code}|\d,\d(?=[ \u00a0](?:{cap_variants}|{lower_tiers})(?![\w]))|\d{{1,2}}(?:\.\d+)*[a-z]?(?!,\d){end}|\d+\.\d+{end}|"
                  rf"v\d+(?:\.\d+)*(?![\w])|"  # « Claude 3,5 Sonnet », « DeepSeek v3 » (not « Gemini 1 » of « Gemini 1,5 pro »)
                  rf"(?:{cap_variants}){end}|R\+|(?:{spaced_lower})(?![\w])|(?<=\d[ \u00a0])(?:{lower_tiers})(?![\w-]))")
    first = rf"(?:-{comp_hyphen}|[ \u00a0]{comp_space}|(?<=[A-Za-z])\d+(?:\.\d+)*[a-z]?(?![\w]))"
    more = rf"(?:-{comp_hyphen}|[ \u00a0]{comp_space})"
    fam = patterns.alternation(lex.family_spellings(), case_sensitive=True)
    # a sentence end glued on either side: « Gemini 2.0.DeepSeek V3 », « une réactivité immédiate.Mistral Small 3.1 »
    # (not a domain or a file: « huggingface.co/Llama », « meta.Llama »)
    family = patterns.compile(rf"(?<![\w@/-])(?:(?<!\.)|(?<=[a-zà-öø-ÿ]{{3}}\.)(?=[A-Z]))(?P<fam>{fam})"
                              rf"(?P<tail>{first}{more}{{0,5}}(?:{_TAG})?|{_TAG})?(?:(?![\w-]|\.[a-z\d])|(?<=[\da-z])(?:{glued}))")
    series = "|".join(p for p, _, _ in lex.lowercase_series)
    # « o3-mini », « o4-mini-high »: a tier, then a reasoning effort
    # (the effort also after a space, capitalised: « o3-mini High », « o3-mini high »)
    lower = patterns.compile(rf"(?<![\w-])(?P<fam>{series})(?P<tail>-(?:mini|pro|preview|high|low)(?:-(?:high|medium|low)|[ \u00a0](?:[Hh]igh|[Ll]ow)(?![\w-]))?)?(?![\w-])")
    # One or two capitalised words (accents and ligatures included: « Ébène », « Cigüe », « Grand
    # Duc », « Croix du Sud »), each with an optional hyphenated capital part (« Héron-X »), then a version
    # (« v1 », « V3.5 » too) or a size, or a version glued to a lower-case end (« Étain3 », « Nickel2 Pro »).
    # (or initials before a hyphen and a capitalised part: « LN-Nano 8B », « N-ATLAS v1 »)
    word = (rf"(?:[{UPPER}][{LOWER}A-Z]{{2,}}(?:[{UPPER}][{LOWER}]+)*|[{UPPER}]{{1,2}}(?=-[{UPPER}]))"
            rf"(?:-[{UPPER}][{LOWER}{UPPER}\d]*)?")
    unknown = patterns.compile(
        rf"(?<![\w@/.-])(?P<fam>{word}(?:[ \u00a0](?:(?:du|de la|des|de)[ \u00a0])?{word})?)"
        rf"(?P<tail>(?:{SEP}(?:{_SIZE}|\d{{1,2}}(?:\.\d+)?(?![\w])|[vV]\d{{1,2}}(?:\.\d+)?(?![\w]))|(?<=[{LOWER}])\d{{1,2}}(?:\.\d+)?(?![\w]))"
        rf"(?:(?!{SEP}(?:{_SIZE}|\d))(?:{more})){{0,3}})(?![\w-])"
        r"(?!\s*(?:%|,\d|[\u00a0\u202f ]\d{3}))")
    return family, lower, unknown


@per_lexicons
def suffixed_name_pattern(lex: Lexicons) -> re.Pattern:
    """A capitalised word that ends, glued or after a hyphen, in a language-model suffix (« GPT »,
    « LM », « LLM »): « Latam-GPT », « BloombergGPT », « InkubaLM », « StableLM 2 », with an optional
    version or size; a name of its own, that no lexicon needs to know (not « LLM », « SLM », « ChatGPT »,
    which have no lower-case stem or are products)."""
    return patterns.compile(
        rf"(?<![\w@/.-])(?P<fam>[{UPPER}][{LOWER}][\w]*?-?(?:GPT|LLM|LM))"
        rf"(?P<tail>(?:{SEP}(?:{_SIZE}|\d{{1,2}}(?:\.\d+)?)(?![\w]))?)(?![\w/-])")  # (not « DragonLLM/… », a namespace)


NOT_LOWER_TIERS = frozenset({"plus", "max", "large", "medium", "small", "mini"})  # French words, or lower case already


@per_lexicons
def lower_size_tiers(lex: Lexicons) -> frozenset[str]:
    """The size tiers written in lower case after a version (« pro », « flash »), which the name
    writes capitalised (« Gemini 1.5 Pro »)."""
    return frozenset(w.lower() for w in lex.size_tiers if w.lower() not in NOT_LOWER_TIERS and w.lower() not in lex.spaced_lowercase)


@per_lexicons
def capital_series_pattern(lex: Lexicons) -> re.Pattern:
    """The lower-case series written in capitals, with a tier apart (« O3 Mini », « O1 Pro »):
    the series is group ``fam``, the tier group ``tier``."""
    series = "|".join(p[:1].upper() + p[1:] for p, _, _ in lex.lowercase_series if p[:1].islower())
    return patterns.compile(rf"(?<![\w-])(?P<fam>{series})(?:[ -](?P<tier>[Mm]ini|[Pp]ro))?(?![\w-]|\.\d)")
