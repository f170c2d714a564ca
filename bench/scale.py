"""Scale benchmark: the real CLI over synthetic corpora of growing size, against ``fr_core_news_sm``.

    python -m bench [--quick] [--sizes 1000,10000,100000] [--repeat R] [--workers N] [--seed S]
                    [--baseline-sample K] [--workdir DIR] [--keep]

For each size, on this machine and in one run:

* a corpus of that many articles is generated (``bench/corpus.py``; reused from ``--workdir``
  when it already holds one for the same seed and size);
* **full run**: ``python -m pipeline run --corpus C --out O --quiet`` in a subprocess, with
  ``--full`` when the CLI has it (otherwise into a fresh output folder) and ``--workers 1`` when
  it has ``--workers``. Wall time, and peak resident memory: the largest process's ``ru_maxrss``
  (``wait4`` in a small launcher process, so that this process's own size does not leak into
  the child's figure) and the whole process tree's RSS sampled from ``/proc`` every 0.25 s
  (workers included); the larger of the two is reported. Articles/s count the rows of ``articles.csv``;
  tokens/s use the characters of the ok articles (``n_chars``) times the tokens per character
  of the baseline sample (the blank French tokenizer runs at ~60k tokens/s, too slow to count
  100 000 articles);
* **baseline**: ``spacy.load("fr_core_news_sm")`` with every component, ``nlp.pipe`` over the
  first K French ok articles of the same corpus as the pipeline read them (K = the size, at most
  ``--baseline-sample``: 300, 80 with ``--quick``), in this process, model load and one warm-up
  article excluded; timed just before the size's pipeline runs, between its rounds and again
  just after them (only before at a size with one one-process run, ``--quick``'s smaller one);
* **noise**: this machine's speed drifts within minutes, so both sides are timed more than once,
  interleaved, and averaged: with ``--repeat R`` (2 at the largest size with ``--quick``), R
  rounds of a full run with one process and one with N workers, every other round in reverse
  order, the baseline timed before the first round, between two rounds and after the last (the
  fastest run's own figures, peak memory and first article, are the ones printed);
* **ratio**: pipeline tokens/s (end to end: process start, reading, extraction, CSV writing)
  over baseline tokens/s; the ratio without start-up (the 1-article run's time subtracted) is
  printed too;
* **no-op re-run**: the same command again over the same corpus and output folder, without
  ``--full`` (nothing changed), three times; its mean time and its fraction of the full run's
  (the mean of those too), with the pipeline's own account of it (mode, files read, articles
  extracted: last line of ``OUT/runs.jsonl``).
  When that says "rules changed" (``pipeline/`` edited between the two runs), it runs once more;
* **workers**: when the CLI has ``--workers``, a full run with ``--workers N`` (default 2) into
  a fresh folder; speedup = time with 1 worker / time with N. Otherwise "workers: not
  available" and null. With ``--quick``, only at the largest size;
* **report**: when ``run`` has ``--no-report``, every run above is made with it (so its figures
  measure extraction as before), and ``python -m pipeline report --out O`` is then timed on its
  own over the full run's output: its time (and as a fraction of the full run's), the size of
  report.html (and per article) and of the catalog CSVs, and its peak RSS (``report_peak_mb``);
* **first article**: the pipeline's own figure when it reports one (a ``first_article*`` field
  in the last line of ``OUT/runs.jsonl``: ``first_article_s``, seconds from process start to the
  first extraction stored; or « first article … s » in its output), for the 1-worker run and the
  N-worker run; and in any case, once at the start, the end-to-end time of a 1-article corpus
  (process start, imports, one article, outputs written). That first run also warms the OS caches.

The CLI's options are read from ``python -m pipeline run --help``, so the harness works before
and after ``--full`` (incremental runs) and ``--workers`` exist. The last line printed is one
JSON object with the headline figures of the largest size:
``{"ratio_vs_spacy", "workers_speedup", "peak_rss_mb", "noop_rerun_fraction", "first_article_s", "articles",
"report_mb", "report_s", "report_peak_mb"}``
(``peak_rss_mb``: the highest peak of the runs at that size, N workers included;
``first_article_s``: the 1-worker run's, as the pipeline reports it).
"""
from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Optional, Sequence

from bench.rates import Rates

ROOT = Path(__file__).resolve().parent.parent
BASELINE_MODEL = "fr_core_news_sm"
DEFAULT_SIZES = (1000, 10000, 100000)
# --quick: two minutes at most. Its largest size decides the headline: at 1 000 articles the
# run's one-off costs (start-up, the first HTML page's imports, the language model for the first
# undecided text: about 2 s) were 13 % of the run; at 1 500, 8 %.
QUICK_SIZES = (300, 1500)
DEFAULT_SAMPLE = 300
NOOP_RUNS = 3  # no-op re-runs per size, averaged
QUICK_SAMPLE = 80
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4
_FIRST_REPORTED = re.compile(r"first article\D{0,40}?(\d+(?:[.,]\d+)?)\s*(ms|s)\b", re.I)

