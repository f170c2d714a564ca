"""report.html, the review page of an output folder: the catalog (sortable, filterable, conflicts
marked), each model's values with the quotes that state them, each article's text with its models,
values and claims highlighted, and two charts. ``data`` gathers what it shows, ``charts`` draws the
SVG, ``page`` writes the HTML a piece at a time (with ``page.css`` and ``page.js``), ``embed`` keeps
untrusted text text."""
from __future__ import annotations

from pathlib import Path
from typing import TextIO

from pipeline.catalog import Catalog, Tables
from pipeline.report.data import PageData, page_data
from pipeline.report.page import ASSETS, asset, write_page

TITLE = "AI models in the press: catalog and evidence"


def write_report(out: TextIO, tables: Tables, catalog: Catalog, texts: Path) -> None:
    """Write the page's HTML to ``out`` (deterministic: the same tables and texts give the same
    bytes). Streamed: beyond the tables and the catalog, it holds one article's text and
    highlights at a time, read from ``texts``."""
    write_page(out, page_data(tables, catalog, texts), title=TITLE)


__all__ = ["ASSETS", "PageData", "asset", "page_data", "write_report"]
