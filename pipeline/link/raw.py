"""What the link stage finds, before it becomes a CSV row: a fact or a claim about a model, and
where it comes from. One provenance record serves both: the quote's offsets, its sentence's
offsets, and the name of the rule that found it (the ``recognizer`` column)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Union

Value = Union[int, float, str, bool]


@dataclass(frozen=True)
class Provenance:
    start: int  # the quote: text[start:end]
    end: int
    sentence_start: int
    sentence_end: int
    recognizer: str  # the rule that found it: "params_total:clause_name", "rivals_cue", …


@dataclass(frozen=True)
class RawFact:
    model: str
    attribute: str
    value: Value
    hedged: bool
    where: Provenance


@dataclass(frozen=True)
class RawClaim:
    subject: str
    relation: str
    object: Optional[str]
    benchmark: Optional[str]
    metric: Optional[str]
    value: Optional[float]
    claimed_by: Optional[str]
    hedged: bool
    where: Provenance
