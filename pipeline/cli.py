"""Command line: arguments -> one Config -> the library.

Exit codes of ``run`` (documented in the README, for the person on call):

* 0 every file processed, no article in error;
* 1 the run finished, but some articles have status ``error`` (listed on stderr and in articles.csv);
* 2 usage or configuration error (nothing written);
* 70 the run failed (a bug, a full disk, ...): the CSVs are the previous run's, the next run redoes the work;
* 75 another run holds the output folder's lock (nothing written; try again later).
"""
from __future__ import annotations

import time

STARTED = time.perf_counter()  # process start, near enough: `python -m pipeline` imports this module first
_started_used = False

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.config import ARTICLE_TIMEOUT, ENGINES, Config, ConfigError  # noqa: E402

EXIT_OK, EXIT_ARTICLE_ERRORS, EXIT_USAGE, EXIT_FAILED, EXIT_LOCKED = 0, 1, 2, 70, 75


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="Extract AI-model facts and benchmark claims from French tech news.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="extract from every new or changed article of a corpus into CSV files")
    r.add_argument("--corpus", type=Path, default=Path("corpus"), help="folder of articles (default: corpus)")
    r.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs)")
    r.add_argument("--full", action="store_true", help="redo every article, not only new and changed ones")
    r.add_argument("--state", type=Path, default=None, metavar="FILE",
                   help="state database, one per output folder (default: OUT/state.sqlite). A damaged one is moved "
                        "aside to FILE.damaged-<UTC time> and rebuilt, with a warning; a FILE that is not a state "
                        "database is refused")
    r.add_argument("--quiet", action="store_true", help="print only errors (and warnings)")
    r.add_argument("--workers", type=_positive, default=None, metavar="N",
                   help="worker processes that read and extract new articles (default: all cores, "
                        f"{os.cpu_count() or 1} here; 1: no workers). With --engine dask and no --scheduler: "
                        "the local cluster's workers")
    r.add_argument("--engine", choices=ENGINES, default="local",
                   help="where the workers run: local (processes on this machine, the default) or dask "
                        "(a Dask cluster: a local one, or the one at --scheduler)")
    r.add_argument("--scheduler", metavar="ADDRESS",
                   help="with --engine dask: an existing cluster's scheduler, e.g. tcp://10.0.0.5:8786 (its "
                        "workers need this package and requirements.txt, same version)")
    r.add_argument("--article-timeout", type=_timeout, default=ARTICLE_TIMEOUT, metavar="SECONDS",
                   help=f"time budget of one article's extraction, and of one file's reading (default: "
                        f"{ARTICLE_TIMEOUT:g}; 0: none). An article over it is listed with status error, « extraction "
                        "took over N s » (« reading took over N s » for a file), and is not tried again until its "
                        "file or the rules change (or --full)")
    r.add_argument("--follow-symlinks", action="store_true",
                   help="follow symlinks wherever they point, folders included (default: a symlink whose target "
                        "is outside the corpus folder is skipped, « symlink outside the corpus »)")
    r.add_argument("--no-report", action="store_true",
                   help="do not rebuild the catalog (catalog.csv, catalog_facts.csv, claims_graph.csv) and "
                        "report.html at the end of the run")
    v = sub.add_parser("report", help="rebuild the catalog CSVs and report.html of an output folder from its CSVs")
    v.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs)")
    v.add_argument("--quiet", action="store_true", help="print only errors")
    e = sub.add_parser("evaluate", help="score the outputs against gold annotation files")
    e.add_argument("gold", nargs="+", type=Path, help="gold .json files or folders of them")
    e.add_argument("--out", type=Path, default=Path("outputs"), help="output folder to score (default: outputs)")
    e.add_argument("--summary", action="store_true", help="scores only, without every miss and extra")
    return p


def _process_start() -> float:
    """When this command started: the process's start for the first command of a process, then (a
    program or test calling main() again) the call's."""
    global _started_used
    first, _started_used = not _started_used, True
    return STARTED if first else time.perf_counter()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text!r}")
    return value


