"""Helpers shared by the batch-run tests (incremental runs, lock, crashes, bad inputs)."""
from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

from pipeline.config import Config
from pipeline.export import CATALOG_TABLES, TABLES
from pipeline.run import RunSummary, run

CSV_NAMES = tuple(TABLES)
SHIPPED = Path(__file__).resolve().parent.parent / "corpus"


def run_quiet(corpus: Path, out: Path, **options) -> RunSummary:
    return run(Config(corpus=corpus, out=out, quiet=True, **options))


def csvs(out: Path) -> dict[str, bytes]:
    """The bytes of every CSV of an output folder (missing file: None)."""
    return {name: (out / name).read_bytes() if (out / name).exists() else None for name in CSV_NAMES}


def texts(out: Path) -> dict[str, bytes]:
    folder = out / "texts"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))} if folder.is_dir() else {}


REVIEW_NAMES = (*CATALOG_TABLES, "report.html")


def outputs(out: Path) -> dict:
    """Everything a run publishes: the CSVs, texts/, the catalog CSVs and report.html."""
    review = {name: (out / name).read_bytes() if (out / name).exists() else None for name in REVIEW_NAMES}
    return {**csvs(out), "texts/": texts(out), **review}


def parse(data: bytes) -> list[list[str]]:
    """The rows of a complete CSV (raises on a truncated quoted field)."""
    text = data.decode("utf-8")
    assert text.endswith("\n"), "a complete CSV ends with a newline"
    return list(csv.reader(io.StringIO(text, newline=""), strict=True))


def live_files(state_file: Path) -> dict[str, str]:
    """The live state: file -> fingerprint (rolls back what a killed run left uncommitted)."""
    conn = sqlite3.connect(state_file)
    try:
        return dict(conn.execute("SELECT file, fingerprint FROM files"))
    finally:
        conn.close()


def copy_shipped(dest: Path, *, copies: int = 1) -> Path:
    """The shipped corpus under ``dest``; with ``copies`` > 1, more copies under other names, each
    with a small change so that no two texts are the same."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(SHIPPED.iterdir()):
        if path.is_file():
            shutil.copyfile(path, dest / path.name)
            for i in range(1, copies):
                variant(path, dest / f"v{i:02d}-{path.name}", i)
    return dest


def variant(src: Path, dest: Path, i: int) -> None:
    """A copy of an article with one sentence added (in the body for HTML)."""
    data = src.read_bytes()
    sentence = f"Mise à jour numéro {i} : la rédaction a complété cet article."
    line = sentence.encode("cp1252" if "cp1252" in src.name else "utf-8")
    if src.suffix == ".html":
        data = data.replace(b"</article>", b"<p>" + line + b"</p></article>", 1)
    else:
        data = data.rstrip() + b"\n\n" + line + b"\n"
    dest.write_bytes(data)
