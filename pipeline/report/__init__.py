"""report.html, the review page of an output folder: the catalog (sortable, filterable, conflicts
marked), each model's values with the quotes that state them, each article's text with its models,
values and claims highlighted, and two charts. ``data`` gathers what it shows, ``charts`` draws the
SVG, ``page`` writes the HTML (with ``page.css`` and ``page.js``), ``embed`` keeps untrusted text
text."""
from __future__ import annotations

from pathlib import Path

from pipeline.catalog import Catalog, Tables
from pipeline.report.data import PageData, page_data
from pipeline.report.page import ASSETS, asset, render_page

TITLE = "AI models in the press: catalog and evidence"


def build_report(tables: Tables, catalog: Catalog, texts: Path) -> str:
    """The page's HTML (deterministic: the same tables and texts give the same bytes)."""
    return render_page(page_data(tables, catalog, texts), title=TITLE)


__all__ = ["ASSETS", "PageData", "asset", "build_report", "page_data"]
