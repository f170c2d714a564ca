"""A run: bring the CSVs and texts/ of an output folder up to date with a corpus folder.

Incremental by default: the state database (:mod:`pipeline.state`) remembers, per corpus file,
the fingerprint of the version it read and the articles and rows that came out of it, for one
version of the rules (:func:`pipeline.fingerprint.rules_version`). A run

1. takes the output folder's lock (:mod:`pipeline.lock`), or raises :class:`~pipeline.lock.Busy`
   before writing anything;
2. discovers the corpus and fingerprints every file (a stat signature spares re-hashing files
   that did not change); reads the files it has no reading of (new, changed, or everything after
   a rules change or with ``full``); caches the articles;
3. extracts, batch by batch (:func:`pipeline.batch.extract_batch`), the articles it has no
   extraction of; a duplicate text is extracted once, for its first source;
4. writes every CSV from the state, in sorted order, to fsynced temporary files, writes the
   missing texts/, renames the CSVs into place, and only then commits the new live state;
5. deletes texts no row refers to any more, drops unused cache entries, appends a line to the
   run log.

Step 3 is the one a parallel engine would distribute: ``extract_batch`` is pure (articles in,
extractions out) and the batches come from ``State.pending`` in output order.

Steps 2 and 3 commit their caches every second, so a killed run loses at most a second of work;
the live state changes only with the CSVs. Killed anywhere, a run leaves each CSV as it was or
complete and new; the next run redoes what the state does not show as done and writes the same
bytes a clean run would.
"""
from __future__ import annotations

import os
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from pipeline import fingerprint, lock, runlog
from pipeline.batch import extract_batch
from pipeline.config import Config, ConfigError
from pipeline.export import ARTICLE_COLUMNS, TABLES, atomic_write, cells, fsync_folder, publish, remove_temporaries, \
    write_temporary
from pipeline.ingest import article_id, discover, read_entry
from pipeline.records import Article, Extraction
from pipeline.state import State

BATCH_SIZE = 32  # articles per extraction batch
MAX_ERROR_EXAMPLES = 20
TEXT_NAME = re.compile(r"^[0-9a-f]{16}\.txt$")


@dataclass(frozen=True)
class RunSummary:
    articles: int  # rows of articles.csv
    ok: int
    skipped: int
    errors: int
    models: int  # rows of models.csv, facts.csv, claims.csv
    facts: int
    claims: int
    seconds: float
    files: int = 0  # corpus files found
    new: int = 0  # files the previous run did not see
    changed: int = 0  # files whose content changed since the previous run
    removed: int = 0  # files gone since the previous run (their rows are dropped)
    unchanged: int = 0
    read: int = 0  # files read by this run
    extracted: int = 0  # articles extracted by this run
    mode: str = "full"  # incremental | full | first run | rules changed
    rewritten: bool = True  # False when nothing changed and the CSVs were left untouched
    started: str = ""  # ISO 8601, UTC
    error_examples: tuple[str, ...] = field(default=())  # "source: reason" of the first articles in error

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self) -> str:
        return (f"pipeline: {self.articles} articles ({self.ok} ok, {self.skipped} skipped, {self.errors} errors) "
                f"from {self.files} files ({self.new} new, {self.changed} changed, {self.removed} removed, "
                f"{self.unchanged} unchanged), {self.read} read, {self.extracted} extracted, "
                f"{self.models} models, {self.facts} facts, {self.claims} claims in {self.seconds:.2f}s ({self.mode})")

    def record(self) -> dict:
        """The run log's line for this run."""
        fields = asdict(self)
        fields["seconds"] = round(self.seconds, 3)
        fields["error_examples"] = list(self.error_examples)
        return {"started": fields.pop("started"), "outcome": "errors" if self.errors else "ok", **fields}


