"""Untrusted text into HTML: escaped text, JSON a script element cannot be closed by, and links
that are only ever http(s)."""
from __future__ import annotations

import html
import json
from itertools import islice
from typing import Callable, Iterable
from urllib.parse import urlsplit

_JSON_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def text(value) -> str:
    """Any value as HTML text (quotes escaped too, so it is also safe in an attribute)."""
    return html.escape("" if value is None else str(value), quote=True)


def script_json(value) -> str:
    """``value`` as JSON for the inside of a ``<script type="application/json">`` element: no
    ``<``, ``>`` or ``&`` (so no ``</script>`` or ``<!--``), and no U+2028/U+2029; deterministic
    (keys in the order given, no whitespace)."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in _JSON_ESCAPES:  # str.replace: much faster than str.translate on megabytes
        encoded = encoded.replace(char, escape)
    return encoded


def write_script_json_arrays(write: Callable[[str], object], fields: Iterable[tuple[str, Iterable]],
                             batch: int = 256) -> None:
    """Write ``script_json({name: list(items) for name, items in fields})`` through ``write``, a
    batch of items at a time (the same bytes: JSON without whitespace is the concatenation of its
    parts, and every escape replaces one character), so that neither the object nor its text is
    ever held whole."""
    write("{")
    for n, (name, items) in enumerate(fields):
        write(("," if n else "") + script_json(name) + ":[")
        items, first = iter(items), True
        while chunk := list(islice(items, batch)):
            write(("" if first else ",") + script_json(chunk)[1:-1])
            first = False
        write("]")
    write("}")


def safe_href(url: str) -> str:
    """``url`` when it is an absolute http or https URL with a host (and no characters a browser
    would strip from it), otherwise ``""``: the page shows anything else as text."""
    url = (url or "").strip()
    if not url or any(ord(c) < 0x21 or c in "\\\x7f" for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""
