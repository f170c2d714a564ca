"""Markdown articles: like plain text (front matter, dateline, byline), title from the first
``# `` heading. The markdown is kept as is: tables and bullets are read downstream."""
from __future__ import annotations

import re
from typing import Optional

from . import Record
from .txt import clean_title, first_line, parse_plain

_ATX_H1 = re.compile(r"^ {0,3}#[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$", re.M)
# The title line ends at its last visible character: « [^\n]*\S[^\n]* » would try every split of
# every line of the article (quadratic in the length of a paragraph: 3 ms for a 2 KB article).
_SETEXT_H1 = re.compile(r"^(?P<title>[^\n]*\S)[^\S\n]*\n {0,3}=+[ \t]*$", re.M)


def read(text: str) -> list[Record]:
    return [Record(document=parse_plain(text, title_of=heading_title))]


def heading_title(text: str) -> Optional[str]:
    """The first level-1 heading ("# Title" or "Title\\n====="), else the first non-empty line."""
    matches = [m for m in (_ATX_H1.search(text), _SETEXT_H1.search(text)) if m]
    if matches:
        first = min(matches, key=lambda m: m.start())
        title = clean_title(first.group("title"))
        if title:
            return title
    line = first_line(text)
    return clean_title(line.lstrip("#")) if line else None
