"""Table tests for pipeline.spans: overlap checks by bisection must answer as a pass over all spans."""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest

from pipeline.spans import Spans, Taken, last_before, starts_within

SPANS = [(0, 5), (3, 20), (8, 10), (25, 30)]  # overlapping each other: a long one hides behind a short one


@pytest.mark.parametrize("a, b, expected", [
    (5, 8, True),     # inside (3, 20) only
    (20, 25, False),  # between two spans
    (10, 11, True),   # after (8, 10) ends, still inside (3, 20)
    (30, 40, False),  # after all
    (0, 1, True),
    (29, 31, True),
    (24, 25, False),  # touching is not overlapping
])
def test_spans_overlaps(a, b, expected):
    assert Spans(SPANS).overlaps(a, b) is expected


def test_spans_agree_with_a_pass_over_all():
    spans = Spans(SPANS)
    for a, b in itertools.combinations(range(0, 34), 2):
        assert spans.overlaps(a, b) == any(s < b and a < e for s, e in SPANS), (a, b)


@pytest.mark.parametrize("a, b, expected", [
    (0, 3, True), (10, 12, False), (14, 15, False), (15, 20, True), (9, 10, True), (9, 11, False),
])
def test_taken_free(a, b, expected):
    taken = Taken()
    for span in [(10, 15), (3, 9)]:  # added out of order
        taken.add(span)
    assert taken.free(a, b) is expected


@dataclass(frozen=True)
class _Item:
    start: int
    end: int


ITEMS = [_Item(0, 4), _Item(6, 9), _Item(10, 20), _Item(12, 14), _Item(30, 35)]  # (10-20 holds 12-14)


@pytest.mark.parametrize("pos, count, keep, expected", [
    (9, 1, None, [(6, 9)]), (9, 2, None, [(6, 9), (0, 4)]), (15, None, None, [(12, 14), (6, 9), (0, 4)]),
    (20, 2, None, [(12, 14), (10, 20)]), (3, 1, None, []), (40, 1, lambda i: i.start < 10, [(6, 9)]),
])
def testlast_before(pos, count, keep, expected):
    """Nearest first, as reading the whole list and keeping its tail would give them."""
    starts = [i.start for i in ITEMS]
    assert [(i.start, i.end) for i in last_before(ITEMS, starts, pos, count=count, keep=keep)] == expected
    whole = [i for i in ITEMS if i.end <= pos and (keep is None or keep(i))][::-1]
    assert [(i.start, i.end) for i in (whole if count is None else whole[:count])] == expected


@pytest.mark.parametrize("a, b, found", [(0, 1, True), (1, 6, False), (1, 7, True), (31, 100, False), (30, 31, True)])
def teststarts_within(a, b, found):
    assert starts_within([i.start for i in ITEMS], a, b) is found
