"""Character spans sorted once, asked many times: whether a span overlaps any of them costs a
bisection, not a pass over all of them (an article's cost stays linear in its size)."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Callable, Iterable, Optional

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


def last_before(items, starts: list[int], pos: int, *, count: Optional[int] = 1,
                keep: Optional[Callable] = None) -> list:
    """The last ``count`` (None: all) of ``items`` (in the order of their ``starts``) that end by
    ``pos`` and that ``keep`` keeps, nearest first: read back from ``pos``, not from the first item
    (asked for each value or verb of a sentence, it would read all its names each time)."""
    out = []
    for i in range(bisect_right(starts, pos) - 1, -1, -1):
        item = items[i]
        if item.end <= pos and (keep is None or keep(item)):
            out.append(item)
            if count is not None and len(out) == count:
                break
    return out


def starts_within(starts: list[int], a: int, b: int) -> bool:
    """Whether one of the sorted ``starts`` is in [a, b)."""
    i = bisect_left(starts, a)
    return i < len(starts) and starts[i] < b
