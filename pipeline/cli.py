"""Command line: arguments -> one Config -> the library. Exit codes: 0 all processed, 1 some
articles have status error, 2 usage or configuration error."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.config import Config

EXIT_OK, EXIT_ARTICLE_ERRORS, EXIT_USAGE = 0, 1, 2


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="Extract AI-model facts and benchmark claims from French tech news.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="extract from every article of a corpus into CSV files")
    r.add_argument("--corpus", type=Path, default=Path("corpus"), help="folder of articles (default: corpus)")
    r.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs)")
    r.add_argument("--quiet", action="store_true", help="print only errors")
    e = sub.add_parser("evaluate", help="score the outputs against gold annotation files")
    e.add_argument("gold", nargs="+", type=Path, help="gold .json files or folders of them")
    e.add_argument("--out", type=Path, default=Path("outputs"), help="output folder to score (default: outputs)")
    e.add_argument("--summary", action="store_true", help="scores only, without every miss and extra")
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    if args.command == "run":
        if not args.corpus.is_dir():
            print(f"error: corpus folder not found: {args.corpus}", file=sys.stderr)
            return EXIT_USAGE
        from pipeline.run import run
        config = Config(corpus=args.corpus, out=args.out, quiet=args.quiet,
                        progress=sys.stderr.isatty() and not args.quiet)
        summary = run(config)
        if not args.quiet or summary.errors:
            print(summary.line(), file=sys.stderr)
        return summary.exit_code
    if args.command == "evaluate":
        from pipeline.evaluate import evaluate, format_report
        missing = [str(g) for g in args.gold if not g.exists()]
        if missing or not (args.out / "articles.csv").exists():
            print(f"error: not found: {', '.join(missing) or args.out / 'articles.csv'}", file=sys.stderr)
            return EXIT_USAGE
        print(format_report(evaluate(args.out, list(args.gold)), details=not args.summary))
        return EXIT_OK
    return EXIT_USAGE