csv.field_size_limit(1 << 30)


class BenchError(RuntimeError):
    pass


# ---------------------------------------------------------------------------------------------
# The CLI


@dataclass(frozen=True)
class Features:
    full: bool
    workers: bool
    engine: bool
    help_text: str = ""
    report: bool = False  # run has --no-report (and there is a `report` command)

    def line(self) -> str:
        yn = lambda b: "yes" if b else "no"  # noqa: E731
        return (f"--full {yn(self.full)}, --workers {yn(self.workers)}, --engine {yn(self.engine)}, "
                f"--no-report {yn(self.report)}")


def pipeline_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", *args]


def detect_features() -> Features:
    """What ``python -m pipeline run`` accepts, from its ``--help`` text."""
    proc = subprocess.run(pipeline_cmd("run", "--help"), cwd=ROOT, capture_output=True, text=True, timeout=120)
    text = proc.stdout + proc.stderr
    if proc.returncode != 0 or "--corpus" not in text:
        raise BenchError(f"`python -m pipeline run --help` failed (exit {proc.returncode}): {text.strip()[-500:]}")
    has = lambda opt: re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text) is not None  # noqa: E731
    return Features(full=has("--full"), workers=has("--workers"), engine=has("--engine"), help_text=text,
                    report=has("--no-report"))


@dataclass
class RunResult:
    label: str
    cmd: list[str]
    seconds: float
    exit_code: int
    maxrss_mb: float  # largest single process (wait4, in the launcher)
    tree_peak_mb: float  # the whole process tree, sampled every 0.25 s
    reported_first_s: Optional[float]  # the pipeline's own time to first article, if it reports one
    stderr_tail: str = ""
    log: Optional[dict] = None  # the pipeline's record of the run (last line of OUT/runs.jsonl), if any

    def log_line(self) -> str:
        """« mode incremental, 0 files read, 0 articles extracted » from the run log, when it has them."""
        if not self.log:
            return ""
        parts = [f"mode {self.log['mode']}"] if "mode" in self.log else []
        parts += [f"{self.log[k]} {what}" for k, what in (("read", "files read"), ("extracted", "articles extracted"))
                  if isinstance(self.log.get(k), int)]
        return ", ".join(parts)

    @property
    def peak_mb(self) -> float:
        return max(self.maxrss_mb, self.tree_peak_mb)

    @property
    def ok(self) -> bool:
        return self.exit_code in (0, 1)  # 1: the run finished, some articles have status error


# Run through a small launcher: a child's ru_maxrss starts from its parent's high-water mark
# (fork/vfork, then exec), so a child of this process, which holds fr_core_news_sm, would "peak"
# at this process's size. The launcher (a bare Python, ~10 MB) spawns the CLI, waits for it with
# wait4 and reports its wall time, peak RSS and exit status.
_LAUNCHER = """
import os, subprocess, sys, time
t0 = time.perf_counter()
p = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(p.pid, 0)
seconds = time.perf_counter() - t0
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as f:
    f.write(f"{seconds} {usage.ru_maxrss} {code}")
sys.exit(code if code >= 0 else 1)
"""


class _Sampler(threading.Thread):
    """Samples the resident memory of a process's descendants (the launcher itself excluded)."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            self.peak_kb = max(self.peak_kb, tree_rss_kb(self.pid, include_root=False))
            self._halt.wait(0.25)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def tree_rss_kb(root: int, *, include_root: bool = True) -> int:
    """Resident memory of ``root``'s descendants (and ``root``), in KiB (0 if unreadable)."""
    children: dict[int, list[int]] = {}
    try:
        pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(pid)
    total = 0
    todo = [root] if include_root else list(children.get(root, ()))
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE_KB
        except (OSError, ValueError, IndexError):
            pass
        todo.extend(children.get(pid, ()))
    return total


