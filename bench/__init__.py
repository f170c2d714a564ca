"""Benchmarks.

- ``python -m bench [--quick]``: the real CLI over synthetic corpora of 1k to 100k articles
  against ``fr_core_news_sm`` (``bench/scale.py``; corpora from ``bench/corpus.py``).
- ``make bench`` / ``python bench/throughput.py``: in-process extraction throughput over corpus/.
"""
