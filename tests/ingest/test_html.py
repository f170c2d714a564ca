"""HTML pages: the article body only, one block per line, metadata from the page."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.ingest import read_file
from pipeline.ingest.formats.html import (
    covers,
    element_blocks,
    is_boilerplate,
    parse_tree,
    strip_site_name,
)

PARAGRAPHS = (
    "Mistral AI a publié mardi un nouveau modèle de langage ouvert, avec sept milliards de paramètres.",
    "Le modèle est diffusé sous licence Apache 2.0 et peut être utilisé commercialement sans restriction.",
    "Selon la start-up, il surpasse Llama 2 13B sur l'ensemble des tests publiés par ses chercheurs.",
)

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>Mistral 7B : un petit modèle ouvert | Le Site</title>
<meta name="author" content="Camille Roche">
<meta property="article:published_time" content="2023-09-27T23:30:00-04:00">
<link rel="canonical" href="https://ex.fr/ia/mistral-7b">
<script>var ad = "Publicité dans un script";</script>
<style>.x{color:red}</style>
</head><body>
<header class="site-header"><a href="/">Le Site</a><nav><a href="/ia/">IA</a> <a href="/mobiles/">Mobiles</a></nav></header>
<div class="ad ad-banner">Publicité · Nouveau SUV Orvane Hybride dès 249 €/mois</div>
<main>
<article>
<h1>Mistral 7B : un petit modèle ouvert</h1>
<p class="byline">Par Camille Roche · 27 septembre 2023</p>
<p>@P0@</p>
<p>@P1@ <a href="/x">lien&nbsp;interne</a> &amp; suite</p>
<h2>Une question de taille</h2>
<p>@P2@<br>Seconde ligne.</p>
<ul><li>Premier point</li><li>Second point<ul><li>sous-point</li></ul></li></ul>
<table><tr><th>Modèle</th><th>Paramètres</th></tr><tr><td>Mistral 7B</td><td>7,3 milliards</td></tr></table>
<div class="share-buttons">Partager sur X</div>
<!-- un commentaire -->
</article>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/p">Test du Pixel 8a</a></li></ul></aside>
</main>
<footer><p>© 2024 Le Site · 1,2 million de lecteurs chaque mois</p></footer>
</body></html>
""".replace("@P0@", PARAGRAPHS[0]).replace("@P1@", PARAGRAPHS[1]).replace("@P2@", PARAGRAPHS[2])


def _read(tmp_path: Path, content: str | bytes, name: str = "page.html"):
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    (article,) = read_file(path, source=name)
    return article


def test_article_body_and_metadata(tmp_path):
    article = _read(tmp_path, PAGE)
    assert article.status == "ok", article.reason
    assert article.format == "html"
    assert article.title == "Mistral 7B : un petit modèle ouvert"
    assert article.author == "Camille Roche"
    assert article.published == "2023-09-27"  # the date as written, not converted to UTC
    assert article.url == "https://ex.fr/ia/mistral-7b"
    expected = "\n\n".join(
        [
            "Mistral 7B : un petit modèle ouvert",
            "Par Camille Roche · 27 septembre 2023",
            PARAGRAPHS[0],
            PARAGRAPHS[1] + " lien\u00a0interne & suite",
            "Une question de taille",
            PARAGRAPHS[2] + "\nSeconde ligne.",
            "- Premier point\n- Second point\n  - sous-point",
            "| Modèle | Paramètres |\n|---|---|\n| Mistral 7B | 7,3 milliards |",
        ]
    )
    assert article.text == expected


BODY_HTML = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


