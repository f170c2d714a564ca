"""Markdown tables: a value is read with its row label and its column header.

Three shapes: models down a column, the first one or the one that names them (« | BLOOM |
BigScience | … | 176 milliards | », « | 2019 | GPT-2 | 1.5B | »), with the attribute in the column header; models across the header row (« | Banc d'essai | DeepSeek-R1 |
o1 | ») with the attribute or benchmark in the row label; and a spec sheet that names no model
(« | Fenêtre de contexte | 200 000 tokens | ») under a heading or an introduction that names one:
the ``owner`` the caller gives. Labels are lexicon data (``tables.labels``).

Tables a scraper flattened are read by their header too: a line of labels then one line a model
(``flat_table_facts``), the models across the first line (``flat_across_facts``), and one cell a
line under a « Modèle » line (``stacked_table_facts``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from pipeline.lexicons import Lexicons, load, per_lexicons
from pipeline.link.entities import Entities, Ref
from pipeline.link.raw import Provenance, RawFact
from pipeline.link.variants import Variants, variant_name
from pipeline.normalize import numbers
from pipeline.recognize.segments import HEADING, Cell, Sentence, table_blocks, within


@per_lexicons
def _labels(lex: Lexicons) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((attr, lex.cue(f"tables.labels.{attr}")) for attr in lex.cues["tables"]["labels"])


@dataclass(frozen=True)
class TableCell:
    row: Sentence
    cell: Cell
    model: str
    label: str  # the row label or column header that says what the cell holds
    attribute: Optional[str]
    label_start: int = 0  # where that label is in the text
    label_end: int = 0


def label_attribute(label: str, lex: Optional[Lexicons] = None) -> Optional[str]:
    """The attribute a row label or a column header names (« Fenêtre de contexte » -> context_tokens)."""
    for attr, pat in _labels(lex or load()):
        if pat.search(label):
            return attr
    return None


class RefIndex:
    """An article's name references by position: the first one inside a span costs a bisection
    (a table of many rows is read in time linear in its cells)."""

    def __init__(self, refs: Iterable[Ref]):
        self._refs = sorted(refs, key=lambda r: r.start)
        self._starts = [r.start for r in self._refs]

    def first_in(self, start: int, end: int) -> Optional[Ref]:
        i = bisect_left(self._starts, start)
        return self._refs[i] if i < len(self._refs) and self._starts[i] < end else None

    def all_in(self, start: int, end: int) -> list[Ref]:
        """The references that start inside the span, in order."""
        return self._refs[bisect_left(self._starts, start):bisect_left(self._starts, end)]


def _ref_in(cell: Cell, refs: RefIndex) -> Optional[Ref]:
    """The model a cell names: its first name, or the family's model named after the bare family
    (« Gemini (Gemini 2.5 Pro) » is Gemini 2.5 Pro)."""
    found = refs.all_in(cell.start, cell.end)
    if len(found) == 2 and found[1].model.startswith(found[0].model + " "):
        return found[1]  # (the family, then its model)
    return found[0] if found else None


def cells(text: str, table: list[Sentence], refs: RefIndex | list[Ref], *, owner: Optional[str] = None) -> Iterator[TableCell]:
    if not isinstance(refs, RefIndex):
        refs = RefIndex(refs)
    header, rows = table[0], table[1:]
    head_models = [_ref_in(c, refs) for c in header.cells]
    if owner and not any(_ref_in(c, refs) for row in table for c in row.cells):  # a spec sheet
        for row in rows:
            if len(row.cells) >= 2:
                label = text[row.cells[0].start:row.cells[0].end]
                yield TableCell(row, row.cells[1], owner, label, label_attribute(label), row.cells[0].start, row.cells[0].end)
        return
    if any(head_models[1:]):  # models across the header
        for row in rows:
            label = text[row.cells[0].start:row.cells[0].end] if row.cells else ""
            for j, cell in enumerate(row.cells[1:], start=1):
                if j < len(head_models) and head_models[j]:
                    yield TableCell(row, cell, head_models[j].model, label, label_attribute(label),
                                    row.cells[0].start, row.cells[0].end)
        return
    col = _name_column(rows, refs)
    for row in rows:
        if len(row.cells) <= col:
            continue
        ref = _ref_in(row.cells[col], refs)
        if not ref:
            continue
        for j, cell in enumerate(row.cells):
            if j == col or j >= len(header.cells):
                continue
            h = header.cells[j]
            label = text[h.start:h.end]
            yield TableCell(row, cell, ref.model, label, label_attribute(label), h.start, h.end)


def _name_column(rows: list[Sentence], refs: RefIndex) -> int:
    """The column that names the rows' models: the first, unless it names none and a later one
    names a model in at least half the rows (« | 2019 | GPT-2 | 1.5B | »)."""
    width = max((len(r.cells) for r in rows), default=0)
    for j in range(width):
        named = sum(1 for r in rows if len(r.cells) > j and _ref_in(r.cells[j], refs))
        if named and (j == 0 or 2 * named >= len(rows)):
            return j
    return 0


def table_facts(text: str, sentences, ents: Entities, quantities, variants: Variants, lex: Lexicons,
                owners: Optional[dict[int, str]] = None) -> list[RawFact]:
    """Values read with their row label and column header. ``ents`` is the fact step's own copy:
    family sizes in a cell (« 7, 13 et 70 milliards ») add their variants to it. ``owners`` maps a
    table's first row start to the one model a spec sheet without names describes."""
    out = []
    header_scale_cue = lex.cue("tables.header_scale")
    refs = RefIndex(ents.refs)
    for table in table_blocks(sentences):
        for c in cells(text, table, refs, owner=(owners or {}).get(table[0].start)):
            if c.attribute in (None, "experts_per_token"):
                continue
            qs = within(quantities, c.cell.start, c.cell.end)
            if not qs:
                continue
            s = c.row
            if c.attribute == "params_total" and len({q.value for q in qs}) > 1:  # « 7, 13 et 70 milliards »: the family's sizes
                scale = next((q.scale for q in reversed(qs) if q.scale), None)
                info = ents.get(c.model)
                for q in qs:
                    v = q.value if q.scale else numbers.quantity_value(q.number, scale)
                    if v is None or info is None:
                        continue
                    name = ents.add_model(variant_name(info.name, v), info.family, info.organization, q.start)
                    variants.add(info.name, v, name, q.start)
                    out.append(RawFact(name, "params_total", v, False, Provenance(q.start, q.unit_end, s.start, s.end, "table_family_sizes")))
                continue
            q = qs[0]
            value = q.value
            header_scale = header_scale_cue.search(c.label)
            if q.scale is None and header_scale:  # « Paramètres (milliards) | 70 »
                value = numbers.quantity_value(q.number, header_scale.group(1))
            if value is None:
                continue
            out.append(RawFact(c.model, c.attribute, value, False, Provenance(q.start, q.unit_end, s.start, s.end, "table_cell")))
    return out


