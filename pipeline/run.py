"""A run: read the corpus, extract every French article, write the CSVs and the cleaned texts."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator

from pipeline.config import Config
from pipeline.export import TABLES, as_row, atomic_write, render
from pipeline.extract import Extractor
from pipeline.ingest import read_corpus
from pipeline.records import Article, Extraction


@dataclass(frozen=True)
class RunSummary:
    articles: int
    ok: int
    skipped: int
    errors: int
    models: int
    facts: int
    claims: int
    seconds: float

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self) -> str:
        return (f"pipeline: {self.articles} articles ({self.ok} ok, {self.skipped} skipped, {self.errors} errors), "
                f"{self.models} models, {self.facts} facts, {self.claims} claims in {self.seconds:.2f}s")


def extract_all(articles: Iterator[Article], extractor: Extractor, *, progress: bool = False) -> Iterator[Extraction]:
    if progress:
        from tqdm import tqdm
        articles = tqdm(articles, unit="article", file=sys.stderr)
    seen: dict[str, str] = {}
    for article in articles:
        if article.status == "ok" and article.article_id in seen:
            yield Extraction(replace(article, status="skipped", reason=f"duplicate of {seen[article.article_id]}"))
            continue
        if article.status == "ok":
            seen[article.article_id] = article.source
        try:
            yield extractor.process(article)
        except Exception as exc:  # one bad article never stops the batch
            yield Extraction(replace(article, status="error", reason=f"extraction failed: {type(exc).__name__}: {exc}"))


def run(config: Config) -> RunSummary:
    t0 = time.perf_counter()
    extractor = Extractor()
    rows = {name: [] for name in TABLES}
    texts_dir = config.out / "texts"
    counts = dict(ok=0, skipped=0, error=0)
    for ex in extract_all(read_corpus(config.corpus), extractor, progress=config.progress):
        a = ex.article
        counts[a.status if a.status in counts else "error"] += 1
        row = as_row(a)
        row.update(n_chars=len(a.text or ""), n_models=len(ex.models), n_facts=len(ex.facts), n_claims=len(ex.claims))
        rows["articles.csv"].append(row)
        rows["models.csv"] += [as_row(m) for m in ex.models]
        rows["facts.csv"] += [as_row(f) for f in ex.facts]
        rows["claims.csv"] += [as_row(c) for c in ex.claims]
        rows["extra_facts.csv"] += [as_row(f) for f in ex.extra_facts]
        if a.status == "ok" and a.text:
            atomic_write(texts_dir / f"{a.article_id}.txt", a.text)
    for name, columns in TABLES.items():
        atomic_write(config.out / name, render(columns, rows[name]))
    return RunSummary(len(rows["articles.csv"]), counts["ok"], counts["skipped"], counts["error"],
                      len(rows["models.csv"]), len(rows["facts.csv"]), len(rows["claims.csv"]),
                      time.perf_counter() - t0)
