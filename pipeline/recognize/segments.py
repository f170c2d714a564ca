"""Blocks and sentences: headings, paragraphs, bullets and table rows, each split into sentences.

Offsets are character offsets into the article text. A Markdown table row is one sentence whose
cells are kept, so that a value can be read with its row label and column header.

A sentence is at most ``MAX_SENTENCE_CHARS`` long: a longer run (a scraped page with no sentence
end, a list of a thousand names) is cut at the last « ; », « , » or space before the limit, so
that the rules' work per sentence, and the ``sentence`` column of the outputs, stay bounded. Real
sentences are far shorter (the longest of the real pages has 521 characters); a table row longer
than that is read as running text.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from operator import attrgetter
from typing import Optional, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import patterns
from pipeline.lexicons import Lexicons, load
from pipeline.recognize import text_of

HEADING, TEXT, BULLET, TABLE = "heading", "text", "bullet", "table"
MAX_SENTENCE_CHARS = 2_000
_CUTS = ("; ", ", ", " ")  # where a sentence over the limit is cut, best first

_MD_HEADING = patterns.compile(r"^\s*#{1,6}\s+")
_BULLET = patterns.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
# A table row whose outer bars were lost: « Benchmark | o1 | o3 | o4-mini | », « ---|---|---| ».
_BARE_ROW = patterns.compile(r"^[^|\n]{1,80}(?:\s*\|\s*[^|\n]*){2,}\|?\s*$|^-{2,}\|")
_TABLE_SEP = patterns.compile(r"^\s*\|?\s*:?-{2,}")
_DOKUWIKI_HEADER = patterns.compile(r"^\^(?:[^^\n]*\^){2,}\s*$")
_DOKUWIKI_CELL_SEP = re.compile(r"[|^]")
# Sentence end: . ! ? … followed by space and an upper-case letter, a quote or a dash, or a name
# in camel case (« xAI affirme … », « iFlytek »).
_SENT_END = patterns.compile(r"(?<=[.!?…])(?:[ \u00a0\u202f]?[\"»”)])?\s+(?=[A-ZÀ-ÖØ-Þ«\"“(*—–-]|[a-z][A-Z])")  # (« … pétrin. » Il …)
# (a full stop after an abbreviation ends none: ``segments.abbreviation``)


@dataclass(frozen=True)
class Cell:
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    kind: str  # heading | text | bullet | table
    block: int  # index of the block (line / paragraph) it belongs to
    cells: tuple[Cell, ...] = ()


START = attrgetter("start")  # (a bisection's key: in C, not a Python call per step)


def within(items, start: int, end: int) -> list:
    """The items (sorted by ``.start``) that start inside [start, end)."""
    lo = bisect_left(items, start, key=START)
    hi = bisect_left(items, end, lo=lo, key=START)
    return list(items[lo:hi])


def table_blocks(sentences) -> list[list[Sentence]]:
    """Markdown tables: runs of consecutive table rows, header first. A line that is not a row ends
    the table (the |---| separator is not a sentence, hence a gap of two blocks inside a table)."""
    out: list[list[Sentence]] = []
    block: list[Sentence] = []
    for s in sentences:
        if s.kind == TABLE and (not block or s.block <= block[-1].block + 2):
            block.append(s)
            continue
        if block:
            out.append(block)
        block = [s] if s.kind == TABLE else []
    if block:
        out.append(block)
    return out


def cells_under(text: str, sentences, header: re.Pattern) -> list[Cell]:
    """The body cells of every table column whose header matches."""
    found: list[Cell] = []
    for table in table_blocks(sentences):
        head = table[0].cells
        cols = [j for j, c in enumerate(head) if header.search(text, c.start, c.end)]
        for row in table[1:]:
            found += [row.cells[j] for j in cols if j < len(row.cells)]
    return found


def _looks_like_heading(line: str) -> bool:
    s = line.strip()
    if _MD_HEADING.match(s):
        return True
    # A short line with no final punctuation: "Scout : petit mais costaud" (not a sentence and the
    # start of another, cut: « Le tout entraîné sur 450 milliards de tokens. Les modèles concu »).
    return 0 < len(s) <= 90 and not re.search(r"[.!?…:;,]$", s) and len(s.split()) <= 12 \
        and not _SENTENCE_INSIDE.search(s)


_SENTENCE_INSIDE = patterns.compile(r"[a-zà-ÿ\d)][.!?…]\s+[A-ZÀ-Ý]")


def _cells(text: str, start: int, end: int) -> tuple[Cell, ...]:
    line = text[start:end]
    out = []
    pos = 0
    # a DokuWiki header row: « ^ Année ^ Modèle ^ Taille ^ » (its cells may mix « ^ » and « | »)
    parts = _DOKUWIKI_CELL_SEP.split(line) if line.startswith("^") else line.split("|")
    for part in parts:
        a = start + pos
        pos += len(part) + 1
        stripped = part.strip()
        if stripped:
            lead = len(part) - len(part.lstrip())
            out.append(Cell(a + lead, a + lead + len(stripped)))
    return tuple(out)


def split_sentences(text: str, start: int, end: int, *, lexicons: Lexicons | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans inside one block of running text."""
    abbreviation = (lexicons or load()).cue("segments.abbreviation")
    s = start
    for m in _SENT_END.finditer(text, start, end):
        before = text[max(s, m.start() - 40):m.start()].rstrip()  # (an abbreviation is short)
        if abbreviation.search(before) or m.start() - s < 3:
            continue
        yield from bounded(text, s, m.start())
        s = m.end()
    if s < end:
        yield from bounded(text, s, end)


