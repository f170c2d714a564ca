"""Throughput of a timed run, shared by the benchmarks."""
from __future__ import annotations


class Rates:
    """Articles and tokens per second, for a record with ``articles``, ``tokens`` and ``seconds``."""

    articles: int
    tokens: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else float("inf")