def run_cli(label: str, args: Sequence[str], out: Path) -> RunResult:
    """Run ``python -m pipeline run ARGS`` and measure it."""
    cmd = pipeline_cmd("run", *args)
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as outf, \
            tempfile.NamedTemporaryFile("r", suffix=".rusage") as report:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, report.name, *cmd], cwd=ROOT, stdout=outf,
                                stderr=err, stdin=subprocess.DEVNULL)
        sampler = _Sampler(proc.pid)
        sampler.start()
        proc.wait()
        wall = time.perf_counter() - t0
        sampler.stop()
        err.seek(0)
        outf.seek(0)
        text = err.read().decode("utf-8", "replace") + outf.read().decode("utf-8", "replace")
        fields = report.read().split()
    if len(fields) == 3:
        seconds, maxrss_kb, code = float(fields[0]), int(fields[1]), int(fields[2])
    else:  # the launcher itself failed
        seconds, maxrss_kb, code = wall, 0, proc.returncode or 2
    log = last_log_record(out)
    return RunResult(label, cmd, seconds, code, maxrss_kb / 1024, sampler.peak_kb / 1024,
                     reported_first_article(text, log), text.strip()[-1500:], log)


def last_log_record(out: Path) -> Optional[dict]:
    """The last record of the pipeline's run log ``OUT/runs.jsonl`` (None without one)."""
    try:
        lines = (out / "runs.jsonl").read_text(encoding="utf-8").splitlines()
        record = json.loads(lines[-1]) if lines else None
    except (OSError, ValueError):
        return None
    return record if isinstance(record, dict) else None


def reported_first_article(output: str, log: Optional[dict]) -> Optional[float]:
    """Time to the first article, if the pipeline reports it (in its run log, ``first_article_s``
    in ``OUT/runs.jsonl``, or in its output)."""
    for key, value in (log or {}).items():
        if re.search(r"first.?article", key, re.I) and isinstance(value, (int, float)):
            return float(value) / (1000 if key.lower().endswith("_ms") else 1)
    m = _FIRST_REPORTED.search(output)
    if m:
        return float(m.group(1).replace(",", ".")) / (1000 if m.group(2).lower() == "ms" else 1)
    return None


@dataclass
class OutputStats:
    rows: int = 0
    ok: int = 0
    chars: int = 0
    errors: int = 0


