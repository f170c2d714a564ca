"""Publication dates -> ISO ``YYYY-MM-DD``.

``find_date`` looks for a full date (day, month, year) inside a dateline segment with regular
expressions only: French and English month names, ISO dates, numeric day/month/year.
``parse_date`` reads a date *value* (front matter, JSON field, HTML meta): ISO timestamps and
the regex forms first, then dateparser (French then English; a month and a year are required, so
a weekday alone or a relative expression gives None; a missing day is the 1st). An ISO timestamp
with an offset keeps the date as written ("2024-06-21T23:40:00-05:00" -> 2024-06-21).

dateparser is imported lazily: it is slow to import and to warm up, and most inputs never need it.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from pipeline import patterns

_MONTHS = {
    # French
    "janvier": 1, "janv": 1,
    "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2,
    "mars": 3,
    "avril": 4, "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7, "juil": 7,
    "août": 8, "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
    # English (and abbreviations shared with French)
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12,
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH_END = r"(?![^\W\d_])\.?"  # the month name ends here; an abbreviation may carry a dot
_SPACE = r"[\s\u00a0\u202f]+"

_PATTERNS = (
    # 11 décembre 2023, 1er mai 2024, 19 July 2024
    patterns.compile(
        rf"(?<!\d)(?P<day>\d{{1,2}})(?:er|st|nd|rd|th)?{_SPACE}(?P<month>{_MONTH}){_MONTH_END},?"
        rf"{_SPACE}(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
    # July 19, 2024
    patterns.compile(
        rf"(?<![^\W\d_])(?P<month>{_MONTH}){_MONTH_END}{_SPACE}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?"
        rf"{_SPACE}(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
    # 2024-07-25 (also the date part of an ISO timestamp)
    patterns.compile(r"(?<![\d.])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)"),
    # 12/08/2025, 12.08.2025 (day first, the French order)
    patterns.compile(r"(?<![\d/.])(?P<day>\d{1,2})[/.](?P<month>\d{1,2})[/.](?P<year>\d{4})(?![\d/.])"),
)

_ISO_AT_START = patterns.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d)")

_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates, no bare timestamps
    "DATE_ORDER": "DMY",
}

_MIN_YEAR, _MAX_YEAR = 1900, 2100


def find_date(line: str) -> str | None:
    """The first full date (day, month and year) written in ``line``, as ISO, else None."""
    found: list[tuple[int, str]] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(line):
            iso = _iso(match.group("year"), match.group("month"), match.group("day"))
            if iso:
                found.append((match.start(), iso))
                break
    return min(found)[1] if found else None


def parse_date(text: str | dt.date) -> str | None:
    """A date value -> ISO ``YYYY-MM-DD``, or None when it is not an absolute date."""
    if isinstance(text, dt.date):  # dt.datetime is a dt.date too; keep its own calendar day
        return text.strftime("%Y-%m-%d")
    if not isinstance(text, str) or not text.strip():
        return None
    iso_match = _ISO_AT_START.match(text)
    if iso_match:
        return _iso(*iso_match.groups())
    found = find_date(text)
    if found:
        return found
    result = _dateparser().get_date_data(text.strip()).date_obj
    if result is None or not _MIN_YEAR <= result.year <= _MAX_YEAR:
        return None
    return result.strftime("%Y-%m-%d")


def _iso(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else _MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        date = dt.date(int(year), month_number, int(day))
    except ValueError:
        return None
    if not _MIN_YEAR <= date.year <= _MAX_YEAR:
        return None
    return date.isoformat()


@lru_cache(maxsize=1)
def _dateparser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["fr", "en"], settings=_DATEPARSER_SETTINGS)