# ---- tables flattened into lines of words ------------------------------------------------------

@per_lexicons
def _flat_labels(lex: Lexicons) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((attr, lex.cue(f"tables.flat_labels.{attr}")) for attr in lex.cues["tables"]["flat_labels"])


def flat_header(text: str, s: Sentence, lex: Lexicons) -> list[str]:
    """The attributes a line of column labels names, left to right (« Modèle Params actifs Params
    total Experts Contexte » -> active, total, experts, context); [] when fewer than two."""
    spans: list[tuple[int, int, str]] = []
    for attr, pat in _flat_labels(lex):
        for m in pat.finditer(text, s.start, s.end):
            if not any(a < m.end() and m.start() < b for a, b, _ in spans):
                spans.append((m.start(), m.end(), attr))
    return [attr for _, _, attr in sorted(spans)] if len(spans) >= 2 else []


_CELL_GAP = re.compile(r"[\s|,;/()·*–—~≈-]*")
_TRAILING_WORDS = re.compile(r"\s+(?:[A-Za-zÀ-ÿ][\w'’-]*\s*){1,3}$")  # a last cell of one to three words


def _only_values(text: str, start: int, end: int, qs, gap: re.Pattern = _CELL_GAP) -> bool:
    """Whether ``text[start:end]`` holds the values and nothing else but separators (``gap``): a
    row, not a sentence written under a line of labels (« Scout a 10 millions de jetons de contexte et … »)."""
    pos = start
    for q in qs:
        if not gap.fullmatch(text, pos, q.start):
            return False
        pos = q.unit_end
    return gap.fullmatch(text, pos, end) is not None