def _timeout(text: str) -> float | None:
    """Seconds, more than 0; 0 (or "none") for no limit."""
    if text.strip().lower() in ("0", "none", "off"):
        return None
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if value == 0:
        return None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds (0 for no limit): {text!r}")
    return value


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.command == "run":
        config = Config(corpus=args.corpus, out=args.out, quiet=args.quiet, full=args.full, state=args.state,
                        progress=sys.stderr.isatty() and not args.quiet,
                        workers=args.workers if args.workers is not None else (os.cpu_count() or 1),
                        engine=args.engine, scheduler=args.scheduler, process_start=_process_start(),
                        article_timeout=args.article_timeout, follow_symlinks=args.follow_symlinks,
                        report=not args.no_report)
        return run_command(config)
    if args.command == "report":
        return report_command(args.out, quiet=args.quiet)
    if args.command == "evaluate":
        from pipeline.evaluate import evaluate, format_report
        missing = [str(g) for g in args.gold if not g.exists()]
        if missing or not (args.out / "articles.csv").exists():
            print(f"error: not found: {', '.join(missing) or args.out / 'articles.csv'}", file=sys.stderr)
            return EXIT_USAGE
        print(format_report(evaluate(args.out, list(args.gold)), details=not args.summary))
        return EXIT_OK
    return EXIT_USAGE


def run_command(config: Config) -> int:
    from pipeline.run import run

    try:
        summary = run(config)
    except Exception as exc:  # noqa: BLE001 - a clear exit code for cron, the traceback for the logs
        return _failure(exc, "run failed", "; the next run redoes the unfinished work")
    for warning in summary.warnings:  # even with --quiet: something a person should know happened
        print(f"pipeline: warning: {warning}", file=sys.stderr)
    if not config.quiet or summary.errors:
        review = f"; {summary.review.models} models in the catalog, {Path(config.out) / 'report.html'}" \
            if summary.review is not None else ""
        print(summary.line() + review, file=sys.stderr)  # one line, as before the catalog
    for example in summary.error_examples:
        print(f"pipeline: error: {example}", file=sys.stderr)
    if summary.errors > len(summary.error_examples):
        print(f"pipeline: ... and {summary.errors - len(summary.error_examples)} more errors (see articles.csv)",
              file=sys.stderr)
    return summary.exit_code


def _failure(exc: Exception, what: str, hint: str = "", *, usage: tuple = ()) -> int:
    """The exit code of a command that raised, with its line on stderr: 2 for a usage or
    configuration error, 75 when another run holds the folder, 70 (and the traceback) otherwise."""
    from pipeline.lock import Busy

    if isinstance(exc, (ConfigError, *usage)):
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, Busy):
        print(f"pipeline: {exc}; not started (exit {EXIT_LOCKED})", file=sys.stderr)
        return EXIT_LOCKED
    traceback.print_exc()
    print(f"pipeline: {what}: {type(exc).__name__}: {exc}{hint} (exit {EXIT_FAILED})", file=sys.stderr)
    return EXIT_FAILED


def report_command(out: Path, *, quiet: bool = False) -> int:
    """``report``: 0 rebuilt, 2 no run's CSVs in ``out``, 70 failed, 75 a run holds the folder."""
    from pipeline.catalog import MissingOutputs
    from pipeline.config import LOCK_FILE
    from pipeline.export import remove_temporaries
    from pipeline.lock import exclusive
    from pipeline.review import refresh

    if not (out / "articles.csv").is_file():
        print(f"error: no outputs of a run in {out} (articles.csv not found)", file=sys.stderr)
        return EXIT_USAGE
    try:
        with exclusive(out / LOCK_FILE):
            remove_temporaries(out)
            review = refresh(out, force=True)
    except Exception as exc:  # noqa: BLE001
        return _failure(exc, "report failed", usage=(MissingOutputs,))
    if not quiet:
        print(f"{review.line()}: {out / 'report.html'}", file=sys.stderr)
    return EXIT_OK
