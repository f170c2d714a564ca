"""The cross-article model key: which spellings are one model, which are not."""
from __future__ import annotations

import pytest

from pipeline.catalog.keys import display_name, model_key

SAME = [
    ("DeepSeek-V3", "Deepseek V3"),
    ("DeepSeek-V3", "DeepSeek V3"),
    ("DeepSeek V3", "DeepSeekV3"),
    ("DeepSeek-V3", "deepseek_v3"),
    ("DeepSeek‑V3", "DeepSeek–V3"),  # non-breaking hyphen, en dash
    ("GPT-4o", "GPT 4o"),
    ("GPT-4o", "gpt-4o"),
    ("Qwen2.5", "Qwen 2.5"),
    ("Qwen2.5-72B", "Qwen 2.5 72B"),
    ("Phi-3-mini", "Phi 3 Mini"),
    ("Mixtral 8x7B", "Mixtral-8x7B"),
    ("Llama 3.1 405B", "Llama-3.1-405B"),
    ("Llama 3.1 405B", "Llama 3.1  405B"),
    ("Gemini 1.5 Pro", "Gemini\u00a01.5\u00a0Pro"),  # no-break spaces
    ("o1", "O1"),
]
NOT_SAME = [
    ("Mistral Large", "Mistral Large 2"),
    ("Llama 3.1", "Llama 3.1 405B"),
    ("GPT-4o", "GPT-4o mini"),
    ("Qwen3-4B", "Qwen 34B"),  # a separator between two numbers counts
    ("Llama 3 1", "Llama 31"),
    ("Llama 3.1", "Llama 31"),  # the dot counts
    ("Gemma 3 27B", "Gemma 32 7B"),
    ("Phi-3-mini-4K", "Phi-3-mini-128K"),
    ("Claude 3.5 Sonnet", "Claude Sonnet 3.5"),  # word order counts
    ("DeepSeek-V3", "DeepSeek-V2"),
    ("Mixtral 8x7B", "Mixtral 8x22B"),
]


@pytest.mark.parametrize("a, b", SAME)
def test_same_model(a, b):
    assert model_key(a) == model_key(b)


@pytest.mark.parametrize("a, b", NOT_SAME)
def test_not_the_same_model(a, b):
    assert model_key(a) != model_key(b)


@pytest.mark.parametrize("spellings, shown", [
    ([("Deepseek V3", 1, 9), ("DeepSeek-V3", 3, 1)], "DeepSeek-V3"),  # most articles
    ([("DeepSeek V3", 2, 2), ("DeepSeek-V3", 2, 5)], "DeepSeek-V3"),  # then most mentions
    ([("Deepseek-V3", 1, 1), ("DeepSeek-V3", 1, 1)], "DeepSeek-V3"),  # then code point order ('S' < 's')
    ([("DeepSeek-V3", 1, 1), ("DeepSeek-V3", 2, 0)], "DeepSeek-V3"),  # one spelling counted twice
])
def test_displayed_name(spellings, shown):
    assert display_name(spellings) == shown
    assert display_name(list(reversed(spellings))) == shown
