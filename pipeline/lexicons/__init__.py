"""Language data, loaded and validated once: model families, organisations, benchmarks, French cues.

Each YAML file is general knowledge (never facts about one article). ``load()`` returns one frozen
``Lexicons`` object; a malformed file raises ``LexiconError`` naming the file and the entry.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

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


@dataclass(frozen=True)
class Lexicons:
    families: tuple[Family, ...]
    lowercase_series: tuple[tuple[str, str, str], ...]  # (pattern, organization, family)
    variant_words: frozenset[str]
    tier_aliases: frozenset[str]
    spaced_lowercase: frozenset[str]
    not_models: frozenset[str]
    common_words: frozenset[str]  # lower-case French words that never start a model name
    products: frozenset[str]  # assistants and apps built on models (ChatGPT, Le Chat)
    organizations: Mapping[str, str]  # surface form -> canonical name
    benchmarks: tuple[str, ...]
    generic_benchmark_patterns: tuple[str, ...]
    cues: Mapping[str, Any]

    def family(self, name: str) -> Family | None:
        return _family_index(self).get(name)

    def cue(self, name: str) -> re.Pattern:
        """A compiled cue pattern (case-insensitive), apostrophes matching ' and ’."""
        return _compiled(self, name)


def fr(pattern: str) -> str:
    """Make every apostrophe in a pattern match both ' and ’."""
    return pattern.replace("'", APOSTROPHE)


def safe_yaml(text: str) -> Any:
    """``yaml.safe_load`` with libyaml's parser when PyYAML has it (ten times faster: the lexicons
    are read at every start)."""
    return yaml.load(text, Loader=_SAFE_LOADER)


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
        unknown = set(entry) - {"name", "organization", "requires_version", "glued_version", "product"}
        _require(not unknown, where, f"{entry['name']}: unknown keys {sorted(unknown)}")
        out.append(Family(**entry))
    _require(bool(out), where, "no families")
    names = [f.name for f in out]
    _require(len(names) == len(set(names)), where, "duplicate family names")
    return tuple(out)


def validate_cues(data: dict, where: str = "cues_fr.yaml") -> dict:
    def check(key: str, value: Any) -> None:
        if isinstance(value, str):
            try:
                re.compile(fr(value))
            except re.error as exc:
                raise LexiconError(f"{where}: {key}: bad pattern: {exc}") from exc
        elif isinstance(value, dict):
            for k, v in value.items():
                check(f"{key}.{k}", v)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                check(f"{key}[{i}]", v)
        else:
            raise LexiconError(f"{where}: {key}: expected a pattern, a list or a mapping")

    for key, value in data.items():
        check(key, value)
    return data


@lru_cache(maxsize=1)
def load() -> Lexicons:
    fam = read_data("families.yaml")
    orgs = read_data("organizations.yaml")
    bench = read_data("benchmarks.yaml")
    cues = validate_cues(read_data("cues_fr.yaml"))
    org_map: dict[str, str] = {}
    for entry in orgs.get("organizations") or []:
        _require(isinstance(entry, dict) and entry.get("canonical") and entry.get("names"),
                 "organizations.yaml", f"bad entry {entry!r}")
        for n in entry["names"]:
            org_map[n] = entry["canonical"]
    benches = tuple(sorted((b["name"] for b in bench.get("benchmarks") or []), key=len, reverse=True))
    _require(bool(benches), "benchmarks.yaml", "no benchmarks")
    series = tuple((s["pattern"], s["organization"], s["family"]) for s in fam.get("lowercase_series") or [])
    return Lexicons(
        families=validate_families(fam),
        lowercase_series=series,
        variant_words=frozenset(fam.get("variant_words") or ()),
        tier_aliases=frozenset(fam.get("tier_aliases") or ()),
        spaced_lowercase=frozenset(fam.get("spaced_lowercase") or ()),
        not_models=frozenset(fam.get("not_models") or ()),
        common_words=frozenset(read_data("common_fr.yaml").get("common_words") or ()),
        products=frozenset(fam.get("products") or ()),
        organizations=org_map,
        benchmarks=benches,
        generic_benchmark_patterns=tuple(bench.get("generic_patterns") or ()),
        cues=cues,
    )


_FAMILY_INDEX: dict[int, dict[str, Family]] = {}
_CUE_CACHE: dict[tuple[int, str], re.Pattern] = {}


def _family_index(lex: Lexicons) -> dict[str, Family]:
    idx = _FAMILY_INDEX.get(id(lex))
    if idx is None:
        idx = _FAMILY_INDEX[id(lex)] = {f.name: f for f in lex.families}
    return idx


def _compiled(lex: Lexicons, dotted: str) -> re.Pattern:
    key = (id(lex), dotted)
    pat = _CUE_CACHE.get(key)
    if pat is None:
        value: Any = lex.cues
        for part in dotted.split("."):
            value = value[part]
        pat = _CUE_CACHE[key] = re.compile(fr(value), re.IGNORECASE)
    return pat


def per_lexicons(fn):
    """Cache what a function derives from a Lexicons object (patterns), once per object."""
    cache: dict[int, Any] = {}

    def wrapper(lex: Lexicons):
        key = id(lex)
        if key not in cache:
            cache[key] = (lex, fn(lex))  # keep lex alive so its id is not reused
        return cache[key][1]

    wrapper.__wrapped__ = fn
    return wrapper