@pytest.mark.parametrize(
    ("head", "body", "title", "author", "published", "url"),
    [
        pytest.param(
            '<meta property="og:title" content="Titre OG"><meta property="og:url" content="https://ex.fr/og">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2025-01-29T10:00:00+01:00",'
            ' "author": {"@type": "Person", "name": "Camille Roche"}}</script>',
            "<article><h1>Titre H1</h1>" + BODY_HTML + "</article>",
            "Titre OG", "Camille Roche", "2025-01-29", "https://ex.fr/og",
            id="og:title and JSON-LD",
        ),
        pytest.param(
            "<title>Titre de page | Le Site</title>",
            "<article><h1>Titre H1</h1><p class='byline'>Par Nadia Benali · 3 décembre 2025</p>" + BODY_HTML + "</article>",
            "Titre H1", "Nadia Benali", "2025-12-03", None,
            id="byline in the body",
        ),
        pytest.param(
            "<title>Titre de page | Le Site</title>",
            "<article><p>Publié le <time datetime='2024-04-02T08:00:00+02:00'>2 avril</time></p>" + BODY_HTML + "</article>",
            "Titre de page", None, "2024-04-02", None,
            id="time element, title without site name",
        ),
    ],
)
def test_page_metadata(tmp_path, head, body, title, author, published, url):
    article = _read(tmp_path, f"<html><head>{head}</head><body>{body}</body></html>")
    assert (article.title, article.author, article.published, article.url) == (title, author, published, url)
    assert article.status == "ok"


@pytest.mark.parametrize(
    "boilerplate",
    ["Mobiles", "SUV Orvane", "Pixel 8a", "À lire aussi", "1,2 million de lecteurs", "Partager", "script",
     "color:red", "commentaire"],
)
def test_boilerplate_removed(tmp_path, boilerplate):
    assert boilerplate not in _read(tmp_path, PAGE).text


def test_page_without_article_element_uses_trafilatura(tmp_path):
    page = (
        "<html><head><title>Un titre de page</title></head><body>"
        "<nav><a href='/'>Accueil</a> <a href='/ia'>Rubrique IA</a></nav>"
        "<div class='content'>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
        "<footer>Mentions légales du site</footer></body></html>"
    )
    article = _read(tmp_path, page)
    assert article.status == "ok", article.reason
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert "Mentions légales" not in article.text
    assert "Rubrique IA" not in article.text
    assert article.title == "Un titre de page"


@pytest.mark.parametrize(
    "teaser_parent",
    [
        pytest.param("<div class='sidebar-list'>", id="teaser in a sidebar"),
        pytest.param("<div>", id="teaser in an unlabelled block"),
    ],
)
def test_short_teaser_article_is_not_taken_for_the_body(tmp_path, teaser_parent):
    page = (
        "<html><head><title>Vrai titre - Site</title></head><body>"
        "<div id='content'><h1>Vrai titre</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
        + teaser_parent + "<article><h3>Teaser</h3><p>Un autre article.</p></article></div></body></html>"
    )
    article = _read(tmp_path, page)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
    assert article.title == "Vrai titre"


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("<html><head><title>Vide</title></head><body><nav><a href='/'>Accueil</a></nav></body></html>", "no article body"),
        ("<html><body><footer>© 2024</footer></body></html>", "no article body"),
        ("<!-- rien -->", "no article body"),
    ],
)
def test_no_article_body(tmp_path, page, reason):
    article = _read(tmp_path, page)
    assert (article.status, article.reason) == ("skipped", reason)


def test_declared_charset_and_entities(tmp_path):
    page = (
        "<html><head><meta charset='windows-1252'><title>T</title></head><body><article>"
        "<h1>L\x92IA &laquo;&nbsp;ouverte&nbsp;&raquo;</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "<p>Co\xfbt : 5 \x80 &#8211; fin</p></article></body></html>"
    ).encode("latin-1")
    article = _read(tmp_path, page)
    assert article.encoding == "cp1252"
    assert article.title == "L’IA «\u00a0ouverte\u00a0»"
    assert "Coût : 5 € – fin" in article.text


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Llama 3.1 : Meta ouvre un modèle | L'Octet", None, "Llama 3.1 : Meta ouvre un modèle"),
        ("Un titre - Le Site", "Le Site", "Un titre"),
        ("GPT-4o - le test complet", None, "GPT-4o - le test complet"),
        ("Un titre — Le Monde", None, "Un titre"),
        ("Court | Un nom de site beaucoup trop long pour en être un vraiment", None,
         "Court | Un nom de site beaucoup trop long pour en être un vraiment"),
        ("Sans séparateur", None, "Sans séparateur"),
    ],
)
def test_strip_site_name(title, site, expected):
    assert strip_site_name(title, site=site) == expected