def bounded(text: str, start: int, end: int, *, limit: int = MAX_SENTENCE_CHARS) -> Iterator[tuple[int, int]]:
    """[start, end) in pieces of at most ``limit`` characters, each cut after the last « ; », else
    « , », else space of its second half (mid-word only when there is none)."""
    while end - start > limit:
        cut = start + limit
        for sep in _CUTS:
            at = text.rfind(sep, start + limit // 2, start + limit)
            if at >= 0:
                cut = at + len(sep.rstrip())
                break
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the text's lines; a line that opens on « , », « ; » or « ) », or on a lower-case
    letter after a line that does not end a sentence, goes on the one before (a scraped page broke it
    after a name: « gpt-oss-20b\n, dispose de 21 milliards », « gpt-oss-20b\net gpt-oss-120b »,
    « le modèle gemini-1.5-flash\na une limite »)."""
    pos = 0
    held: Optional[tuple[int, int]] = None
    last = ""  # the held line's last character that is no space ("" for a blank line)
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        body = line.strip()
        if held is not None and last and (body[:1] in _GOES_ON or last not in _LINE_ENDS and _LOWER_START.match(body)):
            held = (held[0], end)
            last = body[-1:] or last
            continue
        if held is not None:
            yield held
        held, last = (start, end), body[-1:]
    if held is not None:
        yield held


_GOES_ON = frozenset(",;)")
_LINE_ENDS = frozenset(".!?:;»")
_LOWER_START = patterns.compile(r"[a-zà-öø-ÿ]")  # « … gpt-oss-20b\net gpt-oss-120b », « … gemini-1.5-flash\na une limite »


def segment(text: str, *, lexicons: Lexicons | None = None) -> tuple[Sentence, ...]:
    lex = lexicons or load()
    not_article = lex.cue("segments.not_article")
    out: list[Sentence] = []
    block = 0
    for start, end in _lines(text):
        line = text[start:end]
        stripped = line.strip()
        if not stripped:
            continue
        lead = len(line) - len(line.lstrip())
        start += lead
        end = start + len(stripped)
        block += 1
        if not_article.match(stripped):
            continue
        if (stripped.startswith("|") or _BARE_ROW.match(stripped) or _DOKUWIKI_HEADER.match(stripped)) \
                and len(stripped) <= MAX_SENTENCE_CHARS:
            if not _TABLE_SEP.match(stripped.replace("|", "", 1)):
                out.append(Sentence(start, end, TABLE, block, _cells(text, start, end)))
            continue
        if _looks_like_heading(stripped) and not _BULLET.match(stripped):
            out.append(Sentence(start, end, HEADING, block))
            continue
        kind = BULLET if _BULLET.match(stripped) else TEXT
        for a, b in split_sentences(text, start, end, lexicons=lex):
            out.append(Sentence(a, b, kind, block))
    return tuple(out)


if not Doc.has_extension("sentences"):
    Doc.set_extension("sentences", default=())


@Language.factory("segmenter", assigns=["doc._.sentences"])
def make_segmenter(nlp: Language, name: str):
    def component(doc: Doc) -> Doc:
        doc._.sentences = segment(text_of(doc))
        return doc

    return component
