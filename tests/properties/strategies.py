"""Hypothesis strategies for hostile inputs: random text mixed with French model sentences, HTML
pages, JSONL lines, cuts and splices of the real pages."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from hypothesis import strategies as st

from .support import FRENCH

REAL = Path(__file__).resolve().parents[1] / "data" / "real"
EXTENSIONS = (".txt", ".md", ".html", ".jsonl")

# Any character a decoded file can hold (no lone surrogates: decoding never makes them).
any_char = st.characters(exclude_categories=("Cs",))
unicode_text = st.text(any_char, max_size=400)
# Characters that matter to the rules: digits, separators, quotes, brackets, Markdown, spaces.
rule_char = st.sampled_from(list("0123456789 ,.;:!?%()[]«»\"'’-–—|#*\n\t\u00a0\u202fBkKMx")) | any_char
rule_noise = st.text(rule_char, max_size=60)


def french_mix(max_parts: int = 12) -> st.SearchStrategy[str]:
    """French model sentences, random text and noise, joined by spaces, newlines or nothing."""
    part = st.one_of(st.sampled_from(FRENCH), rule_noise, unicode_text.map(lambda s: s[:80]))
    joint = st.sampled_from([" ", "\n", "\n\n", "", " ; ", ", "])
    return st.lists(st.tuples(part, joint), min_size=1, max_size=max_parts).map(
        lambda pairs: "".join(p + j for p, j in pairs))


# --- HTML ------------------------------------------------------------------------------------

ENTITIES = ("&amp;", "&lt;", "&gt;", "&nbsp;", "&eacute;", "&#233;", "&#xE9;", "&#x1F600;", "&#0;",
            "&#xD800;", "&#1114112;", "&bogus;", "&", "&#", "&laquo;", "&raquo;", "&rsquo;", "&hellip;")
_ATTR_NAMES = ("class", "id", "role", "href", "itemprop", "lang", "style", "data-x")
_ATTR_VALUES = ("article", "main", "navigation", "complementary", "sidebar", "related-posts", "ad-slot",
                "share", "newsletter", "content", "articleBody", "author", "x\"y", "", "lire-aussi", "menu")
_BLOCKS = ("div", "p", "section", "article", "main", "header", "blockquote", "pre", "figure", "h1", "h2",
           "h3", "aside", "nav", "footer", "form", "details", "address", "center", "dl", "dd")
_INLINE = ("span", "a", "b", "strong", "em", "i", "code", "sup", "sub", "time", "abbr", "font", "u")
_RAW = ("script", "style", "noscript", "template", "textarea", "title", "svg")


def _attrs() -> st.SearchStrategy[str]:
    attr = st.tuples(st.sampled_from(_ATTR_NAMES), st.sampled_from(_ATTR_VALUES),
                     st.sampled_from(['"', "'", ""])).map(lambda t: f' {t[0]}={t[2]}{t[1]}{t[2]}')
    return st.lists(attr, max_size=3).map("".join)


_words = st.one_of(st.sampled_from(FRENCH), rule_noise, st.sampled_from(ENTITIES),
                   st.sampled_from(["<br>", "<br/>", "<hr>", "<img src=x>", "<!-- note -->", "<![CDATA[x]]>",
                                    "</p>", "<p", ">", "<", "</div></div>", "<?php echo 1 ?>"]))


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    block = st.tuples(st.sampled_from(_BLOCKS + _INLINE), _attrs(), st.lists(children, max_size=4),
                      st.booleans()).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}" + (f"</{t[0]}>" if t[3] else ""))
    raw = st.tuples(st.sampled_from(_RAW), unicode_text.map(lambda s: s[:60])).map(
        lambda t: f"<{t[0]}>{t[1]} var a = '</div>'; {t[1]}</{t[0]}>")
    rows = st.lists(st.lists(children, min_size=1, max_size=4), min_size=1, max_size=5)
    table = rows.map(lambda rs: "<table>" + "".join(
        "<tr>" + "".join(f"<t{'h' if i == 0 else 'd'}>{c}</t{'h' if i == 0 else 'd'}>" for c in r) + "</tr>"
        for i, r in enumerate(rs)) + "</table>")
    lists = st.tuples(st.sampled_from(["ul", "ol"]), st.lists(children, min_size=1, max_size=5)).map(
        lambda t: f"<{t[0]}>" + "".join(f"<li>{c}</li>" for c in t[1]) + f"</{t[0]}>")
    return st.one_of(block, raw, table, lists)


html_body = st.recursive(_words, _element, max_leaves=25)

_HEADS = st.sampled_from([
    "", "<meta charset='utf-8'>", "<meta charset='windows-1252'>", "<meta charset='x-unknown'>",
    "<title>Mistral Small 3 | Le Journal</title>", "<meta name='author' content='Camille Roche'>",
    "<meta property='article:published_time' content='2025-01-29T10:00:00Z'>",
    "<script type='application/ld+json'>{\"datePublished\": \"2025-13-45\", \"author\": [{\"name\": \"X\"}]}</script>",
    "<link rel='canonical' href='https://exemple.fr/a'>",
])


@st.composite
def html_pages(draw) -> bytes:
    """An HTML page: maybe a doctype and head, a body of nested random elements, in some encoding."""
    head = "".join(draw(st.lists(_HEADS, max_size=3)))
    body = "".join(draw(st.lists(html_body, min_size=1, max_size=4)))
    shape = draw(st.sampled_from(["page", "fragment", "xml"]))
    if shape == "page":
        page = f"<!DOCTYPE html><html lang='fr'><head>{head}</head><body>{body}</body></html>"
    elif shape == "xml":
        page = f"<?xml version='1.0' encoding='utf-8'?><html><head>{head}</head><body>{body}</body></html>"
    else:
        page = head + body
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "utf-16"]))
    return page.encode(encoding, errors="replace")


# --- JSONL -------------------------------------------------------------------------------------

_any_json = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | unicode_text,
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(unicode_text, inner, max_size=3),
                         max_leaves=8)
_texts = st.one_of(
    french_mix(),
    unicode_text,
    st.just(""), st.just("   "), st.just("\u200b"),
    st.text(st.characters(), max_size=50),  # lone surrogates too: a JSON escape « \\ud800 » makes one
    st.integers(1, 400).map(lambda n: " ".join(FRENCH[i % len(FRENCH)] for i in range(n))),  # long
)
_field_values = st.one_of(st.none(), unicode_text, st.integers(), st.booleans(), st.lists(unicode_text, max_size=3),
                          st.dictionaries(unicode_text, unicode_text, max_size=2), st.floats(),
                          st.text(max_size=5000))
_dates = st.one_of(st.none(), st.sampled_from(["2025-01-29", "29 janvier 2025", "2025-13-45", "hier", "0",
                                               "9999-99-99T99:99", "le 31 février 2024"]), unicode_text, st.integers())


@st.composite
def jsonl_objects(draw) -> str:
    """One JSON object line: a text of any sort or of a wrong type, fields of any type."""
    item = {}
    if draw(st.integers(0, 9)):  # one line in ten has no "text"
        item["text"] = draw(st.one_of(_texts, _texts, _texts, _any_json))
    for key in ("title", "url", "author"):
        if draw(st.booleans()):
            item[key] = draw(_field_values)
    for key in ("date", "published"):
        if draw(st.booleans()):
            item[key] = draw(_dates)
    extra = draw(st.dictionaries(unicode_text, _any_json, max_size=2))
    item = {**extra, **item}
    return json.dumps(item, ensure_ascii=draw(st.booleans()))


# A visible character keeps a line non-blank through decoding and cleaning; no line breaks inside.
_visible = st.characters(categories=("L", "N", "P", "S"))
_bad_line = st.tuples(_visible, st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=80)).map("".join)
_blank = st.sampled_from(["", " ", "\t", "   \t "])


@st.composite
def jsonl_files(draw) -> tuple[bytes, list[int]]:
    """A JSONL file's bytes and the numbers of its non-blank lines. Lines: JSON objects, JSON that
    is not an object, text that is not JSON, blank lines; the file in UTF-8 (maybe with a BOM and
    CRLF line ends), or with a line in Latin-1 (the whole file then decodes as Windows-1252)."""
    kinds = st.one_of(jsonl_objects(), jsonl_objects(), jsonl_objects(),
                      _any_json.map(json.dumps), _bad_line, _blank,
                      st.sampled_from(['{"text": "abc"', '{"text": "\\ud800 Mistral"}', "{}", "[]", "null",
                                       '{"text": "x", "text": 3}', '{"text": NaN}', "\ufeff{}"]))
    lines = draw(st.lists(kinds, min_size=1, max_size=8))
    numbers = [n for n, line in enumerate(lines, start=1) if line.strip()]
    end = draw(st.sampled_from(["\n", "\r\n"]))
    latin1 = draw(st.integers(0, len(lines)))  # index of the line written in Latin-1 (len: none)
    data = b""
    for i, line in enumerate(lines):
        if i == latin1:
            line = json.dumps({"text": "Le modèle Mistral Small 3 a 24 milliards de paramètres, dit l'équipe."},
                              ensure_ascii=False)
            numbers = sorted(set(numbers) | {i + 1})
            data += line.encode("latin-1") + end.encode()
        else:
            data += line.encode("utf-8", errors="surrogatepass") + end.encode()
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return data, numbers


# --- cuts and splices of the real pages ---------------------------------------------------------

@lru_cache(maxsize=1)
def real_pages() -> tuple[str, ...]:
    pages = tuple(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt")))
    assert len(pages) >= 100, f"the real pages are missing from {REAL}"
    return pages


@st.composite
def real_splices(draw) -> str:
    """Pieces of the real pages cut at random places, spliced together, sometimes with noise."""
    pages = real_pages()
    out = []
    for _ in range(draw(st.integers(1, 4))):
        page = pages[draw(st.integers(0, len(pages) - 1))]
        start = draw(st.integers(0, len(page) - 1))
        length = draw(st.sampled_from([1, 10, 100, 500, 2000, 10_000]))
        out.append(page[start:start + draw(st.integers(1, length))])
        if draw(st.integers(0, 3)) == 0:
            out.append(draw(rule_noise))
    return "".join(out)