@pytest.mark.parametrize(
    ("html", "boilerplate"),
    [
        ("<nav>x</nav>", True),
        ("<aside>x</aside>", True),
        ("<div class='ad ad-banner'>x</div>", True),
        ("<div class='pub'>x</div>", True),
        ("<div id='related-posts'>x</div>", True),
        ("<div role='navigation'>x</div>", True),
        ("<div hidden>x</div>", True),
        ("<div style='display: none'>x</div>", True),
        ("<div class='sidebar-list'>x</div>", True),
        ("<div class='sponsored'>x</div>", True),
        ("<div class='article-body'>x</div>", False),
        ("<div class='shared'>x</div>", False),
        ("<div class='header-title'>x</div>", False),
        ("<p class='chapo'>x</p>", False),
        ("<div class='address'>x</div>", False),
    ],
)
def test_is_boilerplate(html, boilerplate):
    tree = parse_tree(f"<html><body>{html}</body></html>")
    element = tree.body[0]
    assert is_boilerplate(element) is boilerplate


@pytest.mark.parametrize(
    ("html", "blocks"),
    [
        ("<div>a <b>b</b> c</div>", ["a b c"]),
        ("<div>avant<p>para</p>après</div>", ["avant", "para", "après"]),
        ("<blockquote><p>cité</p></blockquote>", ["cité"]),
        ("<p>  espaces \n multiples\t</p>", ["espaces multiples"]),
        ("<ol><li>un</li><li><p>deux</p></li></ol>", ["- un\n- deux"]),
        ("<table><tr><td>a|b</td><td>c</td></tr></table>", ["| a/b | c |"]),
    ],
)
def test_element_blocks(html, blocks):
    tree = parse_tree(f"<html><body>{html}</body></html>")
    assert element_blocks(tree.body) == blocks


@pytest.mark.parametrize(
    ("blocks", "text", "share", "covered"),
    [
        (["abc", "def"], "abc\n\ndef", 0.9, True),
        (["abc", "def"], "abc", 0.9, False),
        (["abc", "def"], "abc", 0.5, True),
        (["def\nabc"], "ABC  d e f", 1.0, True),  # out of order, spaces and case aside
        (["abc", "xyz"], "abcdef", 0.5, True),  # a line inside a longer one counts
        ([], "abc", 0.9, True),
        (["", "  "], "abc", 0.9, True),  # no characters to cover
    ],
)
def test_covers(blocks, text, share, covered):
    assert covers(blocks, text, share=share) is covered


def _plain_coverage(blocks, text):
    """The definition: each line's characters (spaces aside, any case) count when the line is in the text."""
    def squash(x):
        return "".join(x.split()).lower()
    hay = squash(text)
    needles = [squash(line) for block in blocks for line in block.split("\n")]
    total = sum(map(len, needles))
    return sum(len(n) for n in needles if n in hay) / total if total else 1.0


@settings(max_examples=300, deadline=None)
@given(blocks=st.lists(st.text(alphabet="ab \nAB", max_size=8), max_size=8), text=st.text(alphabet="ab \nAB", max_size=30),
       share=st.sampled_from([0.5, 0.9, 1.0]))
def test_covers_answers_as_the_definition(blocks, text, share):
    from unittest.mock import patch

    from pipeline.ingest.formats import html

    with patch.object(html, "SEARCH_BUDGET", 10**9):  # (the budget aside: it only ever answers no)
        assert covers(blocks, text, share=share) is (_plain_coverage(blocks, text) >= share)


def test_lines_out_of_order_past_the_budget_are_not_covered():
    """Lines found, but each only by a reading of the whole text, past ``SEARCH_BUDGET`` readings:
    no (the general extractor's text is kept), where in order they are covered."""
    from pipeline.ingest.formats.html import SEARCH_BUDGET

    lines = [f"ligne{i:03d}" for i in range(4 * SEARCH_BUDGET)]
    text = "\n".join(lines)
    assert covers(["\n".join(lines)], text, share=0.9)
    assert not covers(["\n".join(reversed(lines))], text, share=0.9)


