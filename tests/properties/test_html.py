"""Random HTML pages (nested tags, attributes, scripts, entities, tables, French model sentences)
through ingest and extraction."""
from __future__ import annotations

from hypothesis import example, given

from .strategies import html_pages
from .support import check_corpus_rows, check_ingested, ingest_files, scaled


@scaled(1.5)
@given(page=html_pages())
@example(page=b"<html><body><article><p>Mistral Small 3 compte 24&nbsp;milliards de param&egrave;tres.</p>"
              b"<table><tr><td>Llama 3.1 405B</td><td>405 B</td></tr></table></article></body></html>")
@example(page=b"<?xml version='1.0'?>")
@example(page="<html><body><code>Mistral Small 3 compte 24 milliards de paramètres.<A</body></html>".encode())
@example(page=b"<table>" * 200 + b"Mixtral 8x7B")
def test_random_html_gives_one_row_and_extracts(page):
    articles = ingest_files({"page.html": page})
    check_corpus_rows(articles, {"page.html": None})
    check_ingested(articles)
