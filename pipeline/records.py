"""Frozen records that flow between the stages: ingest -> recognise -> link -> export.

Every record that ends in a CSV row carries its provenance: the article, the character offsets in
the article's cleaned text, and the name of the rule that produced it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

Value = Union[int, float, str, bool]


@dataclass(frozen=True)
class Article:
    """One input article, decoded and cleaned. Offsets everywhere refer to ``text``."""

    article_id: str
    source: str  # path relative to the corpus; "file.jsonl#3" for the 3rd line of a JSONL file
    text: str = ""
    title: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None  # ISO date, YYYY-MM-DD
    language: Optional[str] = None
    status: str = "ok"  # ok | skipped | error
    reason: str = ""
    encoding: Optional[str] = None
    format: Optional[str] = None  # txt | md | html | jsonl


@dataclass(frozen=True)
class ModelRow:
    article_id: str
    model: str
    family: Optional[str]
    organization: Optional[str]
    organization_source: Optional[str]  # "text" | "lexicon" | None
    n_mentions: int
    params_total: Optional[int] = None
    params_active: Optional[int] = None
    experts: Optional[int] = None
    context_tokens: Optional[int] = None
    training_tokens: Optional[int] = None


@dataclass(frozen=True)
class Fact:
    article_id: str
    model: str
    attribute: str
    value: Value
    hedged: bool
    quote: str
    sentence: str
    start: int
    end: int
    recognizer: str


@dataclass(frozen=True)
class Claim:
    article_id: str
    subject: str
    relation: str
    object: Optional[str]
    benchmark: Optional[str]
    metric: Optional[str]
    value: Optional[float]
    claimed_by: Optional[str]
    hedged: bool
    quote: str
    sentence: str
    start: int
    end: int
    recognizer: str


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    models: tuple[ModelRow, ...] = ()
    facts: tuple[Fact, ...] = ()
    claims: tuple[Claim, ...] = ()
    extra_facts: tuple[Fact, ...] = field(default=())
