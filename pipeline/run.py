"""A run: bring the CSVs and texts/ of an output folder up to date with a corpus folder.

Incremental by default: the state database (:mod:`pipeline.state`) remembers, per corpus file,
the fingerprint of the version it read and the articles and rows that came out of it, for one
version of the rules (:func:`pipeline.fingerprint.rules_version`). A run

1. takes the output folder's lock (:mod:`pipeline.lock`), or raises :class:`~pipeline.lock.Busy`
   before writing anything;
2. discovers the corpus and fingerprints every file (a stat signature spares re-hashing files
   that did not change); reads the files it has no reading of (new, changed, or everything after
   a rules change or with ``full``), caches their articles and extracts them at once (the first
   article of each text this run, unless an extraction of it is cached): time to the first
   extracted article does not grow with the corpus;
3. extracts, batch by batch (:func:`pipeline.batch.extract_batch`), the articles still without an
   extraction once everything is read (a duplicate whose first copy is gone, a file read while
   the workers were starting); a duplicate text is extracted once, for its first source;
4. writes every CSV from the state, in sorted order, to fsynced temporary files, writes the
   missing texts/ (those of the articles just extracted are written during steps 2 and 3, as
   their extractions are stored), renames the CSVs into place, and only then commits the new
   live state;
5. deletes texts no row refers to any more, drops unused cache entries, appends a line to the
   run log.

Steps 2 and 3 can run on workers (:mod:`pipeline.engines`: ``--workers N`` processes on this
machine, or a Dask cluster): this process still discovers, hashes and stores; the workers parse
the bytes it hands them and extract the articles in the same task, chunk by chunk, a bounded
number of chunks in flight. Their results are stored by the same code as a run's own, so the
state, and therefore every CSV, is the same whatever the engine and the number of workers. Small
amounts of work are done here (starting workers costs more than it saves).

What the run reads or extracts in its own process is written down while in hand
(:mod:`pipeline.engines.in_hand`): a file or article that kills the process kills one run, the
next one doing what the dead run had in hand in a worker process apart.

Steps 2 and 3 commit their caches every second, so a killed run loses at most a second of work;
the live state changes only with the CSVs. Killed anywhere, a run leaves each CSV as it was or
complete and new; the next run redoes what the state does not show as done and writes the same
bytes a clean run would.
"""
from __future__ import annotations

import os
import re
import sqlite3
import sys
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional

from pipeline import fingerprint, lock, runlog
from pipeline.batch import extract_batch
from pipeline.config import Config, ConfigError
from pipeline.engines import EngineError, Workers, tasks
from pipeline.engines.deaths import Killed
from pipeline.engines.in_hand import WORKING_FILE, InHand, extracting_lines, reading_line
from pipeline.export import ARTICLE_COLUMNS, TABLES, cells, fsync_file, fsync_folder, publish, remove_temporaries, \
    write_temporary, write_text_temporary
from pipeline.ingest import article_id, discover, read_entry
from pipeline.records import Article
from pipeline.state import Damaged, Encoded, State, digest, is_damage, is_ours, move_aside

if TYPE_CHECKING:
    from pipeline.review import Review

BATCH_SIZE = 32  # articles per extraction batch (a chunk, for the workers)
CHUNK_FILES = 16  # files per chunk the workers read and extract ...
CHUNK_BYTES = 64 << 10  # ... and bytes, about 32 articles (a larger file goes alone)
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
    engine: str = "local"  # local | dask
    workers: int = 1  # processes (Dask: worker threads) that read and extracted; 1: the run itself
    first_article_s: Optional[float] = None  # process start -> first extraction stored (None: nothing extracted)
    state: str = "ok"  # ok | rebuilt (the state database was damaged: moved aside, the run started afresh)
    worker_deaths: int = 0  # worker processes that died while reading or extracting (the run went on)
    apart: int = 0  # files and articles a dead run had in hand, read or extracted in a worker apart
    warnings: tuple[str, ...] = field(default=())  # printed even with --quiet
    error_examples: tuple[str, ...] = field(default=())  # "source: reason" of the first articles in error
    review: Optional["Review"] = None  # the catalog and report.html (None: --no-report)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def line(self) -> str:
        return (f"pipeline: {self.articles} articles ({self.ok} ok, {self.skipped} skipped, {self.errors} errors) "
                f"from {self.files} files ({self.new} new, {self.changed} changed, {self.removed} removed, "
                f"{self.unchanged} unchanged), {self.read} read, {self.extracted} extracted, "
                f"{self.models} models, {self.facts} facts, {self.claims} claims in {self.seconds:.2f}s ({self.mode}; "
                f"{self._how()})")

    def _how(self) -> str:
        how = f"{self.engine} engine, {self.workers} workers" if self.workers > 1 or self.engine != "local" \
            else "1 process"
        if self.first_article_s is not None:
            how += f"; first article after {self.first_article_s:.2f}s"
        if self.worker_deaths:
            how += f"; {self.worker_deaths} worker deaths"
        if self.apart:
            how += f"; {self.apart} done apart after a run died"
        return how

    def record(self) -> dict:
        """The run log's line for this run."""
        fields = asdict(self)
        fields["seconds"] = round(self.seconds, 3)
        if self.first_article_s is not None:
            fields["first_article_s"] = round(self.first_article_s, 3)
        fields["error_examples"] = list(self.error_examples)
        fields["warnings"] = list(self.warnings)
        return {"started": fields.pop("started"), "outcome": "errors" if self.errors else "ok", **fields}


