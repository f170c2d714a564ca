"""``python -m bench --adversarial``: extraction cost and output of hostile article shapes
(``bench/shapes.py``) at growing sizes.

    python -m bench --adversarial [--sizes 64k,256k,1m] [--real-size 5m] [--shapes a,b] [--repeat R] [--quick]

Each (shape, size) is measured in a fresh child process, so that one measure's memory and caches
do not leak into the next: the child builds the extractor, warms it on one sentence, then times
``Extractor.process`` on the shape's article (through ``pipeline.batch.extract_one``, the call a
run makes, without a time budget). It reports seconds, seconds per MB of UTF-8 text, the rows
the article gives (models, facts, claims), its status, and the peak resident memory the article
added over the warmed-up process. Each measure is taken ``--repeat`` times (default 2), each in
its own child, and the fastest is kept: this machine's speed drifts, and other work on it only
ever slows a measure down.

For each shape the last column is the **growth factor**: seconds per MB at the largest size over
seconds per MB at the smallest. Work that grows linearly with the text gives about 1; work that
grows with its square gives the ratio of the sizes. The ``real`` shape (the real pages' paragraphs
repeated) is also measured at ``--real-size`` (default 5 MB). The last line is one JSON object:
``{"max_s_per_mb", "max_growth", "shapes": {shape: {"s_per_mb": [...], "growth": g}}}``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SIZES = (64_000, 256_000, 1_000_000)
QUICK_SIZES = (16_000, 64_000, 256_000)
REAL_SIZE = 5_000_000


def parse_size(word: str) -> int:
    word = word.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(word[-1:], 1)
    return int(float(word[:-1] if scale > 1 else word) * scale)


def measure(shape: str, size: int, *, seed: int = 0) -> dict:
    """Run one measure in a child process; its JSON report."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    out = subprocess.run([sys.executable, "-m", "bench.adversarial", "--child", shape, str(size), str(seed)],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        return {"shape": shape, "size": size, "error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def child(shape: str, size: int, seed: int) -> dict:
    from bench.shapes import SHAPES
    from pipeline.batch import extract_one
    from pipeline.extract import Extractor
    from pipeline.records import Article

    extractor = Extractor()
    extract_one(Article("w", "w.txt", "Llama 3 compte 70 milliards de paramètres."), extractor)
    text = SHAPES[shape](size, seed=seed)
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    x = extract_one(Article("a", "a.txt", text), extractor)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    mb = len(text.encode("utf-8")) / 1e6
    return {"shape": shape, "size": size, "mb": round(mb, 3), "seconds": round(seconds, 3),
            "s_per_mb": round(seconds / mb, 2), "models": len(x.models), "facts": len(x.facts),
            "claims": len(x.claims), "status": x.article.status, "reason": x.article.reason,
            "added_rss_mb": round(max(0, peak - base) / 1024, 1)}


def fastest(shape: str, size: int, repeat: int) -> dict:
    """The fastest of ``repeat`` measures (an error as soon as one fails)."""
    best = None
    for _ in range(max(1, repeat)):
        r = measure(shape, size)
        if "error" in r:
            return r
        if best is None or r["seconds"] < best["seconds"]:
            best = r
    return best


def run(shapes: Sequence[str], sizes: Sequence[int], real_size: Optional[int], *, repeat: int = 2) -> dict:
    print(f"{'shape':13s} {'size':>9s} {'MB':>7s} {'s':>8s} {'s/MB':>7s} {'models':>7s} {'facts':>7s} "
          f"{'claims':>7s} {'+RSS MB':>8s}  status", flush=True)
    summary: dict[str, dict] = {}
    for shape in shapes:
        rows = []
        for size in list(sizes) + ([real_size] if shape == "real" and real_size and real_size > max(sizes) else []):
            r = fastest(shape, size, repeat)
            rows.append(r)
            if "error" in r:
                print(f"{shape:13s} {size:>9d} failed: {r['error']}", flush=True)
                continue
            print(f"{shape:13s} {size:>9d} {r['mb']:7.3f} {r['seconds']:8.2f} {r['s_per_mb']:7.2f} {r['models']:7d} "
                  f"{r['facts']:7d} {r['claims']:7d} {r['added_rss_mb']:8.1f}  {r['status']} {r['reason'][:60]}",
                  flush=True)
        rates = [r["s_per_mb"] for r in rows if "error" not in r]
        growth = round(rates[-1] / rates[0], 2) if len(rates) > 1 and rates[0] else None
        summary[shape] = {"s_per_mb": rates, "growth": growth}
        print(f"{shape:13s} growth (s/MB largest / smallest): {growth}", flush=True)
    return {"max_s_per_mb": max((max(v["s_per_mb"]) for v in summary.values() if v["s_per_mb"]), default=None),
            "max_growth": max((v["growth"] for v in summary.values() if v["growth"] is not None), default=None),
            "shapes": summary}


def main(argv: Optional[Sequence[str]] = None) -> int:
    from bench.shapes import SHAPES

    p = argparse.ArgumentParser(prog="python -m bench --adversarial", description=__doc__.split("\n\n")[0])
    p.add_argument("--adversarial", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quick", action="store_true", help="sizes 16k,64k,256k and no 5 MB real article")
    p.add_argument("--sizes", help="comma-separated sizes in bytes (k, m suffixes), default 64k,256k,1m")
    p.add_argument("--real-size", type=parse_size, default=None, help="one more size for the real shape (default 5m)")
    p.add_argument("--shapes", help=f"comma-separated, default all: {','.join(SHAPES)}")
    p.add_argument("--repeat", type=int, default=2, help="measures per shape and size, the fastest kept (default 2)")
    args = p.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",")] if args.sizes else list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    real_size = args.real_size if args.real_size is not None else (None if args.quick else REAL_SIZE)
    shapes = args.shapes.split(",") if args.shapes else list(SHAPES)
    unknown = [s for s in shapes if s not in SHAPES]
    if unknown:
        p.error(f"unknown shapes: {', '.join(unknown)}")
    print(json.dumps(run(shapes, sorted(sizes), real_size, repeat=args.repeat)))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        print(json.dumps(child(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))))
    else:
        sys.exit(main())
