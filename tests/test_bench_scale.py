"""The scale benchmark's reading of the pipeline's reports (the runs themselves: ``python -m bench``)."""
from __future__ import annotations

from bench.scale import RunResult, SizeResult, headline, reported_first_article


def test_time_to_first_article_comes_from_the_run_log_then_the_output():
    assert reported_first_article("", {"first_article_s": 3.25, "seconds": 9.0}) == 3.25
    assert reported_first_article("", {"first_article_ms": 1500}) == 1.5
    line = "pipeline: ... in 9.01s (full; local engine, 2 workers; first article after 4.06s)"
    assert reported_first_article(line, None) == 4.06
    assert reported_first_article(line, {"first_article_s": 4.061}) == 4.061
    assert reported_first_article("no such thing", {"seconds": 1.0}) is None


def _run(seconds: float, first: float | None = None) -> RunResult:
    return RunResult("r", [], seconds, 0, 100.0, 120.0, first)


def test_headline_of_the_largest_size():
    small = SizeResult(10, full=_run(2.0, 1.5), noop=_run(0.2))
    large = SizeResult(1000, full=_run(10.0, 4.0), noop=_run(0.2), workers_1=_run(10.0), workers_n=_run(5.5))
    h = headline([small, large])
    assert h["articles"] == 1000 and h["workers_speedup"] == round(10 / 5.5, 2)
    assert h["noop_rerun_fraction"] == 0.02 and h["first_article_s"] == 4.0 and h["peak_rss_mb"] == 120.0
