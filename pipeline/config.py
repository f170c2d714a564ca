"""The one typed configuration a run is built from (the CLI fills it; the library reads it)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    corpus: Path = Path("corpus")
    out: Path = Path("outputs")
    quiet: bool = False
    progress: bool = False  # a progress bar, only when stderr is a terminal
