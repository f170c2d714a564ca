"""Plain-text articles, and the plain-text conventions the other formats reuse.

* an optional front-matter block at the very top, between two ``---`` lines (YAML: title, url,
  date, author), removed from the text;
* the title: the front-matter title, else the first non-empty line;
* a dateline/byline in the first few lines ("Dépêche | Paris, lundi 11 décembre 2023, 17h05",
  "Publié le 29 janvier 2025 par Camille Roche · 6 min", "Auteur : Karim Haddad"): the publication
  date and the author;
* optionally a signature on the last line ("Eldad B.") when there is no byline.

The article text is the file content minus the front matter (and leading blank lines), so that
character offsets are natural; title and header lines stay in it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Callable, Optional

from pipeline.normalize.dates import find_date, parse_date

from . import Document, Record

HEADER_LINES = 5  # non-empty lines searched for a dateline/byline
MAX_HEADER_CHARS = 200  # a longer line is a paragraph, not a header
MAX_SIGNATURE_CHARS = 40

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(?P<block>.*?)(?:^|\n)---[ \t]*(?:\n|\Z)", re.S | re.M)
_FRONT_MATTER_LINE = re.compile(r"^\s*(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")
_FRONT_MATTER_KEYS = frozenset(
    {"title", "url", "date", "author", "authors", "tags", "categories", "lang", "language", "description",
     "source", "published", "slug", "summary"}
)
_STRONG = re.compile(r"\*\*|__")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_SEGMENT_SEPARATOR = re.compile(r"\s*[|·•–—]\s*|\s+-\s+")
_EMPHASIS = "*_ \t\u00a0"
_UPDATED = re.compile(r"(?i)\b(?:mis à jour|mise à jour|màj|modifié|updated|actualisé)\b")
_HEADER_START = re.compile(
    r"(?i)^(?:par|by|auteur|auteure|autrice|author|publié|publiée|posted|published|mis à jour|le \d|"
    r"d[ée]p[êe]che)\b"
)

_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
_PARTICLE = r"(?:de|du|des|da|di|van|von|der|den|le|la|ben|bin|al|el)"
_NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_TOKEN}){{0,3}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|\bet\b|\band\b|&)\s*{_NAME})*"
_AUTHOR_PATTERNS = (
    re.compile(rf"^(?:.*\s)?(?i:par|by)\s+(?P<name>{_NAMES})$"),
    re.compile(rf"^(?i:auteur|auteure|autrice|author|auteurs|signé|signée|texte)\s*:?\s*(?P<name>{_NAMES})$"),
)
_SIGNATURE = re.compile(
    r"^(?:[—–-]\s*)?(?P<name>[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+(?:\s+(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+|[A-ZÀ-ÖØ-Þ]\.)){1,3})$"
)


@dataclass(frozen=True)
class Header:
    """What the first lines of an article say about it."""

    author: Optional[str] = None
    published: Optional[str] = None


def read(text: str) -> list[Record]:
    return [Record(document=parse_plain(text, title_of=first_line))]


def parse_plain(text: str, *, title_of: Callable[[str], Optional[str]]) -> Document:
    """A txt or md article: front matter, title (front matter, else ``title_of(body)``), header."""
    meta, body = split_front_matter(text)
    body = _LEADING_BLANK_LINES.sub("", body).rstrip()
    title = _meta_text(meta.get("title")) or title_of(body)
    header = read_header(body, title=title)
    author = _meta_text(meta.get("author") or meta.get("authors")) or header.author
    author = author or find_signature(body, title=title)
    published = _meta_date(meta.get("date") or meta.get("published")) or header.published
    return Document(text=body, title=title, url=_meta_text(meta.get("url")), author=author, published=published)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """``(metadata, rest)``; ``({}, text)`` when the text does not start with a front-matter block."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = _load_front_matter(match.group("block"))
    if not meta:  # a leading "---" rule, not metadata
        return {}, text
    return meta, text[match.end():]


def first_line(text: str) -> Optional[str]:
    """The first non-empty line, without surrounding emphasis marks."""
    for line in text.split("\n"):
        cleaned = clean_title(line)
        if cleaned:
            return cleaned
    return None


def clean_title(line: str) -> str:
    """A title line without markdown emphasis ("**", "__", a wrapping "*") and extra spaces."""
    title = _STRONG.sub("", line.strip())
    while len(title) > 1 and title[0] == title[-1] and title[0] in "*_":
        title = title[1:-1].strip()
    return re.sub(r"[ \t]+", " ", title).strip()