def output_stats(out: Path) -> Optional[OutputStats]:
    """Rows, ok rows and characters of the ok articles from ``OUT/articles.csv`` (None if absent)."""
    path = out / "articles.csv"
    if not path.exists():
        return None
    stats = OutputStats()
    with path.open(newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            stats.rows += 1
            status = (row.get("status") or "").strip()
            if status == "ok":
                stats.ok += 1
                try:
                    stats.chars += int(row.get("n_chars") or 0)
                except ValueError:
                    pass
            elif status == "error":
                stats.errors += 1
    return stats


# ---------------------------------------------------------------------------------------------
# Baseline


class Baseline:
    """``fr_core_news_sm`` with every component, loaded once. A sample is timed each time it is
    measured (a size's sample is measured before, between and after the rounds of the pipeline's
    runs, and the timings are averaged, as the pipeline's repeated runs are; a size with one run
    and no workers, such as ``--quick``'s smaller one, only before)."""

    def __init__(self):
        self.nlp = None
        self.load_seconds = 0.0
        self._tokenizer = None
        self._tokens: dict[str, int] = {}

    def load(self) -> None:
        if self.nlp is None:
            import spacy

            t0 = time.perf_counter()
            try:
                self.nlp = spacy.load(BASELINE_MODEL)
            except OSError as e:
                raise BenchError(f"cannot load {BASELINE_MODEL}: {e}") from e
            self.load_seconds = time.perf_counter() - t0
            self._tokenizer = spacy.blank("fr").tokenizer
            deque(self.nlp.pipe(["Le modèle compte sept milliards de paramètres."]), maxlen=0)  # warm-up

    def measure(self, texts: list[str]) -> "BaselineResult":
        key = hashlib.sha256("\0".join(texts).encode("utf-8", "surrogatepass")).hexdigest()
        self.load()
        if key not in self._tokens:
            self._tokens[key] = sum(len(self._tokenizer(t)) for t in texts)
        t0 = time.perf_counter()
        deque(self.nlp.pipe(texts), maxlen=0)
        seconds = time.perf_counter() - t0
        return BaselineResult(len(texts), sum(map(len, texts)), self._tokens[key], seconds, key, (seconds,))


@dataclass(frozen=True)
class BaselineResult(Rates):
    articles: int
    chars: int
    tokens: int
    seconds: float  # the mean of the rounds
    key: str
    rounds: tuple[float, ...] = ()  # seconds of each timing of the sample

    @property
    def tokens_per_char(self) -> float:
        return self.tokens / self.chars if self.chars else 0.0

    def and_again(self, other: "BaselineResult") -> "BaselineResult":
        """This sample timed once more (``other``, same texts): the mean of every round."""
        if other.key != self.key:
            raise ValueError("not the same sample")
        rounds = self.rounds + other.rounds
        return replace(self, seconds=sum(rounds) / len(rounds), rounds=rounds)

    def rounds_line(self) -> str:
        if len(self.rounds) < 2:
            return ""
        rates = ", ".join(f"{self.tokens / r:.0f}" for r in self.rounds)
        when = "before and after" if len(self.rounds) == 2 else "before, between and after"
        return f"; {when} the pipeline's runs: {rates} tokens/s, averaged"


def sample_texts(corpus: Path, k: int) -> list[str]:
    """The first ``k`` French ok articles of ``corpus`` as the pipeline's reader gives them."""
    from pipeline.ingest import read_corpus

    texts: list[str] = []
    for a in read_corpus(corpus):
        if a.status == "ok" and (a.language or "").lower().startswith("fr") and a.text.strip():
            texts.append(a.text)
            if len(texts) >= k:
                break
    return texts


# ---------------------------------------------------------------------------------------------
# One size


@dataclass
class SizeResult:
    size: int
    corpus_line: str = ""
    full: Optional[RunResult] = None
    noop: Optional[RunResult] = None
    workers_1: Optional[RunResult] = None
    workers_n: Optional[RunResult] = None
    full_times: tuple[float, ...] = ()  # every full one-process run (the fastest is ``full``)
    workers_times: tuple[float, ...] = ()  # every run with N workers (the fastest is ``workers_n``)
    noop_times: tuple[float, ...] = ()  # every no-op re-run (``noop`` is the first)
    stats: Optional[OutputStats] = None
    review: Optional["ReviewResult"] = None  # `python -m pipeline report` over the full run's output
    baseline: Optional[BaselineResult] = None
    est_tokens: Optional[int] = None
    notes: list[str] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return self.size  # every generated article is French and ok

    @property
    def peak_mb(self) -> Optional[float]:
        """The highest peak of any run at this size (1 worker, N workers, no-op)."""
        peaks = [r.peak_mb for r in (self.full, self.noop, self.workers_n) if r is not None and r.ok]
        return max(peaks) if peaks else None

    @property
    def full_seconds(self) -> float:
        """The one-process full run's time: the mean of its repeats."""
        return _mean(self.full_times, self.full.seconds)

    @property
    def workers_seconds(self) -> float:
        return _mean(self.workers_times, self.workers_n.seconds)

    def pipeline_rate(self, startup: float = 0.0) -> tuple[Optional[float], Optional[float]]:
        """(articles/s, tokens/s) of the full run, optionally without ``startup`` seconds."""
        if not self.full or not self.full.ok:
            return None, None
        t = self.full_seconds - startup
        if t <= 0:
            return None, None
        return self.articles / t, (self.est_tokens / t if self.est_tokens else None)

    def ratio(self, startup: float = 0.0) -> Optional[float]:
        _, tps = self.pipeline_rate(startup)
        if tps is None or not self.baseline:
            return None
        return tps / self.baseline.tokens_per_s

    @property
    def noop_seconds(self) -> Optional[float]:
        """The no-op re-run's time: the mean of its repeats."""
        return _mean(self.noop_times, self.noop.seconds) if self.noop and self.noop.ok else None

    @property
    def noop_fraction(self) -> Optional[float]:
        if self.full and self.noop and self.full.ok and self.noop.ok and self.full.seconds:
            return self.noop_seconds / self.full_seconds
        return None

    @property
    def speedup(self) -> Optional[float]:
        if self.workers_1 and self.workers_n and self.workers_1.ok and self.workers_n.ok and self.workers_n.seconds:
            return self.full_seconds / self.workers_seconds
        return None


def corpus_for(n: int, seed, workdir: Path, generator_cache: dict) -> tuple[Path, str]:
    """A generated corpus of ``n`` articles (reused when ``workdir`` already has it) and its summary line."""
    from bench import corpus as gen

    folder = workdir / f"corpus-{n}-seed{seed}"
    m = gen.read_manifest(folder)
    if m and m.get("articles") == n and str(m.get("seed")) == str(seed) and m.get("generator") == gen.GENERATOR_VERSION:
        man = gen.Manifest(**{k: v for k, v in m.items()})
        return folder, f"{man.line()}, reused"
    if "g" not in generator_cache:
        generator_cache["g"] = gen.Generator()
    man = gen.generate(n, folder, seed=seed, generator=generator_cache["g"])
    return folder, f"{man.line()}, generated in {man.seconds:.1f} s"


Side = tuple[str, list[str], Path]  # label, CLI arguments, output folder


def _rounds(sides: list[Side], repeat: int,
            between: Optional[Callable[[], None]] = None) -> list[tuple[RunResult, tuple[float, ...]]]:
    """Each side's full run (``--full``: the same work each time), one side after the other, for
    ``repeat`` rounds, with ``between()`` called between two rounds: the sides are interleaved, and
    every other round goes in reverse order (A B, B A, A B, ...), so that this machine's drift,
    which is mostly steady over a minute, falls on all of them alike. Everything stops at the first
    side's first failure; another side stops at its own. Per side: (the fastest successful run, or
    the failed one; the seconds of every successful run)."""
    runs: list[list[RunResult]] = [[] for _ in sides]
    for round_ in range(repeat):
        if round_ and between is not None:
            between()
        order = list(zip(runs, sides))
        for done, (label, args, out) in (reversed(order) if round_ % 2 else order):
            if done and not done[-1].ok:
                continue
            done.append(run_cli(label if not round_ else f"{label}, again", args, out))
        if not runs[0][-1].ok:
            break
    return [((min((r for r in done if r.ok), key=lambda r: r.seconds) if any(r.ok for r in done) else done[-1]),
             tuple(r.seconds for r in done if r.ok)) for done in runs if done]


def _mean_of(times: tuple[float, ...]) -> str:
    """« , the mean of 2: 12.12, 10.66 s » for repeated timings; nothing for one."""
    return f", the mean of {len(times)}: " + ", ".join(f"{t:.2f}" for t in times) + " s" if len(times) > 1 else ""


def _mean(times: tuple[float, ...], single: float) -> float:
    return sum(times) / len(times) if times else single


def run_size(n: int, *, seed, workdir: Path, features: Features, workers: int, measure_workers: bool, repeat: int,
             sample: int, baseline: Baseline, generator_cache: dict, engine: Optional[str], keep: bool) -> SizeResult:
    res = SizeResult(n)
    corpus, res.corpus_line = corpus_for(n, seed, workdir, generator_cache)
    common = ["--corpus", str(corpus), "--quiet"]
    if features.report:  # the extraction's figures stay comparable; the report is timed on its own below
        common.append("--no-report")
    if engine and features.engine:
        common += ["--engine", engine]
    w1 = ["--workers", "1"] if features.workers else []
    full_flag = ["--full"] if features.full else []

    texts = sample_texts(corpus, min(n, sample))
    timings = []  # of the baseline sample: before, between and after the pipeline's runs

    def time_baseline() -> None:
        if texts:
            timings.append(baseline.measure(texts))

    time_baseline()
    out, out_n = workdir / f"out-{n}", workdir / f"out-{n}-w{workers}"
    sides: list[Side] = [("full", common + ["--out", str(out)] + full_flag + w1, out)]
    if features.workers and measure_workers:
        sides.append((f"workers {workers}", common + ["--out", str(out_n)] + full_flag + ["--workers", str(workers)],
                      out_n))
    for _, _, folder in sides:
        _rmtree(folder)
    # one process and N workers in turn, the baseline between two rounds
    results = _rounds(sides, repeat if features.full else 1, between=time_baseline)
    (res.full, res.full_times), more = results[0], results[1:]
    if features.workers:
        res.workers_1 = res.full
        if more and res.full.ok:
            res.workers_n, res.workers_times = more[0]
        if not keep:
            _rmtree(out_n)
    if res.full.ok:
        res.stats = output_stats(out)
        if res.stats is not None and res.stats.rows != n:
            res.notes.append(f"articles.csv has {res.stats.rows} rows for {n} articles ({res.stats.ok} ok)")
        res.noop = run_cli("no-op", common + ["--out", str(out)] + w1, out)
        if res.noop.ok and (res.noop.log or {}).get("mode") == "rules changed":
            # pipeline/ was edited between the two runs (its sources are part of the rules'
            # fingerprint), so this was a re-extraction: once more, now that the state is current.
            res.notes.append(f"the first re-run was not a no-op ({res.noop.log_line()} in {res.noop.seconds:.2f} s: "
                             "pipeline/ changed meanwhile); re-run once more")
            res.noop = run_cli("no-op", common + ["--out", str(out)] + w1, out)
        if res.noop.ok:  # a fraction of a second: the disk's and the scheduler's jitter show, so three of them
            (_, more_times), = _rounds([("no-op, again", common + ["--out", str(out)] + w1, out)], NOOP_RUNS - 1)
            res.noop_times = (res.noop.seconds, *more_times)
        if features.report:
            res.review = time_review(out)
    if not keep:
        _rmtree(out)

    if measure_workers or repeat > 1:  # a size that gives speedups or means: its baseline after the runs too
        time_baseline()
    if timings:
        res.baseline = functools.reduce(BaselineResult.and_again, timings)
    chars = res.stats.chars if res.stats and res.stats.ok else None
    if chars is None:
        from bench.corpus import read_manifest
        chars = (read_manifest(corpus) or {}).get("chars")
        res.notes.append("characters from the generator's manifest (no articles.csv)")
    if chars and res.baseline:
        res.est_tokens = round(chars * res.baseline.tokens_per_char)
    return res


@dataclass(frozen=True)
class ReviewResult:
    seconds: float  # `python -m pipeline report --out O`, process start to exit
    exit_code: int
    report_bytes: int
    catalog_bytes: int  # catalog.csv + catalog_facts.csv + claims_graph.csv
    csv_bytes: int  # the per-article CSVs they are built from
    models: int  # rows of catalog.csv
    peak_mb: Optional[float] = None  # peak RSS of `python -m pipeline report` (None: not measured)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def time_review(out: Path) -> ReviewResult:
    """Build the catalog and report.html of a full run's output folder, in a process of its own
    (started through the launcher, for its own peak RSS)."""
    with tempfile.NamedTemporaryFile("r", suffix=".rusage") as rusage:
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", _LAUNCHER, rusage.name,
                               *pipeline_cmd("report", "--out", str(out), "--quiet")],
                              cwd=ROOT, capture_output=True, timeout=3600)
        seconds = time.perf_counter() - t0
        fields = rusage.read().split()
    peak_mb = None
    if len(fields) == 3:  # the launcher's own wall time: from just before it starts the command, as before
        seconds, peak_mb = float(fields[0]), int(fields[1]) / 1024
    size = lambda name: (out / name).stat().st_size if (out / name).exists() else 0  # noqa: E731
    models = 0
    if (out / "catalog.csv").exists():
        with (out / "catalog.csv").open(newline="", encoding="utf-8") as f:
            models = sum(1 for _ in csv.reader(f)) - 1
    return ReviewResult(seconds, proc.returncode, size("report.html"),
                        sum(size(n) for n in ("catalog.csv", "catalog_facts.csv", "claims_graph.csv")),
                        sum(size(n) for n in ("articles.csv", "models.csv", "facts.csv", "claims.csv")), models,
                        peak_mb)


