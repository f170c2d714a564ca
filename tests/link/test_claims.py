"""Claim linking, one French construction per case: text -> (subject, relation, object or value,
benchmark, claimed_by, hedged) rows."""
from __future__ import annotations

import pytest

from pipeline.extract import Extractor
from pipeline.records import Article


@pytest.fixture(scope="module")
def extract():
    ex = Extractor()

    def run(text):
        claims = ex.process(Article("t", "t.txt", text)).claims
        return {(c.subject, c.relation, c.object or c.value, c.benchmark, c.claimed_by, c.hedged) for c in claims}
    return run


CASES = [
    # a benchmark name with a typographic apostrophe is the lexicon's
    ("Gemini 3 Deep Think atteint 41,0 % au Humanity’s Last Exam.",
     {("Gemini 3 Deep Think", "scores", 41.0, "Humanity's Last Exam", None, False)}),
    # a leaderboard the lexicon knows
    ("Sur le classement Compar:IA, Mistral Medium 3 arrive en tête.",
     {("Mistral Medium 3", "ranks", 1.0, "Compar:IA", None, False)}),
    # … and one whose space a scraped page lost
    ("Qwen2.5-Max surpasse DeepSeek-V3 sur ChatbotArena.",
     {("Qwen2.5-Max", "outperforms", "DeepSeek-V3", "Chatbot Arena", None, False)}),
    ("Selon Meta, Llama 4 Maverick surpasse GPT-4o et Gemini 2.0 Flash.",
     {("Llama 4 Maverick", "outperforms", "GPT-4o", None, "Meta", False),
      ("Llama 4 Maverick", "outperforms", "Gemini 2.0 Flash", None, "Meta", False)}),
    ("Qwen3-4B ferait jeu égal avec Qwen2.5-72B-Instruct.",
     {("Qwen3-4B", "rivals", "Qwen2.5-72B-Instruct", None, None, True)}),
    ("Phi-4 obtient 80,4 % sur MATH, contre 74,6 % pour GPT-4o.",
     {("Phi-4", "scores", 80.4, "MATH", None, False), ("GPT-4o", "scores", 74.6, "MATH", None, False),
      ("Phi-4", "outperforms", "GPT-4o", "MATH", None, False)}),
    ("Sur LMArena, Gemma 3 27B obtient un score Elo de 1 338.",
     {("Gemma 3 27B", "scores", 1338.0, "LMArena", None, False)}),
    ("Moonshot affirme que Kimi K2 devance GPT-4.1 sur LiveCodeBench.",
     {("Kimi K2", "outperforms", "GPT-4.1", "LiveCodeBench", "Moonshot AI", False)}),
    ("D'après les tests internes de Microsoft, Phi-4 se classe derrière GPT-4o sur MMLU.",
     {("Phi-4", "ranks_below", "GPT-4o", "MMLU", "Microsoft", False)}),
    ("Mistral Large 3 occupe la deuxième place du classement LMArena.",
     {("Mistral Large 3", "ranks", 2.0, "LMArena", None, False)}),
    ("Phi-4-multimodal est devancé par GPT-4o sur MMMU.",
     {("GPT-4o", "outperforms", "Phi-4-multimodal", "MMMU", None, False)}),
    # a leader speaks for the company
    ("Selon Sam Altman, GPT-5 surpasse o3 sur SWE-bench Verified.",
     {("GPT-5", "outperforms", "o3", "SWE-bench Verified", "OpenAI", False)}),
    # an organisation whose name starts in lower case claims for itself (not the paragraph's source)
    ("Selon Google, Gemini 2.5 Pro devance o3 sur LMArena. xAI affirme que Grok 3 surpasse o3 sur AIME.",
     {("Gemini 2.5 Pro", "outperforms", "o3", "LMArena", "Google", False),
      ("Grok 3", "outperforms", "o3", "AIME", "xAI", False)}),
    ("Selon Google, Gemini 2.5 Pro devance o3 sur LMArena. En février, xAI avait revendiqué 1 402 points pour Grok 3 sur LMArena.",
     {("Gemini 2.5 Pro", "outperforms", "o3", "LMArena", "Google", False),
      ("Grok 3", "scores", 1402.0, "LMArena", "xAI", False)}),
    # a run of capitalised names with no verb after it claims nothing (the claimer's name is at most
    # six capitalised words: the run was read again from each of its words to its end)
    (" ".join(["OpenAI", "Meta", "Google", "Anthropic"] * 100) + ". Selon Anthropic, Claude 3 surpasse GPT-4.",
     {("Claude 3", "outperforms", "GPT-4", None, "Anthropic", False)}),
    ("Advanced Technology Research Council affirme que Falcon 3 surpasse Llama 3.",
     {("Falcon 3", "outperforms", "Llama 3", None, "Advanced Technology Research Council", False)}),
    # a leak has no vendor behind it
    ("Meta affirme que Llama 3.1 405B rivalise avec GPT-4o. Des résultats ayant fuité laissaient entendre que le 405B devançait GPT-4o.",
     {("Llama 3.1 405B", "rivals", "GPT-4o", None, "Meta", False), ("Llama 3.1 405B", "outperforms", "GPT-4o", None, None, True)}),
    # a score in parentheses after a model is that model's
    ("Sur LMArena, Gemini 2.5 Pro mène avec 1 460 points, devant GPT-4.5 (1 398).",
     {("Gemini 2.5 Pro", "scores", 1460.0, "LMArena", None, False),
      ("Gemini 2.5 Pro", "ranks_above", "GPT-4.5", "LMArena", None, False),
      ("GPT-4.5", "scores", 1398.0, "LMArena", None, False)}),
    # a comparison that follows from a score (« ce qui le place … ») is on the score's benchmark; not one after it
    ("Mistral Small 3 obtient 8,35 sur MT-Bench, ce qui le place au niveau de GPT-4o mini.",
     {("Mistral Small 3", "scores", 8.35, "MT-Bench", None, False),
      ("Mistral Small 3", "rivals", "GPT-4o mini", "MT-Bench", None, False)}),
    ("Mistral Small 3 obtient 8,35 sur MT-Bench. Il rivalise avec GPT-4o mini, ce qui surprend.",
     {("Mistral Small 3", "scores", 8.35, "MT-Bench", None, False),
      ("Mistral Small 3", "rivals", "GPT-4o mini", None, None, False)}),
    # … and the list of objects goes on after it
    ("Grok 3 a pris la tête du classement LMArena avec 1 402 points, devant Gemini 2.0 (1 380) et GPT-4o (1 377).",
     {("Grok 3", "scores", 1402.0, "LMArena", None, False), ("Gemini 2.0", "scores", 1380.0, "LMArena", None, False),
      ("GPT-4o", "scores", 1377.0, "LMArena", None, False), ("Grok 3", "ranks_above", "Gemini 2.0", "LMArena", None, False),
      ("Grok 3", "ranks_above", "GPT-4o", "LMArena", None, False), ("Grok 3", "ranks", 1.0, "LMArena", None, False)}),
    # a comparison set beside a score is on the score's benchmark
    ("Selon Mistral AI, Codestral obtient 81 % sur HumanEval, au niveau de GPT-4o.",
     {("Codestral", "scores", 81.0, "HumanEval", "Mistral AI", False),
      ("Codestral", "rivals", "GPT-4o", "HumanEval", "Mistral AI", False)}),
    # a benchmark named as the exception is not what the comparison was measured on
    ("Selon Mistral AI, Mistral Small 3 devance Gemma 2 27B, sauf sur HumanEval.",
     {("Mistral Small 3", "outperforms", "Gemma 2 27B", None, "Mistral AI", False)}),
    ("Phi-4 surpasse GPT-4o sur GPQA et MATH, hormis sur MMLU.",
     {("Phi-4", "outperforms", "GPT-4o", "GPQA", None, False), ("Phi-4", "outperforms", "GPT-4o", "MATH", None, False)}),
    ("Qwen3-32B se classe derrière DeepSeek-R1, excepté sur LiveCodeBench.",
     {("Qwen3-32B", "ranks_below", "DeepSeek-R1", None, None, False)}),
    # « y » refers to the unnamed test the previous sentence describes; with no words for it, a placeholder
    ("Microsoft a publié Phi-4. Le groupe l'a soumis à un test interne d'arithmétique « mentale », où le modèle "
     "calcule sans outil. Il y résout 71 % des problèmes.",
     {("Phi-4", "scores", 71.0, "test interne d'arithmétique mentale", "Microsoft", False)}),
    ("Phi-4 est sorti. Il a passé le test. Il y résout 40 % des problèmes.",
     {("Phi-4", "scores", 40.0, "évaluation (non nommée)", None, False)}),
    # sizes compared (the object's parameters right after it), not performance; with a benchmark, performance
    ("Avec ses 176 milliards de paramètres, BLOOM dépassait à peine GPT-3 et ses 175 000 millions de paramètres.", set()),
    ("Falcon 180B dépasse Llama 2 70B et ses soixante-dix milliards de paramètres.", set()),
    ("Mistral Small 3 surpasse Llama 3.3 70B et ses 70 milliards de paramètres sur MMLU.",
     {("Mistral Small 3", "outperforms", "Llama 3.3 70B", "MMLU", None, False)}),
    ("Avec seulement 17 milliards de paramètres actifs, Llama 4 Maverick surpasse GPT-4o.",
     {("Llama 4 Maverick", "outperforms", "GPT-4o", None, None, False)}),
    # not claims: a percentage without a benchmark, a ratio, a company compared
    ("Phi-4 a été entraîné avec 40 % de données synthétiques.", set()),
    ("Jamba revendique un débit trois fois supérieur à celui de Mixtral 8x7B.", set()),
    ("OpenAI surpasse Google en chiffre d'affaires.", set()),
    # a product or a company is the subject: not the model in focus
    ("Google a lancé Gemini 2.5 Pro. ChatGPT devance Gemini en nombre d'utilisateurs.", set()),
    ("Llama 4 est sorti. OpenAI surpasse Meta, et Le Chat rivalise avec Gemini.", set()),
    # … but a company that claims, or « le » for the model, keeps it
    ("Claude 3.5 Sonnet est sorti. Anthropic affirme également devancer GPT-4o.",
     {("Claude 3.5 Sonnet", "outperforms", "GPT-4o", None, "Anthropic", False)}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_claims(extract, text, expected):
    assert extract(text) == expected