def run(config: Config) -> RunSummary:
    """One run; raises :class:`ConfigError` (nothing written) or :class:`~pipeline.lock.Busy`
    (another run holds the output folder; nothing written)."""
    config.check()
    State.check_file(config.state_file)
    out = Path(config.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the output folder {out}: {exc.strerror or exc}") from exc
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    with lock.exclusive(config.lock_file):
        try:
            summary = _run_locked(config, started=started, t0=t0)
        except ConfigError:
            raise
        except BaseException as exc:
            _log_failure(config, started, t0, exc)
            raise
        runlog.append(config.run_log, summary.record())
    return summary


def _run_locked(config: Config, *, started: str, t0: float) -> RunSummary:
    out, texts = Path(config.out), Path(config.out) / "texts"
    for folder in (out, texts):
        remove_temporaries(folder)
    rules = fingerprint.rules_version()
    with State.open(config.state_file) as state:
        mode = state.prepare(rules, full=config.full)
        entries = discover(Path(config.corpus))
        n_read = _read(state, entries, progress=config.progress)
        changes = state.changes()
        state.select_firsts()
        n_extracted = _extract(state, progress=config.progress)
        nothing_new = changes.new == changes.changed == changes.removed == n_read == n_extracted == 0
        state.begin_publish(rules)
        counts, rewritten = _publish(state, out, reuse=nothing_new and mode == "incremental")
        state.commit()
        _remove_stale_texts(state, texts)
        state.collect_garbage()
    return RunSummary(**counts, seconds=time.perf_counter() - t0, files=len(entries), new=changes.new,
                      changed=changes.changed, removed=changes.removed, unchanged=changes.unchanged, read=n_read,
                      extracted=n_extracted, mode=mode, rewritten=rewritten, started=started)


# ---------------------------------------------------------------------- reading


def _read(state: State, entries, *, progress: bool) -> int:
    """Fingerprint every entry into ``current``; read those the caches lack. Files read."""
    n_read = 0
    for entry in _bar(entries, progress, desc="read", unit="file"):
        signature = fingerprint.signature(entry)
        known = state.known_fingerprint(entry.source, signature) if signature else None
        if known is not None and state.has_snapshot(entry.source, known):
            state.add_current(entry.source, known)
            continue
        probe = fingerprint.probe(entry)
        if signature and not probe.volatile:
            state.remember_fingerprint(entry.source, signature, probe.fingerprint)
        if probe.volatile or not state.has_snapshot(entry.source, probe.fingerprint):
            articles = read_entry(entry, data=probe.data)
            try:
                state.put_snapshot(entry.source, probe.fingerprint, articles)
            except (UnicodeError, ValueError) as exc:  # text SQLite cannot store: this file only
                state.put_snapshot(entry.source, probe.fingerprint, [_failed(entry.source, exc)])
            n_read += 1
        state.add_current(entry.source, probe.fingerprint)
        state.checkpoint()
    state.checkpoint(force=True)
    return n_read


def _failed(source: str, exc: Exception) -> Article:
    return Article(article_id=article_id(None, source=source), source=source, status="error",
                   reason=f"internal error: {type(exc).__name__}: {exc}")


# ---------------------------------------------------------------------- extracting


def _extract(state: State, *, progress: bool) -> int:
    """Extract every first article that has no stored extraction. Articles extracted."""
    total = state.pending_count()
    if not total:
        return 0
    done = 0
    with _bar(None, progress, desc="extract", unit="article", total=total) as bar:
        for batch in state.pending(BATCH_SIZE):
            extractions = extract_batch([article for _, article in batch])
            for (key, article), extraction in zip(batch, extractions):
                try:
                    state.put_extraction(key, extraction)
                except (UnicodeError, ValueError) as exc:  # rows SQLite cannot store: this article only
                    failed = replace(article, status="error", reason=f"extraction failed: {type(exc).__name__}: {exc}")
                    state.put_extraction(key, Extraction(failed))
            done += len(batch)
            bar.update(len(batch))
            state.checkpoint()
    state.checkpoint(force=True)
    return done


# ---------------------------------------------------------------------- publishing


def _publish(state: State, out: Path, *, reuse: bool) -> tuple[dict, bool]:
    """Write every CSV and the missing texts, rename the CSVs into place; (counts, rewritten).

    With ``reuse`` (nothing changed) and the CSVs as the last run left them, they are kept."""
    names = list(TABLES)
    recorded_stats, recorded_counts = state.outputs_record()
    if reuse and recorded_counts is not None and recorded_stats == _stats(out, names):
        _write_missing_texts(state, out / "texts")
        return {**recorded_counts, "error_examples": tuple(recorded_counts["error_examples"])}, False
    counts: Counter = Counter()
    errors: list[str] = []
    temporaries: list[tuple[Path, Path]] = []
    try:
        temporaries.append((write_temporary(out / "articles.csv", ARTICLE_COLUMNS,
                                            _article_rows(state, counts, errors)), out / "articles.csv"))
        for name in names[1:]:
            rows = _counted(state.rows(name), counts, name.removesuffix(".csv"))
            temporaries.append((write_temporary(out / name, TABLES[name], rows), out / name))
        _write_missing_texts(state, out / "texts")
        publish(temporaries)
    except BaseException:
        for tmp, _ in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    summary = dict(articles=counts["articles"], ok=counts["ok"], skipped=counts["skipped"], errors=counts["error"],
                   models=counts["models"], facts=counts["facts"], claims=counts["claims"],
                   error_examples=errors)
    state.record_outputs(_stats(out, names), summary)
    return {**summary, "error_examples": tuple(errors)}, True


def _article_rows(state: State, counts: Counter, errors: list[str]) -> Iterator[list[str]]:
    for item in state.listed():
        counts["articles"] += 1
        counts[item.status] += 1
        if item.status == "error" and len(errors) < MAX_ERROR_EXAMPLES:
            errors.append(f"{item.record['source']}: {item.reason}")
        yield cells(ARTICLE_COLUMNS, {**item.record, "status": item.status, "reason": item.reason,
                                      "n_chars": item.n_chars, "n_models": item.n_models,
                                      "n_facts": item.n_facts, "n_claims": item.n_claims})


def _counted(rows: Iterable[list[str]], counts: Counter, key: str) -> Iterator[list[str]]:
    for row in rows:
        counts[key] += 1
        yield row


def _write_missing_texts(state: State, texts: Path) -> None:
    """texts/<article_id>.txt for every extracted article (named by a hash of the text: an existing
    file is already right)."""
    texts.mkdir(parents=True, exist_ok=True)
    wrote = False
    for article_id in state.text_ids():
        path = texts / f"{article_id}.txt"
        if not path.exists():
            atomic_write(path, state.text(article_id))
            wrote = True
    if wrote:
        fsync_folder(texts)


def _remove_stale_texts(state: State, texts: Path) -> None:
    """After the commit: texts of articles that are gone (or were never extracted)."""
    keep = set(state.text_ids())
    for name in os.listdir(texts):
        if TEXT_NAME.match(name) and name[:-4] not in keep:
            (texts / name).unlink(missing_ok=True)


def _stats(out: Path, names: list[str]) -> dict:
    stats = {}
    for name in names:
        try:
            st = os.stat(out / name)
        except FileNotFoundError:
            return {}
        stats[name] = [st.st_ino, st.st_size, st.st_mtime_ns]
    return stats


# ---------------------------------------------------------------------- reporting


def _bar(items, progress: bool, **kwargs):
    """A tqdm progress bar on stderr when ``progress``; otherwise the items, untouched."""
    from tqdm import tqdm

    return tqdm(items, file=sys.stderr, disable=not progress, **kwargs)


def _log_failure(config: Config, started: str, t0: float, exc: BaseException) -> None:
    record = {"started": started, "outcome": "failed", "error": f"{type(exc).__name__}: {exc}",
              "seconds": round(time.perf_counter() - t0, 3)}
    try:
        runlog.append(config.run_log, record)
    except OSError:
        pass