def _load() -> str:
    try:
        return "/".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "n/a"


def _rmtree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)


# ---------------------------------------------------------------------------------------------
# Report


def _f(x: Optional[float], fmt: str = "{:.1f}", none: str = "n/a") -> str:
    return none if x is None else fmt.format(x)


def print_size(res: SizeResult, *, startup: Optional[float], features: Features, workers: int) -> None:
    p = lambda *a: print(*a, flush=True)  # noqa: E731
    p(f"== {res.size} articles ==")
    p(f"corpus:        {res.corpus_line}")
    full = res.full
    if full is None:
        return
    if not full.ok:
        p(f"pipeline:      FAILED (exit {full.exit_code}) after {full.seconds:.1f} s: {' '.join(full.cmd)}")
        p("  " + full.stderr_tail.replace("\n", "\n  "))
        return
    aps, tps = res.pipeline_rate()
    errors = f", {res.stats.errors} articles with status error" if res.stats and res.stats.errors else ""
    detail = f"; pipeline: {full.log_line()}" if full.log_line() else ""
    repeats = _mean_of(res.full_times)
    p(f"pipeline:      {aps:8.1f} articles/s {_f(tps, '{:9.0f}'):>9} tokens/s  ({res.articles} articles, "
      f"~{_f(res.est_tokens, '{:.0f}')} tokens, in {res.full_seconds:.2f} s wall{repeats}, exit {full.exit_code}{errors}"
      f"{detail})")
    b = res.baseline
    if b:
        p(f"{BASELINE_MODEL}: {b.articles_per_s:8.1f} articles/s {b.tokens_per_s:9.0f} tokens/s  "
          f"({b.articles}-article sample, {b.tokens} tokens, in {b.seconds:.2f} s; model load excluded"
          f"{b.rounds_line()})")
    ratio = res.ratio()
    if ratio is not None:
        steady = res.ratio(startup) if startup else None
        p(f"ratio:         {ratio:.2f} (tokens/s, end to end)" +
          (f"; {steady:.2f} without start-up ({startup:.1f} s)" if steady else ""))
    p(f"peak RSS:      {full.peak_mb:.0f} MB (largest process {full.maxrss_mb:.0f} MB, process tree sampled "
      f"{full.tree_peak_mb:.0f} MB)")
    if res.noop:
        if res.noop.ok:
            detail = res.noop.log_line()
            p(f"no-op re-run:  {res.noop_seconds:.2f} s{_mean_of(res.noop_times)} vs full {res.full_seconds:.2f} s "
              f"(fraction {res.noop_fraction:.3f})"
              + (f"; pipeline: {detail}" if detail else "") + ("" if features.full else "; the CLI has no --full option"))
        else:
            p(f"no-op re-run:  FAILED (exit {res.noop.exit_code}): {res.noop.stderr_tail[-300:]}")
    if not features.workers:
        p("workers:       not available")
    elif res.workers_n is None:
        p("workers:       measured at the largest size only (--quick)")
    elif not res.workers_n.ok:
        p(f"workers:       --workers {workers} FAILED (exit {res.workers_n.exit_code}): {res.workers_n.stderr_tail[-300:]}")
    else:
        p(f"workers:       1 worker {res.full_seconds:.2f} s, {workers} workers {res.workers_seconds:.2f} s"
          f"{_mean_of(res.workers_times)} (speedup {res.speedup:.2f}, peak RSS {res.workers_n.peak_mb:.0f} MB)")
    if res.review is not None:
        r = res.review
        if r.ok:
            p(f"report:        report.html {r.report_bytes / 1e6:.1f} MB ({r.report_bytes / res.articles / 1e3:.1f} kB "
              f"an article), catalog CSVs {r.catalog_bytes / 1e6:.2f} MB ({r.models} models) from "
              f"{r.csv_bytes / 1e6:.1f} MB of per-article CSVs; `pipeline report` {r.seconds:.2f} s "
              f"({r.seconds / res.full_seconds:.2f} of the full run's time)"
              + (f", peak RSS {r.peak_mb:.0f} MB" if r.peak_mb is not None else ""))
        else:
            p(f"report:        `pipeline report` FAILED (exit {r.exit_code})")
    if full.reported_first_s is not None:
        more = ""
        if res.workers_n is not None and res.workers_n.ok and res.workers_n.reported_first_s is not None:
            more = f" ({res.workers_n.reported_first_s:.2f} s with {workers} workers)"
        p(f"first article: {full.reported_first_s:.2f} s after process start{more} (reported by the pipeline)")
    else:
        p("first article: not reported by the pipeline (see start-up: the 1-article corpus)")
    for note in res.notes:
        p(f"note:          {note}")


