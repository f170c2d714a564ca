"""The review outputs of an output folder: the catalog (catalog.csv, catalog_facts.csv,
claims_graph.csv) and report.html, rebuilt from the per-article CSVs and texts/.

Crash safety as for the run's CSVs: every file is written to a fsynced temporary file, then all are
renamed into place together; a killed rebuild leaves the previous complete files. ``review.json``
(written last) records what they were built from (the rules version, the report's assets, and the
inode, size and mtime of each input CSV); while that still matches, :func:`refresh` leaves the
files alone, so a run that changed nothing stays cheap, and one killed between its CSVs and these
files is completed by the next run."""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from pipeline import fingerprint
from pipeline.catalog import build_catalog, read_tables
from pipeline.export import CATALOG_TABLES, atomic_write, publish, stream_text_temporary, write_temporary
from pipeline.report import ASSETS, asset, write_report

REPORT = "report.html"
STAMP = "review.json"
INPUTS = ("articles.csv", "models.csv", "facts.csv", "claims.csv")
OUTPUTS = (*CATALOG_TABLES, REPORT)


@dataclass(frozen=True)
class Review:
    models: int  # rows of catalog.csv
    values: int  # rows of catalog_facts.csv
    claims: int  # rows of claims_graph.csv
    conflicts: int  # models with at least one conflict
    report_bytes: int
    seconds: float
    rebuilt: bool  # False: the files were up to date

    def line(self) -> str:
        what = "rebuilt" if self.rebuilt else "up to date"
        return (f"pipeline: catalog {what}: {self.models} models ({self.conflicts} with conflicts), {self.values} values, "
                f"{self.claims} claims; report.html {self.report_bytes / 1e6:.1f} MB in {self.seconds:.2f}s")


def refresh(out: Path, *, force: bool = False) -> Review:
    """Bring the catalog and report.html of ``out`` up to date with its CSVs. The caller holds the
    folder's lock. Raises :class:`pipeline.catalog.MissingOutputs` when no run wrote the folder."""
    t0 = time.perf_counter()
    stamp = _stamp(out)
    recorded = _recorded(out)
    if not force and recorded.get("inputs") == stamp and all((out / n).is_file() for n in OUTPUTS) \
            and recorded.get("outputs") == _stats(out, OUTPUTS):
        return Review(**recorded["counts"], seconds=round(time.perf_counter() - t0, 3), rebuilt=False)
    tables = read_tables(out)
    catalog = build_catalog(tables)
    temporaries = []
    try:
        for name, columns in CATALOG_TABLES.items():
            temporaries.append((write_temporary(out / name, columns, catalog.rows(name)), out / name))
        page = stream_text_temporary(out / REPORT, lambda f: write_report(f, tables, catalog, out / "texts"))
        temporaries.append((page, out / REPORT))
        report_bytes = page.stat().st_size
        publish(temporaries)
    except BaseException:
        for tmp, _ in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    counts = dict(models=len(catalog.models), values=len(catalog.facts), claims=len(catalog.claims),
                  conflicts=int((catalog.models["conflicts"] != "").sum()), report_bytes=report_bytes)
    atomic_write(out / STAMP, json.dumps({"inputs": stamp, "outputs": _stats(out, OUTPUTS), "counts": counts},
                                         sort_keys=True) + "\n")
    return Review(**counts, seconds=round(time.perf_counter() - t0, 3), rebuilt=True)


def _stamp(out: Path) -> dict:
    code = hashlib.sha256(f"{fingerprint.rules_version()} {fingerprint.review_version()}".encode())
    for name in ASSETS:
        code.update(asset(name).encode("utf-8"))
    return {"code": code.hexdigest()[:16], "files": _stats(out, INPUTS)}


def _stats(out: Path, names) -> dict:
    stats = {}
    for name in names:
        try:
            st = os.stat(out / name)
        except FileNotFoundError:
            continue
        stats[name] = [st.st_ino, st.st_size, st.st_mtime_ns]
    return stats


def _recorded(out: Path) -> dict:
    try:
        recorded = json.loads((out / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return recorded if isinstance(recorded, dict) else {}
