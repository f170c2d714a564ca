"""Table tests for pipeline.spans: overlap checks by bisection must answer as a pass over all spans."""
from __future__ import annotations

import itertools

import pytest

from pipeline.spans import Spans, Taken

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
