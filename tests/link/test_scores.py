"""Scores (``pipeline.link.scores.link_sentence``, run by ``pipeline.link.claims.link``), one French
construction per row: text -> the set of (model, value, benchmark, metric, claimed_by) of the
claims the score recognizers make."""
from __future__ import annotations

import re

import pytest

from pipeline.link import claims
from tests.link.conftest import linked_alone
from pipeline.link.claim_context import NUM
from pipeline.link.scores import link_sentence


def scores(a, lex) -> set:
    found = claims.link(a.text, a.views, a.sentences, a.ents, a.quantities, lex)
    return {(c.subject, c.value, c.benchmark, c.metric, c.claimed_by)
            for c in found if c.where.recognizer.startswith("score_")}


CASES = [
    # a percentage on a named test, a score word, Elo, a bare « sur »
    ("Mistral Large 2 obtient 84 % sur MMLU.", {("Mistral Large 2", 84.0, "MMLU", "%", None)}),
    ("Llama 4 Maverick affiche un score ELO de 1417 sur LMArena.", {("Llama 4 Maverick", 1417.0, "LMArena", "ELO", None)}),
    ("Qwen2.5-Max atteint 89,4 sur Arena-Hard.", {("Qwen2.5-Max", 89.4, "Arena-Hard", "score", None)}),
    ("Gemini 3 Pro obtient 1501 points Elo sur LMArena.", {("Gemini 3 Pro", 1501.0, "LMArena", "ELO", None)}),
    ("o3 établit des records, notamment sur Codeforces (ELO 2706).", {("o3", 2706.0, "Codeforces", "ELO", None)}),
    # a score the word « score » or « indice de qualité » introduces, with no test named: no benchmark
    ("Le chinois DeepSeek R1 obtient également un score de 89.", {("DeepSeek R1", 89.0, None, "score", None)}),
    ("OpenAI arrive en tête avec o1, obtenant un indice de qualité de 90.", {("o1", 90.0, None, "score", None)}),
    ("Le prix de GPT-4o affiche un indice de 3 sur 5.", set()),
    # a gain after the figure is no score; benchmarks the lexicon knows now (« 71,6 % au benchmark Aider »)
    ("Sur MultiChallenge, GPT-4.1 obtient 38,3 %, soit 10,5 % d'augmentation par rapport à GPT-4o.",
     {("GPT-4.1", 38.3, "MultiChallenge", "%", None)}),
    ("DeepSeek V3.1 a obtenu 71,6 % au benchmark d'encodage Aider.", {("DeepSeek V3.1", 71.6, "Aider", "%", None)}),
    ("DeepSeek R1 obtient 89.", set()),
    # a contrasting clause with a subject of its own the text does not know as a model: not the first one's
    ("Sur Codeforces, DeepSeek-R1 obtient 96,3 %, tandis que Chatgpt (O1) dépasse ce score avec 96,6 %.",
     {("DeepSeek-R1", 96.3, "Codeforces", "%", None)}),
    ("Deepseek-R1 a obtenu un score de 96,3% sur la référence Codeforces. Ce score est légèrement inférieur aux 96,6% de "
     "Chatgpt sur le même test.", {("Deepseek-R1", 96.3, "Codeforces", "%", None)}),
    ("Sur MMLU, GPT-5 obtient 91 %, tandis que Claude 4 obtient 88 %.",
     {("GPT-5", 91.0, "MMLU", "%", None), ("Claude 4", 88.0, "MMLU", "%", None)}),
    ("Sur LMArena, Gemini 3 Pro culmine à Elo 1 501.", {("Gemini 3 Pro", 1501.0, "LMArena", "ELO", None)}),
    # an Elo a paragraph later is on the leaderboard named a few sentences before
    ("Sur LMArena, Gemini 3 Pro est premier.\n\nEn code, le tableau diffère. Claude Opus 4.5 domine avec 1 500 Elo.",
     {("Claude Opus 4.5", 1500.0, "LMArena", "ELO", None)}),
    ("Sur WebDev Arena, Claude Opus 4.5 mène avec un score Elo impressionnant de 1511 points.",
     {("Claude Opus 4.5", 1511.0, "WebDev Arena", "ELO", None)}),
    ("Sur LMArena, Gemini 3 Pro a un Elo 3.5 meilleur.", set()),
    # the paragraph's test, after a score verb and an adverb
    ("Devstral 2 brille sur SWE-bench Verified. Le modèle atteint ainsi 72,2 %.",
     {("Devstral 2", 72.2, "SWE-bench Verified", "%", None)}),
    ("Gemini 3 Pro obtient 1 501 points d’Elo sur LMArena.", {("Gemini 3 Pro", 1501.0, "LMArena", "ELO", None)}),
    # « contre N pour X », a value in parentheses after each name
    ("Sur MMLU, Phi-4 obtient 84,8 %, contre 79,3 % pour GPT-4o mini.",
     {("Phi-4", 84.8, "MMLU", "%", None), ("GPT-4o mini", 79.3, "MMLU", "%", None)}),
    ("Sur HumanEval, GPT-4.1 (54,6 %) devance Claude 3.7 Sonnet (62,3 %).",
     {("GPT-4.1", 54.6, "HumanEval", "%", None), ("Claude 3.7 Sonnet", 62.3, "HumanEval", "%", None)}),
    # « respectivement »
    ("Sur Arena-Hard, Qwen2.5-Max et DeepSeek-V3 obtiennent respectivement 89,4 et 85,5.",
     {("Qwen2.5-Max", 89.4, "Arena-Hard", "score", None), ("DeepSeek-V3", 85.5, "Arena-Hard", "score", None)}),
    # the score of the name just before it: « X, qui obtient N % », « Y, avec N % », after the
    # model in focus's own score
    ("ChatGPT-5 affiche un taux de 1,4 % sur le Hallucination Leaderboard.\n\n"
     "Ce score le place devant ChatGPT-4, qui obtient 1,8 %, et GPT-4o, avec 1,49 %.",
     {("GPT-5", 1.4, "Hallucination Leaderboard", "%", None), ("GPT-4", 1.8, "Hallucination Leaderboard", "%", None),
      ("GPT-4o", 1.49, "Hallucination Leaderboard", "%", None)}),
    # « 75, 7 % » (a stray space after the decimal comma) is one figure; an unnamed version's score is no one's
    ("Le modèle o3 a obtenu un score de 75, 7 % sur ARC-AGI, une version améliorée atteignant 87, 5 %.",
     {("o3", 75.7, "ARC-AGI", "%", None)}),
    ("GPT-4o obtient 1, 2 et 3 % sur MMLU.", {("GPT-4o", 3.0, "MMLU", "%", None)}),
    # tests the lexicon knows, not their shorter namesakes (« MMMU-Pro », not MMMU)
    ("Gemini 3 affiche 81 % sur MMMU-Pro et 87,6 % sur Video-MMMU.",
     {("Gemini 3", 81.0, "MMMU-Pro", "%", None), ("Gemini 3", 87.6, "Video-MMMU", "%", None)}),
    # « sur ce même benchmark »: the test named in the sentence before
    ("Sur BFCL, Qwen3 235B obtient un score de 70,8. Même Qwen3 32B atteint 70,3 sur ce même benchmark.",
     {("Qwen3 235B", 70.8, "BFCL", "score", None), ("Qwen3 32B", 70.3, "BFCL", "score", None)}),
    ("GPT-4o est sorti. Il atteint 70,3 sur ce même benchmark.", set()),
    # a gain, « de plus de »: not a score
    ("Selon Artificial Analysis, Gemini 3.1 Pro progresse de plus de 100 points Elo sur LMArena.", set()),
    # a method, a person, people: not a model's score; a human baseline after the figure leaves it the model's
    ("L’o1 n’avait atteint que 32 % sur ARC-AGI, et la méthode du chercheur Jeremy Berman avait atteint 53 %.",
     {("o1", 32.0, "ARC-AGI", "%", None)}),
    ("GPT-5 est sorti.\n\n– GPQA Diamond : 85,6 % contre 70 % pour un expert humain", {("GPT-5", 85.6, "GPQA Diamond", "%", None)}),
    # a bullet that names no model under a heading that names none: no one's score (not a guess)
    ("o3 obtient 53 % sur ARC-AGI-1.\n\n## ARC Prize 2025\n\n- 1er Paper : Tiny Recursive Model (7M paramètres, ARC-AGI-1 : 45%)",
     {("o3", 53.0, "ARC-AGI-1", "%", None)}),
    # a test's other spellings (« SWE-Bench Verified »), not a longer name's start (« SWE-Bench Pro »)
    ("Gemini 2.5 Pro obtient 63,8 % sur SWE-Bench Verified.", {("Gemini 2.5 Pro", 63.8, "SWE-bench Verified", "%", None)}),
    ("Qwen3-Coder obtient 44,3 % sur SWE-Bench Pro.", {("Qwen3-Coder", 44.3, "SWE-Bench Pro", "%", None)}),
    # « contre N » with no « pour X »: the one model compared with, else no one's
    ("Grok 4 Heavy dépasse légèrement GPT-5 Pro sur Humanity’s Last Exam — 44,4 % contre 42 %.",
     {("Grok 4 Heavy", 44.4, "Humanity's Last Exam", "%", None), ("GPT-5 Pro", 42.0, "Humanity's Last Exam", "%", None)}),
    ("Grok 4 obtient 44,4 % sur Humanity’s Last Exam contre 42 %.", {("Grok 4", 44.4, "Humanity's Last Exam", "%", None)}),
    # « contre 92 et 86,7 pour X »: both values are X's
    ("Sur MMLU, Qwen3 obtient respectivement 85,7 et 81,5 points, contre 92 et 86,7 pour Gemini 2.5 Pro.",
     {("Qwen3", 85.7, "MMLU", "score", None), ("Qwen3", 81.5, "MMLU", "points", None),
      ("Gemini 2.5 Pro", 92.0, "MMLU", "score", None), ("Gemini 2.5 Pro", 86.7, "MMLU", "points", None)}),
    ("Sur MMLU, Qwen3 atteint 70,7 points, dépassant Gemini 2.5 Pro qui obtient 70,4 points.",
     {("Qwen3", 70.7, "MMLU", "points", None), ("Gemini 2.5 Pro", 70.4, "MMLU", "points", None)}),
    # a named score lends its metric to the figure « pour X » after it; a maker between a name and its figure
    ("Sur BFCL, le modèle Qwen3 235B obtient un score de 70,8, comparé à 62,9 pour Gemini 2.5 Pro.",
     {("Qwen3 235B", 70.8, "BFCL", "score", None), ("Gemini 2.5 Pro", 62.9, "BFCL", "score", None)}),
    ("Sur LMArena, Gemini 2.5 Pro a obtenu 1420 points, devant Claude Sonnet d’Anthropic (1358), GPT-4o d’OpenAI (1342).",
     {("Gemini 2.5 Pro", 1420.0, "LMArena", "points", None), ("Claude Sonnet", 1358.0, "LMArena", "points", None),
      ("GPT-4o", 1342.0, "LMArena", "points", None)}),
    # « de réussite », a benchmark's name in quotes after « au test »
    ('Grok 4 a obtenu 25,4% de réussite au test "Humanity\'s Last Exam".', {("Grok 4", 25.4, "Humanity's Last Exam", "%", None)}),
    ("Grok 4 a obtenu 25,4 % au test « Humanity's Last Exam ».", {("Grok 4", 25.4, "Humanity's Last Exam", "%", None)}),
    # a benchmark's abbreviation (lexicon ``aliases``), words between « test » and its name, a maker
    # between a name and its figure in parentheses
    ("Grok 4 résout 25,4% du test HLE.", {("Grok 4", 25.4, "Humanity's Last Exam", "%", None)}),
    ("Kimi K2 Thinking a atteint 44,9 % au test de raisonnement « Humanity’s Last Exam ».",
     {("Kimi K2 Thinking", 44.9, "Humanity's Last Exam", "%", None)}),
    ("Sur le test MMMU-Pro, Gemini 3 Flash obtient un score de 81,2 %, dépassant GPT-5.2 d'OpenAI (79,5 %).",
     {("Gemini 3 Flash", 81.2, "MMMU-Pro", "%", None), ("GPT-5.2", 79.5, "MMMU-Pro", "%", None)}),
    # the benchmark between « Elo » and its figure, « un classement ELO de »
    ("DeepSeek-R1 affiche un Elo Codeforces de 2029.", {("DeepSeek-R1", 2029.0, "Codeforces", "ELO", None)}),
    ("Sur Code Forces, Qwen3 a obtenu un classement ELO de 2056.", {("Qwen3", 2056.0, "Codeforces", "ELO", None)}),
    # a figure with its determiner, then the model it is of
    ("Sur Codeforces, Qwen3 a obtenu un classement ELO de 2056, supérieur aux 2001 points de Gemini 2.5 Pro.",
     {("Qwen3", 2056.0, "Codeforces", "ELO", None), ("Gemini 2.5 Pro", 2001.0, "Codeforces", "points", None)}),
    ("DeepSeek V3.1 a obtenu 71,6 % au benchmark d'encodage SWE-bench Verified.",
     {("DeepSeek V3.1", 71.6, "SWE-bench Verified", "%", None)}),
    # a claimer
    ("Selon Google, Gemini 2.5 Pro obtient 18,8 % sur Humanity's Last Exam.",
     {("Gemini 2.5 Pro", 18.8, "Humanity's Last Exam", "%", "Google")}),
    # no score: no benchmark, a share of data, a digit in a name, a price
    ("Phi-4 progresse de 20 % en un an.", set()),
    # a gain is not a score; the score it reaches is
    ("DeepSeek-V3-0324 est sorti. Selon DeepSeek, MMLU-Pro a augmenté de +5,3% pour atteindre 81,2%. GPQA +9,3 points.",
     {("DeepSeek-V3-0324", 81.2, "MMLU-Pro", "%", "DeepSeek")}),
    ("Sur MMLU, Phi-4 gagne 4,5 points.", set()),
    # a threshold crossed is not the score
    ("Sur Chatbot Arena, Grok-3 devient le premier modèle à dépasser les 1400 points.", set()),
    # a pass mark is not a score
    ("Med-PaLM a passé l'examen USMLE. Pour exercer, un score d'environ 60 % est requis.", set()),
    # a comparison's margin is not a score; the score before it is
    ("Med-PaLM 2 a atteint 86,5 % à l'examen USMLE, dépassant ainsi la version précédente de près de 20 %.",
     {("Med-PaLM 2", 86.5, "USMLE", "%", None)}),
    ("o3 est le premier modèle IA à dépasser 85% sur GPQA Diamond.", set()),
    ("Sur Chatbot Arena, Grok-3 dépasse les autres avec 1402 points.", {("Grok-3", 1402.0, "Chatbot Arena", "points", None)}),
    ("Sur BrowseComp, GLM-5 progresse. Ce score traduit une réduction de 56 points de pourcentage.", set()),
    # a gap between two results (« l'écart avec X n'est que de 8,7 points ») is no score
    ("Sur SWE-bench Verified, Devstral 2 atteint 72,2 %. L’écart avec Claude Opus 4.5 n’est que de 8,7 points.",
     {("Devstral 2", 72.2, "SWE-bench Verified", "%", None)}),
    ("Sur MMLU, GPT-5 obtient 91 %, une avance de 3 points sur Claude Opus 4.1.", {("GPT-5", 91.0, "MMLU", "%", None)}),
    # a change is no score
    ("Chinchilla atteint 67,5 % sur MMLU, soit une amélioration supérieure à 7 % par rapport à Gopher.",
     {("Chinchilla", 67.5, "MMLU", "%", None)}),
    # people's figure in a sentence that names no model is no model's score
    ("o3 atteint 87 % sur GPQA Diamond. Les doctorants en physique obtiennent 69 % en moyenne sur GPQA Diamond.",
     {("o3", 87.0, "GPQA Diamond", "%", None)}),
    ("Phi-4 a été entraîné avec 40 % de données synthétiques.", set()),
    ("GPT-4o, avec 40 % de données synthétiques en plus, progresse.", set()),
    ("GPT-4.1 sur MMLU progresse.", set()),
    ("GPT-5 coûte 1,25 dollar par million de jetons.", set()),
    # the metric after the figure of « un score de », « un score d'environ »
    ("Gemini 3 obtient un score de 1501 Elo sur LMArena.", {("Gemini 3", 1501.0, "LMArena", "ELO", None)}),
    ("Gemini 3 obtient un score de 1501 points sur LMArena.", {("Gemini 3", 1501.0, "LMArena", "points", None)}),
    ("DeepSeek-R1 progresse. Sur Codeforces, le modèle a atteint un score d’environ 1930.",
     {("DeepSeek-R1", 1930.0, "Codeforces", "score", None)}),
    # « Son modèle 3.5 Sonnet … »: a name the text does not know is the subject, not the model in focus
    ("GPT-3.5 est populaire. Son modèle 3.5 Sonnet atteint un score de 87,5 % sur MMLU.", set()),
    ("GPT-3.5 est populaire. Son modèle atteint un score de 87,5 % sur MMLU.", {("GPT-3.5", 87.5, "MMLU", "%", None)}),
    # several values on one test for a model the sentence does not name: whose is which? (a table
    # flattened under a header of three models); named, each value is the model's
    ("Comparatif : Gemini 3.1 Pro, Claude Opus 4.6 et GPT-5.2.\n\nGPQA Diamond94,3 %91,3 %92,4 %", set()),
    ("GPT-5.2 est le dernier.\n\nGPQA Diamond : 94,3 %", {("GPT-5.2", 94.3, "GPQA Diamond", "%", None)}),
    ("o3 obtient 87,5 % sur ARC-AGI en mode intensif et 75,7 % sur ARC-AGI en mode standard.",
     {("o3", 87.5, "ARC-AGI", "%", None), ("o3", 75.7, "ARC-AGI", "%", None)}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_scores(analyse, lex, text, expected):
    assert scores(analyse(text), lex) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mistral Large 2 obtient 84 % sur MMLU.", {("Mistral Large 2", 84.0)}),
    ("Phi-4 progresse de 20 % en un an.", set()),
])
def test_link_sentence_alone(analyse, lex, text, expected):
    """The module's own entry point, on a fresh linker, one sentence at a time."""
    made = linked_alone(analyse(text), lex, link_sentence)
    assert {(c.subject, c.value) for c in made} == expected
    assert all(c.where.recognizer.startswith("score_") for c in made)


