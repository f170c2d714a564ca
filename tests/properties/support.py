"""What every property test shares: the checks (one per property of the issue) and the ways in.

* :func:`ingest_files` writes files into a fresh corpus folder and reads it with the ingest API;
  :func:`check_file_rows` says each file gave exactly its rows, each with a status and a reason.
* :func:`check_extraction` extracts an article with the default extractor, twice, through
  ``pipeline.batch.extract_one``, and checks every row against the text.
* :func:`scaled` gives a test ``weight`` times the profile's number of examples (tests/conftest.py),
  so that ``HYPOTHESIS_PROFILE=thorough`` scales every test.

An article that ingest or extraction could only report as an internal failure (« internal error:
... », « extraction failed: ... ») fails the property: it is an exception that the batch caught,
not an answer.
"""
from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping, Optional, Sequence

from hypothesis import settings

from pipeline.batch import default_extractor, extract_one, max_rows
from pipeline.ingest import read_corpus
from pipeline.records import Article, Extraction
from pipeline.recognize.segments import MAX_SENTENCE_CHARS

STATUSES = {"ok", "skipped", "error"}
INTERNAL = ("internal error", "extraction failed")

# Sentences of the kind the rules are written for: models, sizes, contexts, makers, comparisons,
# scores, lists paired with « respectivement », tables, anaphors. Random inputs are built around
# them so that the extraction rules do run (random text alone names no model).
FRENCH = (
    "Mistral AI a présenté mardi Mistral Small 3, un modèle de 24 milliards de paramètres.",
    "Selon l'entreprise, il surpasse GPT-4o mini sur la plupart des tests.",
    "DeepSeek-V3 compte 671 milliards de paramètres, dont 37 milliards actifs par token.",
    "Llama 3.1 405B, Llama 3.1 70B et Llama 3.1 8B ont respectivement 405, 70 et 8 milliards de paramètres.",
    "Sa fenêtre de contexte atteint 128 000 tokens.",
    "Le modèle a été entraîné sur 15 000 milliards de tokens.",
    "Mixtral 8x7B, développé par Mistral AI, utilise 8 experts.",
    "Claude 3.5 Sonnet obtient un score de 88,7 % sur MMLU.",
    "Qwen2.5-72B rivalise avec DeepSeek V3 selon Alibaba.",
    "Gemini 1.5 Pro d'Google DeepMind gère un contexte d'un million de tokens.",
    "Ce dernier dépasse Llama 3 70B sur HumanEval (81,7 contre 80,5).",
    "Le score ELO de 1417 sur LMArena place Grok 3 en tête.",
    "« Notre modèle égale ou dépasse GPT-3.5 », affirme OpenAI.",
    "Falcon 180B, publié par le TII, comporte 180 milliards de paramètres.",
    "Phi-3-mini, avec ses 3,8 milliards de paramètres, tient sur un téléphone.",
    "Les modèles Qwen 0, Qwen 1 et Qwen 2 comptent respectivement 1, 2 et 3 milliards de paramètres.",
    "| Modèle | Paramètres | Contexte |\n|---|---|---|\n| Mistral Large 2 | 123 B | 128k |\n| Llama 3.1 405B | 405 B | 128k |",
    "- GPT-4o : 1287\n- Claude 3 Opus : 1248\n- Gemini 1.5 Pro : 1260",
    "# DeepSeek-R1 : ce qu'il faut savoir",
    "Le modèle, qui ne compte pas 70 milliards de paramètres mais entre 7 et 13 milliards, reste discret.",
    "Gemma 2 9B (9 milliards de paramètres) et Gemma 2 27B sont ouverts.",
    "Il surpasserait GPT-4 sur MATH, d'après Google.",
)


def scaled(weight: float) -> settings:
    """The loaded profile's settings with ``weight`` times its number of examples."""
    return settings(max_examples=max(1, round(settings.default.max_examples * weight)))


@contextmanager
def corpus_folder() -> Iterator[Path]:
    """A fresh empty corpus folder (hypothesis examples cannot share pytest's ``tmp_path``)."""
    with tempfile.TemporaryDirectory(prefix="props-") as root:
        corpus = Path(root) / "corpus"
        corpus.mkdir()
        yield corpus


def ingest_files(files: Mapping[str, bytes]) -> list[Article]:
    """The articles the ingest API reads from a corpus holding exactly ``files`` (name -> bytes)."""
    with corpus_folder() as corpus:
        for name, data in files.items():
            (corpus / name).write_bytes(data)
        return list(read_corpus(corpus))


def check_article(article: Article) -> None:
    """A status, and a reason whenever it is not ok; an ok article has text and a language."""
    assert article.status in STATUSES, article
    if article.status == "ok":
        assert article.text.strip() and article.language, article
    else:
        assert article.reason.strip(), article
    assert not article.reason.startswith(INTERNAL), article.reason


def check_file_rows(articles: Sequence[Article], name: str, *, lines: Optional[Sequence[int]] = None) -> None:
    """``name`` gave exactly its rows: one (``source == name``) for an article file; for a JSONL file,
    one per line listed in ``lines`` (the 1-based numbers of its non-blank lines), or, when ``lines``
    is None (random bytes), either one row for the whole file or rows of distinct increasing lines."""
    mine = [a for a in articles if a.source == name or a.source.startswith(name + "#")]
    for article in mine:
        check_article(article)
    if not name.endswith(".jsonl"):
        assert [a.source for a in mine] == [name]
    elif lines is not None:
        assert [a.source for a in mine] == [f"{name}#{n}" for n in lines] if lines else [name]
    elif [a.source for a in mine] != [name]:
        numbers = [int(a.source.rsplit("#", 1)[1]) for a in mine]
        assert numbers == sorted(set(numbers)) and numbers[0] >= 1, numbers


def check_corpus_rows(articles: Sequence[Article], files: Mapping[str, Optional[Sequence[int]]]) -> None:
    """Every article comes from one of ``files`` (name -> its JSONL lines, as in
    :func:`check_file_rows`), and each file gave exactly its rows."""
    names = set(files)
    strays = [a.source for a in articles if a.source not in names and a.source.rsplit("#", 1)[0] not in names]
    assert not strays, strays
    for name, lines in files.items():
        check_file_rows(articles, name, lines=lines)


def ok_article(text: str, source: str = "prop.txt") -> Article:
    """An article ready for extraction, whatever its language (random text is rarely French)."""
    return Article(article_id="0123456789abcdef", source=source, text=text, status="ok", language="fr")


def check_extraction(article: Article) -> Extraction:
    """Extract ``article`` twice with the default extractor and check every property of the rows."""
    extractor = default_extractor()
    first = extract_one(article, extractor)
    assert extract_one(article, extractor) == first, "extraction is not deterministic"
    status, reason = first.article.status, first.article.reason
    assert status in STATUSES and (status == "ok" or reason.strip()), first.article
    assert not reason.startswith(INTERNAL), reason
    text = article.text or ""
    rows = first.facts + first.claims + first.extra_facts
    assert len(rows) + len(first.models) <= max_rows(len(text))
    for row in rows:
        assert 0 <= row.start < row.end <= len(text), row
        assert row.quote == text[row.start:row.end], row
        assert len(row.sentence) <= MAX_SENTENCE_CHARS, (len(row.sentence), row)
        words = " ".join(row.quote.split())
        assert words in row.sentence, (words, row.sentence)
    return first


def check_ingested(articles: Sequence[Article]) -> None:
    """Every ok article read from a corpus goes through extraction with the properties above."""
    for article in articles:
        if article.status == "ok":
            check_extraction(article)
