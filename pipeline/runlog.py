"""The run log: one JSON object per line in ``<out>/runs.jsonl``, appended at the end of each run.

Each line is written with a single ``write`` on a file opened for appending, then fsynced, so
lines never interleave and a killed run leaves at most no line (not half of one). Readers skip
a line that does not parse.
"""
from __future__ import annotations

import json
import os
from pathlib import Path


def append(path: Path, record: dict) -> None:
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


def read(path: Path) -> list[dict]:
    """Every complete record of the log, oldest first (no log: no records)."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []
    records = []
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records
