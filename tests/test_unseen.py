"""Articles the rules were not tuned on (written after the development corpus), with what a
careful reader takes from them. They guard against rules that only fit the shipped corpus."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.extract import Extractor
from pipeline.ingest import read_file

HERE = Path(__file__).parent / "fixtures" / "unseen"


@pytest.fixture(scope="module")
def extracted():
    ex = Extractor()
    out = {}
    for path in sorted(HERE.iterdir()):
        for article in read_file(path, source=path.name):
            out[article.source] = ex.process(article)
    return out


def facts(x):
    return {(f.model, f.attribute, f.value) for f in x.facts}


def claims(x):
    return {(c.subject, c.relation, c.object or c.value) for c in x.claims}


@pytest.mark.parametrize("name, fact", [
    ("a1.txt", ("GPT-4.1 mini", "context_tokens", 1000000)),  # « Tous trois disposent … »
    ("a1.txt", ("GPT-4.1 nano", "context_tokens", 1000000)),
    ("a1.txt", ("GPT-4o", "context_tokens", 128000)),  # « contre 128 000 pour GPT-4o »: no borrowed scale
    ("a1.txt", ("Claude 3.7 Sonnet", "context_tokens", 200000)),
    ("a2.txt", ("DeepSeek-R1-0528", "params_total", 671000000000)),
    ("a2.txt", ("DeepSeek-R1-0528", "params_active", 37000000000)),
    ("a2.txt", ("DeepSeek-R1-0528", "training_tokens", 14800000000000)),  # « son modèle »
    ("a3.md", ("Magistral Small", "params_total", 24000000000)),
    ("a3.md", ("Magistral Medium", "context_tokens", 128000)),
    ("a3.md", ("Devstral", "params_total", 24000000000)),  # « **Devstral :** un modèle de 24 milliards »
    ("a4.txt", ("Llama 5", "params_total", 4000000000000)),
    ("a4.txt", ("Llama 5 405B", "params_total", 405000000000)),
    ("b1.txt", ("Claude Sonnet 4", "context_tokens", 200000)),  # « de 200 000 tokens, étendue à un million »: no range
    ("b1.txt", ("Claude Sonnet 4", "context_tokens", 1000000)),
    ("b1.txt", ("Kimi K2 Thinking", "params_total", 1000000000000)),  # « Avec ses 1 000 milliards …, Kimi K2 »
    ("b1.txt", ("Qwen3-Coder-480B-A35B-Instruct", "params_active", 35000000000)),
    ("b1.txt", ("Qwen3-Coder-480B-A35B-Instruct", "training_tokens", 7500000000000)),
    ("b1.txt", ("Phi-4-mini-reasoning", "params_total", 3800000000)),
    ("b2.html", ("Mistral Medium 3", "context_tokens", 128000)),
    ("c1.txt", ("Llama 3.3 70B", "context_tokens", 128000)),  # « Le modèle de Meta » = the Meta model in focus
    ("c1.txt", ("Llama 3.3 70B", "training_tokens", 15000000000000)),
    ("c1.txt", ("Phi-4-multimodal", "params_total", 5600000000)),
    ("c1.txt", ("Mistral Small 3.1", "experts", 8)),
    ("d1.jsonl#1", ("Qwen 2.5 Max", "training_tokens", 20000000000000)),
    ("d1.jsonl#2", ("Grok 3", "context_tokens", 1000000)),
    ("d2.md", ("Gemma 2 9B", "params_total", 9000000000)),  # « le second 9 milliards »
    ("d2.md", ("Ministral 8B", "params_total", 8000000000)),
    ("d2.md", ("Gemma 2 9B", "context_tokens", 8192)),
    ("f1.md", ("Llama 3.3 70B", "params_total", 70000000000)),  # « Paramètres (milliards) | 70 »
    ("f1.md", ("Qwen2.5-72B", "params_total", 72700000000)),
    ("f1.md", ("Qwen2.5-72B", "context_tokens", 131072)),
    ("f1.md", ("Gemma 2 27B", "training_tokens", 13000000000000)),  # « **Gemma 2 27B** : … » bullet
    ("g1.txt", ("o3", "context_tokens", 200000)),  # « Leur fenêtre … » = o3 and o4-mini, listed before
    ("g1.txt", ("o4-mini", "context_tokens", 200000)),
])
def test_expected_facts(extracted, name, fact):
    assert fact in facts(extracted[name])


@pytest.mark.parametrize("name, fact", [
    ("g1.txt", ("o3", "context_tokens", 100000)),  # « jusqu'à 100 000 tokens en sortie »: output length
    ("c1.txt", ("Llama 3.1 405B", "training_tokens", 15000000000000)),
    ("c1.txt", ("Llama 3.3 70B", "training_tokens", 128000)),  # the context, not the training data
    ("a1.txt", ("GPT-4o", "context_tokens", 128000000000)),
    ("a4.txt", ("Llama 5", "params_total", 3000000000)),  # phones' « modèles plus petits »: unnamed
])
def test_traps_are_not_facts(extracted, name, fact):
    assert fact not in facts(extracted[name])


@pytest.mark.parametrize("name, claim", [
    ("a1.txt", ("GPT-4.1", "scores", 54.6)),
    ("a1.txt", ("GPT-4.1", "outperforms", "GPT-4.5")),
    ("a2.txt", ("DeepSeek-R1-0528", "rivals", "Gemini 2.5 Pro")),  # « se rapproche d'o3 et de … »
    ("a2.txt", ("DeepSeek-R1-0528", "scores", 87.5)),
    ("a2.txt", ("DeepSeek-R1-0528-Qwen3-8B", "outperforms", "Qwen3-235B")),
    ("a3.md", ("Magistral Small", "scores", 70.7)),  # benchmark in the column header
    ("a3.md", ("Devstral", "outperforms", "Qwen3-30B-A3B")),
    ("b1.txt", ("Gemini 2.5 Pro", "ranks", 1.0)),  # « reste numéro un »
    ("b1.txt", ("Gemini 2.5 Pro", "ranks_above", "Claude Opus 4.1")),  # « devant » in a ranking
    ("b1.txt", ("Qwen3-Coder-480B-A35B-Instruct", "rivals", "Claude Sonnet 4")),  # « le présente comme l'égal de »
    ("b2.html", ("Mistral Medium 3", "outperforms", "Llama 4 Maverick")),
    ("b2.html", ("Mistral Medium 3", "scores", 77.2)),
    ("c1.txt", ("GPT-4o", "outperforms", "Phi-4-multimodal")),  # passive: « est devancé par GPT-4o »
    ("c1.txt", ("Qwen2.5-32B", "outperforms", "Gemma 3 12B")),  # « est battu par »
    ("c1.txt", ("Phi-4-multimodal", "outperforms", "Gemini 2.0 Flash")),  # « fait mieux que »
    ("c1.txt", ("Mistral Small 3.1", "scores", 1270.0)),
    ("d1.jsonl#1", ("Qwen 2.5 Max", "scores", 89.4)),  # « respectivement 89,4 et 85,5 sur Arena-Hard »
    ("d1.jsonl#1", ("DeepSeek V3", "scores", 85.5)),
    ("d1.jsonl#2", ("Grok 3", "ranks", 1.0)),
    ("d1.jsonl#2", ("Grok 3", "ranks_above", "Gemini 2.0 Flash Thinking")),
    ("d2.md", ("Gemma 2 9B", "scores", 70.7)),  # models across the table header
    ("g1.txt", ("o1", "scores", 48.9)),
    ("g1.txt", ("o4-mini", "scores", 92.7)),
    ("g1.txt", ("o4-mini", "ranks", 1.0)),  # « le meilleur modèle sur ce test »
])
def test_expected_claims(extracted, name, claim):
    assert claim in claims(extracted[name])


@pytest.mark.parametrize("name, claim", [
    ("a1.txt", ("GPT-4.1", "scores", 21.4)),  # « 21,4 points de plus »: a difference
    ("a2.txt", ("DeepSeek-R1-0528", "scores", 70.0)),  # « pour la version précédente »
    ("a2.txt", ("o3", "scores", 87.5)),
])
def test_traps_are_not_claims(extracted, name, claim):
    assert claim not in claims(extracted[name])


def test_related_links_inside_the_body_are_not_the_article():
    from pipeline.records import Article

    text = ("Mistral Large 3 arrive\n\nMistral Large 3 compte 675 milliards de paramètres.\n\n"
            "À lire aussi : GPT-6 aurait 10 000 milliards de paramètres\n\nPublicité\n\nLe modèle surpasse DeepSeek-V3.")
    x = Extractor().process(Article("t", "t.txt", text))
    assert [m.model for m in x.models] == ["Mistral Large 3", "DeepSeek-V3"]
    assert facts(x) == {("Mistral Large 3", "params_total", 675000000000)}


def test_phone_review_names_only_the_ai_model(extracted):
    e1 = extracted["e1.txt"]  # phones, chips, a console, a car « modèle de base »: none is an AI model
    assert [m.model for m in e1.models] == ["Gemini Nano"]
    assert not e1.facts and not e1.claims


def test_licence_column_names_no_model(extracted):
    assert {m.model for m in extracted["f1.md"].models} == {
        "Llama 3.3 70B", "Qwen2.5-72B", "Mistral Small 3", "DeepSeek-V3", "Gemma 2 27B", "OLMo 2 32B", "Llama 3.1 405B"}


def test_numeric_rank():
    from pipeline.records import Article

    x = Extractor().process(Article("t", "t.txt", "Gemma 3 27B se hisse à la 9e place du classement LMArena."))
    assert claims(x) == {("Gemma 3 27B", "ranks", 9.0)}


def test_jsonl_lines_each_get_a_status(extracted):
    statuses = {k: v.article.status for k, v in extracted.items() if k.startswith("d1.jsonl")}
    assert statuses == {"d1.jsonl#1": "ok", "d1.jsonl#2": "ok", "d1.jsonl#3": "skipped",
                        "d1.jsonl#4": "error", "d1.jsonl#5": "error"}


def test_benchmark_spellings_are_canonical(extracted):
    benches = {c.benchmark for c in extracted["d1.jsonl#1"].claims}
    assert "GPQA Diamond" in benches and "GPQA-Diamond" not in benches


def test_boilerplate_and_unstated_values_give_nothing(extracted):
    b2 = extracted["b2.html"]
    assert "GPT-6" not in {m.model for m in b2.models}  # « Les plus lus » sidebar
    assert not [f for f in b2.facts if f.attribute.startswith("params")]  # « n'a pas indiqué le nombre de paramètres »


def test_hedges_and_sources(extracted):
    by = {(c.subject, c.relation, c.object): c for c in extracted["a4.txt"].claims}
    c = by[("Llama 5", "outperforms", "GPT-5")]
    assert c.hedged and c.claimed_by == "Meta"  # « devrait surpasser …, d'après Meta »
    score = next(c for c in extracted["a2.txt"].claims if c.value == 87.5)
    assert score.hedged  # « Il obtiendrait »
    rival = next(c for c in extracted["b1.txt"].claims if c.relation == "rivals")
    assert rival.claimed_by == "Alibaba"


@pytest.mark.parametrize("text, expected", [
    ("Grok 3, développé par xAI, est un modèle de langage.", {("Grok 3", "organization", "xAI")}),
    ("Le modèle Falcon 3, conçu par le Technology Innovation Institute, est ouvert.", {("Falcon 3", "organization", "TII")}),
    ("Les chiffres de GPT-4o publiés par Anthropic sont flatteurs pour ce modèle.", set()),
    ("Selon des rumeurs, Grok 3 compterait 2 700 milliards de paramètres.", {("Grok 3", "params_total", 2700000000000)}),
    # a year never borrows the unit of a value before it
    ("Le modèle Llama 2 70B compte 70 milliards de paramètres depuis 2023.", {("Llama 2 70B", "params_total", 70000000000)}),
    ("Mixtral 8x22B (141 milliards de paramètres, dont 39 actifs), Command R+ (104 milliards) et Jamba (52 milliards).",
     {("Mixtral 8x22B", "params_total", 141000000000), ("Mixtral 8x22B", "params_active", 39000000000),
      ("Command R+", "params_total", 104000000000), ("Jamba", "params_total", 52000000000)}),
    ("Llama 3 a été téléchargé 300 millions de fois et tient dans 16 Go de mémoire.", set()),
    # « Ce nouveau modèle » = the focus; « qui en compte » = the name just before; « Celui-ci » = the latter
    ("Moonshot AI a publié Kimi K2. Ce nouveau modèle chinois compte 1 000 milliards de paramètres, loin devant "
     "DeepSeek-V3 qui en compte 671 milliards. Celui-ci dispose de 128 000 jetons de contexte.",
     {("Kimi K2", "params_total", 1000000000000), ("DeepSeek-V3", "params_total", 671000000000),
      ("DeepSeek-V3", "context_tokens", 128000), ("Kimi K2", "organization", "Moonshot AI")}),
])
def test_sentences(text, expected):
    from pipeline.records import Article

    got = facts(Extractor().process(Article("t", "t.txt", text)))
    assert got == expected