def read_header(text: str, *, title: Optional[str] = None) -> Header:
    """Author and publication date from the dateline/byline among the first lines of ``text``."""
    author = published = updated = None
    for line in header_lines(text, title=title):
        header_like = _looks_like_header(line)
        for segment in split_segments(line):
            if author is None and header_like:
                author = find_author(segment)
            date = find_date(segment)
            if date and _UPDATED.search(segment):
                updated = updated or date
            elif date:
                published = published or date
    return Header(author=author, published=published or updated)


def header_lines(text: str, *, title: Optional[str] = None, limit: int = HEADER_LINES) -> list[str]:
    """The first ``limit`` non-empty lines, minus the title line(s) and paragraphs."""
    title_key = clean_title(title or "").lstrip("#").strip()
    lines: list[str] = []
    seen = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > limit:
            break
        if title_key and clean_title(stripped.lstrip("#")) == title_key:
            continue
        if len(stripped) <= MAX_HEADER_CHARS:
            lines.append(stripped)
    return lines


def split_segments(line: str) -> list[str]:
    """Segments of a header line, split on | · • – — and spaced hyphens, emphasis removed."""
    segments = (segment.strip().strip(_EMPHASIS).strip(" ,;") for segment in _SEGMENT_SEPARATOR.split(line))
    return [segment for segment in segments if segment]


def find_author(segment: str) -> Optional[str]:
    """The name in "Par X", "par X", "By X", "Auteur : X" (the whole segment must fit)."""
    for pattern in _AUTHOR_PATTERNS:
        match = pattern.match(segment)
        if match:
            return match.group("name").strip()
    return None


def find_signature(text: str, *, title: Optional[str] = None) -> Optional[str]:
    """A short last line that looks like a person's name ("Eldad B."), else None."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 3:
        return None
    last = lines[-1].strip(_EMPHASIS)
    if len(last) > MAX_SIGNATURE_CHARS or (title and last == title):
        return None
    match = _SIGNATURE.match(last)
    return match.group("name") if match else None


def _looks_like_header(line: str) -> bool:
    core = line.strip(_EMPHASIS)
    return bool(
        _SEGMENT_SEPARATOR.search(core)
        or _HEADER_START.match(core)
        or (line.startswith(("*", "_")) and line.endswith(("*", "_")))
    )


def _load_front_matter(block: str) -> dict[str, Any]:
    import yaml

    from pipeline.lexicons import safe_yaml

    try:
        # (no aliases: « &a [x, x, …] » then « &b [*a, *a, …] » … doubles nothing in YAML but
        # multiplies the text of the title that lists them, nine times a line: 600 bytes of front
        # matter made gigabytes; such a block is read as plain « key: value » lines)
        loaded = None if len(block) > MAX_YAML_CHARS or _has_alias(block) else safe_yaml(block)
    except (yaml.YAMLError, RecursionError):
        loaded = None
    if isinstance(loaded, dict) and _deeper_than(loaded, MAX_FRONT_MATTER_DEPTH):
        loaded = None  # (« title: [[[[… »: its text would be built by recursion; read as lines)
    if isinstance(loaded, dict):
        return {str(key).lower(): value for key, value in loaded.items()}
    # Tolerate broken YAML (an unquoted "title: A: B", a tab): plain "key: value" lines.
    meta: dict[str, Any] = {}
    for line in block.split("\n"):
        match = _FRONT_MATTER_LINE.match(line)
        if match and match.group("key").lower() in _FRONT_MATTER_KEYS:
            meta[match.group("key").lower()] = _unquote(match.group("value"))
    return meta


MAX_FRONT_MATTER_DEPTH = 16  # lists and mappings nested in a front matter's values, at most
# A longer front matter is read as lines, not as YAML: libyaml's time grows with the square of a
# block's nesting (« [[[[… » 20 000 deep: 3 s), so that it stays under 0.5 s (real ones: < 2 000)
MAX_YAML_CHARS = 16_000


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether more than ``limit`` lists and mappings nest one in another in ``value`` (read in a loop)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, tuple, dict)):
            if depth >= limit:
                return True
            children = list(item.keys()) + list(item.values()) if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _has_alias(block: str) -> bool:
    """Whether the YAML block refers back to an anchor (« *a »): read as events, nothing built."""
    import yaml

    from pipeline.lexicons import SAFE_LOADER

    return any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(block, Loader=SAFE_LOADER))


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def _meta_text(value: Any) -> Optional[str]:
    if value is None or isinstance(value, (dict, bool)):
        return None
    if isinstance(value, (list, tuple)):
        parts = [str(item).strip() for item in value if item is not None and str(item).strip()]
        return ", ".join(parts) or None
    text = str(value).strip()
    return text or None


def _meta_date(value: Any) -> Optional[str]:
    if isinstance(value, dt.date):  # YAML turns unquoted dates and timestamps into objects
        return parse_date(value)
    text = _meta_text(value)
    return parse_date(text) if text else None
