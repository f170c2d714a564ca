"""Throughput of the pipeline's extraction against plain ``fr_core_news_sm``, in one process.

    python bench/throughput.py [--corpus DIR] [--repeat N]

Reads the corpus with the pipeline's reader, keeps the French articles whose status is ok, and
times, over the same texts repeated N times:

(a) the pipeline: ``Extractor().process(article)`` for each article;
(b) the baseline: ``spacy.load("fr_core_news_sm")`` with all its components, ``nlp.pipe(texts)``.

Model loading is excluded from both measures (load times are printed apart) and each side is
warmed on one article first. Tokens are counted with a blank French tokenizer, so tokens/s is
comparable between the two. The last line is ``ratio: N.N``, the pipeline's speed divided by the
baseline's (above 1: the pipeline is faster than running the full spaCy model).

Repeats reuse the same texts, so a cache keyed on the text inside the pipeline would flatter it.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Sequence
try:
    from bench.rates import Rates
except ImportError:  # run as a script: bench/ itself is on sys.path
    from rates import Rates

ROOT = Path(__file__).resolve().parent.parent
BASELINE_MODEL = "fr_core_news_sm"


class BenchError(RuntimeError):
    """A problem that stops the benchmark, with a message for the user."""


@dataclass(frozen=True)
class Measure(Rates):
    name: str
    seconds: float
    articles: int
    tokens: int

    def line(self) -> str:
        return (f"{self.name + ':':17s} {self.articles_per_s:9.1f} articles/s {self.tokens_per_s:11.0f} tokens/s "
                f"({self.articles} articles in {self.seconds:.2f} s)")


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus", help="corpus folder (default: corpus/)")
    parser.add_argument("--repeat", type=int, default=20, help="passes over the corpus (default: 20)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    return args


def _import_pipeline():
    """(read_corpus, Extractor), or a BenchError that says what is missing."""
    try:
        from pipeline.ingest import read_corpus
    except ImportError as e:
        raise BenchError(f"cannot import pipeline.ingest.read_corpus ({e}); is the reader written and the project installed?") from e
    try:
        from pipeline.extract import Extractor
    except ModuleNotFoundError as e:
        if e.name in ("pipeline.extract", "pipeline"):
            raise BenchError("pipeline.extract is missing: the Extractor is not available yet, "
                             "so the pipeline cannot be timed") from e
        raise
    except ImportError as e:
        raise BenchError(f"cannot import pipeline.extract.Extractor ({e})") from e
    return read_corpus, Extractor


def french_ok_articles(read_corpus: Callable, corpus: Path) -> tuple[list, int]:
    """The French articles with status ok, and how many articles the corpus has in all."""
    if not corpus.is_dir():
        raise BenchError(f"corpus folder not found: {corpus}")
    articles = list(read_corpus(corpus))
    kept = [a for a in articles
            if a.status == "ok" and (a.language or "").lower().startswith("fr") and a.text.strip()]
    if not kept:
        raise BenchError(f"no French article with status ok in {corpus} ({len(articles)} read)")
    return kept, len(articles)


def timed(fn: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def count_tokens(texts: Sequence[str]) -> int:
    import spacy

    tokenizer = spacy.blank("fr").tokenizer
    return sum(len(tokenizer(t)) for t in texts)


def run_pipeline(extractor, articles: Sequence, repeat: int) -> None:
    for _ in range(repeat):
        for article in articles:
            extractor.process(article)


def run_baseline(nlp, texts: Sequence[str], repeat: int) -> None:
    deque(nlp.pipe(list(texts) * repeat), maxlen=0)  # consume the docs without keeping them


def ratio_line(pipeline: Measure, baseline: Measure) -> str:
    ratio = pipeline.articles_per_s / baseline.articles_per_s
    return f"ratio: {ratio:.1f}" if ratio >= 0.1 else f"ratio: {ratio:.2g}"


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    try:
        read_corpus, Extractor = _import_pipeline()
        articles, n_read = french_ok_articles(read_corpus, args.corpus)
    except BenchError as e:
        print(f"bench: error: {e}", file=sys.stderr)
        return 2

    import spacy

    texts = [a.text for a in articles]
    tokens = count_tokens(texts)
    n_chars = sum(map(len, texts))
    print(f"corpus: {args.corpus} ({len(articles)} French ok articles of {n_read}, "
          f"{n_chars} chars, {tokens} tokens), repeated {args.repeat} times")

    extractor, load_pipeline = timed(Extractor)
    nlp, load_baseline = timed(lambda: spacy.load(BASELINE_MODEL))
    print(f"load: pipeline {load_pipeline:.2f} s, {BASELINE_MODEL} {load_baseline:.2f} s "
          f"(components: {', '.join(nlp.pipe_names)})")

    extractor.process(articles[0])  # warm-up: lazy loading, caches, first-call costs
    deque(nlp.pipe(texts[:1]), maxlen=0)

    n = len(articles) * args.repeat
    _, t_pipeline = timed(lambda: run_pipeline(extractor, articles, args.repeat))
    _, t_baseline = timed(lambda: run_baseline(nlp, texts, args.repeat))
    pipeline = Measure("pipeline", t_pipeline, n, tokens * args.repeat)
    baseline = Measure(BASELINE_MODEL, t_baseline, n, tokens * args.repeat)
    print(pipeline.line())
    print(baseline.line())
    print(ratio_line(pipeline, baseline))
    return 0


if __name__ == "__main__":
    if str(ROOT) not in sys.path:  # run as `python bench/throughput.py` without an install
        sys.path.insert(0, str(ROOT))
    sys.exit(main())
