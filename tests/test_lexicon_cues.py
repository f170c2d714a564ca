"""The French cue lexicon (pipeline/lexicons/cues_fr.yaml): every cue compiles, and every cue is
read by the code (a cue no rule reads is a rule that silently does nothing)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipeline.lexicons import LexiconError, cue_source, is_cue, load, validate_cues

PIPELINE = Path(__file__).resolve().parent.parent / "pipeline"

# Groups whose cues the code reads by iterating over the group (each key is a label, a relation or
# a trap the code names through the group): their keys need not be spelled in the code.
ITERATED = {
    "units",  # recognize/quantities.py: one pattern per unit
    "comparisons",  # one relation per key
    "ranking_words",
    "attribution",  # tried in order
    "tables.labels", "tables.flat_labels",  # one attribute per key
    "traps",  # link/traps.py names each trap in TRAPS
    "descriptive",  # link/descriptive.py names (attribute, value) pairs in CUES
}


def _leaves(data, prefix=""):
    for key, value in data.items():
        path = f"{prefix}{key}"
        if key in ("fragments", "not_conditional"):
            continue
        if is_cue(value):
            yield path
        else:
            yield from _leaves(value, path + ".")


def _literals() -> set[str]:
    out: set[str] = set()
    for path in PIPELINE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                out.add("".join(v.value for v in node.values if isinstance(v, ast.Constant)))
    return out


LEAVES = sorted(_leaves(load().cues))


@pytest.mark.parametrize("key", LEAVES)
def test_every_cue_compiles(key):
    assert load().cue(key).pattern


@pytest.mark.parametrize("key", LEAVES)
def test_every_cue_is_read(key):
    if any(key == g or key.startswith(g + ".") for g in ITERATED):
        return
    literals = _literals_cached()
    last = key.rsplit(".", 1)[-1]
    # read by its full name (« lex.cue("claims.own") »), or by its name inside its group's table
    # (« ctx.p["own"] », « _cue(sc, "for") », « c["anaphoric_start"] »)
    assert key in literals or last in literals or any(lit.endswith("." + last) for lit in literals), \
        f"cue {key!r} is read by no code"


_CACHE: dict = {}


def _literals_cached() -> set[str]:
    if "lits" not in _CACHE:
        _CACHE["lits"] = _literals()
    return _CACHE["lits"]


@pytest.mark.parametrize("data, message", [
    ({"x": "(unclosed"}, "bad pattern"),
    ({"x": {"any": []}}, "non-empty list"),
    ({"x": {"any": ["a"], "case": "maybe"}}, "'case'"),
    ({"x": {"any": ["a"], "flags": "i"}}, "unknown keys"),
    ({"x": {"any": ["{nope}"]}}, "unknown fragment"),
    ({"x": 3}, "expected a pattern"),
])
def test_a_malformed_cue_is_refused_with_its_name(data, message):
    with pytest.raises(LexiconError, match=message):
        validate_cues(data)


def test_a_cue_is_its_alternatives_with_fragments_and_case():
    source, flags = cue_source({"any": ["a{x}", "b"], "case": "sensitive", "prefix": "\\b"}, {"x": "1|2"})
    assert source == "\\b(?:a(?:1|2)|b)" and flags == 0
    source, flags = cue_source(["l'a"], {})
    assert re.fullmatch(source, "l’a", flags) and re.fullmatch(source, "L'A", flags)


@pytest.mark.parametrize("entry, message", [
    ({"name": "DeepSeek", "organization": "DeepSeek", "codes": ["V", "R"]}, None),
    ({"name": "DeepSeek", "organization": "DeepSeek", "codes": ["v"]}, "capital letters"),
    ({"name": "DeepSeek", "organization": "DeepSeek", "codes": "VR"}, "capital letters"),
    ({"name": "DeepSeek", "organization": "DeepSeek", "colour": "blue"}, "unknown keys"),
])
def test_family_entries_are_validated(entry, message):
    from pipeline.lexicons import validate_families
    if message is None:
        assert validate_families({"families": [entry]})[0].codes == ("V", "R")
    else:
        with pytest.raises(LexiconError, match=message):
            validate_families({"families": [entry]})


@pytest.mark.parametrize("a, b, same", [
    ("Google", "Google", True),
    ("Google DeepMind", "Google", True),  # (a team and its parent)
    ("Google", "Google DeepMind", True),
    ("Google DeepMind", "Meta", False),
    (None, "Google", False),
])
def test_same_maker_through_a_parent(a, b, same):
    from pipeline.lexicons import load
    assert load().same_maker(a, b) is same