def print_summary(results: list[SizeResult]) -> None:
    print("== summary ==")
    head = (f"{'articles':>8} {'art/s':>7} {'tok/s':>8} {'spacy tok/s':>11} {'ratio':>6} {'peak MB':>7} "
            f"{'full s':>8} {'no-op s':>8} {'no-op %':>7} {'speedup':>7} {'first s':>7}")
    print(head)
    for r in results:
        aps, tps = r.pipeline_rate()
        print(f"{r.size:>8} {_f(aps):>7} {_f(tps, '{:.0f}'):>8} {_f(r.baseline.tokens_per_s if r.baseline else None, '{:.0f}'):>11} "
              f"{_f(r.ratio(), '{:.2f}'):>6} {_f(r.peak_mb, '{:.0f}'):>7} "
              f"{_f(r.full_seconds if r.full else None, '{:.2f}'):>8} {_f(r.noop_seconds, '{:.2f}'):>8} "
              f"{_f(r.noop_fraction * 100 if r.noop_fraction is not None else None, '{:.0f}'):>7} "
              f"{_f(r.speedup, '{:.2f}', 'null'):>7} "
              f"{_f(r.full.reported_first_s if r.full else None, '{:.2f}'):>7}", flush=True)


def headline(results: list[SizeResult]) -> dict:
    r = results[-1] if results else None
    rnd = lambda x, d: None if x is None else round(x, d)  # noqa: E731
    return {
        "ratio_vs_spacy": rnd(r.ratio(), 2) if r else None,
        "workers_speedup": rnd(r.speedup, 2) if r else None,
        "peak_rss_mb": rnd(r.peak_mb, 1) if r else None,
        "noop_rerun_fraction": rnd(r.noop_fraction, 3) if r else None,
        "first_article_s": rnd(r.full.reported_first_s, 2) if r and r.full and r.full.ok else None,
        "articles": r.articles if r else 0,
        "report_mb": rnd(r.review.report_bytes / 1e6, 1) if r and r.review and r.review.ok else None,
        "report_s": rnd(r.review.seconds, 2) if r and r.review and r.review.ok else None,
        "report_peak_mb": rnd(r.review.peak_mb, 1) if r and r.review and r.review.ok else None,
    }


