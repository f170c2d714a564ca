"""JSON Lines: one article per line, ``{"text": ..., "title", "url", "date", "author"}``.

Blank lines are ignored; line numbers count every physical line from 1 (they name the record:
``file.jsonl#3``). A line that is not a JSON object, or has no usable "text", becomes an error
record (one nested too deep for the decoder too); the other lines are unaffected. String fields get the same repair as decoded files
(mojibake, control characters), since JSON escapes can carry both; an escape of half a surrogate
pair (« \\ud800 » alone), which no UTF-8 text can hold, becomes U+FFFD (« � »).
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterator, Optional

from pipeline.ingest.decode import clean_text, repair_mojibake
from pipeline.normalize.dates import parse_date

from . import Document, Record

DATE_FIELDS = ("date", "published")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # json.loads joins the halves of a pair: what is left is alone


def read(text: str) -> list[Record]:
    records = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            records.append(read_line(line, number=number))
    return records


def read_line(line: str, *, number: int) -> Record:
    part = f"#{number}"
    try:
        item = json.loads(line, strict=False)
    except ValueError:
        return Record.problem("error", f"line {number}: invalid JSON", part=part)
    except RecursionError:  # (« [[[[… »: the decoder's depth, this line's problem only)
        return Record.problem("error", f"line {number}: JSON nested too deep", part=part)
    if not isinstance(item, dict):
        return Record.problem("error", f"line {number}: not a JSON object", part=part)
    raw_text = item.get("text")
    if raw_text is None:
        return Record.problem("error", f"line {number}: no 'text' field", part=part)
    if not isinstance(raw_text, str):
        return Record.problem("error", f"line {number}: 'text' is not a string", part=part)
    text, repaired = _clean(raw_text)
    document = Document(
        text=text.strip(),
        title=_field(item.get("title")),
        url=_field(item.get("url")),
        author=_field(item.get("author")),
        published=_date(item),
        repaired=repaired,
    )
    if not document.text:
        return Record.problem("skipped", f"line {number}: empty 'text'", part=part, document=document)
    return Record(document=document, part=part)


def _clean(value: str) -> tuple[str, bool]:
    value = _LONE_SURROGATE.sub("\ufffd", value)
    repaired = repair_mojibake(value)
    return clean_text(repaired), repaired != value


def _field(value: Any) -> Optional[str]:
    """A metadata field as text: a list's items joined with commas, lists in it flattened (in a
    loop: a title nested a thousand lists deep is no reason to lose the file's other lines)."""
    if isinstance(value, list):
        parts = [_scalar(item) for item in _flattened(value)]
        return ", ".join(part for part in parts if part) or None
    return _scalar(value)


def _flattened(items: list) -> Iterator[Any]:
    """The items of a list and of the lists in it, in order."""
    stack = [iter(items)]
    while stack:
        item = next(stack[-1], _END)
        if item is _END:
            stack.pop()
        elif isinstance(item, list):
            stack.append(iter(item))
        else:
            yield item


_END = object()


def _scalar(value: Any) -> Optional[str]:
    if value is None or isinstance(value, (dict, bool)):
        return None
    text = _clean(str(value))[0].strip()
    return text or None


def _date(item: dict[str, Any]) -> Optional[str]:
    for key in DATE_FIELDS:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return parse_date(value)
    return None
