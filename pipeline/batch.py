"""Extract a batch of articles: articles in, extractions out, nothing else touched.

This is the step a parallel engine maps over partitions: it reads no file, writes no file, and
depends only on the articles it is given (and the rules). An article whose extraction raises
comes back with status ``error`` and the exception as its reason; the others are unaffected.
"""
from __future__ import annotations

import gc
from dataclasses import replace
from functools import lru_cache
from typing import Sequence

from pipeline.records import Article, Extraction


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


def extract_batch(articles: Sequence[Article], extractor=None) -> list[Extraction]:
    """One Extraction per article, in the same order."""
    extractor = extractor if extractor is not None else default_extractor()
    return [extract_one(article, extractor) for article in articles]


def extract_one(article: Article, extractor) -> Extraction:
    try:
        return extractor.process(article)
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the batch
        return Extraction(replace(article, status="error", reason=f"extraction failed: {type(exc).__name__}: {exc}"))

