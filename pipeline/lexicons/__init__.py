"""Language data, loaded and validated once: model families, organisations, benchmarks, French cues.

Each YAML file is general knowledge (never facts about one article). ``load()`` returns one frozen
``Lexicons`` object; a malformed file raises ``LexiconError`` naming the file and the entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping, Optional

import yaml

HERE = Path(__file__).parent
APOSTROPHE = "['’]"


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Family:
    name: str
    organization: str
    requires_version: bool = False
    glued_version: bool = False
    product: bool = False
    codes: tuple[str, ...] = ()  # letters its models go by alone (« V3 », « R1 » for DeepSeek)
    spellings: tuple[str, ...] = ()  # other ways pages write its name (« LLama »), output as ``name``
    bare_with_maker: bool = False  # alone, the model where the article names its maker (« Claude », also a first name)


@dataclass(frozen=True)
class Lexicons:
    families: tuple[Family, ...]
    lowercase_series: tuple[tuple[str, str, str], ...]  # (pattern, organization, family)
    variant_words: frozenset[str]
    effort_levels: frozenset[str]  # variant words that, quoted after a name, are a reasoning setting (« GPT-5.2 « High » »)
    tier_aliases: frozenset[str]
    tier_families: Mapping[str, str]  # « Sonnet » -> « Claude »
    bare_tiers: Mapping[str, str]  # « Maverick » -> « Llama »: a tier that names itself alone
    tier_order: Mapping[str, Mapping[str, Any]]  # family -> {tiers, tier_first_from}
    spaced_lowercase: frozenset[str]
    size_tiers: frozenset[str]  # tiers that replace one another (« Gemini 3 Pro » -> « sa version Flash »)
    not_models: frozenset[str]
    common_words: frozenset[str]  # lower-case French words that never start a model name
    ordinals: Mapping[str, int]  # « deuxième » -> 2
    products: frozenset[str]  # assistants and apps built on models (ChatGPT, Le Chat)
    product_nouns: frozenset[str]  # « l'application Gemini »: the bare family after one is a product
    organizations: Mapping[str, str]  # surface form -> canonical name
    organization_people: frozenset[str]  # the surface forms of ``organizations`` that are people (« Sam Altman »)
    organization_parents: Mapping[str, str]  # canonical name -> its parent's (« Google DeepMind » -> « Google »)
    not_organizations: frozenset[str]  # first words of « … AI » names that are methods or products (« Constitutional AI »)
    benchmarks: tuple[str, ...]
    benchmark_aliases: Mapping[str, str]  # another way a benchmark is written -> its name (« HLE »)
    leaderboards: frozenset[str]  # the benchmarks that rank models (LMArena)
    generic_benchmark_patterns: tuple[str, ...]
    cues: Mapping[str, Any]

    def same_maker(self, a: Optional[str], b: Optional[str]) -> bool:
        """Two canonical organisation names for one maker: equal, or one the other's parent
        (« Google DeepMind » and « Google »)."""
        return a == b or (a is not None and b is not None and
                          (self.organization_parents.get(a) == b or self.organization_parents.get(b) == a))

    def family(self, name: str) -> Family | None:
        """The family written ``name``: as the lexicon spells it, or in capitals (« LLAMA »)."""
        return _family_index(self).get(name)

    def family_spellings(self) -> tuple[str, ...]:
        """Every way a family's name is written: the lexicon's spelling, and for names of four
        characters or more, in capitals (« LLAMA 3.1 8B », « GPT-OSS 20B »; a short name in
        capitals is more often an acronym)."""
        return tuple(_family_index(self))

    def cue_source(self, name: str) -> str:
        """The regular expression of cue ``name`` (to build a larger pattern from several cues)."""
        value: Any = self.cues
        for part in name.split("."):
            value = value[part]
        return cue_source(value, _fragments(self))[0]

    def cue(self, name: str) -> re.Pattern:
        """The compiled cue ``name`` (« comparisons.rivals »), once per lexicon: its alternatives
        as one pattern, with its case flag, fragments expanded, apostrophes matching ' and ’."""
        return _compiled(self, name)


def fr(pattern: str) -> str:
    """Make every apostrophe in a pattern match both ' and ’ (``['’]``; inside a character class,
    the class gets ’ too)."""
    if "'" not in pattern:
        return pattern
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
        elif ch == "\\":
            out.append(ch)
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
            out.append(ch)
        elif ch == "]" and in_class:
            in_class = False
            out.append(ch)
        elif ch == "'":
            out.append("'’" if in_class else APOSTROPHE)
        else:
            out.append(ch)
    return "".join(out)


def safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser when PyYAML has it (ten times faster: the lexicons
    are read at every start)."""
    return yaml.load(text, Loader=SAFE_LOADER)


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str, folder: Path = HERE) -> dict:
    """A lexicon file's top-level mapping; ``LexiconError`` naming the file when it is not one."""
    try:
        data = safe_yaml((folder / name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{name}: cannot read: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping at the top level")
    return data


def _require(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise LexiconError(f"{where}: {what}")


def validate_families(data: dict, where: str = "families.yaml") -> tuple[Family, ...]:
    out = []
    for i, entry in enumerate(data.get("families") or []):
        _require(isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"],
                 where, f"entry {i} needs a non-empty 'name'")
        _require(isinstance(entry.get("organization"), str), where, f"{entry['name']}: needs 'organization'")
        unknown = set(entry) - {"name", "organization", "requires_version", "glued_version", "product", "codes", "spellings",
                                "bare_with_maker"}
        _require(not unknown, where, f"{entry['name']}: unknown keys {sorted(unknown)}")
        codes = entry.get("codes") or []
        _require(isinstance(codes, list) and all(isinstance(c, str) and len(c) == 1 and c.isupper() for c in codes),
                 where, f"{entry['name']}: 'codes' must be a list of capital letters")
        spellings = entry.get("spellings") or []
        _require(isinstance(spellings, list) and all(isinstance(x, str) and x for x in spellings),
                 where, f"{entry['name']}: 'spellings' must be a list of names")
        out.append(Family(**{**entry, "codes": tuple(codes), "spellings": tuple(spellings)}))
    _require(bool(out), where, "no families")
    names = [f.name for f in out]
    _require(len(names) == len(set(names)), where, "duplicate family names")
    return tuple(out)


CUE_KEYS = {"any", "case", "prefix", "suffix"}
_FRAGMENT = re.compile(r"\{([a-z_]+)\}")


def is_cue(value: Any) -> bool:
    """A cue is a pattern, a list of alternatives, or a mapping with ``any`` (the alternatives) and
    optionally ``case`` (``sensitive``; the default is case-insensitive), ``prefix`` and
    ``suffix`` (put around the alternation). A mapping without ``any`` groups cues by name."""
    return isinstance(value, (str, list)) or (isinstance(value, dict) and "any" in value)


def cue_source(value: Any, fragments: Mapping[str, str]) -> tuple[str, int]:
    """The regular expression and flags of one cue. ``{name}`` inside an alternative is the named
    fragment of the same file (``fragments:``); every apostrophe matches ' and ’."""
    if isinstance(value, str):
        alts, case, prefix, suffix = [value], "insensitive", "", ""
    elif isinstance(value, list):
        alts, case, prefix, suffix = value, "insensitive", "", ""
    else:
        alts, case = value["any"], value.get("case", "insensitive")
        prefix, suffix = value.get("prefix", ""), value.get("suffix", "")

    def expand(alt: str) -> str:
        return _FRAGMENT.sub(lambda m: f"(?:{fragments[m.group(1)]})", alt)

    body = "|".join(expand(a) for a in alts)
    source = fr(expand(prefix) + (f"(?:{body})" if len(alts) > 1 or prefix or suffix else body) + expand(suffix))
    return source, (0 if case == "sensitive" else re.IGNORECASE)


def validate_cues(data: dict, where: str = "cues_fr.yaml") -> dict:
    fragments = data.get("fragments") or {}
    _require(isinstance(fragments, dict) and all(isinstance(v, str) for v in fragments.values()),
             where, "'fragments' must map names to patterns")

    def check(key: str, value: Any) -> None:
        if isinstance(value, dict) and "any" not in value:
            for k, v in value.items():
                check(f"{key}.{k}", v)
            return
        if isinstance(value, dict):
            unknown = set(value) - CUE_KEYS
            _require(not unknown, where, f"{key}: unknown keys {sorted(unknown)}")
            _require(isinstance(value["any"], list) and value["any"], where, f"{key}: 'any' must be a non-empty list")
            _require(value.get("case", "insensitive") in ("sensitive", "insensitive"), where,
                     f"{key}: 'case' is sensitive or insensitive")
        elif isinstance(value, list):
            _require(bool(value), where, f"{key}: an empty list of alternatives")
        elif not isinstance(value, str):
            raise LexiconError(f"{where}: {key}: expected a pattern, a list or a mapping")
        alts = value if isinstance(value, list) else value.get("any") if isinstance(value, dict) else [value]
        _require(all(isinstance(a, str) and a for a in alts), where, f"{key}: alternatives must be non-empty patterns")
        for name in _FRAGMENT.findall(" ".join([*alts, str(value.get("prefix", "")) if isinstance(value, dict) else "",
                                                 str(value.get("suffix", "")) if isinstance(value, dict) else ""])):
            _require(name in fragments or name in DYNAMIC_FRAGMENTS, where, f"{key}: unknown fragment {{{name}}}")
        try:
            re.compile(cue_source(value, {**{n: "x" for n in DYNAMIC_FRAGMENTS}, **fragments})[0])
        except re.error as exc:
            raise LexiconError(f"{where}: {key}: bad pattern: {exc}") from exc

    for key, value in data.items():
        if key in ("fragments", "not_conditional"):
            continue
        check(key, value)
    return data


def validate_ordinals(data: Any, where: str = "common_fr.yaml") -> Mapping[str, int]:
    _require(isinstance(data, dict) and bool(data), where, "'ordinals' must be a non-empty mapping word -> position")
    for word, pos in data.items():
        _require(isinstance(word, str) and word == word.lower() and isinstance(pos, int) and pos >= 1,
                 where, f"ordinals: {word!r}: a lower-case word and a position >= 1")
    return dict(data)


@lru_cache(maxsize=1)
def load() -> Lexicons:
    fam = read_data("families.yaml")
    orgs = read_data("organizations.yaml")
    bench = read_data("benchmarks.yaml")
    cues = validate_cues(read_data("cues_fr.yaml"))
    common = read_data("common_fr.yaml")
    org_map: dict[str, str] = {}
    people: set[str] = set()
    parents: dict[str, str] = {}
    for entry in orgs.get("organizations") or []:
        _require(isinstance(entry, dict) and entry.get("canonical") and entry.get("names"),
                 "organizations.yaml", f"bad entry {entry!r}")
        unknown = set(entry) - {"canonical", "names", "people", "parent"}
        _require(not unknown, "organizations.yaml", f"{entry['canonical']}: unknown keys {sorted(unknown)}")
        for n in [*entry["names"], *(entry.get("people") or [])]:
            org_map[n] = entry["canonical"]
        people.update(entry.get("people") or [])
        if entry.get("parent"):
            parents[entry["canonical"]] = entry["parent"]
    _require(all(p in org_map.values() for p in parents.values()), "organizations.yaml", "a parent that is no organisation")
    benches = tuple(sorted((b["name"] for b in bench.get("benchmarks") or []), key=len, reverse=True))
    _require(bool(benches), "benchmarks.yaml", "no benchmarks")
    bench_aliases: dict[str, str] = {}
    for b in bench.get("benchmarks") or []:
        unknown = set(b) - {"name", "aliases"}
        _require(not unknown, "benchmarks.yaml", f"{b.get('name')}: unknown keys {sorted(unknown)}")
        for alias in b.get("aliases") or []:
            _require(isinstance(alias, str) and alias and alias not in benches, "benchmarks.yaml",
                     f"{b['name']}: bad alias {alias!r}")
            bench_aliases[alias] = b["name"]
    _require(all(isinstance(w, str) and w for w in fam.get("effort_levels") or ()), "families.yaml",
             "effort_levels must be words")
    series = tuple((s["pattern"], s["organization"], s["family"]) for s in fam.get("lowercase_series") or [])
    return Lexicons(
        families=validate_families(fam),
        lowercase_series=series,
        variant_words=frozenset(fam.get("variant_words") or ()),
        effort_levels=frozenset(fam.get("effort_levels") or ()),
        tier_aliases=frozenset(fam.get("tier_aliases") or ()),
        tier_families=dict(fam.get("tier_families") or {}),
        bare_tiers=dict(fam.get("bare_tiers") or {}),
        tier_order=dict(fam.get("tier_order") or {}),
        spaced_lowercase=frozenset(fam.get("spaced_lowercase") or ()),
        size_tiers=frozenset(fam.get("size_tiers") or ()),
        not_models=frozenset(fam.get("not_models") or ()),
        common_words=frozenset(common.get("common_words") or ()),
        ordinals=validate_ordinals(common.get("ordinals") or {}),
        products=frozenset(fam.get("products") or ()),
        product_nouns=frozenset(fam.get("product_nouns") or ()),
        organizations=org_map,
        organization_people=frozenset(people),
        organization_parents=parents,
        not_organizations=frozenset(orgs.get("not_organizations") or ()),
        benchmarks=benches,
        benchmark_aliases=bench_aliases,
        leaderboards=frozenset(bench.get("leaderboards") or ()),
        generic_benchmark_patterns=tuple(bench.get("generic_patterns") or ()),
        cues=cues,
    )


_FAMILY_INDEX: dict[int, dict[str, Family]] = {}
_CUE_CACHE: dict[tuple[int, str], re.Pattern] = {}


def _family_index(lex: Lexicons) -> dict[str, Family]:
    idx = _FAMILY_INDEX.get(id(lex))
    if idx is None:
        idx = {f.name: f for f in lex.families}
        for f in lex.families:
            if len(f.name) >= 4:
                idx.setdefault(f.name.upper(), f)
            for spelling in f.spellings:
                idx.setdefault(spelling, f)
        _FAMILY_INDEX[id(lex)] = idx
    return idx


def _compiled(lex: Lexicons, dotted: str) -> re.Pattern:
    key = (id(lex), dotted)
    pat = _CUE_CACHE.get(key)
    if pat is None:
        value: Any = lex.cues
        for part in dotted.split("."):
            value = value[part]
        if not is_cue(value):
            raise KeyError(f"{dotted} is a group of cues, not a cue")
        source, flags = cue_source(value, _fragments(lex))
        from pipeline import patterns  # patterns imports nothing of ours; imported here to keep lexicons first
        pat = _CUE_CACHE[key] = patterns.compile(source, flags)
        _CUE_READ.add(dotted)
    return pat


def _fragments(lex: Lexicons) -> dict[str, str]:
    """The file's named fragments, ``{ordinal}`` (the lexicon's ordinal words, « deuxième »),
    ``{tier}`` (its capitalised variant words, « Instruct »), ``{size_tier}`` (« Small », « Pro »)
    and ``{organization}`` (its organisations' names); built once per lexicon."""
    found = _FRAGMENTS.get(id(lex))
    if found is None or found[0] is not lex:
        from pipeline import patterns
        tiers = patterns.alternation(w for w in lex.variant_words if w[:1].isupper() and len(w) > 2)
        found = _FRAGMENTS[id(lex)] = (lex, {**(lex.cues.get("fragments") or {}), "ordinal": patterns.alternation(lex.ordinals),
                                            "tier": tiers, "size_tier": patterns.alternation(lex.size_tiers, case_sensitive=True),
                                            "organization": organization_names(lex)})
    return found[1]


_FRAGMENTS: dict[int, tuple[Lexicons, dict[str, str]]] = {}


DYNAMIC_FRAGMENTS = ("ordinal", "tier", "size_tier", "organization")
_CUE_READ: set[str] = set()  # the cue keys compiled so far in this process (tests check every key is read)


def per_lexicons(fn):
    """Cache what a function derives from a Lexicons object (patterns), once per object."""
    cache: dict[int, Any] = {}

    def wrapper(lex: Lexicons):
        hit = cache.get(id(lex))  # (one look-up: every linker asks for its patterns this way, per value)
        if hit is None:
            hit = cache[id(lex)] = (lex, fn(lex))  # keep lex alive so its id is not reused
        return hit[1]

    wrapper.__wrapped__ = fn
    return wrapper


@per_lexicons
def organization_names(lex: Lexicons) -> str:
    """The lexicon's organisation names as one case-sensitive alternation (a tree of their shared
    beginnings), built once for the recognisers and linkers that look for them."""
    from pipeline import patterns
    return patterns.alternation(lex.organizations, case_sensitive=True)


@per_lexicons
def organization_pattern(lex: Lexicons):
    """The lexicon's organisation names as whole words (not « Meta » in « Metaverse », nor after a
    hyphen), compiled once for every stage that looks for them."""
    from pipeline import patterns
    return patterns.compile(rf"(?<![\w-])(?:{organization_names(lex)})(?![\w-])")