def table_claims(a, lex) -> set:
    found = claims.link(a.text, a.views, a.sentences, a.ents, a.quantities, lex)
    return {(c.subject, c.relation, c.benchmark, c.metric, c.value, c.where.recognizer)
            for c in found if c.where.recognizer in ("table_score", "table_rank")}


TABLES = [
    # benchmarks down the first column, models across the header
    ("| Benchmark | GPT-4o | o1 |\n|---|---|---|\n| MMLU | 88,7 % | 90,8 % |",
     {("GPT-4o", "scores", "MMLU", "%", 88.7, "table_score"), ("o1", "scores", "MMLU", "%", 90.8, "table_score")}),
    # a position column under text that names the ranking, or speaks of one
    ("Qui domine le classement LMArena ?\n\n| Position | Modèle | Entreprise |\n|---|---|---|\n| 1 | Gemini 2.5 Pro | Google |\n| 2 | GPT-4.5 | OpenAI |",
     {("Gemini 2.5 Pro", "ranks", "LMArena", "position", 1.0, "table_rank"), ("GPT-4.5", "ranks", "LMArena", "position", 2.0, "table_rank")}),
    ("Le classement du mois :\n\n| Rang | Modèle |\n|---|---|\n| 1 | Gemini 2.5 Pro |",
     {("Gemini 2.5 Pro", "ranks", None, "position", 1.0, "table_rank")}),
    # … or the first sentence after the table names it, past a heading
    ("La hiérarchie change.\n| Rang | Modèle |\n|---|---|\n| 1 | Gemini 2.5 Pro |\n| 2 | GPT-4.5 |\nUn séisme\n"
     "Le classement de la LMArena pour ce mois révèle une surprise.",
     {("Gemini 2.5 Pro", "ranks", "LMArena", "position", 1.0, "table_rank"), ("GPT-4.5", "ranks", "LMArena", "position", 2.0, "table_rank")}),
    # … not under text that speaks of none, before or after
    ("Nos modèles préférés.\n\n| Position | Modèle | Prix |\n|---|---|---|\n| 1 | Gemini 2.5 Pro | 10 $ |", set()),
    ("Nos modèles préférés.\n\n| Rang | Modèle |\n|---|---|\n| 1 | Gemini 2.5 Pro |\n\nLMArena est un site connu.", set()),
]


