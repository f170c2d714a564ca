"""HTML pages: the article body only, plus the page's metadata.

Two extractions are made and compared:

* trafilatura's main-content extraction (tables kept, no comments), run on the page without
  the elements recognised as boilerplate (trafilatura falls back to the whole page when it
  finds no main content, and would return the navigation of an empty page);
* the page's own ``<article>`` (else ``<main>``) read with lxml, without nav, aside, footer,
  scripts, forms and ad/related/share/newsletter blocks.

trafilatura is good at finding the body of an unstructured page but drops bylines and
sometimes short blocks; a page's ``<article>`` is exact when the page has one. So the
``<article>`` text wins when it contains (nearly) everything trafilatura found; otherwise the
page's structure is not trusted and trafilatura's text is used.

Both are rendered the same way: one block element per line, a blank line between blocks, list
items as "- item" lines, table rows as "| a | b |" lines. Entities are decoded; non-breaking
spaces are kept.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from pipeline.normalize.dates import parse_date

from . import Document, Record
from .txt import clean_title, read_header

NO_BODY = "no article body"
MIN_COVERAGE = 0.9  # share of trafilatura's text the <article> text must contain to be preferred
MAX_MAIN_GROWTH = 1.5  # a <main> may not be much longer than trafilatura's text (sidebars)

_DROP_TAGS = frozenset(
    "script style noscript template nav aside footer form button iframe svg select input textarea "
    "canvas object embed video audio img picture source map head title meta link dialog".split()
)
_BLOCK_TAGS = frozenset(
    "p div section article main header h1 h2 h3 h4 h5 h6 blockquote pre figure figcaption dl dt dd "
    "hr address details summary center".split()
)
_LIST_TAGS = frozenset({"ul", "ol"})
_BOILERPLATE_TOKEN = re.compile(
    r"^(?:ads?|adv|advert\w*|ad[-_]\w+|\w+[-_]ads?|pub|publicite|publicité|banner|paywall|subscribe|"
    r"outbrain|taboola|masthead|site[-_]header|site[-_]footer|sponsor\w*|promo\w*|"
    r"(?:related|share|sharing|social|newsletter|comments?|cookie|breadcrumbs?|sidebar|"
    r"widget|read[-_]?more|lire[-_]aussi|a[-_]lire|menu)(?:[-_][\w-]*)?)$",
    re.IGNORECASE,
)
_BOILERPLATE_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search"})
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_ASCII_SPACE = re.compile(r"[ \t\r\n\f\v]+")
_BR = "\x00"  # a <br> while inline text is gathered (control characters never reach here)
_TITLE_WITH_SITE = re.compile(r"^(?P<rest>.+)\s+(?P<sep>[|–—-])\s+(?P<site>.+?)$")

# trafilatura's XML vocabulary -> HTML, so one renderer serves both extractions
_TRAFILATURA_TAGS = {
    "head": "h2", "list": "ul", "item": "li", "row": "tr", "cell": "td", "lb": "br",
    "quote": "blockquote", "code": "pre", "hi": "span", "ref": "a", "del": "span", "graphic": "img",
}

_DATE_META = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish_date", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author")
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_JSONLD_AUTHOR = re.compile(r'"author"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"([^"]+)"')


@dataclass(frozen=True)
class PageMeta:
    title: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None


def read(text: str) -> list[Record]:
    try:
        tree = parse_tree(text)
    except TooDeep:
        return [Record.problem("error", TOO_DEEP, document=Document(text=""))]
    if tree is None:
        return [Record.problem("skipped", NO_BODY, document=Document(text=""))]
    meta = page_meta(tree, raw=text)
    body = "\n\n".join(article_blocks(tree))
    header = read_header(body, title=meta.title) if body else None
    document = Document(
        text=body,
        title=meta.title,
        url=meta.url,
        author=meta.author or (header.author if header else None),
        published=meta.published or (header.published if header else None),
    )
    if not body.strip():
        return [Record.problem("skipped", NO_BODY, document=document)]
    return [Record(document=document)]


class TooDeep(Exception):
    """The page nests deeper than the HTML parser goes (:data:`TOO_DEEP`)."""


TOO_DEEP = "HTML nested deeper than the parser's limit (255 elements): the rest of the page cannot be read"
# inline tags, which reading joins into their block's text anyway (a page that leaves them open
# nests every later element inside them)
_INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|big|cite|code|data|dfn|em|font|i|ins|kbd|mark|nobr|q|s|samp|small|"
                         r"span|strike|strong|sub|sup|time|tt|u|var)(?=[\s/>])[^<>]*>", re.I)


def parse_tree(text: str):
    """The lxml document, or None for an empty/unparsable page.

    libxml2 stops reading a page where it nests 255 elements deep and drops all that follows:
    what a page does that leaves a few hundred « <span> », « <font> » or « <b> » open. Such a
    page is read again without its inline tags; if it is still too deep (unclosed « <div> »s),
    :class:`TooDeep` says so (never a page cut short in silence)."""
    source = _XML_DECLARATION.sub("", text)
    if not source.strip():
        return None
    tree, deep = _parse(source)
    if deep:
        tree, deep = _parse(_INLINE_TAG.sub("", source))
        if deep:
            raise TooDeep()
    return tree


def _parse(source: str) -> tuple[Any, bool]:
    """The lxml document (None when unparsable), and whether the parser met its depth limit."""
    import lxml.html
    from lxml.etree import ParserError

    parser = lxml.html.HTMLParser()  # (one per page: its error log is the page's)
    try:
        tree = lxml.html.document_fromstring(source, parser=parser)
    except (ParserError, ValueError):
        return None, False
    return tree, any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)


def article_blocks(tree) -> list[str]:
    """The article body as text blocks (see the module docstring for the choice)."""
    container, kind = find_container(tree)
    own = element_blocks(container) if container is not None else []
    if _crowded(tree):  # (trafilatura's reading of them grows with their square)
        return own or element_blocks(without_boilerplate(tree).body)
    theirs = trafilatura_blocks(without_boilerplate(tree))
    if not own:
        return theirs
    if not theirs:
        return own
    own_text, their_text = "\n".join(own), "\n".join(theirs)
    grows_too_much = kind == "main" and len(own_text) > MAX_MAIN_GROWTH * len(their_text) + 200
    if covers(theirs, own_text, share=MIN_COVERAGE) and not grows_too_much:
        return own
    return theirs


MAX_INLINE_CHILDREN = 500  # inline elements (« <span> », « <a> », « <b> ») one element may hold for trafilatura to read the page


def _crowded(tree) -> bool:
    """Whether an element of the page holds more than ``MAX_INLINE_CHILDREN`` inline elements
    (a paragraph of thousands of links or highlighted words): the page is then read by its own
    elements, not by trafilatura, whose cost grows with the square of their number there."""
    for el in tree.iter():
        if len(el) > MAX_INLINE_CHILDREN and sum(
                1 for child in el if isinstance(child.tag, str) and child.tag.lower() not in _NOT_INLINE) > MAX_INLINE_CHILDREN:
            return True
    return False


_NOT_INLINE = _BLOCK_TAGS | _LIST_TAGS | {"li", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "br"}


def find_container(tree) -> tuple[Any, Optional[str]]:
    """The page's main ``<article>`` (the longest one outside boilerplate), else ``<main>``."""
    articles = [el for el in tree.iter("article") if not _inside_boilerplate(el)]
    if articles:
        return max(articles, key=lambda el: len(el.text_content())), "article"
    for el in tree.iter():
        if isinstance(el.tag, str) and (el.tag == "main" or el.get("role") == "main"):
            return el, "main"
    return None, None


