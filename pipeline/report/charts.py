"""The report's two charts as inline SVG, drawn here (no library): total parameters against context
window on log scales, and models by first publication date. One ``circle.mark`` per plotted model,
with ``data-key`` (the catalog key the page opens on a click) and a ``<title>`` tooltip."""
from __future__ import annotations

import math
from collections import defaultdict
from datetime import date
from typing import Sequence

from pipeline.report.embed import text

WIDTH, HEIGHT = 560, 340
LEFT, RIGHT, TOP, BOTTOM = 62, 16, 14, 40
LABELS_UP_TO = 12  # points named beside their mark when there are at most this many (else: hover)


def human(n: float) -> str:
    """1000 -> 1K, 7000000000 -> 7B, 1800000000000 -> 1.8T."""
    for scale, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if n >= scale:
            value = n / scale
            return f"{value:.3g}{suffix}"
    return f"{n:.3g}"


def scatter(models: Sequence[dict]) -> str:
    """params_total (x) against context_tokens (y), both log10; the models that have both."""
    points = [m for m in models if _positive(m.get("params_total")) and _positive(m.get("context_tokens"))]
    head = (f'<svg id="scatter" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="Total parameters against context window, log scales, {len(points)} models">')
    if not points:
        return head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" class="empty">no model with both values</text></svg>'
    xs = _log_domain([m["params_total"] for m in points])
    ys = _log_domain([m["context_tokens"] for m in points])
    px = lambda v: LEFT + (math.log10(v) - xs[0]) / (xs[1] - xs[0]) * (WIDTH - LEFT - RIGHT)  # noqa: E731
    py = lambda v: HEIGHT - BOTTOM - (math.log10(v) - ys[0]) / (ys[1] - ys[0]) * (HEIGHT - TOP - BOTTOM)  # noqa: E731
    parts = [head, _axes()]
    for e in range(xs[0], xs[1] + 1):
        x = px(10 ** e)
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{HEIGHT - BOTTOM}"/>'
                     f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">'
                     f'{human(10 ** e)}</text>')
    for e in range(ys[0], ys[1] + 1):
        y = py(10 ** e)
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
                     f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{human(10 ** e)}</text>')
    parts.append(f'<text class="axis-label" x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 6}" text-anchor="middle">'
                 'total parameters (log)</text>'
                 f'<text class="axis-label" transform="translate(14 {(TOP + HEIGHT - BOTTOM) / 2}) rotate(-90)" '
                 'text-anchor="middle">context window, tokens (log)</text>')
    for m in points:
        x, y = px(m["params_total"]), py(m["context_tokens"])
        cls = "mark conflict" if m.get("conflicts") else "mark"
        parts.append(f'<circle class="{cls}" data-key="{text(m["key"])}" cx="{x:.1f}" cy="{y:.1f}" r="4.5" tabindex="0">'
                     f'<title>{text(m["model"])}: {human(m["params_total"])} parameters, '
                     f'{human(m["context_tokens"])} tokens of context</title></circle>')
        if len(points) <= LABELS_UP_TO:
            parts.append(f'<text class="point-label" x="{x + 6:.1f}" y="{y - 5:.1f}">{text(m["model"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def timeline(models: Sequence[dict]) -> str:
    """Each model with a first publication date at that date; models of the same month stacked."""
    points = [(date.fromisoformat(m["first_published"]), m) for m in models if _iso(m.get("first_published"))]
    head = (f'<svg id="timeline" class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="Models by first publication date, {len(points)} models">')
    if not points:
        return head + f'<text x="{WIDTH / 2}" y="{HEIGHT / 2}" class="empty">no dated model</text></svg>'
    points.sort(key=lambda p: (p[0], p[1]["model"].casefold(), p[1]["model"], p[1]["key"]))
    first, last = _month_start(points[0][0]), _next_month(_month_start(points[-1][0]))
    span = max((last - first).days, 1)
    px = lambda d: LEFT + (d - first).days / span * (WIDTH - LEFT - RIGHT)  # noqa: E731
    months: dict[date, list] = defaultdict(list)
    for d, m in points:
        months[_month_start(d)].append((d, m))
    tallest = max(len(v) for v in months.values())
    step = min(11.0, (HEIGHT - TOP - BOTTOM - 8) / tallest)
    parts = [head, _axes()]
    month, every = first, max(1, round(span / 365 * 12 / 8))  # about eight labels
    i = 0
    while month <= last:
        if i % every == 0:
            x = px(month)
            parts.append(f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{HEIGHT - BOTTOM}"/>'
                         f'<text class="tick" x="{x:.1f}" y="{HEIGHT - BOTTOM + 14}" text-anchor="middle">'
                         f'{month:%Y-%m}</text>')
        month, i = _next_month(month), i + 1
    parts.append(f'<text class="axis-label" x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 6}" text-anchor="middle">'
                 'first publication date (models of a month stacked)</text>')
    for start, items in sorted(months.items()):
        for level, (d, m) in enumerate(items):
            x, y = px(d), HEIGHT - BOTTOM - 6 - level * step
            cls = "mark conflict" if m.get("conflicts") else "mark"
            parts.append(f'<circle class="{cls}" data-key="{text(m["key"])}" cx="{x:.1f}" cy="{y:.1f}" r="4" '
                         f'tabindex="0"><title>{text(m["model"])}: first published {d.isoformat()}</title></circle>')
    parts.append("</svg>")
    return "".join(parts)


def _axes() -> str:
    return (f'<line class="axis" x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" y2="{HEIGHT - BOTTOM}"/>'
            f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}"/>')


def _log_domain(values: Sequence[float]) -> tuple[int, int]:
    low, high = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    return (low, high) if high > low else (low, low + 1)


def _positive(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


def _iso(value) -> bool:
    try:
        date.fromisoformat(value or "")
    except ValueError:
        return False
    return True


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return date(d.year + 1, 1, 1) if d.month == 12 else date(d.year, d.month + 1, 1)
