"""The cross-article key of a model name, and the spelling a catalog shows for it.

Two names are the same model when they have the same key:

* letters are compared without case (Unicode case folding, after NFKC: « ＧＰＴ » is « gpt »);
* hyphens (any Unicode dash), spaces (any Unicode space) and underscores are separators, and a
  separator between two letters, or between a letter and a digit, is ignored:
  « DeepSeek-V3 » = « Deepseek V3 » = « DeepSeek V3 » = « DeepSeekV3 » = « deepseek_v3 »;
* a separator between two digits is kept (as one ``_``): « Qwen3-4B » is not « Qwen 34B »,
  « Llama 3 1 » is not « Llama 31 »;
* everything else counts, dots included: « Qwen2.5 » = « Qwen 2.5 », but « Llama 3.1 » is not
  « Llama 31 ».

So every word and number counts: « Mistral Large » and « Mistral Large 2 », « Llama 3.1 » and
« Llama 3.1 405B », « GPT-4o » and « GPT-4o mini » stay apart. Word order counts too (the link
stage already writes Claude's names in one order).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import Iterable

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SEPARATORS = re.compile(rf"[\s_\-{_DASHES}]+")
_DIGIT_GAP = re.compile(r"(?<=\d)\x00(?=\d)")


def model_key(name: str) -> str:
    """The key under which articles' spellings of one model are merged (see the module's rules)."""
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    text = _SEPARATORS.sub("\x00", text).strip("\x00")
    return _DIGIT_GAP.sub("_", text).replace("\x00", "")


def display_name(spellings: Iterable[tuple[str, int, int]]) -> str:
    """The spelling a catalog shows for one key, from (spelling, articles, mentions) triples: the
    spelling the most articles use; then the one with the most mentions; then the first in code
    point order (« DeepSeek-V3 » before « Deepseek-V3 »)."""
    articles: Counter = Counter()
    mentions: Counter = Counter()
    for spelling, n_articles, n_mentions in spellings:
        articles[spelling] += n_articles
        mentions[spelling] += n_mentions
    if not articles:
        raise ValueError("no spelling")
    return min(articles, key=lambda s: (-articles[s], -mentions[s], s))