def flat_table_facts(text: str, sentences, refs: list[Ref], quantities, lex: Lexicons) -> list[RawFact]:
    """« Modèle Params actifs Params total Experts Contexte » then « Scout 17B 109B 16 10M tokens »:
    a scraped table that lost its bars. Each line that starts with a model gives its values to the
    header's columns in order (a line with another number of values is not read: which one is
    missing cannot be told)."""
    out: list[RawFact] = []
    header: list[str] = []
    index = RefIndex(refs)
    for s in sentences:
        first = index.first_in(s.start, s.end)
        row_ref = first if first is not None and first.start == s.start else None
        if header and row_ref is not None:
            qs = [q for q in within(quantities, row_ref.end, s.end) if q.value]
            end = s.end
            words = _TRAILING_WORDS.search(text, qs[-1].unit_end, s.end) if qs and len(qs) < len(header) else None
            if words:  # « Behemoth 288B ~2T 16 En cours »: the last column holds words, the values come first
                end = words.start()
            if (len(qs) == len(header) or words) and _only_values(text, row_ref.end, end, qs):
                for q, attr in zip(qs, header):
                    if attr in ("params_total", "params_active") and q.value < 10**6:
                        continue
                    out.append(RawFact(row_ref.model, attr, q.value, False,
                                       Provenance(q.start, q.unit_end, s.start, s.end, "flat_table")))
            continue
        header = flat_header(text, s, lex) if s.kind == HEADING and first is None else []
    return out


STACKED_LABEL_CHARS = 40  # a column label of a stacked table is a short line of words


def stacked_table_facts(text: str, sentences, refs: list[Ref], quantities, lex: Lexicons) -> list[RawFact]:
    """« Modèle », « Paramètres », « VRAM requise », « RAM requise » on lines of their own, then
    four lines a model (« Mistral 7B », « 7B », « 14GB », « 16 Go+ »): a table whose cells were
    each put on a line of their own (a scraped documentation page). The header is a line that names
    the model column (``tables.model_column``) and the short lines of words after it, up to the first
    line that is a model's name alone; each group of as many lines that opens on a model's name alone
    gives the value of each column a label names (``tables.flat_labels``) to that model, when the
    cell is that value and nothing else. Reading stops at the first group that does not open on a name."""
    out: list[RawFact] = []
    index = RefIndex(refs)
    column = lex.cue("tables.model_column")
    not_value = lex.cue("tables.not_value_label")
    lines = [x for x in sentences if _whole_line(text, x)]
    i = 0
    while i < len(lines):
        if not column.fullmatch(text, lines[i].start, lines[i].end) or index.first_in(lines[i].start, lines[i].end):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and _stacked_label(text, lines[j], index):
            j += 1
        width = j - i
        attrs = [None] + [_label_attribute(text, x, lex, not_value) for x in lines[i + 1:j]]
        if width < 3 or not any(attrs):
            i = j
            continue
        while j + width <= len(lines) and _alone(text, lines[j], first := index.first_in(lines[j].start, lines[j].end)):
            model = first.model
            for cell, attr in zip(lines[j + 1:j + width], attrs[1:]):
                qs = [q for q in within(quantities, cell.start, cell.end) if q.value]
                if attr is None or len(qs) != 1 or not _only_values(text, cell.start, cell.end, qs):
                    continue
                if attr in ("params_total", "params_active") and qs[0].value < 10**6:
                    continue
                out.append(RawFact(model, attr, qs[0].value, False,
                                   Provenance(qs[0].start, qs[0].unit_end, cell.start, cell.end, "stacked_table")))
            j += width
        i = j
    return out


def _whole_line(text: str, s: Sentence) -> bool:
    """Whether the sentence is a line of its own."""
    return (s.start == 0 or text[s.start - 1] == "\n") and text.find("\n", s.start, s.end) < 0 \
        and (s.end == len(text) or text[s.end:s.end + 1] in ("\n", "\r"))


