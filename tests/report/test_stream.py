"""report.html is written a piece at a time: the main JSON a batch of rows at a time (the same
bytes as one ``script_json`` of the whole object), then one article's block at a time, so the
memory the page takes beyond the tables and the catalog does not grow with the articles."""
from __future__ import annotations

import csv
import io
import json
import math
import re
import tracemalloc
from pathlib import Path

import pytest

from pipeline.catalog import build_catalog, read_tables
from pipeline.export import ARTICLE_COLUMNS, CLAIM_COLUMNS, FACT_COLUMNS, MODEL_COLUMNS
from pipeline.report import write_report
from pipeline.report.embed import script_json, write_script_json_arrays

HOSTILE = "</script><!-- & \u2028 \u2029 « é » 𝔸"


@pytest.mark.parametrize("fields, batch", [
    ([], 3),
    ([("a", [])], 3),
    ([("a", [1, 2, 3])], 3),  # exactly one batch
    ([("a", [1, 2, 3, 4])], 3),  # a batch and one
    ([("a", list(range(10))), ("b", []), ("c", [[HOSTILE, None, True, 1.5]] * 7)], 2),
    ([("models", ({"key": HOSTILE, "n": i} for i in range(5)))], 1),  # a generator, one item a batch
])
def test_arrays_written_in_batches_are_the_bytes_of_the_whole_object(fields, batch):
    fields = [(name, list(items)) for name, items in fields]
    whole = script_json(dict(fields))
    pieces = []
    write_script_json_arrays(pieces.append, ((name, iter(items)) for name, items in fields), batch=batch)
    assert "".join(pieces) == whole
    # "{", then for each field its name, one piece per batch of items and "]", then "}"
    assert len(pieces) == 2 + sum(2 + math.ceil(len(items) / batch) for _, items in fields)


TEXT_WORDS = ("Le modèle Alpha-{m} compte {n} milliards de paramètres, et Alpha-{o} le rivalise. "
              "Un paragraphe sans chiffre, pour que le texte pèse ce que pèse un article. ")


def synthetic_outputs(out: Path, n: int) -> Path:
    """An output folder of ``n`` articles (about 2 kB of text each) naming the same ten models:
    the catalog stays the same size whatever ``n``, only the articles and their rows grow."""
    (out / "texts").mkdir(parents=True)
    tables = {name: [] for name in ("articles", "models", "facts", "claims")}
    for i in range(n):
        aid = f"{i:016x}"
        m, o = i % 10, (i + 1) % 10
        sentence = TEXT_WORDS.format(m=m, n=7 + m, o=o)
        text = f"Article {i}\n\n" + sentence * 12
        (out / "texts" / f"{aid}.txt").write_text(text, encoding="utf-8")
        tables["articles"].append(dict(article_id=aid, source=f"{i}.txt", title=f"Article {i}", url="https://a.example/",
                                       published=f"2025-01-{1 + i % 28:02d}", language="fr", status="ok",
                                       n_chars=len(text), n_models=2, n_facts=5, n_claims=5))
        for name in (f"Alpha-{m}", f"Alpha-{o}"):
            tables["models"].append(dict(article_id=aid, model=name, family="Alpha", n_mentions=100))
        head = len(f"Article {i}\n\n")
        for k in range(5):
            at = head + k * len(sentence)
            start = at + len("Le modèle ")
            tables["facts"].append(dict(article_id=aid, model=f"Alpha-{m}", attribute="params_total",
                                        value=(7 + m) * 10**9, hedged="false", quote=text[start:start + 40],
                                        sentence=sentence, start=start, end=start + 40, recognizer="synthetic"))
            tables["claims"].append(dict(article_id=aid, subject=f"Alpha-{m}", relation="rivals", object=f"Alpha-{o}",
                                         hedged="false", quote=text[at:at + 30], sentence=sentence, start=at,
                                         end=at + 30, recognizer="synthetic"))
    for name, columns in (("articles", ARTICLE_COLUMNS), ("models", MODEL_COLUMNS), ("facts", FACT_COLUMNS),
                          ("claims", CLAIM_COLUMNS)):
        with open(out / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(tables[name])
    return out


class Sink:
    """A file that keeps only the number of characters written and the largest write."""

    def __init__(self):
        self.chars = 0
        self.largest = 0

    def write(self, piece: str) -> int:
        self.chars += len(piece)
        self.largest = max(self.largest, len(piece))
        return len(piece)


def page_memory(out: Path) -> tuple[int, Sink]:
    """Peak memory traced while the page is written (tables and catalog already built), and the sink."""
    tables = read_tables(out)
    catalog = build_catalog(tables)
    sink = Sink()
    tracemalloc.start()
    try:
        write_report(sink, tables, catalog, out / "texts")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, sink


def test_the_page_memory_does_not_grow_with_the_articles(tmp_path):
    small, small_sink = page_memory(synthetic_outputs(tmp_path / "small", 100))
    large, large_sink = page_memory(synthetic_outputs(tmp_path / "large", 400))
    assert large_sink.chars > 3.5 * small_sink.chars  # four times the articles: about four times the page
    # Holding the page (or every text) would take four times the memory; one article at a time
    # takes the same, plus small per-article lookups (ids, text lengths, row positions).
    # (Measured: 0.55 and 0.87 MB; the page built as one string took 2.3 and 8.7 MB.)
    assert large < 2 * small, (small, large)
    assert large < large_sink.chars, (large, large_sink.chars)  # less than the page itself
    assert large_sink.largest < large_sink.chars / 20  # no piece is a large part of the page


def test_each_article_block_highlights_its_own_rows(tmp_path):
    out = synthetic_outputs(tmp_path / "out", 30)
    tables = read_tables(out)
    buffer = io.StringIO()
    write_report(buffer, tables, build_catalog(tables), out / "texts")
    page = buffer.getvalue()
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</script></body></html>\n")
    main = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page).group(1))
    blocks = re.findall(r'<script type="application/json" id="t-([0-9a-f]+)">(.*?)</script>', page)
    assert [aid for aid, _ in blocks] == [a[0] for a in main["articles"]] and len(blocks) == 30
    seen = {"f": 0, "c": 0, "m": 0}
    for n, (aid, block) in enumerate(blocks):
        article = json.loads(block)
        for start, end, kind, index in article["a"]:
            seen[kind] += 1
            if kind == "f":  # a statement of this article, its quote at that place of this text
                assert (main["statements"][index][5], main["statements"][index][4]) == (n, article["t"][start:end])
            elif kind == "c":
                assert (main["claims"][index][10], main["claims"][index][9]) == (n, article["t"][start:end])
            else:
                assert main["models"][index]["model"].lower() == article["t"][start:end].lower()
    assert seen == {"f": 150, "c": 150, "m": 30 * 24}
