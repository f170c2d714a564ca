"""The real-text development set (``tests/data/real``) and the number-phrasing set
(``tests/data/phrasings``) are well formed: what ``make eval`` scores against can be trusted."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.evaluate import name_key

DATA = Path(__file__).parent / "data"
GOLDS = sorted((DATA / "real").glob("r*.gold.json")) + sorted((DATA / "phrasings").glob("p*.gold.json"))
RELATIONS = {"outperforms", "rivals", "ranks_below", "ranks_above", "scores", "ranks"}
NUMERIC = {"params_total", "params_active", "experts", "context_tokens", "training_tokens"}


def test_the_real_set_is_large_enough():
    assert len(list((DATA / "real").glob("r*.gold.json"))) >= 85
    assert len(list((DATA / "real").glob("r*.txt"))) == len(list((DATA / "real").glob("r*.gold.json")))


def test_no_page_is_in_the_real_set_twice():
    """A page fetched again under another number would count twice (three candidates of a later
    batch were pages already in the set): no two pages share a URL or a text."""
    pages = sorted((DATA / "real").glob("r*.gold.json"))
    urls = [json.loads(p.read_text(encoding="utf-8"))["meta"].get("url") for p in pages]
    texts = [p.with_name(p.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8") for p in pages]
    assert len(set(urls)) == len(urls)
    assert len(set(texts)) == len(texts)


SHARED_SENTENCES = 3  # long sentences two pages may share (a site's boilerplate) before they are one article


def test_no_article_is_in_the_real_set_under_two_urls():
    """The same article fetched from another URL (a mirror, a syndicated dispatch) with a slightly
    different excerpt: no two pages share three long sentences (80 characters or more)."""
    pages: dict[str, set[str]] = {}
    for path in sorted((DATA / "real").glob("r*.txt")):
        text = path.read_text(encoding="utf-8")
        pages[path.name] = {" ".join(part.split()) for part in re.split(r"(?<=[.!?])\s+|\n", text)
                            if len(" ".join(part.split())) >= 80}
    owners: dict[str, list[str]] = {}
    for name, sentences in pages.items():
        for sentence in sentences:
            owners.setdefault(sentence, []).append(name)
    shared = Counter((a, b) for names in owners.values() for i, a in enumerate(names) for b in names[i + 1:])
    assert [pair for pair, n in shared.items() if n >= SHARED_SENTENCES] == []
    assert shared[("r118.txt", "r216.txt")] == 2  # (one site's two boilerplate lines: shared, and allowed)


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name)
def test_gold_file_is_well_formed(gold_path):
    g = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = gold_path.with_name(g["article"])
    assert text_path.name == gold_path.name.replace(".gold.json", ".txt")
    text = text_path.read_text(encoding="utf-8")
    aliases = {name_key(a): m for a, m in (g.get("aliases") or {}).items()}
    optional = g.get("optional") or {}
    listed = {name_key(m) for m in g["models"] + optional.get("models", [])}

    def known(model):
        return name_key(aliases.get(name_key(model), model)) in listed

    for f in g["facts"] + optional.get("facts", []):
        assert all(known(m) for m in [f["model"], *f.get("alt_models", [])]), f
        assert f["attribute"] in NUMERIC | {"organization"}, f
        if f["attribute"] in NUMERIC:
            assert isinstance(f["value"], int) and f["value"] > 0, f
        assert f.get("evidence", "") in text or f.get("evidence_raw"), f
    for c in g["claims"] + optional.get("claims", []):
        assert known(c["subject"]), c
        assert c["relation"] in RELATIONS and set(c.get("alt_relations", [])) <= RELATIONS, c
        assert c.get("evidence", "") in text or c.get("evidence_raw"), c
    for n in g.get("negatives", []):
        assert n["text"] in text, n