def run(config: Config) -> RunSummary:
    """One run; raises :class:`ConfigError` (nothing written) or :class:`~pipeline.lock.Busy`
    (another run holds the output folder; nothing written)."""
    config.check()
    State.check_file(config.state_file, ours=config.state is None)
    out = Path(config.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create the output folder {out}: {exc.strerror or exc}") from exc
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    clock = _Clock(config.process_start if config.process_start is not None else t0)
    with lock.exclusive(config.lock_file):
        healed: Optional[str] = None
        try:
            try:
                summary = _run_locked(config, started=started, t0=t0, clock=clock)
            except (Damaged, sqlite3.DatabaseError) as exc:
                healed = _heal(config, exc)
                summary = _run_locked(config, started=started, t0=t0, clock=clock)
            if config.report:  # the catalog and report.html, from the CSVs just published
                from pipeline.review import refresh  # pandas: imported only here
                summary = replace(summary, review=refresh(out))
        except ConfigError:
            raise
        except BaseException as exc:
            _log_failure(config, started, t0, exc, healed)
            raise
        if healed is not None:
            summary = replace(summary, state="rebuilt", warnings=(*summary.warnings, healed))
        runlog.append(config.run_log, summary.record())
    return summary


def _heal(config: Config, exc: BaseException) -> str:
    """Move a damaged state database aside so that the run can start afresh; the warning to print.
    Raises ``exc`` again when it is not damage (a full disk, say), and :class:`ConfigError` when the
    file may be another program's: an explicit ``--state`` file without the state's application id
    is never touched."""
    if isinstance(exc, sqlite3.DatabaseError) and not is_damage(exc):
        raise exc
    path = config.state_file
    if config.state is not None and not is_ours(path):
        raise ConfigError(f"{path} is not a usable state database ({_why(exc)}); choose another --state file") from exc
    aside = move_aside(path)
    return (f"the state database {path} was damaged ({_why(exc)}): moved aside to {aside.name}; "
            "this run starts afresh")


def _why(exc: BaseException) -> str:
    return exc.reason if isinstance(exc, Damaged) else str(exc)


def _run_locked(config: Config, *, started: str, t0: float, clock: _Clock) -> RunSummary:
    out, texts = Path(config.out), Path(config.out) / "texts"
    for folder in (out, texts):
        remove_temporaries(folder)
    rules = fingerprint.rules_version()
    in_hand = InHand(out / WORKING_FILE)  # what a dead run had in hand is done apart
    published = False
    try:
        with State.open(config.state_file) as state:
            mode = state.prepare(rules, full=config.full)
            entries = discover(Path(config.corpus), follow_symlinks=config.follow_symlinks)
            # workers start on first need and stop (at once on failure) here; texts/ files are written as
            # their extractions are stored
            with Workers(config) as workers, _TextWriter(texts) as writer:
                here = _Here(in_hand, workers, config.article_timeout)
                sink = _Sink(state, clock, writer, here)
                n_read = _read(state, entries, workers, sink, progress=config.progress)
                changes = state.changes()
                state.select_firsts()
                _extract(state, workers, sink, progress=config.progress)
            n_extracted = sink.count
            engine, n_workers = workers.used
            deaths = workers.deaths
            nothing_new = changes.new == changes.changed == changes.removed == n_read == n_extracted == 0
            state.begin_publish(rules)
            counts, rewritten = _publish(state, out, reuse=nothing_new and mode == "incremental")
            state.commit()
            published = True
            _remove_stale_texts(state, texts)
            state.collect_garbage()
    finally:
        in_hand.close(published=published)
    return RunSummary(**counts, seconds=time.perf_counter() - t0, files=len(entries), new=changes.new,
                      changed=changes.changed, removed=changes.removed, unchanged=changes.unchanged, read=n_read,
                      extracted=n_extracted, mode=mode, rewritten=rewritten, started=started, engine=engine,
                      workers=n_workers, first_article_s=clock.first, worker_deaths=deaths,
                      apart=len(here.apart_sources), warnings=here.warnings())


# ---------------------------------------------------------------------- reading


def _read(state: State, entries, workers: Workers, sink: "_Sink", *, progress: bool) -> int:
    """Fingerprint every entry into ``current``; read those the caches lack, and extract their
    articles at once (the first of each text this run that has no stored extraction). Files read.

    Entries whose stat signature vouches for a cached reading are settled at once; the others are
    hashed here, and read and extracted here or, from the first one that needs it and when enough
    are left, by the run's workers. A file read here while the workers start is extracted later,
    by them (:func:`_extract`). With no reading cached, every file is to be read: the workers are
    asked for at once, and no signature is checked."""
    if state.has_readings():
        todo = _unsettled(state, entries)
    else:
        todo = entries
        workers.for_work(len(todo))  # they start in the background while the first files are read here
    n_read = 0
    with _bar(None, progress, desc="read and extract", unit="file", total=len(todo)) as bar:
        for source, fp, articles, extractions in _readings(state, todo, workers, sink.here):
            if articles is not None:
                keys = _store_snapshot(state, source, fp, articles)
                n_read += 1
                keyed = list(zip(keys, articles)) if keys is not None else []  # none: stored as an error
                if extractions is not None:
                    sink.store_early(keyed, extractions)
                elif workers.engine is None:  # the run does all the work itself
                    sink.extract_here(keyed)
            state.add_current(source, fp)
            bar.update(1)
            state.checkpoint()
    state.checkpoint(force=True)
    return n_read


def _unsettled(state: State, entries) -> list:
    """The entries whose stat signature does not vouch for a cached reading; the others go into
    ``current`` at once."""
    todo = []
    for entry in entries:
        signature = fingerprint.signature(entry)
        known = state.known_fingerprint(entry.source, signature) if signature else None
        if known is not None and state.has_snapshot(entry.source, known):
            state.add_current(entry.source, known)
        else:
            todo.append(entry)  # not its signature: taken again when it is read (15 MB at 80 000 files)
        state.checkpoint()
    return todo


def _probe(state: State, entry):
    """The entry's fingerprint (and bytes); whether its reading is still to be done. Its stat
    signature, taken before the bytes are, is remembered with the fingerprint."""
    signature = fingerprint.signature(entry)
    probe = fingerprint.probe(entry)
    if signature and not probe.volatile:
        state.remember_fingerprint(entry.source, signature, probe.fingerprint)
    return probe, probe.volatile or not state.has_snapshot(entry.source, probe.fingerprint)


Reading = tuple[str, str, Optional[list[Article]], Optional[list[Optional[Encoded]]]]


def _readings(state: State, todo: list, workers: Workers, here: "_Here") -> Iterator[Reading]:
    """(source, fingerprint, articles or None when a cached reading has that fingerprint,
    extractions or None when the articles were not extracted with their reading) for each entry of
    ``todo``. The first entry that must be read decides whether workers do the rest."""
    engine = None
    for i, entry in enumerate(todo):
        probe, needed = _probe(state, entry)
        if needed and engine is None and probe.data is not None:
            engine = workers.for_work(len(todo) - i)
            if engine is not None:
                yield from _read_there(engine, state, probe, todo, i, here)
                return
            engine = False  # decided: this process reads
        yield entry.source, probe.fingerprint, here.read(entry, probe) if needed else None, None


def _read_there(engine, state: State, first, todo: list, i: int, here: "_Here") -> Iterator[Reading]:
    """:func:`_readings` from ``todo[i]`` (already probed: ``first``) on, the files' bytes read and
    their articles extracted by the workers: while they start, read (only) by this process; entries
    that are not regular readable files, which ingest answers without their bytes, always here."""
    def probed():
        yield todo[i], first, True
        for entry in todo[i + 1:]:
            yield (entry, *_probe(state, entry))

    entries = probed()
    for entry, probe, needed in entries:
        yield entry.source, probe.fingerprint, here.read(entry, probe) if needed else None, None
        if engine.ready():
            break
    local: deque = deque()  # results found here, waiting for their turn (no file bytes kept)

    def chunks():
        chunk, size = [], 0
        for entry, probe, needed in entries:
            if not needed or probe.data is None:
                local.append((entry.source, probe.fingerprint, here.read(entry, probe) if needed else None, None))
                continue
            chunk.append(((entry.source, probe.fingerprint), (entry.path.name, entry.source, probe.data)))
            size += len(probe.data)
            if len(chunk) >= CHUNK_FILES or size >= CHUNK_BYTES:
                yield _split(chunk)
                chunk, size = [], 0
        if chunk:
            yield _split(chunk)

    for tags, result in engine.map(partial(tasks.read_and_extract, timeout=here.timeout), chunks(),
                                   alone=partial(_files_alone, timeout=here.timeout)):
        if isinstance(result, Killed):  # reading this file alone killed its worker
            results = [([_failed_article(source, f"reading killed its worker ({result.how})")], None)
                       for source, _ in tags]
        else:
            rules, results = result
            _check_rules(rules, engine)
        while local:
            yield local.popleft()
        for (source, fp), (articles, extractions) in zip(tags, results):
            yield source, fp, articles, extractions
    while local:
        yield local.popleft()


def _files_alone(tags: list, items: list, *, timeout: Optional[float]) -> list:
    """A chunk of files lost with a worker that died, to run again one file at a time: each file is
    only read (its articles are extracted after every file is read, alone if need be)."""
    read = partial(tasks.read_only, timeout=timeout)
    return [([tag], read, [item]) for tag, item in zip(tags, items)]


def _split(chunk: list) -> tuple[list, list]:
    return [tag for tag, _ in chunk], [payload for _, payload in chunk]


def _store_snapshot(state: State, source: str, fp: str, articles: list[Article]) -> Optional[list[str]]:
    """Cache a file's articles; their digests, or None when they could not be stored (the file is
    stored as one article in error instead)."""
    try:
        return state.put_snapshot(source, fp, articles)
    except (UnicodeError, ValueError) as exc:  # text SQLite cannot store: this file only
        state.put_snapshot(source, fp, [_failed(source, exc)])
        return None


def _check_rules(rules: str, engine) -> None:
    """Results computed under other rules than this run's are never stored."""
    if rules != fingerprint.rules_version():
        raise EngineError(f"a worker of the {engine.describe()} runs rules version {rules}, this run "
                          f"{fingerprint.rules_version()}: install the same version of the pipeline package and of "
                          "requirements.txt on every worker (or pipeline/ changed while the run started)")


def _failed(source: str, exc: Exception) -> Article:
    return _failed_article(source, f"internal error: {type(exc).__name__}: {exc}")


def _failed_article(source: str, reason: str) -> Article:
    """The one article of a file that could not be read."""
    return Article(article_id=article_id(None, source=source), source=source, status="error", reason=reason)


# ---------------------------------------------------------------------- extracting


class _Clock:
    """When the run's first extraction was stored, in seconds since ``origin`` (process start)."""

    def __init__(self, origin: float):
        self.origin = origin
        self.first: Optional[float] = None

    def tick(self) -> None:
        if self.first is None:
            self.first = time.perf_counter() - self.origin


class _Sink:
    """Where extractions are stored, whether they come with their file's reading or after it: the
    state, the article's texts/ file (written as it comes), the first-article clock, the count."""

    def __init__(self, state: State, clock: _Clock, writer: "_TextWriter", here: "_Here"):
        self.state, self.clock, self.writer, self.here = state, clock, writer, here
        self.count = 0

    def wanted(self, key: str, article: Article) -> bool:
        """Worth extracting with its reading: ``ok``, the run's first claim on its text, no stored
        extraction under its digest ``key``. (Which article of a text is listed first is settled
        once everything is read, :meth:`State.select_firsts`; an extraction stored for a later one
        is dropped then.)"""
        return (article.status == "ok" and self.state.claim_text(article.article_id)
                and not self.state.has_extraction(key))

    def extract_here(self, keyed: list[tuple[str, Article]]) -> None:
        """Extract here the wanted ones of a file's (digest, article) pairs."""
        batch = [(key, a) for key, a in keyed if self.wanted(key, a)]
        if batch:
            for part, encoded in self.here.extract(batch):
                self.store(part, encoded)

    def store_early(self, keyed: list[tuple[str, Article]], extractions: list[Optional[Encoded]]) -> None:
        """Store the wanted ones of the extractions a worker made with its reading."""
        chosen = [(item, e) for item, e in zip(keyed, extractions) if e is not None and self.wanted(*item)]
        if chosen:
            self.store([item for item, _ in chosen], [e for _, e in chosen])

    def store(self, batch: list[tuple[str, Article]], encoded: list[Encoded]) -> None:
        for (key, article), item in zip(batch, encoded):
            if _store_extraction(self.state, key, item) == "ok":
                self.writer.write(article.article_id, article.text)
        self.count += len(batch)
        self.clock.tick()


class _Here:
    """The reading and extraction the run does in its own process, each piece written down while in
    hand (:mod:`pipeline.engines.in_hand`): what a dead run had in hand is read or extracted in a
    worker apart instead (:meth:`Workers.apart`), where what kills its worker again is an error of
    its own and the run goes on."""

    def __init__(self, in_hand: InHand, workers: Workers, timeout: Optional[float]):
        self.in_hand, self.workers = in_hand, workers
        self.timeout = timeout  # seconds per file's reading and per article's extraction (None: no limit)
        self.files = in_hand.suspects.files  # (source, fingerprint)
        self.articles = set(in_hand.suspects.articles)  # digests; and those of the files read apart
        self.apart_sources: list[str] = []  # what was done apart, for the warning

    def read(self, entry, probe) -> list[Article]:
        """A file's articles, read here, or apart when a dead run was reading it."""
        if probe.data is None:  # nothing to parse: ingest answers from the entry
            return read_entry(entry, data=None, timeout=self.timeout)
        if self.files and (entry.source, probe.fingerprint) in self.files:
            return self._read_apart(entry, probe)
        with self.in_hand.holding(reading_line(entry.source, probe.fingerprint)):
            return read_entry(entry, data=probe.data, timeout=self.timeout)

    def extract(self, batch: list[tuple[str, Article]]) -> Iterator[tuple[list, list[Encoded]]]:
        """(part of ``batch``, its extractions): here, apart the articles a dead run was extracting."""
        apart = [item for item in batch if item[0] in self.articles] if self.articles else []
        if apart:
            batch = [item for item in batch if item[0] not in self.articles]
        if batch:
            with self.in_hand.holding(extracting_lines((key, article.source) for key, article in batch)):
                encoded = _encoded_here([article for _, article in batch], timeout=self.timeout)
            yield batch, encoded
        if apart:
            self.apart_sources.extend(article.source for _, article in apart)
            yield from _extract_there(self.workers.apart(), [apart], self.timeout)

    def _read_apart(self, entry, probe) -> list[Article]:
        """Read alone in the worker apart; its articles are extracted apart too."""
        self.apart_sources.append(entry.source)
        engine = self.workers.apart()
        chunk = ([entry.source], [(entry.path.name, entry.source, probe.data)])
        for _, result in engine.map(partial(tasks.read_only, timeout=self.timeout), [chunk]):
            if isinstance(result, Killed):
                return [_failed_article(entry.source, f"reading killed its worker ({result.how})")]
            rules, ((articles, _),) = result
            _check_rules(rules, engine)
            self.articles.update(digest(article) for article in articles if article.status == "ok")
            return articles
        raise RuntimeError(f"no reading came back for {entry.source}")

    def warnings(self) -> tuple[str, ...]:
        if not self.apart_sources:
            return ()
        sources = sorted(set(self.apart_sources))
        shown = ", ".join(sources[:5]) + (f" and {len(sources) - 5} more" if len(sources) > 5 else "")
        return (f"a previous run died while it read or extracted {shown} in its own process (killed, out of "
                "memory, a crash): done in a separate worker process this time",)


def _extract(state: State, workers: Workers, sink: _Sink, *, progress: bool) -> None:
    """Extract every first article that has no stored extraction yet (those read while the
    workers started, those whose reading was cached, duplicates whose first copy changed)."""
    total = state.pending_count()
    if not total:
        return
    engine = workers.for_work(total)
    with _bar(None, progress, desc="extract", unit="article", total=total) as bar:
        pending = state.pending(BATCH_SIZE)
        results = _extract_here(pending, sink.here) if engine is None else \
            _extract_there(engine, pending, sink.here.timeout)
        for batch, encoded in results:
            sink.store(batch, encoded)
            bar.update(len(batch))
            state.checkpoint()
    state.checkpoint(force=True)


def _extract_here(batches: Iterable[list], here: "_Here") -> Iterator[tuple[list, list]]:
    for batch in batches:
        yield from here.extract(batch)


def _encoded_here(articles: list[Article], *, timeout: Optional[float]) -> list[Encoded]:
    """Extract articles in this process, encoded as a worker's come back (the crash tests stop a
    run inside ``extract_batch``)."""
    return [tasks.encode(article, x) for article, x in zip(articles, extract_batch(articles, timeout=timeout))]


def _extract_there(engine, batches: Iterable[list], timeout: Optional[float]) -> Iterator[tuple[list, list]]:
    chunks = ((batch, [article for _, article in batch]) for batch in batches)
    extract = partial(tasks.extract_articles, timeout=timeout)
    for batch, result in engine.map(extract, chunks, alone=partial(_articles_alone, extract)):
        if isinstance(result, Killed):  # extracting this article alone killed its worker
            yield batch, [tasks.killed(article, result.how) for _, article in batch]
            continue
        rules, encoded = result
        _check_rules(rules, engine)
        yield batch, encoded


def _articles_alone(extract, batch: list, articles: list) -> list:
    """A chunk of articles lost with a worker that died, to run again one article at a time."""
    return [([item], extract, [article]) for item, article in zip(batch, articles)]


def _store_extraction(state: State, key: str, encoded: Encoded) -> str:
    """Store one extraction; the status stored."""
    try:
        state.put_encoded(key, encoded)
        return encoded.status
    except (UnicodeError, ValueError) as exc:  # rows SQLite cannot store: this article only
        state.put_encoded(key, Encoded("error", f"extraction failed: {type(exc).__name__}: {exc}",
                                       0, 0, 0, "[]", "[]", "[]", "[]"))
        return "error"


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
    with _TextWriter(texts) as writer:
        for text_id in state.text_ids():
            if not (texts / f"{text_id}.txt").exists():
                writer.write(text_id, state.text(text_id))


class _TextWriter:
    """Writes texts/ files in a few threads, each to a temporary file beside its name; once the
    run's work is done, fsyncs them together (in the threads), renames each into place and fsyncs
    the folder. A text appears under its name only when its content is on disk, as with one fsync
    per file, but the run's own thread never waits behind the disk (nor behind threads that do).
    A bounded number of texts wait to be written. A killed run leaves temporaries, removed when the
    next run starts; the texts it had not put in place are written when that run publishes."""

    THREADS = 8

    def __init__(self, folder: Path):
        self.folder = folder
        self._pool: Optional[ThreadPoolExecutor] = None
        self._pending: deque = deque()
        self._written: list[tuple[Path, Path]] = []  # (temporary, name) of the texts to put in place

    def write(self, article_id: str, text: str) -> None:
        if self._pool is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._pool = ThreadPoolExecutor(self.THREADS, thread_name_prefix="pipeline-texts")
        self._pending.append(self._pool.submit(_write_text, self.folder / f"{article_id}.txt", text))
        while len(self._pending) > 4 * self.THREADS:
            self._take(self._pending.popleft())

    def _take(self, future) -> None:
        written = future.result()
        if written is not None:
            self._written.append(written)

    def __enter__(self) -> "_TextWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is None:
            return
        try:
            while self._pending:
                self._take(self._pending.popleft())
            list(self._pool.map(fsync_file, [tmp for tmp, _ in self._written]))
            while self._written:
                tmp, path = self._written.pop()
                os.replace(tmp, path)
        finally:
            self._pool.shutdown(wait=True, cancel_futures=True)
            for tmp, _ in self._written:  # (what failed before it was put in place)
                tmp.unlink(missing_ok=True)
        fsync_folder(self.folder)


def _write_text(path: Path, text: str) -> Optional[tuple[Path, Path]]:
    """The text in a temporary file beside ``path``, not yet fsynced: (temporary, path); None when
    ``path`` is there already (named by the text's digest, it holds that text)."""
    if os.path.exists(path):
        return None
    return write_text_temporary(path, text, sync=False), path


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


def _log_failure(config: Config, started: str, t0: float, exc: BaseException, healed: Optional[str]) -> None:
    record = {"started": started, "outcome": "failed", "error": f"{type(exc).__name__}: {exc}",
              "seconds": round(time.perf_counter() - t0, 3)}
    if healed is not None:
        record.update(state="rebuilt", warnings=[healed])
    try:
        runlog.append(config.run_log, record)
    except OSError:
        pass
