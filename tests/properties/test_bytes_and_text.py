"""Random bytes and random Unicode text, in every format, through ingest and extraction."""
from __future__ import annotations

import codecs

from hypothesis import example, given
from hypothesis import strategies as st

from .strategies import EXTENSIONS, french_mix, unicode_text
from .support import check_corpus_rows, check_extraction, check_ingested, ingest_files, ok_article, scaled

_prefixes = st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE, b"\x89PNG\r\n\x1a\n",
                             b"---\ntitle: x\n---\n", "Mistral Small 3 a 24 milliards de paramètres. ".encode()])


@scaled(1.5)
@given(ext=st.sampled_from(EXTENSIONS), prefix=_prefixes, data=st.binary(max_size=3000))
@example(ext=".jsonl", prefix=b"", data=b"\n\n\x00\n")
@example(ext=".html", prefix=codecs.BOM_UTF16_LE, data=b"\xff")
def test_random_bytes_give_one_row_per_file_or_line(ext, prefix, data):
    name = "page" + ext
    articles = ingest_files({name: prefix + data})
    check_corpus_rows(articles, {name: None})
    check_ingested(articles)


@scaled(1.5)
@given(ext=st.sampled_from(EXTENSIONS), text=st.one_of(unicode_text, french_mix()),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_random_text_in_every_format_gives_its_rows(ext, text, encoding):
    name = "page" + ext
    articles = ingest_files({name: text.encode(encoding, errors="replace")})
    check_corpus_rows(articles, {name: None})
    check_ingested(articles)


@scaled(3)
@given(text=st.one_of(french_mix(), french_mix(40), unicode_text))
@example(text="")
@example(text="Mistral 7B" + " 7B," * 700)
@example(text="Llama 3 " + "(" * 300 + "8 milliards de paramètres" + ")" * 300)
def test_random_text_extracts_with_quotes_at_their_offsets(text):
    check_extraction(ok_article(text))