def test_corpus_page(corpus_dir):
    (article,) = read_file(corpus_dir / "03-llama31-mistral-large2.html", source="03-llama31-mistral-large2.html")
    assert article.title == "Llama 3.1 : Meta ouvre un modèle de 405 milliards de paramètres, Mistral riposte avec Large 2"
    for kept in [
        "Llama 3.1 : Meta ouvre un modèle de 405 milliards de paramètres, Mistral riposte avec Large 2\n\n",
        "Par Julien Marchetti · 25 juillet 2024",
        "Deux annonces en vingt-quatre heures.",
        "Large 2 joue la carte de la sobriété",
        "se contentait de 32 000 jetons de contexte.",
    ]:
        assert kept in article.text
    for dropped in ["SUV Orvane", "Gemma 2 : Google dévoile", "Pixel 8a", "1,2 million de lecteurs", "Newsletter", "L'Octet"]:
        assert dropped not in article.text


def test_a_tag_name_lxml_keeps_but_refuses_to_set_does_not_lose_the_page():
    """« <A</body> » parses as a tag « a< »; renaming trafilatura's tags set it again, which lxml
    refuses (ValueError): the whole file was an internal error (found by tests/properties)."""
    from pipeline.ingest.formats.html import read

    records = read("<html><body><code>Mistral Small 3 compte 24 milliards de paramètres.<A</body></html>")
    assert [(r.status, r.document.text) for r in records] == [("ok", "Mistral Small 3 compte 24 milliards de paramètres.")]


@pytest.mark.parametrize(("inner", "crowded"), [
    ("".join(f"<span>Qwen {i}</span> " for i in range(501)), True),  # a paragraph of highlighted words
    ("".join(f"<a href='#'>lien {i}</a> " for i in range(501)), True),
    ("".join(f"<span>Qwen {i}</span> " for i in range(500)), False),
    ("".join(f"<li>Qwen {i}</li>" for i in range(2000)), False),  # a long list is no paragraph
], ids=["spans", "links", "under the bound", "list"])
def test_a_page_crowded_with_inline_elements_is_read_by_its_own_elements(tmp_path, inner, crowded):
    """More than ``MAX_INLINE_CHILDREN`` inline elements in one element: the page is read without
    trafilatura (whose cost grows with the square of their number), and nothing is lost."""
    from pipeline.ingest.formats.html import _crowded

    tag = "ul" if inner.startswith("<li>") else "p"
    html = f"<html><body><h1>Un titre</h1><p>Début.</p><{tag}>{inner}</{tag}><p>Fin de l'article.</p></body></html>"
    assert _crowded(parse_tree(html)) is crowded
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    (article,) = read_file(page, source="page.html")
    assert article.status == "ok" and "Début." in article.text and "Fin de l'article." in article.text
    assert ("Qwen 499" in article.text or "lien 499" in article.text)


@pytest.mark.parametrize("opening, kept", [
    ("<span>", True), ("<font color='red'>", True), ("<b>", True), ("<a href='/x'>", True),
    ("<div>", False),  # (a block: its text cannot be joined, the page is an error of its own)
])
def test_a_page_that_leaves_hundreds_of_tags_open_is_read_to_its_end_or_says_why_not(tmp_path, opening, kept):
    """libxml2 stops where a page nests 255 elements deep and drops all that follows: such a page
    is read again without its inline tags; one still too deep is an error, never cut short in silence."""
    words = "".join(f"{opening}mot {i} " for i in range(400))
    page = f"<html><body><article><h1>Titre</h1><p>{PARAGRAPHS[0]}</p>{words}<p>{PARAGRAPHS[1]}</p></article></body></html>"
    article = _read(tmp_path, page)
    if kept:
        assert article.status == "ok", article.reason
        assert PARAGRAPHS[0] in article.text and PARAGRAPHS[1] in article.text and "mot 399" in article.text
    else:
        assert (article.status, article.reason) == \
            ("error", "HTML nested deeper than the parser's limit (255 elements): the rest of the page cannot be read")
    # 200 open tags are within the limit: the page is read as it is
    shallow = _read(tmp_path, page.replace(words, "".join(f"{opening}mot {i} " for i in range(200))), name="court.html")
    assert shallow.status == "ok" and PARAGRAPHS[1] in shallow.text
