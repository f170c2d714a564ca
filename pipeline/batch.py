"""Extract a batch of articles: articles in, extractions out, nothing else touched.

This is the step a parallel engine maps over partitions: it reads no file, writes no file, and
depends only on the articles it is given (and the rules). An article whose extraction goes wrong
comes back with status ``error`` and the reason; the others are unaffected:

* its extraction raises: « extraction failed: <exception> »;
* it runs over its time budget (``timeout`` seconds, :mod:`pipeline.deadline`): « extraction took
  over N s »;
* its output is out of proportion with its text (:func:`output_limit`): « too many rows: ... ».

The output limit is the one place that bounds what one article may add to the CSVs (and to the
state database): more rows than ``max(MAX_ROWS_FLOOR, n_chars // CHARS_PER_ROW)`` over its
models, facts, claims and extra facts, or more than ``MAX_ROW_BYTES`` of quotes and sentences.
A well-formed article stays far below (the shipped and test corpora: at most 51 rows, at most 5
rows per 100 characters); a page that pairs every name with every value does not.
"""
from __future__ import annotations

import gc
from dataclasses import replace
from functools import lru_cache
from typing import Optional, Sequence

from pipeline.deadline import TimeUp, time_limit
from pipeline.records import Article, Extraction

MAX_ROWS_FLOOR = 1000  # rows an article may always have ...
CHARS_PER_ROW = 10  # ... and one more per this many characters of its text beyond 10 000
MAX_ROW_BYTES = 64 << 20  # characters of quotes and sentences an article's rows may carry in all


@lru_cache(maxsize=1)
def default_extractor():
    """The process's Extractor, built on first use (loading spaCy takes seconds).

    It lives as long as the process, so the objects alive once it is built are moved out of the
    cyclic garbage collector's sight (``gc.freeze``): collections no longer walk the pipeline and
    its lexicons (about 8 % of extraction time), and workers forked from a process that built it
    keep sharing its memory pages."""
    from pipeline.extract import Extractor

    extractor = Extractor()
    gc.collect()
    gc.freeze()
    return extractor


def extract_batch(articles: Sequence[Article], extractor=None, *, timeout: Optional[float] = None) -> list[Extraction]:
    """One Extraction per article, in the same order; ``timeout``: seconds per article (None: no limit)."""
    extractor = extractor if extractor is not None else default_extractor()
    return [extract_one(article, extractor, timeout=timeout) for article in articles]


def extract_one(article: Article, extractor, *, timeout: Optional[float] = None) -> Extraction:
    try:
        with time_limit(timeout):
            extraction = extractor.process(article)
    except TimeUp:
        return failed(article, f"extraction took over {timeout:g} s")
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the batch
        return failed(article, f"extraction failed: {type(exc).__name__}: {exc}")
    too_much = output_limit(extraction)
    return failed(article, too_much) if too_much else extraction


def failed(article: Article, reason: str) -> Extraction:
    """The extraction of an article in error: no rows, the reason."""
    return Extraction(replace(article, status="error", reason=reason))


def max_rows(n_chars: int) -> int:
    """The most rows (models, facts, claims and extra facts together) an article of ``n_chars``
    characters may give."""
    return max(MAX_ROWS_FLOOR, n_chars // CHARS_PER_ROW)


def output_limit(extraction: Extraction) -> Optional[str]:
    """Why the extraction is too large to keep (« too many rows: ... »), or None."""
    n_chars = len(extraction.article.text or "")
    rows = len(extraction.models) + len(extraction.facts) + len(extraction.claims) + len(extraction.extra_facts)
    if rows > max_rows(n_chars):
        return f"too many rows: {rows} for {n_chars} characters (at most {max_rows(n_chars)})"
    size = sum(len(r.quote) + len(r.sentence) for group in (extraction.facts, extraction.claims, extraction.extra_facts)
               for r in group)
    if size > MAX_ROW_BYTES:
        return f"too many rows: {rows} rows carry {size} characters of quotes and sentences (at most {MAX_ROW_BYTES})"
    return None
