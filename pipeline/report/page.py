"""report.html: one self-contained page (no network: inline CSS, one inline script, inline SVG,
the data as JSON blocks), written a piece at a time. The Content-Security-Policy allows only that one script (by its hash), so
nothing an article carries could run even if it reached the markup; it never does: every
string is escaped here or set as text by the script."""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TextIO

from pipeline.report import charts
from pipeline.report.data import PageData
from pipeline.report.embed import script_json, text, write_script_json_arrays

HERE = Path(__file__).resolve().parent
ASSETS = ("page.css", "page.js")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return (HERE / name).read_text(encoding="utf-8")


def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def write_page(out: TextIO, data: PageData, *, title: str) -> None:
    """Write the page to ``out`` a piece at a time: the head and the catalog's markup, the main
    JSON block a batch of rows at a time, then one JSON block per article (its text and
    highlights), then the script."""
    script = asset("page.js")
    csp = (f"default-src 'none'; script-src '{script_hash(script)}'; style-src 'unsafe-inline'; img-src data:; "
           "base-uri 'none'; form-action 'none'")
    out.write("".join([
        "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">",
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',  # ours: no quote, no markup
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(title)}</title><style>{asset('page.css')}</style></head><body>",
        f"<header><h1>{text(title)}</h1>",
        f"<p>{len(data.models)} models, {data.n_conflicts} with conflicting values, from {len(data.articles)} "
        f"articles ({data.n_statements} facts, {data.n_claims} claims). Click a model, a mark or an "
        "article to see the evidence.</p>",
        '<nav role="tablist"><button type="button" role="tab" data-tab="catalog-tab" aria-selected="true">Catalog</button>'
        '<button type="button" role="tab" data-tab="articles-tab" aria-selected="false">Articles</button></nav></header>',
        "<main>",
        '<section id="catalog-tab">',
        '<div class="charts"><figure><figcaption>Total parameters × context window</figcaption>',
        charts.scatter(data.chart_models),
        "</figure><figure><figcaption>Models by first publication date</figcaption>",
        charts.timeline(data.chart_models),
        "</figure></div>",
        _tools("catalog", "filter models, families, organisations",
               '<label><input type="checkbox" id="conflicts-only"> only models with conflicts</label>'),
        '<table class="grid" id="catalog"><thead><tr></tr></thead><tbody></tbody></table></section>',
        '<section id="articles-tab" hidden>',
        _tools("articles", "filter titles, sources, authors", ""),
        '<table class="grid" id="articles"><thead><tr></tr></thead><tbody></tbody></table></section>',
        "</main>",
        '<aside id="panel" hidden><button type="button" class="close" id="panel-close">close ✕</button>'
        '<div id="panel-body"></div></aside><div id="tip" role="tooltip" hidden></div>',
        '<script type="application/json" id="data">',
    ]))
    write_script_json_arrays(out.write, data.main())
    out.write("</script>")
    for article_id, blob in data.texts():
        out.write(f'<script type="application/json" id="t-{text(article_id)}">{script_json(blob)}</script>')
    out.write(f"<script>{script}</script></body></html>\n")


def _tools(name: str, placeholder: str, extra: str) -> str:
    return (f'<div class="tools"><input type="search" id="{name}-filter" placeholder="{text(placeholder)}" '
            f'aria-label="{text(placeholder)}">{extra}<span class="pager"><button type="button" id="{name}-prev">‹</button>'
            f'<span id="{name}-count"></span><button type="button" id="{name}-next">›</button></span></div>')