@pytest.mark.parametrize("text, expected", TABLES)
def test_table_claims(analyse, lex, text, expected):
    assert table_claims(analyse(text), lex) == expected


def beaten(a, lex) -> set:
    found = claims.link(a.text, a.views, a.sentences, a.ents, a.quantities, lex)
    return {(c.subject, c.object, c.benchmark) for c in found if c.where.recognizer == "outperforms_by_scores"}


@pytest.mark.parametrize("text, expected", [
    # a score set against a lower one on the same test beats it
    ("GPT-5.3-Codex obtient 56,8 % sur SWE-Bench Pro contre 54,2 % pour Gemini 3.1 Pro.",
     {("GPT-5.3-Codex", "Gemini 3.1 Pro", "SWE-Bench Pro")}),
    ("Gemini 2.5 Pro obtient 84 % sur GPQA, contre seulement 71 % pour GPT-4.5.", {("Gemini 2.5 Pro", "GPT-4.5", "GPQA")}),
    # not a higher one, nor where less is better, nor two figures listed without « contre »
    ("GPT-5 obtient 40 % sur Humanity's Last Exam contre 45 % pour Grok 4.", set()),
    ("Le taux d'erreurs de GPT-5 est de 5 % sur HealthBench contre 3 % pour o3.", set()),
    ("GPT-5 obtient 40 % sur MMLU et Grok 4 obtient 35 % sur MMLU.", set()),
])
def test_a_score_set_against_a_lower_one_beats_it(analyse, lex, text, expected):
    assert beaten(analyse(text), lex) == expected


@pytest.mark.parametrize("text, figure", [
    ("1 417", "1 417"), ("88,7", "88,7"), ("31.64", "31.64"), ("1\u202f234\u00a0567", "1\u202f234\u00a0567"),
    ("1 234 567 890 123 456 789", "1 234 567 890 123 456 789"),  # seven groups of thousands: read whole
    ("1 234 567 890 123 456 789 012", "1 234 567 890 123 456 789"),  # (no more: a run is not read again from each group)
])
def test_a_figure_as_written(text, figure):
    assert re.match(NUM, text).group() == figure


def test_a_run_of_figures_that_ends_no_score_gives_none(analyse, lex):
    """« obtient 123 456 789 … essais »: no figure of the run is a score (each could start one: the
    run was read again from each of its groups to its end, 44 s per MB of such runs)."""
    run = " ".join(str(100 + i % 900) for i in range(150))
    assert scores(analyse(f"Mistral Large 2 obtient {run} essais sur MMLU."), lex) == set()
    assert scores(analyse(f"Mistral Large 2 obtient {run} essais, puis 84 % sur MMLU."), lex) == \
        {("Mistral Large 2", 84.0, "MMLU", "%", None)}