def _stacked_label(text: str, s: Sentence, index: RefIndex) -> bool:
    """A column label: a short line of words, no figure, no model's name."""
    words = text[s.start:s.end]
    return len(words.strip()) <= STACKED_LABEL_CHARS and not any(c.isdigit() for c in words) \
        and index.first_in(s.start, s.end) is None and any(c.isalpha() for c in words)


def _label_attribute(text: str, s: Sentence, lex: Lexicons, not_value: re.Pattern) -> Optional[str]:
    """The attribute a column label names (« Paramètres » -> params_total), or None (« VRAM requise »)."""
    if not_value.search(text, s.start, s.end):
        return None
    return next((attr for attr, pat in _flat_labels(lex) if pat.search(text, s.start, s.end)), None)


def _alone(text: str, s: Sentence, ref: Optional[Ref]) -> bool:
    """Whether the line is a model's name and nothing else."""
    return ref is not None and not text[s.start:ref.start].strip() and not text[ref.end:s.end].strip()


# « Spécification ChatGPT-4o o1-mini » then « Fenêtre contextuelle 128K 128K »: the models across
# the first line. Between the label and the values, and between two values: separators, « ~ »,
# and an aside in parentheses (« 128 (8 actifs par token) 32 (4 actifs par token) »).
_ACROSS_GAP = re.compile(r"(?:[\s|,;/·*–—~≈-]|\([^()\n]{0,40}\))*")
_HEAD_LABEL = re.compile(r"[^\W\d][\w'’ -]{0,30}\s+|")  # « Spécification », « Fonction », or nothing
_NOT_A_VALUE_LABEL = load().cue("tables.not_value_label")


def _models_across(text: str, s: Sentence, index: RefIndex) -> list[Ref]:
    """The models a line names across, after a short label and with nothing else but separators
    (« Spécification ChatGPT-4o o1-mini », « Fonction Qwen3:30b-instruct GPT-OSS:20b »); [] if it
    is no such line or names fewer than two."""
    line = index.all_in(s.start, s.end)
    if len(line) < 2 or not _HEAD_LABEL.fullmatch(text, s.start, line[0].start) or text[line[-1].end:s.end].strip(" \t|"):
        return []
    for a, b in zip(line, line[1:]):
        if not _ACROSS_GAP.fullmatch(text, a.end, b.start) or text.find("(", a.end, b.start) >= 0:
            return []
    return line


def flat_across_facts(text: str, sentences, refs: list[Ref], quantities, lex: Lexicons) -> list[RawFact]:
    """A table flattened into lines with the models across its first line: each line right after
    it (no blank line between) that holds a label and exactly one value per model, and nothing else, gives
    them in order to the attribute its label names (« Jetons de sortie 16K 64K » names none)."""
    out: list[RawFact] = []
    index = RefIndex(refs)
    models: list[Ref] = []
    prev_end = 0
    for s in sentences:
        across = _models_across(text, s, index)
        next_line = text.count("\n", prev_end, s.start) == 1 and not text[prev_end:s.start].strip()
        prev_end = s.end
        if across:
            models = across
            continue
        if not models or not next_line or index.first_in(s.start, s.end) is not None:
            models = []
            continue
        qs = [q for q in _outside_asides(text, s.start, within(quantities, s.start, s.end)) if q.value]
        if len(qs) != len(models) or not _only_values(text, qs[0].start, s.end, qs, _ACROSS_GAP):
            continue
        label = text[s.start:qs[0].start]
        attribute = label_attribute(label, lex)
        if attribute in (None, "experts_per_token") or _NOT_A_VALUE_LABEL.search(label) or re.search(r"\d", label):
            continue
        for ref, q in zip(models, qs):
            if q.unit == "foreign" or attribute.startswith("params") and q.value < 10**6:
                continue
            out.append(RawFact(ref.model, attribute, q.value, False, Provenance(q.start, q.unit_end, s.start, s.end, "flat_across")))
    return out


def _outside_asides(text: str, start: int, qs) -> list:
    """The quantities that are not inside parentheses opened after ``start`` (one pass)."""
    out, depth, pos = [], 0, start
    for q in qs:
        gap = text[pos:q.start]
        depth = max(0, depth + gap.count("(") - gap.count(")"))
        pos = q.start
        if not depth:
            out.append(q)
    return out
