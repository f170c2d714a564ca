"""The run state: an SQLite database (``<out>/state.sqlite``) that remembers what was processed.

Two kinds of tables:

* caches, keyed by content, that may be committed at any moment (a killed run keeps its work):
  ``signatures`` (stat signature -> content hash of a file), ``articles`` (the articles ingest
  read from one version of one file: ``(file, fingerprint)``, with their text), ``extractions``
  (the CSV rows extracted from one article record, keyed by the SHA-256 of the record, text and
  source included). The caches belong to one rules version (``meta.cache_rules``); a new rules
  version or ``--full`` empties them.
* the live state: ``files`` (file -> fingerprint: the corpus version the CSVs reflect) and
  ``meta.live_rules``. It changes only in the transaction that publishes the CSVs, committed
  after the CSVs have been renamed into place.

Every CSV is regenerated from these tables, streamed in sorted order: articles by (file,
position in the file); the rows of an article at the place of its first source. The same text
under two sources is extracted once, for the source that comes first; the others are listed as
its duplicates. Being a function of the tables alone, an incremental run writes the same bytes as
a full one.

A damaged state heals: the state is only a record of work that can be redone from the corpus, so
when SQLite reports the file corrupt or not a database (when it is opened, or at any point of a
run, a damaged page being found when it is read), the run moves it aside (:func:`move_aside`,
journal files included) and starts afresh. Only a file known to be ours is moved: the output
folder's own ``state.sqlite``, or a ``--state`` file whose header carries :data:`APPLICATION_ID`;
anything else given with ``--state`` is refused and left as it is.

A run's temporary tables: ``current`` (file -> fingerprint found by this run's discovery) and
``firsts`` (per article id, the first ``ok`` article of ``current`` with that text).
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from dataclasses import dataclass, fields
from datetime import datetime, timezone
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterator, NamedTuple, Optional, Sequence

from pipeline.config import ConfigError
from pipeline.export import TABLES, cell, fsync_folder
from pipeline.records import Article, Extraction

APPLICATION_ID = 0x46524149  # "FRAI": marks the file as ours (bytes 68-71 of the header)
SQLITE_MAGIC = b"SQLite format 3\0"
DAMAGE_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)  # primary result codes of a damaged file
SCHEMA = 1  # bump when the tables change: an older state database is rebuilt
CHECKPOINT_SECONDS = 1.0  # commit the caches at most this often

EXTRACTION_COLUMNS = {name: name.removesuffix(".csv") for name in TABLES if name != "articles.csv"}

_SCHEMA_SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (file TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TABLE signatures (file TEXT PRIMARY KEY, signature TEXT NOT NULL, fingerprint TEXT NOT NULL);
CREATE TABLE articles (
    file TEXT NOT NULL, fingerprint TEXT NOT NULL, position INTEGER NOT NULL,
    source TEXT NOT NULL, article_id TEXT NOT NULL, status TEXT NOT NULL, digest TEXT NOT NULL,
    n_chars INTEGER NOT NULL, record TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (file, fingerprint, position));
CREATE TABLE extractions (
    digest TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT NOT NULL,
    n_models INTEGER NOT NULL, n_facts INTEGER NOT NULL, n_claims INTEGER NOT NULL,
    models TEXT NOT NULL, facts TEXT NOT NULL, claims TEXT NOT NULL, extra_facts TEXT NOT NULL);
"""
_TEMP_SQL = """
CREATE TEMP TABLE current (file TEXT PRIMARY KEY, fingerprint TEXT NOT NULL);
CREATE TEMP TABLE firsts (
    article_id TEXT PRIMARY KEY, file TEXT NOT NULL, fingerprint TEXT NOT NULL, position INTEGER NOT NULL,
    source TEXT NOT NULL, digest TEXT NOT NULL);
CREATE INDEX temp.firsts_order ON firsts (file, position);
CREATE TEMP TABLE claimed (article_id TEXT PRIMARY KEY);
"""
_OUR_TABLES = ("meta", "files", "signatures", "articles", "extractions")


