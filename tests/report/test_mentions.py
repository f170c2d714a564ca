"""Where report.html highlights an article's model names (pipeline.report.data._mentions)."""
from __future__ import annotations

import pytest

from pipeline.report.data import _mentions


@pytest.mark.parametrize("text, names, expected", [
    ("Llama 3 et GPT-4o", {"Llama 3", "GPT-4o"}, [("Llama 3", "Llama 3"), ("GPT-4o", "GPT-4o")]),
    ("gpt-4O arrive", {"GPT-4o"}, [("gpt-4O", "GPT-4o")]),  # any case
    ("Llama 3.1 405B", {"Llama 3.1", "Llama 3.1 405B"}, [("Llama 3.1 405B", "Llama 3.1 405B")]),  # the longer
    ("Llama 30 et xLlama 3", {"Llama 3"}, []),  # not inside a longer word or number
    ("DeepSeek-V3", {"DeepSeek-V3", "Deepseek-V3"}, [("DeepSeek-V3", "DeepSeek-V3")]),  # one name per place
    ("Qwen 1.1, Qwen 1.10", {"Qwen 1.1", "Qwen 1.10"}, [("Qwen 1.1", "Qwen 1.1"), ("Qwen 1.10", "Qwen 1.10")]),
    ("İstanbul o1", {"o1"}, [("o1", "o1")]),  # a letter whose lower case is longer: compared as written
    ("rien ici", {"", " "}, []),
])
def test_mentions(text, names, expected):
    assert [(text[a:b], name) for a, b, name in _mentions(text, names)] == expected


def test_a_page_of_thousands_of_names_is_read_once():
    names = {f"Qwen {i % 90 + 1}.{i // 90}" for i in range(5_000)}
    text = " | ".join(sorted(names))
    found = _mentions(text, names)
    assert len(found) == len(names) and {n for _, _, n in found} == names
