"""Shared fixtures: project paths, and the French spaCy pipelines loaded once per session.

Tests that load the statistical model should be marked ``@pytest.mark.model`` (deselect them
with ``-m "not model"``); slow ones ``@pytest.mark.slow``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shipped development corpus."""
    return REPO_ROOT / "corpus"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """Gold annotations of the shipped corpus (docs/GOLD_FORMAT.md)."""
    return REPO_ROOT / "tests" / "gold"


@pytest.fixture(scope="session")
def gold_paths(gold_dir: Path) -> list[Path]:
    return sorted(gold_dir.glob("*.gold.json"))


@pytest.fixture(scope="session")
def fr_nlp():
    """``fr_core_news_sm`` with all its components, loaded once (mark users ``model``)."""
    import spacy

    return spacy.load("fr_core_news_sm")


@pytest.fixture(scope="session")
def blank_fr():
    """A blank French pipeline: the tokenizer only."""
    import spacy

    return spacy.blank("fr")


# Property-based tests (tests/properties/): hypothesis profiles. The default one is what `make test`
# and CI run: a fixed number of examples, derived from each test's name (derandomize) and never
# from a database of earlier failures, so that every run tries the same inputs. HYPOTHESIS_PROFILE
# selects another: "ci" (the same as the default, by name) or "thorough" (many more examples, still
# reproducible; minutes instead of seconds).
from hypothesis import HealthCheck, settings  # noqa: E402

_PROPERTY_SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("default", max_examples=40, **_PROPERTY_SETTINGS)
settings.register_profile("ci", max_examples=40, **_PROPERTY_SETTINGS)
settings.register_profile("thorough", max_examples=500, **_PROPERTY_SETTINGS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