class Damaged(Exception):
    """The state database cannot be used: damaged (SQLite reports it corrupt or not a database), or
    not a state database at all. Being a record of work that can be redone, a damaged state of
    ours is moved aside and rebuilt (:func:`move_aside`); a file that may be another program's
    is refused."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = Path(path), reason


def is_damage(exc: BaseException) -> bool:
    """Whether an SQLite error says the file is damaged (not a full disk, a lock, an I/O error...)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in DAMAGE_CODES
    message = str(exc)
    return "malformed" in message or "not a database" in message


def is_ours(path: Path) -> bool:
    """Whether ``path``'s header carries the state's application id (however damaged the rest)."""
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError:
        return False
    return len(header) == 100 and header.startswith(SQLITE_MAGIC) and \
        int.from_bytes(header[68:72], "big") == APPLICATION_ID


def move_aside(path: Path, *, now: Optional[datetime] = None) -> Path:
    """Rename a damaged state database (and its journal files, which SQLite would otherwise roll
    into the new one) to ``<name>.damaged-<UTC time>``; the new name. Nothing is deleted."""
    path = Path(path)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", *JOURNAL_SUFFIXES)):
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    for suffix in JOURNAL_SUFFIXES:
        if Path(f"{path}{suffix}").exists():
            os.replace(f"{path}{suffix}", f"{aside}{suffix}")
    if path.exists():
        os.replace(path, aside)
    fsync_folder(path.parent)
    return aside


JOURNAL_SUFFIXES = ("-journal", "-wal", "-shm")


