"""The per-article tables of an output folder (articles.csv, models.csv, facts.csv, claims.csv),
read with pandas as the text the pipeline wrote: every cell a string, empty cells empty, the
formula guard (a leading ``'``, :func:`pipeline.export.protect`) removed. The ``sentence`` column of
facts.csv and claims.csv is not read: neither the catalog nor the page shows it, and it is the
largest column (about half of those files)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.export import ARTICLE_COLUMNS, CLAIM_COLUMNS, FACT_COLUMNS, MODEL_COLUMNS, unprotect

UNREAD = ("sentence",)  # columns nobody here reads


class MissingOutputs(FileNotFoundError):
    """The folder holds no complete set of per-article tables (no run has written it)."""


@dataclass(frozen=True)
class Tables:
    articles: pd.DataFrame
    models: pd.DataFrame
    facts: pd.DataFrame
    claims: pd.DataFrame

    def dates(self) -> dict[str, str]:
        """article_id -> publication date (``YYYY-MM-DD``, or empty), from the extracted articles."""
        ok = self.articles[self.articles["status"] == "ok"]
        return dict(zip(ok["article_id"], ok["published"]))


def read_tables(out: Path) -> Tables:
    """The four tables of ``out``; raises :class:`MissingOutputs` when one is missing."""
    return Tables(articles=_read(out / "articles.csv", ARTICLE_COLUMNS),
                  models=_read(out / "models.csv", MODEL_COLUMNS),
                  facts=_read(out / "facts.csv", _read_columns(FACT_COLUMNS)),
                  claims=_read(out / "claims.csv", _read_columns(CLAIM_COLUMNS)))


def _read_columns(columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(c for c in columns if c not in UNREAD)


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    if not path.is_file():
        raise MissingOutputs(f"{path} not found (run `python -m pipeline run` into this folder first)")
    wanted = set(columns)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False, encoding="utf-8",
                        usecols=lambda c: c in wanted)
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingOutputs(f"{path} lacks the columns {', '.join(missing)} (written by another version?)")
    frame = frame[list(columns)].astype(object)
    for column in columns:
        frame[column] = frame[column].map(unprotect)
    return frame
