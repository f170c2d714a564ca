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


def test_repeated_runs_and_baseline_timings_are_averaged():
    from bench.scale import BaselineResult

    large = SizeResult(1000, full=_run(10.0, 4.0), noop=_run(0.3), workers_1=_run(10.0), workers_n=_run(5.0),
                       full_times=(10.0, 14.0), workers_times=(5.0, 7.0), est_tokens=24_000)
    assert large.full_seconds == 12.0 and large.workers_seconds == 6.0
    base = BaselineResult(80, 1000, 4_000, 2.0, "k", (2.0,)).and_again(BaselineResult(80, 1000, 4_000, 4.0, "k", (4.0,)))
    large.baseline = base
    assert base.seconds == 3.0 and "averaged" in base.rounds_line()
    h = headline([large])
    assert h["workers_speedup"] == 2.0 and h["noop_rerun_fraction"] == 0.025
    assert h["ratio_vs_spacy"] == round((24_000 / 12.0) / (4_000 / 3.0), 2)


def test_the_sides_and_the_baseline_are_interleaved(monkeypatch, tmp_path):
    """One process, N workers, baseline, N workers, one process, baseline, ... (this machine's
    speed drifts within minutes: reversing every other round cancels a steady drift); a side that
    fails stops, the first side's failure stops everything."""
    import bench.scale as scale

    events = []
    failing = set()

    def fake_run(label, args, out):
        events.append(args[0])
        run = _run(10.0 + len(events))
        return run if args[0] not in failing else RunResult("r", [], 1.0, 70, 0.0, 0.0, None)

    monkeypatch.setattr(scale, "run_cli", fake_run)
    sides = [("full", ["w1"], tmp_path), ("workers 2", ["w2"], tmp_path)]
    (one, one_times), (two, two_times) = scale._rounds(sides, 3, between=lambda: events.append("baseline"))
    assert events == ["w1", "w2", "baseline", "w2", "w1", "baseline", "w1", "w2"]
    assert one_times == (11.0, 15.0, 17.0) and two_times == (12.0, 14.0, 18.0) and one.seconds == 11.0
    events.clear()
    failing.add("w2")
    (_, one_times), (two, two_times) = scale._rounds(sides, 3)
    assert events == ["w1", "w2", "w1", "w1"] and len(one_times) == 3 and not two.ok and two_times == ()
    events.clear()
    failing = {"w1"}
    assert [r.ok for r, _ in scale._rounds(sides, 3)] == [False, True] and events == ["w1", "w2"]
    from bench.scale import BaselineResult

    rounds = [BaselineResult(80, 1000, 4_000, s, "k", (s,)) for s in (2.0, 3.0, 4.0)]
    merged = rounds[0].and_again(rounds[1]).and_again(rounds[2])
    assert merged.seconds == 3.0 and "before, between and after" in merged.rounds_line()


def test_the_noop_fraction_is_the_mean_of_its_runs():
    large = SizeResult(1000, full=_run(10.0), noop=_run(0.5), full_times=(10.0,), noop_times=(0.5, 0.2, 0.2))
    assert large.noop_seconds == 0.3 and headline([large])["noop_rerun_fraction"] == 0.03


def test_repeated_timings_are_shown_with_their_mean():
    from bench.scale import _mean_of

    assert _mean_of((12.123, 10.659)) == ", the mean of 2: 12.12, 10.66 s"
    assert _mean_of((0.3,)) == "" and _mean_of(()) == ""


def test_the_baseline_is_timed_after_the_runs_only_where_they_are_compared(monkeypatch, tmp_path):
    """Before, between and after the rounds at a size that gives a speedup or a mean of repeats;
    only before at one with a single one-process run (``--quick``'s smaller size: 5 s saved)."""
    import bench.scale as scale
    from bench.scale import BaselineResult, Features

    events = []

    class FakeBaseline:
        def measure(self, texts):
            events.append("baseline")
            return BaselineResult(len(texts), 100, 25, 1.0, "k", (1.0,))

    def fake_run(label, args, out):
        events.append("workers" if "2" in args else "run")
        return RunResult(label, args, 2.0, 0, 100.0, 100.0, None)

    monkeypatch.setattr(scale, "run_cli", fake_run)
    monkeypatch.setattr(scale, "corpus_for", lambda n, seed, workdir, cache: (tmp_path / "corpus", "corpus"))
    monkeypatch.setattr(scale, "sample_texts", lambda corpus, k: ["un texte"])
    monkeypatch.setattr(scale, "output_stats", lambda out: None)
    features = Features(full=True, workers=True, engine=False)

    def size(measure_workers, repeat):
        events.clear()
        return scale.run_size(10, seed=0, workdir=tmp_path, features=features, workers=2,
                              measure_workers=measure_workers, repeat=repeat, sample=80, baseline=FakeBaseline(),
                              generator_cache={}, engine=None, keep=False)

    res = size(False, 1)
    assert events == ["baseline", "run", "run"] + ["run"] * (scale.NOOP_RUNS - 1)  # full, then the no-ops
    assert len(res.baseline.rounds) == 1
    res = size(True, 2)
    assert events[:6] == ["baseline", "run", "workers", "baseline", "workers", "run"] and events[-1] == "baseline"
    assert len(res.baseline.rounds) == 3
    res = size(True, 1)
    assert events[0] == "baseline" and events[-1] == "baseline" and len(res.baseline.rounds) == 2


def test_the_report_is_timed_with_its_peak_memory(tmp_path):
    from bench.scale import time_review
    from tests.report.test_stream import synthetic_outputs

    review = time_review(synthetic_outputs(tmp_path / "out", 5))
    assert review.ok and review.models == 6 and review.report_bytes == (tmp_path / "out" / "report.html").stat().st_size
    assert review.peak_mb is not None and 30 < review.peak_mb < 1000  # the report's process (pandas), not the launcher
    large = SizeResult(1000, full=_run(10.0), noop=_run(0.2))
    large.review = review
    h = headline([large])
    assert h["report_peak_mb"] == round(review.peak_mb, 1) and h["report_s"] == round(review.seconds, 2)