def without_boilerplate(tree):
    """A copy of the page without the elements :func:`is_boilerplate` recognises.

    trafilatura falls back to the whole page when it finds no main content, and would then
    return the navigation; it only gets what is not known boilerplate.
    """
    clean = copy.deepcopy(tree)
    for el in list(clean.iter()):
        if el.getparent() is not None and is_boilerplate(el):
            el.drop_tree()
    return clean


def trafilatura_blocks(page) -> list[str]:
    """trafilatura's main content of ``page`` (markup or an lxml tree) as text blocks."""
    try:
        import trafilatura

        result = trafilatura.bare_extraction(
            page,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - a crash inside trafilatura must not lose the page
        return []
    body = getattr(result, "body", None)
    if body is None:
        return []
    for el in body.iter():
        if isinstance(el.tag, str):
            if el.tag == "cell" and el.get("role") == "head":
                el.tag = "th"
            elif el.tag in _TRAFILATURA_TAGS:  # (a tag is set only when renamed: lxml's HTML parser
                el.tag = _TRAFILATURA_TAGS[el.tag]  # keeps names, « a< », that setting one refuses)
    return element_blocks(body)


def element_blocks(root) -> list[str]:
    """Text blocks of an element: block elements apart, inline elements joined, boilerplate out."""
    blocks: list[str] = []
    _Walker(blocks).block(root)
    return blocks


SEARCH_BUDGET = 20  # times the text's length that ``covers`` may read looking for lines out of order


def covers(blocks: Iterable[str], text: str, *, share: float) -> bool:
    """Whether the lines of ``blocks`` that occur in ``text`` (spaces and case aside) make at least
    ``share`` of their characters.

    Each line is looked for from where the previous one was found, as both texts run in the same
    order: a page's lines cost one reading of the text, not one each (a page of thirty thousand
    paragraphs read the text thirty thousand times). A line not found there is looked for in the
    whole text; past ``SEARCH_BUDGET`` readings of it the answer is no (the general extractor's
    text is kept). The answer is known as soon as the lines read settle it."""
    haystack = _squash(text)
    needles = [needle for block in blocks for line in block.split("\n") if (needle := _squash(line))]
    total = sum(map(len, needles))
    if not total:
        return True
    found, left, hint, budget = 0, total, 0, SEARCH_BUDGET * max(1, len(haystack))
    for needle in needles:
        left -= len(needle)
        at = haystack.find(needle, hint)
        budget -= (at + len(needle) - hint) if at >= 0 else len(haystack) - hint
        if at < 0:
            at = haystack.find(needle)
            budget -= at + len(needle) if at >= 0 else len(haystack)
        if at >= 0:
            found += len(needle)
            hint = at + len(needle)
        if found / total >= share:
            return True
        if (found + left) / total < share or budget < 0:
            return False
    return found / total >= share


def page_meta(tree, *, raw: str = "") -> PageMeta:
    metas = _meta_tags(tree)
    return PageMeta(
        title=_page_title(tree, metas),
        author=_page_author(tree, metas, raw),
        published=_page_date(tree, metas, raw),
        url=metas.get("og:url") or _canonical(tree),
    )


class _Walker:
    """Renders elements into text blocks: block elements apart, inline elements joined."""

    def __init__(self, blocks: list[str], *, depth: int = 0):
        self.blocks = blocks
        self.buffer: list[str] = []
        self.depth = depth  # list nesting, for the indentation of nested list items

    def block(self, el) -> None:
        self.flush()
        self.buffer.append(el.text or "")
        self.children(el)
        self.flush()

    def children(self, elements: Iterable) -> None:
        for child in elements:
            tag = child.tag.lower() if isinstance(child.tag, str) else None
            if tag is None or is_boilerplate(child):  # comments, processing instructions, ads
                pass
            elif tag == "br":
                self.buffer.append(_BR)
            elif tag in _LIST_TAGS:
                self.flush()
                self.add("\n".join(_list_lines(child, depth=self.depth)))
            elif tag == "table":
                self.flush()
                self.add("\n".join(_table_lines(child)))
            elif tag in _BLOCK_TAGS or tag == "li":
                self.block(child)
            else:  # inline
                self.buffer.append(child.text or "")
                self.children(child)
            self.buffer.append(child.tail or "")

    def flush(self) -> None:
        self.add(_inline("".join(self.buffer)))
        self.buffer.clear()

    def add(self, block: str) -> None:
        if block:
            self.blocks.append(block)


def _list_lines(list_el, *, depth: int = 0) -> list[str]:
    """"- item" lines; nested lists follow their item, indented by two spaces per level."""
    lines: list[str] = []
    for item in list_el:
        if not isinstance(item.tag, str) or item.tag.lower() != "li" or is_boilerplate(item):
            continue
        text_parts: list[str] = []
        nested: list[str] = []
        walker = _Walker(text_parts, depth=depth + 1)
        walker.buffer.append(item.text or "")
        for child in item:
            if isinstance(child.tag, str) and child.tag.lower() in _LIST_TAGS:
                walker.flush()
                nested.extend(_list_lines(child, depth=depth + 1))
                walker.buffer.append(child.tail or "")
            else:
                walker.children([child])
        walker.flush()
        text = " ".join(part.replace("\n", " ") for part in text_parts)
        if text:
            lines.append("  " * depth + "- " + text)
        lines.extend(nested)
    return lines


def _table_lines(table) -> list[str]:
    rows: list[str] = []
    for row in table.iter("tr"):
        if _nearest_table(row) is not table:
            continue
        cells = [cell for cell in row if isinstance(cell.tag, str) and cell.tag.lower() in ("td", "th")]
        texts = [" ".join(element_blocks(cell)).replace("\n", " ").replace("|", "/") for cell in cells]
        if not any(texts):
            continue
        rows.append("| " + " | ".join(texts) + " |")
        if len(rows) == 1 and cells and all(cell.tag.lower() == "th" for cell in cells):
            rows.append("|" + "---|" * len(cells))
    return rows


def _nearest_table(el):
    for ancestor in el.iterancestors():
        if isinstance(ancestor.tag, str) and ancestor.tag.lower() == "table":
            return ancestor
    return None


def is_boilerplate(el) -> bool:
    """Navigation, asides, footers, scripts, forms, and elements classed as ads/related/share."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _DROP_TAGS:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if (el.get("role") or "").lower() in _BOILERPLATE_ROLES:
        return True
    if "display:none" in (el.get("style") or "").replace(" ", "").lower():
        return True
    tokens = (el.get("class") or "").split() + (el.get("id") or "").split()
    return any(_BOILERPLATE_TOKEN.match(token) for token in tokens)


def _inside_boilerplate(el) -> bool:
    return any(isinstance(a.tag, str) and is_boilerplate(a) for a in el.iterancestors())


def _inline(text: str) -> str:
    lines = (_ASCII_SPACE.sub(" ", line).strip() for line in text.split(_BR))
    return "\n".join(line for line in lines if line)


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def _meta_tags(tree) -> dict[str, str]:
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = (meta.get("content") or "").strip()
        if key and content:
            metas.setdefault(key.strip().lower(), content)
    return metas


def _page_title(tree, metas: dict[str, str]) -> Optional[str]:
    for key in ("og:title", "twitter:title"):
        if metas.get(key):
            return clean_title(metas[key])
    container, _ = find_container(tree)
    for scope in (container, tree):
        if scope is None:
            continue
        for h1 in scope.iter("h1"):
            if not _inside_boilerplate(h1):
                title = clean_title(_inline(h1.text_content()))
                if title:
                    return title
    title_el = next(tree.iter("title"), None)
    if title_el is None:
        return None
    return strip_site_name(_inline(title_el.text_content()), site=metas.get("og:site_name")) or None


def strip_site_name(title: str, *, site: Optional[str] = None) -> str:
    """"Article title | Site" -> "Article title" (only the last piece, only when it looks like a site)."""
    title = title.strip()
    match = _TITLE_WITH_SITE.match(title)
    if not match:
        return title
    rest, separator, last = match.group("rest"), match.group("sep"), match.group("site")
    if site and last.lower() == site.strip().lower():
        return rest
    if separator != "-" and len(last) <= 40 and len(rest) >= len(last):
        return rest
    return title


def _page_author(tree, metas: dict[str, str], raw: str) -> Optional[str]:
    for key in _AUTHOR_META:
        value = metas.get(key)
        if value and not value.startswith(("http://", "https://")):
            return value
    match = _JSONLD_AUTHOR.search(raw)
    if match:
        return _json_string(match.group(1))
    for el in tree.xpath('//*[@rel="author"] | //*[@itemprop="author"]'):
        name = _inline(el.text_content())
        if name and len(name) <= 80:
            return name
    return None


def _page_date(tree, metas: dict[str, str], raw: str) -> Optional[str]:
    for key in _DATE_META:
        if metas.get(key):
            date = parse_date(metas[key])
            if date:
                return date
    match = _JSONLD_DATE.search(raw)
    if match:
        date = parse_date(_json_string(match.group(1)))
        if date:
            return date
    for el in tree.xpath('//*[@itemprop="datePublished"] | //time[@datetime]'):
        if _inside_boilerplate(el):
            continue
        value = el.get("datetime") or el.get("content") or _inline(el.text_content())
        date = parse_date(value) if value else None
        if date:
            return date
    return None


def _canonical(tree) -> Optional[str]:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            return link.get("href").strip()
    return None


def _json_string(value: str) -> str:
    try:
        return json.loads(f'"{value}"')
    except ValueError:
        return value
