"""The shipped corpus end to end: statuses, languages, encodings, dates, authors, HTML body."""
from __future__ import annotations

import time

import pytest

from pipeline.ingest import read_corpus

EXPECTED = {
    # source: (status, language, encoding, format, published, author)
    "01-mixtral-8x7b-depeche.txt": ("ok", "fr", "utf-8", "txt", "2023-12-11", None),
    "02-deepseek-v3-r1-blog.md": ("ok", "fr", "utf-8", "md", "2025-01-29", "Camille Roche"),
    "03-llama31-mistral-large2.html": ("ok", "fr", "utf-8", "html", "2024-07-25", "Julien Marchetti"),
    "04-claude35-sonnet-frontmatter.txt": ("ok", "fr", "utf-8", "txt", "2024-06-21", "Léa Fontaine"),
    "05-qwen3-alibaba.cp1252.txt": ("ok", "fr", "cp1252", "txt", "2025-04-30", "Hugo Lemaire"),
    "06-mistral-large3-mojibake.txt": ("ok", "fr", "utf-8+mojibake-repaired", "txt", "2025-12-03", "Nadia Benali"),
    "07-gemini-contexte-elo-depeche.txt": ("ok", "fr", "utf-8", "txt", "2025-05-21", "Thomas Girard"),
    "08-geants-ouverts-bloom-falcon-grok.md": ("ok", "fr", "utf-8", "md", "2024-04-02", "Élodie Marchand"),
    "09-phi4-phi3-microsoft.txt": ("ok", "fr", "utf-8", "txt", "2024-12-13", "Karim Haddad"),
    "10-kimi-k2-gpt5-analyse.md": ("ok", "fr", "utf-8", "md", "2025-08-12", "Lucas Meunier"),
    "11-mistral-small3-gemma3.txt": ("ok", "fr", "utf-8", "txt", "2025-03-14", "Inès Carpentier"),
    "12-avril-2024-jamba-commandr-mixtral-llama3.txt": ("ok", "fr", "utf-8", "txt", "2024-04-22", "Marc Olivier"),
    "13-fairphone5-smartphone.txt": ("ok", "fr", "utf-8", "txt", "2023-08-30", "Sophie Laurent"),
    "14-gpt4o-mini-english.txt": ("skipped", "en", "utf-8", "txt", "2024-07-19", "Daniel Brooks"),
    "meta-llama4.txt": ("ok", "fr", "utf-8", "txt", None, "Eldad B."),
}


@pytest.fixture(scope="module")
def articles(corpus_dir):
    return {article.source: article for article in read_corpus(corpus_dir)}


def test_every_file_in_sorted_order(corpus_dir):
    sources = [article.source for article in read_corpus(corpus_dir)]
    assert sources == sorted(EXPECTED)


@pytest.mark.parametrize("source", sorted(EXPECTED))
def test_article(articles, source):
    article = articles[source]
    status, language, encoding, fmt, published, author = EXPECTED[source]
    assert (article.status, article.language, article.encoding, article.format) == (status, language, encoding, fmt)
    assert (article.published, article.author) == (published, author)
    assert article.title and article.text
    assert len(article.article_id) == 16
    assert "\r" not in article.text and "\x00" not in article.text


def test_english_article_is_skipped_with_a_reason(articles):
    assert articles["14-gpt4o-mini-english.txt"].reason == "language: en (not French)"


def test_html_body_without_boilerplate(articles):
    text = articles["03-llama31-mistral-large2.html"].text
    assert text.startswith("Llama 3.1 : Meta ouvre un modèle de 405 milliards de paramètres, Mistral riposte avec Large 2\n\n")
    assert "Par Julien Marchetti · 25 juillet 2024" in text
    assert "Deux annonces en vingt-quatre heures." in text
    assert "\n\nLarge 2 joue la carte de la sobriété\n\n" in text
    assert text.endswith("se contentait de 32 000 jetons de contexte.")
    for boilerplate in ["SUV Orvane", "Gemma 2 : Google dévoile", "Pixel 8a", "1,2 million de lecteurs", "Bons plans"]:
        assert boilerplate not in text


def test_front_matter_removed_and_typography_kept(articles):
    assert articles["04-claude35-sonnet-frontmatter.txt"].text.startswith("Claude 3.5 Sonnet : chez Anthropic")
    assert articles["04-claude35-sonnet-frontmatter.txt"].url.startswith("https://www.lignes-de-code.example/")
    assert "3\u00a0000 GPU H200" in articles["06-mistral-large3-mojibake.txt"].text
    assert "1\u202f448" in articles["07-gemini-contexte-elo-depeche.txt"].text
    assert articles["06-mistral-large3-mojibake.txt"].title == (
        "Mistral Large 3 : la start-up française revient au mélange d’experts, version XXL"
    )


def test_article_ids_are_stable_and_distinct(corpus_dir, articles):
    again = {article.source: article.article_id for article in read_corpus(corpus_dir)}
    assert again == {source: article.article_id for source, article in articles.items()}
    assert len(set(again.values())) == len(again)


def test_fast_once_warm(corpus_dir, articles):
    start = time.perf_counter()
    list(read_corpus(corpus_dir))
    assert time.perf_counter() - start < 1.0
