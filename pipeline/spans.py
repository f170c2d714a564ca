"""Character spans sorted once, asked many times: whether a span overlaps any of them costs a
bisection, not a pass over all of them (an article's cost stays linear in its size)."""
from __future__ import annotations

from bisect import bisect_left
from typing import Iterable

from sortedcontainers import SortedList


class Spans:
    """A fixed set of [start, end) spans; they may overlap each other."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        self._spans = sorted(spans)
        self._max_end: list[int] = []  # the largest end among the spans up to each index
        top = -1
        for _, end in self._spans:
            top = max(top, end)
            self._max_end.append(top)

    def overlaps(self, a: int, b: int) -> bool:
        """Whether [a, b) overlaps one of the spans."""
        i = bisect_left(self._spans, (b,))  # the spans that start before b
        return i > 0 and self._max_end[i - 1] > a


class Taken:
    """Spans given out one by one, never overlapping each other: whether a new one is free costs a
    bisection, and so does adding one anywhere (a sorted list of blocks: a plain list would move
    every span after it, which grows with the square of a page's names when they come out of order)."""

    def __init__(self):
        self._spans: SortedList = SortedList()

    def free(self, a: int, b: int) -> bool:
        i = self._spans.bisect_left((b,))  # the spans that start before b
        return i == 0 or self._spans[i - 1][1] <= a

    def add(self, span: tuple[int, int]) -> None:
        self._spans.add(span)
