"""Variants (``pipeline.link.variants``): ``size_name`` (a parameter count -> the size written in
a variant's name), ``variant_name``, and ``Variants.group`` (a plural or superlative phrase ->
the variants it refers to), ``superlative``."""
from __future__ import annotations

import pytest

from pipeline.link.variants import Variants, size_name, superlative, variant_name

SIZES = [
    (8_000_000_000, "8B"),
    (1_000_000_000, "1B"),
    (1_100_000_000, "1.1B"),
    (46_700_000_000, "46.7B"),
    (405_000_000_000, "405B"),
    (1_500_000_000_000, "1500B"),
    (999_000_000, "999M"),
    (270_000_000, "270M"),
    (500_000_000, "500M"),
    (1_500_000, "1.5M"),
]


@pytest.mark.parametrize("value, expected", SIZES)
def test_size_name(value, expected):
    assert size_name(value) == expected


def test_variant_name():
    assert variant_name("Llama 3.1", 70_000_000_000) == "Llama 3.1 70B"
    assert variant_name("Gemma 3", 270_000_000) == "Gemma 3 270M"


def llama_31() -> Variants:
    """« Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B » (added out of order)."""
    v = Variants()
    v.add("Llama 3.1", 70_000_000_000, "Llama 3.1 70B", 30)
    v.add("Llama 3.1", 8_000_000_000, "Llama 3.1 8B", 25)
    v.add("Llama 3.1", 405_000_000_000, "Llama 3.1 405B", 35)
    return v


SMALL, MID, BIG = "Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"

GROUPS = [
    ("Les deux plus grandes comptent", [MID, BIG]),
    ("les trois plus grands modèles", [SMALL, MID, BIG]),
    ("ses 2 plus petites versions", [SMALL, MID]),
    ("La plus petite tourne sur un téléphone", [SMALL]),
    ("le plus grand affiche", [BIG]),
    ("ses trois tailles", [SMALL, MID, BIG]),
    ("Leur fenêtre de contexte", [SMALL, MID, BIG]),
    ("Ces trois modèles", [SMALL, MID, BIG]),
    # not a reference to the group
    ("Le modèle", None),
    ("la version Instruct", None),
    ("Meta affirme", None),
    ("les modèles de Google", None),
    ("deux nouveaux modèles arrivent", None),
    ("la plus récente", None),
    ("le plus rapide", None),
]


@pytest.mark.parametrize("phrase, expected", GROUPS)
def test_group_of_variants(phrase, expected):
    assert llama_31().group(phrase) == expected


def test_group_of_two_variants():
    v = Variants()
    v.add("Phi-3", 7_000_000_000, "Phi-3 7B", 10)
    v.add("Phi-3", 14_000_000_000, "Phi-3 14B", 12)
    assert v.group("les deux ont été entraînés") == ["Phi-3 7B", "Phi-3 14B"]
    assert v.group("la plus grande") == ["Phi-3 14B"]
    assert v.of("Phi-3") == ["Phi-3 7B", "Phi-3 14B"]
    assert v.of("Llama 3") == []


def test_group_without_variants():
    assert Variants().group("les deux plus grandes") is None
    assert Variants().group("Ces deux modèles") is None


@pytest.mark.parametrize("phrase, expected", [
    ("les deux plus grandes", True), ("la plus petite", True), ("Tous deux disposent de", False), ("Leur fenêtre", False),
])
def test_superlative(phrase, expected):
    assert superlative(phrase) is expected


def test_variants_are_kept_in_size_order_each_once():
    """Added out of order and twice, a family's variants read in order of size, each once; the
    family in focus is the last one added to."""
    v = llama_31()
    v.add("Llama 3.1", 70_000_000_000, "Llama 3.1 70B", 40)
    assert v.of("Llama 3.1") == [SMALL, MID, BIG]
    assert v.by_family["Llama 3.1"] == [(8_000_000_000, SMALL), (70_000_000_000, MID), (405_000_000_000, BIG)]
    assert v.last_family == "Llama 3.1"
    assert v.any_current() and v.last_pos == 40
    v.add("Gemma 3", 1_000_000_000, "Gemma 3 1B", 50)
    assert v.of("Gemma 3") == ["Gemma 3 1B"] and v.group("ses trois tailles") == ["Gemma 3 1B"]
    assert not Variants().any_current() and Variants().group("les deux plus grandes") is None


def test_no_group_phrase_answers_for_a_family_of_more_sizes_than_any_has():
    """« Ses deux modèles » after a page that listed a family's sizes again and again: no phrase
    names more than ``MAX_GROUP`` sizes as a whole (each value would go to all of them)."""
    from pipeline.link.variants import MAX_GROUP

    v = Variants()
    for k in range(1, MAX_GROUP + 1):
        v.add("Llama 3", k * 10**9, f"Llama 3 {k}B", k)
    assert len(v.group("ses deux modèles")) == MAX_GROUP and v.group("la plus petite") == ["Llama 3 1B"]
    v.add("Llama 3", 99 * 10**9, "Llama 3 99B", 99)
    assert v.group("ses deux modèles") is None and v.group("la plus petite") is None