@dataclass(frozen=True)
class Changes:
    """This run's corpus against the live state, counted in files."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0


@dataclass(frozen=True)
class Listed:
    """One row of articles.csv before formatting."""

    record: dict  # the Article's fields, without its text
    n_chars: int
    status: str
    reason: str
    n_models: int = 0
    n_facts: int = 0
    n_claims: int = 0


class Encoded(NamedTuple):
    """An extraction as the ``extractions`` table stores it: counts and JSON lists of CSV rows."""

    status: str
    reason: str
    n_models: int
    n_facts: int
    n_claims: int
    models: str
    facts: str
    claims: str
    extra_facts: str


def encode_extraction(extraction: Extraction) -> Encoded:
    """The stored form of an extraction (pure: runs in the worker that extracted it)."""
    a = extraction.article
    return Encoded(a.status, a.reason or "", len(extraction.models), len(extraction.facts), len(extraction.claims),
                   _rows_json(TABLES["models.csv"], extraction.models), _rows_json(TABLES["facts.csv"], extraction.facts),
                   _rows_json(TABLES["claims.csv"], extraction.claims),
                   _rows_json(TABLES["extra_facts.csv"], extraction.extra_facts))


def digest(article: Article) -> str:
    """SHA-256 of the whole article record: what its extraction depends on."""
    payload = json.dumps(_as_dict(article), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


class State:
    """The state database of one output folder; use as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn, self.path = conn, path
        self._tx_started = 0.0

    # ------------------------------------------------------------------ opening

    @staticmethod
    def check_file(path: Path, *, ours: bool = False) -> None:
        """Raise :class:`ConfigError` if ``path`` exists and is not (the beginning of) a state
        database, reading only its header (before the lock: writes nothing). With ``ours`` (the
        output folder's own ``state.sqlite``) only an unreadable file is refused: whatever else is
        there is a damaged state, which the run moves aside (:func:`move_aside`)."""
        try:
            with open(path, "rb") as f:
                header = f.read(100)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise ConfigError(f"cannot read the state database {path}: {exc.strerror or exc}") from exc
        if not header or ours:
            return  # created, never written; or ours whatever it holds
        if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
            raise ConfigError(f"{path} is not a state database (not SQLite); choose another --state file")
        application = int.from_bytes(header[68:72], "big")
        if application == 0 and _has_tables(path):  # ours gets its id with its first tables
            application = -1
        if application not in (0, APPLICATION_ID):
            raise ConfigError(f"{path} is another application's database; choose another --state file")

    @classmethod
    def open(cls, path: Path) -> "State":
        """Open (or create) the state database; :class:`Damaged` if ``path`` cannot be used as one
        (damaged, or not a state database), :class:`ConfigError` if it cannot be opened at all."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=60)
        except sqlite3.Error as exc:
            raise ConfigError(f"cannot open the state database {path}: {exc}") from exc
        state = cls(conn, path)
        try:
            state._migrate()
            conn.executescript(_TEMP_SQL)
        except (sqlite3.DatabaseError, Damaged) as exc:
            state.close()
            if isinstance(exc, sqlite3.DatabaseError) and not is_damage(exc):
                raise
            raise exc if isinstance(exc, Damaged) else Damaged(path, str(exc)) from exc
        except BaseException:
            state.close()
            raise
        return state

    def _migrate(self) -> None:
        c = self.conn
        c.execute("PRAGMA temp_store = FILE")  # large sorts spill to disk, not to memory
        c.execute("PRAGMA synchronous = FULL")
        app = c.execute("PRAGMA application_id").fetchone()[0]
        version = c.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if app == APPLICATION_ID and version == SCHEMA:
            return
        if tables and app != APPLICATION_ID:
            raise Damaged(self.path, "not a pipeline state database")
        c.execute("BEGIN IMMEDIATE")
        for table in _OUR_TABLES:  # an older schema: rebuilt, every article is redone
            c.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA_SQL.split(";"):
            if statement.strip():
                c.execute(statement)
        c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        c.execute(f"PRAGMA user_version = {SCHEMA}")
        c.execute("COMMIT")

    def close(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.DatabaseError:  # a damaged file: the run says so, not this
            pass
        finally:
            self.conn.close()

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ transactions

    def _write(self) -> sqlite3.Connection:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self._tx_started = time.monotonic()
        return self.conn

    def checkpoint(self, *, force: bool = False) -> None:
        """Commit the caches written so far (at most every CHECKPOINT_SECONDS unless ``force``)."""
        if self.conn.in_transaction and (force or time.monotonic() - self._tx_started >= CHECKPOINT_SECONDS):
            self.conn.execute("COMMIT")

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def _meta(self, key: str) -> Optional[str]:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._write().execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------------ start of a run

    def prepare(self, rules: str, *, full: bool) -> str:
        """Empty the caches if they belong to other rules or ``full``; the run's mode, for the log."""
        live = self._meta("live_rules")
        mode = "full" if full else "first run" if live is None else "rules changed" if live != rules else "incremental"
        if full or self._meta("cache_rules") != rules:
            c = self._write()
            for table in ("signatures", "articles", "extractions"):
                c.execute(f"DELETE FROM {table}")
            c.execute("DELETE FROM meta WHERE key IN ('outputs', 'summary')")
            self._set_meta("cache_rules", rules)
            self.checkpoint(force=True)
        return mode

    # ------------------------------------------------------------------ caches

    def has_readings(self) -> bool:
        """Whether any file's reading is cached (none on a first run, with ``full`` or new rules:
        then every file is to be read)."""
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is not None

    def known_fingerprint(self, file: str, signature: str) -> Optional[str]:
        row = self.conn.execute("SELECT fingerprint FROM signatures WHERE file = ? AND signature = ?",
                                (file, signature)).fetchone()
        return row[0] if row else None

    def remember_fingerprint(self, file: str, signature: str, fingerprint: str) -> None:
        self._write().execute("INSERT OR REPLACE INTO signatures (file, signature, fingerprint) VALUES (?, ?, ?)",
                              (file, signature, fingerprint))

    def has_snapshot(self, file: str, fingerprint: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE file = ? AND fingerprint = ? LIMIT 1",
                                 (file, fingerprint)).fetchone() is not None

    def put_snapshot(self, file: str, fingerprint: str, articles: Sequence[Article]) -> list[str]:
        """The articles ingest read from one version of a file (replacing a previous reading);
        their digests (the keys of their extractions), in order."""
        if not articles:
            raise ValueError(f"ingest returned no article for {file}")
        keys = [digest(a) for a in articles]
        c = self._write()
        c.execute("DELETE FROM articles WHERE file = ? AND fingerprint = ?", (file, fingerprint))
        c.executemany(
            "INSERT INTO articles (file, fingerprint, position, source, article_id, status, digest, n_chars, record, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(file, fingerprint, i, a.source, a.article_id, a.status, key, len(a.text or ""),
              _record_json(a), a.text or "") for i, (key, a) in enumerate(zip(keys, articles))])
        return keys

    def has_extraction(self, key: str) -> bool:
        return self.conn.execute("SELECT 1 FROM extractions WHERE digest = ?", (key,)).fetchone() is not None

    def claim_text(self, article_id: str) -> bool:
        """Whether this is the run's first claim on the text ``article_id`` (a duplicate read
        later in the same run is not extracted again while reading). Kept in a temporary table,
        not in memory: a run's memory does not grow with the corpus."""
        return self._write().execute("INSERT OR IGNORE INTO claimed (article_id) VALUES (?)",
                                     (article_id,)).rowcount == 1

    def put_extraction(self, key: str, extraction: Extraction) -> None:
        """The rows extracted from the article whose digest is ``key``, as ready CSV cells."""
        self.put_encoded(key, encode_extraction(extraction))

    def put_encoded(self, key: str, encoded: "Encoded") -> None:
        """An extraction already encoded by :func:`encode_extraction` (by a worker, say)."""
        self._write().execute(
            "INSERT OR REPLACE INTO extractions (digest, status, reason, n_models, n_facts, n_claims,"
            " models, facts, claims, extra_facts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (key, *encoded))

    # ------------------------------------------------------------------ this run's corpus

    def add_current(self, file: str, fingerprint: str) -> None:
        self._write().execute("INSERT OR REPLACE INTO current (file, fingerprint) VALUES (?, ?)", (file, fingerprint))

    def changes(self) -> Changes:
        q = self.conn.execute
        new = q("SELECT count(*) FROM current c WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.file = c.file)")
        changed = q("SELECT count(*) FROM current c JOIN files f ON f.file = c.file WHERE f.fingerprint != c.fingerprint")
        removed = q("SELECT count(*) FROM files f WHERE NOT EXISTS (SELECT 1 FROM current c WHERE c.file = f.file)")
        unchanged = q("SELECT count(*) FROM current c JOIN files f ON f.file = c.file AND f.fingerprint = c.fingerprint")
        return Changes(new.fetchone()[0], changed.fetchone()[0], removed.fetchone()[0], unchanged.fetchone()[0])

    def select_firsts(self) -> None:
        """Fill ``firsts``: for each text, the first ``ok`` article carrying it, in (file, position) order."""
        c = self._write()
        c.execute("DELETE FROM firsts")
        c.execute("""
            INSERT INTO firsts (article_id, file, fingerprint, position, source, digest)
            SELECT article_id, file, fingerprint, position, source, digest FROM (
                SELECT a.*, row_number() OVER (PARTITION BY a.article_id ORDER BY a.file, a.position) AS rank
                FROM current c JOIN articles a ON a.file = c.file AND a.fingerprint = c.fingerprint
                WHERE a.status = 'ok')
            WHERE rank = 1""")

    def pending_count(self) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM firsts f WHERE NOT EXISTS (SELECT 1 FROM extractions e WHERE e.digest = f.digest)"
        ).fetchone()[0]

    def pending(self, batch_size: int) -> Iterator[list[tuple[str, Article]]]:
        """Batches of (digest, article) still to extract, in output order. Extractions stored
        between batches are not returned again."""
        after: tuple = ("", -1)
        while True:
            rows = self.conn.execute(
                """SELECT f.file, f.position, f.digest, a.record, a.text FROM firsts f
                   JOIN articles a ON a.file = f.file AND a.fingerprint = f.fingerprint AND a.position = f.position
                   WHERE (f.file, f.position) > (?, ?)
                     AND NOT EXISTS (SELECT 1 FROM extractions e WHERE e.digest = f.digest)
                   ORDER BY f.file, f.position LIMIT ?""", (*after, batch_size)).fetchall()
            if not rows:
                return
            after = (rows[-1][0], rows[-1][1])
            yield [(key, Article(**json.loads(record), text=text)) for _, _, key, record, text in rows]

    # ------------------------------------------------------------------ publishing

    def begin_publish(self, rules: str) -> None:
        """Start the transaction that makes this run's corpus the live state (commit it with :meth:`commit`
        once the CSVs are in place)."""
        self.checkpoint(force=True)
        c = self._write()
        c.execute("DELETE FROM files")
        c.execute("INSERT INTO files (file, fingerprint) SELECT file, fingerprint FROM current")
        self._set_meta("live_rules", rules)

    def listed(self) -> Iterator[Listed]:
        """The rows of articles.csv, in order: every article of every current file."""
        cursor = self.conn.execute("""
            SELECT a.record, a.n_chars, a.status, f.file = a.file AND f.position = a.position, f.source,
                   e.status, e.reason, e.n_models, e.n_facts, e.n_claims
            FROM current c
            JOIN articles a ON a.file = c.file AND a.fingerprint = c.fingerprint
            LEFT JOIN firsts f ON a.status = 'ok' AND f.article_id = a.article_id
            LEFT JOIN extractions e ON e.digest = a.digest
            ORDER BY a.file, a.position""")
        for record, n_chars, status, is_first, first_source, e_status, e_reason, *counts in cursor:
            fields = json.loads(record)
            if status != "ok":
                yield Listed(fields, n_chars, status, fields.get("reason") or "")
            elif not is_first:
                yield Listed(fields, n_chars, "skipped", f"duplicate of {first_source}")
            elif e_status is None:
                raise RuntimeError(f"no extraction stored for {fields.get('source')}")
            else:
                yield Listed(fields, n_chars, e_status, e_reason, *counts)

    def rows(self, table: str) -> Iterator[list[str]]:
        """The rows of models.csv, facts.csv, claims.csv or extra_facts.csv, as CSV cells, in order."""
        column = EXTRACTION_COLUMNS[table]
        cursor = self.conn.execute(f"""
            SELECT e.{column} FROM firsts f JOIN extractions e ON e.digest = f.digest
            ORDER BY f.file, f.position""")
        for (encoded,) in cursor:
            yield from json.loads(encoded)

    def text_ids(self) -> Iterator[str]:
        """Article ids whose cleaned text belongs in texts/ (extracted without error)."""
        cursor = self.conn.execute("""
            SELECT f.article_id FROM firsts f JOIN extractions e ON e.digest = f.digest
            WHERE e.status = 'ok' ORDER BY f.article_id""")
        for (article_id,) in cursor:
            yield article_id

    def text(self, article_id: str) -> str:
        return self.conn.execute("""
            SELECT a.text FROM firsts f
            JOIN articles a ON a.file = f.file AND a.fingerprint = f.fingerprint AND a.position = f.position
            WHERE f.article_id = ?""", (article_id,)).fetchone()[0]

    def outputs_record(self) -> tuple[Optional[dict], Optional[dict]]:
        """What the last published run recorded: CSV file stats and its summary counts."""
        outputs, summary = self._meta("outputs"), self._meta("summary")
        return (json.loads(outputs) if outputs else None, json.loads(summary) if summary else None)

    def record_outputs(self, outputs: dict, summary: dict) -> None:
        self._set_meta("outputs", json.dumps(outputs, sort_keys=True))
        self._set_meta("summary", json.dumps(summary, sort_keys=True))

    def collect_garbage(self) -> None:
        """Drop cached readings and extractions the live state no longer uses."""
        c = self._write()
        c.execute("""DELETE FROM articles WHERE NOT EXISTS (
                       SELECT 1 FROM files f WHERE f.file = articles.file AND f.fingerprint = articles.fingerprint)""")
        c.execute("DELETE FROM extractions WHERE digest NOT IN (SELECT digest FROM firsts)")
        c.execute("DELETE FROM signatures WHERE file NOT IN (SELECT file FROM files)")
        self.commit()


def _has_tables(path: Path) -> bool:
    """Whether an SQLite file has tables, read without writing anything (False when in doubt)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _record_json(article: Article) -> str:
    record = _as_dict(article)
    del record["text"]
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def _rows_json(columns: Sequence[str], records) -> str:
    values = _column_values(type(records[0]), tuple(columns)) if records else None  # (one record type a table)
    rows = [[cell(v) for v in values(r)] for r in records]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


@lru_cache(maxsize=None)
def _column_values(cls, columns: tuple[str, ...]) -> Callable:
    """A record's values in column order (None for a column it has no field for), in one call."""
    names = set(_field_names(cls))
    getters = [attrgetter(c) if c in names else (lambda r: None) for c in columns]
    return lambda record: [g(record) for g in getters]


def _as_dict(record) -> dict:
    """A record's fields by name: ``dataclasses.asdict`` without its deep copy (the values are
    only read), several times faster on the many small records of a large corpus."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


@lru_cache(maxsize=None)
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