# ---------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        m = re.fullmatch(r"(\d+)([kK]?)", part)
        if not m or int(m.group(1)) < 1:
            raise argparse.ArgumentTypeError(f"not a size: {part!r}")
        sizes.append(int(m.group(1)) * (1000 if m.group(2) else 1))
    if not sizes:
        raise argparse.ArgumentTypeError("no size given")
    return sorted(set(sizes))


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--repeat", type=int, help="full runs per size, with 1 process and with N workers, averaged "
                   "(default 1; 2 at the largest size with --quick)")
    p.add_argument("--quick", action="store_true",
                   help=f"sizes {','.join(map(str, QUICK_SIZES))}, a {QUICK_SAMPLE}-article baseline sample, "
                        "workers at the largest size only (under two minutes on 2 cores)")
    p.add_argument("--sizes", type=parse_sizes, help="comma-separated corpus sizes, e.g. 1000,10k,100k "
                   f"(default {','.join(map(str, DEFAULT_SIZES))})")
    p.add_argument("--workers", type=int, default=2, help="workers compared with 1 when the CLI has --workers (default 2)")
    p.add_argument("--engine", help="passed to the CLI as --engine when it has that option")
    p.add_argument("--seed", default="0", help="corpus seed (default 0)")
    p.add_argument("--baseline-sample", type=int, help=f"articles given to {BASELINE_MODEL} "
                   f"(default {DEFAULT_SAMPLE}, {QUICK_SAMPLE} with --quick)")
    p.add_argument("--workdir", type=Path, help="folder for corpora and outputs, kept and reused across runs "
                   "(default: a temporary folder, removed at the end)")
    p.add_argument("--keep", action="store_true", help="keep the pipeline's output folders")
    args = p.parse_args(argv)
    if args.workers < 1:
        p.error("--workers must be at least 1")
    args.sizes = args.sizes or list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    args.repeat = max(1, args.repeat or (2 if args.quick else 1))
    args.baseline_sample = args.baseline_sample or (QUICK_SAMPLE if args.quick else DEFAULT_SAMPLE)
    if args.baseline_sample < 1:
        p.error("--baseline-sample must be at least 1")
    args.seed = int(args.seed) if re.fullmatch(r"-?\d+", args.seed) else args.seed
    return args


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    t_start = time.perf_counter()
    temp = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="bench-scale-")) if temp else args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    results: list[SizeResult] = []
    failed = False
    try:
        features = detect_features()
        print(f"machine:       {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.platform()}, "
              f"load average {_load()} (other processes skew timings)")
        print(f"cli options:   {features.line()} (from `python -m pipeline run --help`)")
        if args.engine and not features.engine:
            print(f"note:          the CLI has no --engine; --engine {args.engine} ignored")
        print(f"workdir:       {workdir}{' (temporary)' if temp else ''}", flush=True)
        baseline = Baseline()
        generator_cache: dict = {}

        # Start-up: a 1-article corpus, end to end (this also warms the caches of the pipeline's imports).
        one, _ = corpus_for(1, args.seed, workdir, generator_cache)
        out1 = workdir / "out-1"
        _rmtree(out1)
        first = run_cli("1 article", ["--corpus", str(one), "--out", str(out1), "--quiet"] +
                        (["--full"] if features.full else []) + (["--no-report"] if features.report else []), out1)
        _rmtree(out1)
        startup = first.seconds if first.ok else None
        reported = f"; pipeline's own report {first.reported_first_s:.2f} s" if first.reported_first_s is not None else ""
        print(f"start-up:      1-article corpus in {first.seconds:.2f} s end to end = time to first article "
              f"(process start, imports, one article, outputs; exit {first.exit_code}, peak RSS {first.peak_mb:.0f} MB"
              f"{reported})", flush=True)

        for i, n in enumerate(args.sizes):
            largest = i == len(args.sizes) - 1
            res = run_size(n, seed=args.seed, workdir=workdir, features=features, workers=args.workers,
                           measure_workers=largest or not args.quick, sample=args.baseline_sample,
                           repeat=args.repeat if largest or not args.quick else 1,
                           baseline=baseline, generator_cache=generator_cache, engine=args.engine, keep=args.keep)
            if i == 0 and baseline.nlp is not None:
                print(f"baseline:      {BASELINE_MODEL} loaded in {baseline.load_seconds:.2f} s "
                      f"(components: {', '.join(baseline.nlp.pipe_names)})")
            print_size(res, startup=startup, features=features, workers=args.workers)
            failed |= not (res.full and res.full.ok)
            results.append(res)
        print_summary(results)
        print(f"total:         {time.perf_counter() - t_start:.1f} s; load average at the end {_load()}")
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr)
        failed = True
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        failed = True
    finally:
        if temp:
            shutil.rmtree(workdir, ignore_errors=True)
    print(json.dumps(headline(results)), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
