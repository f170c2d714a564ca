"""Extraction work grows linearly with the article, for every hostile shape of ``bench/shapes.py``.

``python -m bench --adversarial`` times extraction at growing sizes, but time is noisy (this
machine's speed drifts, other work slows it down), so a test on time would either be flaky or
too loose to catch anything. This test counts work instead, deterministically:
while ``extract_one`` (the call a run makes) extracts one article it counts the interpreter's
events, every Python function called (and returned from), every line executed (which includes
each turn of a loop or of a comprehension: a line event fires on every backward jump) and every
call of a builtin (C) function. Counting calls alone would not do: ``[r for r in refs if r.end <= x]`` is one call
whatever the length of ``refs``, so a rescan written as a comprehension would go unseen.

Each shape is measured at ``SMALL`` and ``LARGE = 4 × SMALL`` bytes, and the work at the large
size may be at most ``MAX_GROWTH`` times the work at the small size scaled by the ratio of their
lengths in characters (about 4): linear work gives about 1 (less when the article has a fixed
cost; 0.78 to 1.03 today), work that grows with the square of the text up to 4. The counts have no
noise, so the bound needs no margin for it and can be tight: a quadratic term still small at these
sizes (a name lookup that scans every model of the article: 1.18 to 1.19) exceeds it.

Caches. The extractor compiles regular expressions on first use, its lru_caches fill as names and
numbers are seen, and spaCy's vocabulary grows as words are seen: the first extraction of a text
costs more than the next. So each text is extracted ``WARM_UPS`` times unmeasured, then measured:
both sizes are measured with every cache warm for their own text, the same state, so no cache
makes the large size look cheaper than the small one, and the caches hold pure functions of short
strings (a name, a number), whose work cannot grow with the article. Two warm-ups, not one: the
``re`` module's cache of patterns (512) is full, and the first extraction evicts a pattern or two
that the second compiles again. The counts are then the same run after run (for a given
``PYTHONHASHSEED``: the order of sets moves the ``real`` shape's by under 0.1 % across seeds).

What it cannot see: work inside one C call or one operation counts once, whatever its size: a
regular expression scanning the rest of the text from each match, ``sorted()`` or ``x in some_list`` over a list that
grows with the article, spaCy's Cython code, string building. ``python -m bench --adversarial``
still times those.
"""
from __future__ import annotations

import sys

import pytest

from bench.shapes import SHAPES
from pipeline.batch import extract_one
from pipeline.extract import Extractor
from pipeline.records import Article

SMALL = 16_000  # bytes of UTF-8 text (about as many characters)
LARGE = 4 * SMALL
MAX_GROWTH = 1.15  # the most work per character may grow from SMALL to LARGE
WARM_UPS = 2  # unmeasured extractions of a text before the measured one


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def work(extractor: Extractor, text: str) -> int:
    """Interpreter events (Python calls and lines, builtin calls) while ``text`` is extracted, with
    the caches warm for it (extracted ``WARM_UPS`` times before, unmeasured)."""
    for _ in range(WARM_UPS):
        warm = extract_one(Article("w", "w.txt", text), extractor)
        assert warm.article.status == "ok", warm.article.reason
    count = 0

    def trace(frame, event, arg):  # Python: 'call' and 'line' (and 'return', 'exception': one per call at most)
        nonlocal count
        count += 1
        return trace

    def profile(frame, event, arg):  # builtins: 'c_call' (the Python events are the tracer's)
        nonlocal count
        if event == "c_call":
            count += 1

    article = Article("a", "a.txt", text)
    old_trace, old_profile = sys.gettrace(), sys.getprofile()  # (a coverage tracer, if any)
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        x = extract_one(article, extractor)
    finally:
        sys.setprofile(old_profile)
        sys.settrace(old_trace)
    assert x.article.status == "ok", x.article.reason  # (an exception caught early would make the count meaningless)
    return count


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_extraction_work_grows_linearly(extractor, shape):
    small, large = SHAPES[shape](SMALL), SHAPES[shape](LARGE)
    w_small, w_large = work(extractor, small), work(extractor, large)
    growth = (w_large / w_small) / (len(large) / len(small))
    assert growth <= MAX_GROWTH, (
        f"{shape}: extraction work grows faster than the text: {w_small} events for {len(small)} characters, "
        f"{w_large} for {len(large)} ({len(large) / len(small):.2f}× the text): {w_large / w_small:.2f}× the work, "
        f"{growth:.2f}× per character (at most {MAX_GROWTH})")
