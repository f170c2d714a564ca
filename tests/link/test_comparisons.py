"""Comparisons (``pipeline.link.comparisons.link_sentence``, run by ``pipeline.link.claims.link``),
one French construction per row: text -> the set of (subject, relation, object, benchmark,
claimed_by, hedged) of the claims a comparison recognizer makes."""
from __future__ import annotations

import pytest

from pipeline.link import claims
from tests.link.conftest import linked_alone
from pipeline.link.comparisons import link_sentence

RELATIONS = ("outperforms", "outperformed_by", "rivals", "ranks_above", "ranks_below")


def _is_comparison(recognizer: str) -> bool:
    return recognizer.startswith(RELATIONS)


def comparisons(a, lex) -> set:
    found = claims.link(a.text, a.views, a.sentences, a.ents, a.quantities, lex)
    return {(c.subject, c.relation, c.object, c.benchmark, c.claimed_by, c.hedged)
            for c in found if _is_comparison(c.where.recognizer)}


CASES = [
    # a cue, the names after it (one row each), the benchmark after them
    ("Llama 4 Maverick surpasse GPT-4o et Gemini 2.0 Flash sur MMLU.",
     {("Llama 4 Maverick", "outperforms", "GPT-4o", "MMLU", None, False),
      ("Llama 4 Maverick", "outperforms", "Gemini 2.0 Flash", "MMLU", None, False)}),
    ("Mistral Large 2 rivalise avec Llama 3.1 405B.", {("Mistral Large 2", "rivals", "Llama 3.1 405B", None, None, False)}),
    # names the sentence opens on, joined, with a verb in the plural: each is a subject
    ("Gemini et Mistral Large surpassent GPT-4.", {("Gemini", "outperforms", "GPT-4", None, None, False),
                                                   ("Mistral Large", "outperforms", "GPT-4", None, None, False)}),
    ("Gemini et Mistral Large s'étaient approchés de GPT-4.", {("Gemini", "rivals", "GPT-4", None, None, False),
                                                               ("Mistral Large", "rivals", "GPT-4", None, None, False)}),
    ("Gemini et Mistral Large sont sortis. Mistral Large surpasse GPT-4.",
     {("Mistral Large", "outperforms", "GPT-4", None, None, False)}),
    ("Selon Gemini et Mistral Large, Claude 3 surpasse GPT-4.", {("Claude 3", "outperforms", "GPT-4", None, None, False)}),
    # a name inside an apposition after the subject's name is not the subject
    ("Baidu dit que Ernie 3.5, la dernière version de son modèle Ernie, a surpassé GPT-4.",
     {("Ernie 3.5", "outperforms", "GPT-4", None, None, False)}),
    ("Llama 3, le modèle de Meta, surpasse Mistral 7B.", {("Llama 3", "outperforms", "Mistral 7B", None, None, False)}),
    ("GPT-4, comme Claude 3, surpasse Gemini.", {("GPT-4", "outperforms", "Gemini", None, None, False)}),
    # the object in apposition to a noun that says who it is
    ("Grok 4 surpasse son prédécesseur, Grok 3.", {("Grok 4", "outperforms", "Grok 3", None, None, False)}),
    ("Grok 4 surpasse son prédécesseur, et Grok 3 reste derrière.", set()),
    # « les versions 7B et 13B de Llama 2 », « la version 34B de Llama 1 »: the variants; an aside in
    # commas before « que »; « son modèle X » after a fronted phrase names its subject
    ("Llama 2 est sorti. Selon des calculs récents, son modèle Mistral 7B est plus performant, sur tous les tests, que les "
     "versions 7B et 13B de Llama 2. Et plus performant que la version 34B de Llama 1.",
     {("Mistral 7B", "outperforms", "Llama 2 7B", None, None, False), ("Mistral 7B", "outperforms", "Llama 2 13B", None, None, False),
      ("Mistral 7B", "outperforms", "Llama 1 34B", None, None, False)}),
    ("DeepSeek-R1 est sorti. L'entreprise l'a présenté comme étant équivalent, voire même supérieur à OpenAI o1.",
     {("DeepSeek-R1", "rivals", "o1", None, None, False)}),
    # « atteint le niveau de », « atteint les performances de »
    ("Les capacités de raisonnement de DeepSeek-V3.2 atteignent le niveau de GPT-5.",
     {("DeepSeek-V3.2", "rivals", "GPT-5", None, None, False)}),
    # « reste derrière », « arrive juste devant »
    ("Gemini 3.1 Pro progresse. Il reste pourtant derrière Claude Sonnet 4.6.",
     {("Gemini 3.1 Pro", "ranks_below", "Claude Sonnet 4.6", None, None, False)}),
    ("Grok 4 arrive juste devant GPT-5.", {("Grok 4", "ranks_above", "GPT-5", None, None, False)}),
    ("Derrière Llama 4, il y a Meta.", set()),
    # « supérieurs aux modèles d'OpenAI, y compris X et Y »: the names a group's « y compris » lists
    ("Gemini 2.5 Pro obtient des scores supérieurs aux modèles d’OpenAI, y compris GPT-4o et GPT-3.5.",
     {("Gemini 2.5 Pro", "outperforms", "GPT-4o", None, None, False), ("Gemini 2.5 Pro", "outperforms", "GPT-3.5", None, None, False)}),
    ("Le prix de Gemini 2.5 Pro est supérieur au prix de GPT-4o.", set()),
    ("Llama 3 arrive. Cette puissance de calcul est nettement supérieure à celle utilisée pour entraîner GPT-4.", set()),
    # « Baidu présente ce modèle comme un rival de X »: the model, not the company, is compared
    ("ERNIE 4.5 est sorti. Baidu présente ce modèle comme un rival direct de GPT-4o.",
     {("ERNIE 4.5", "rivals", "GPT-4o", None, None, False)}),
    # the name right before the next cue is its subject, not one more object of this one
    ("gpt-oss-120b rivalise avec o4-mini et gpt-oss-20b rivalise avec o3-mini.",
     {("gpt-oss-120b", "rivals", "o4-mini", None, None, False), ("gpt-oss-20b", "rivals", "o3-mini", None, None, False)}),
    # a relative after a list, its verb in the plural: every name of the list (in the singular: the last)
    ("DeepSeek a lancé deux modèles, DeepSeek-V3.2 et DeepSeek-V3.2-Speciale, qui selon la société, surpassent GPT-5.",
     {("DeepSeek-V3.2", "outperforms", "GPT-5", None, "DeepSeek", False),
      ("DeepSeek-V3.2-Speciale", "outperforms", "GPT-5", None, "DeepSeek", False)}),
    ("OpenAI a comparé GPT-4o et o1, qui surpasse Claude 3.", {("o1", "outperforms", "Claude 3", None, None, False)}),
    # « égalent voire surpassent », « comparables, voire supérieurs, à »
    ("DeepSeek-V3.2 égale voire surpasse GPT-5.", {("DeepSeek-V3.2", "rivals", "GPT-5", None, None, False)}),
    ("DeepSeek-V3.2 est sorti. Il affiche des niveaux comparables, voire supérieurs, à GPT-5.",
     {("DeepSeek-V3.2", "rivals", "GPT-5", None, None, False)}),
    # « comparable à celui de », « avoisinaient celles de »
    ("Claude 3.7 Sonnet se positionne à un niveau comparable à celui de GPT-4o.",
     {("Claude 3.7 Sonnet", "rivals", "GPT-4o", None, None, False)}),
    ("Grok-0 est sorti. Ses capacités avoisinaient celles de Llama 2 70B.", {("Grok-0", "rivals", "Llama 2 70B", None, None, False)}),
    # « compétitif avec », « le premier vrai concurrent open des X et Y »
    ("LLaMA 65B est compétitif avec des modèles comme Chinchilla 70B et PaLM 2.",
     {("LLaMA 65B", "rivals", "Chinchilla 70B", None, None, False), ("LLaMA 65B", "rivals", "PaLM 2", None, None, False)}),
    ("Mistral Large 3 : le premier vrai concurrent open des GPT-4o et Gemini 2.",
     {("Mistral Large 3", "rivals", "GPT-4o", None, None, False), ("Mistral Large 3", "rivals", "Gemini 2", None, None, False)}),
    # « un sérieux rival du X et du Y »; who says it between the cue and its objects
    ("Llama 4 Maverick se positionne comme un sérieux rival du GPT-4o d’OpenAI et du Gemini 2.0 Flash de Google.",
     {("Llama 4 Maverick", "rivals", "GPT-4o", None, None, False), ("Llama 4 Maverick", "rivals", "Gemini 2.0 Flash", None, None, False)}),
    ("Le rival de Google, Gemini 2.0, est sorti.", set()),
    ("Llama 4 Scout est sorti. Il surpasse, selon Meta, des concurrents comme Google Gemma 3 ou Mistral Small 3.1.",
     {("Llama 4 Scout", "outperforms", "Gemma 3", None, "Meta", False),
      ("Llama 4 Scout", "outperforms", "Mistral Small 3.1", None, "Meta", False)}),
    # with no object after the cue, the model whose score is set against the subject's (« contre 71,8 % pour o1 »)
    ("o3 est sorti. Il dépasse largement les modèles précédents avec 86,8 % sur MathVista contre 71,8 % pour o1.",
     {("o3", "outperforms", "o1", "MathVista", None, False)}),
    ("o3 est sorti. Il dépasse largement les modèles précédents avec 86,8 % sur MathVista contre 71,8 % pour Google.",
     {("o3", "outperforms", None, "MathVista", None, False)}),
    # a plural anaphor: each model of the list given before it
    ("OpenAI lance deux modèles : GPT-4.1 et GPT-4.1 mini. Ces modèles surpassent GPT-4o.",
     {("GPT-4.1", "outperforms", "GPT-4o", None, None, False), ("GPT-4.1 mini", "outperforms", "GPT-4o", None, None, False)}),
    ("OpenAI lance deux modèles : GPT-4.1 et GPT-4.1 mini. Ces modèles de OpenAI surpassent GPT-4o.", set()),
    # the cue's optional « de » is a word, not the start of « DeepSeek » (cues are case-insensitive)
    ("Llama 4 Maverick offre des performances comparables à DeepSeek-V3.",
     {("Llama 4 Maverick", "rivals", "DeepSeek-V3", None, None, False)}),
    # the passive and the reverse: the other one wins
    ("Claude 3 Opus est devancé par GPT-4o.", {("GPT-4o", "outperforms", "Claude 3 Opus", None, None, False)}),
    ("GPT-5 est moins performant que Claude Opus 4.", {("Claude Opus 4", "outperforms", "GPT-5", None, None, False)}),
    # a rate where less is better, compared before the cue: the other one wins
    ("Le taux d’hallucinations de ChatGPT-5 est légèrement supérieur à celui de ChatGPT-4.5.",
     {("GPT-4.5", "outperforms", "GPT-5", None, None, False)}),
    # in a ranking, « devant » ranks; « se classe » makes the ranking; a score beside an object
    # does not end the list of objects
    ("Les résultats montrent que GPT-5 se classe devant GPT-4 sur ce critère, mais seulement légèrement devant GPT-4o.",
     {("GPT-5", "ranks_above", "GPT-4", None, None, False), ("GPT-5", "ranks_above", "GPT-4o", None, None, False)}),
    ("ChatGPT-5 affiche un taux de 1,4 % sur le Hallucination Leaderboard.\n\n"
     "Ce score le place devant ChatGPT-4, qui obtient 1,8 %, et GPT-4o, avec 1,49 %.",
     {("GPT-5", "ranks_above", "GPT-4", None, None, False), ("GPT-5", "ranks_above", "GPT-4o", None, None, False)}),
    # « au même niveau que », « à un niveau comparable à celui de », « égale, et dans certains cas surpasse, »
    ("DeepSeek-V3 se positionne au même niveau que GPT-4o.", {("DeepSeek-V3", "rivals", "GPT-4o", None, None, False)}),
    ("Claude 3.7 Sonnet se positionne à un niveau comparable à celui de GPT-4o.",
     {("Claude 3.7 Sonnet", "rivals", "GPT-4o", None, None, False)}),
    ("Qwen3-Max égale, et dans certains cas surpasse, le Gemini 2.5 Pro de Google.",
     {("Qwen3-Max", "rivals", "Gemini 2.5 Pro", None, None, False)}),
    # « suivi de X » after a place given: the one placed ranks above X; with no place, « suivi de » is time
    ("Claude Opus 4.1 a pris la première place, suivi de Claude Sonnet 4.5.",
     {("Claude Opus 4.1", "ranks_above", "Claude Sonnet 4.5", None, None, False)}),
    ("Gemini 2.5 Pro domine avec 1 460 points, suivi de près par GPT-4.5 (1 398) et Grok 3 (1 390).",
     {("Gemini 2.5 Pro", "ranks_above", "GPT-4.5", None, None, False), ("Gemini 2.5 Pro", "ranks_above", "Grok 3", None, None, False)}),
    ("OpenAI occupe une place à part : o1 en décembre, suivi d'o3-mini en janvier.", set()),
    ("Gemini 2.5 Pro est sorti en mars, suivi de Gemini 2.5 Flash en avril.", set()),
    # « tous ses concurrents » on a benchmark: first on it; with no benchmark, nothing
    ("Gemini 2.5 Pro est sorti. Ce modèle a dépassé tous ses concurrents sur LMArena.",
     {("Gemini 2.5 Pro", "ranks", None, "LMArena", None, False)}),
    ("Gemini 2.5 Pro surpasse tous ses concurrents.", set()),
    # a tier and a version alone, in an article on one family named tier first
    ("Mistral a lancé Mistral Large 3. Quand Medium 3 est sorti, il était censé surpasser Large 2.",
     {("Mistral Medium 3", "outperforms", "Mistral Large 2", None, None, True)}),
    # the antecedent of the relative clause that holds the cue
    ("R1 a été construit sur DeepSeek-V3, un modèle de langage (LLM) qui rivalise avec GPT-4o.",
     {("DeepSeek-V3", "rivals", "GPT-4o", None, None, False)}),
    ("Qwen3 surpasse DeepSeek-V3, qui surpasse GPT-4o.",
     {("Qwen3", "outperforms", "DeepSeek-V3", None, None, False), ("DeepSeek-V3", "outperforms", "GPT-4o", None, None, False)}),
    # « un score plus élevé que », « Ces scores le placeraient, sur ces indicateurs, devant »
    ("Grok 4 résout 25,4 % du test HLE. C’est un score plus élevé que Gemini 2.5 Pro de Google (21,6%).",
     {("Grok 4", "outperforms", "Gemini 2.5 Pro", None, None, False)}),
    ("Kimi K2 Thinking atteint 60,2 % sur BrowseComp. Ces scores le placeraient, sur ces indicateurs précis, devant GPT-5.",
     {("Kimi K2 Thinking", "ranks_above", "GPT-5", "BrowseComp", None, True)}),
    # more objects after « d'autres SLM comme », « les leaders du marché comme »
    ("Phi-3 Mini surpasse Phi-2 et d’autres SLM comme Mistral 7B et Gemma 7B.",
     {("Phi-3 Mini", "outperforms", "Phi-2", None, None, False), ("Phi-3 Mini", "outperforms", "Mistral 7B", None, None, False),
      ("Phi-3 Mini", "outperforms", "Gemma 7B", None, None, False)}),
    ("Grok 3 défie ouvertement les leaders du marché comme GPT-4o et Gemini 2.0.",
     {("Grok 3", "rivals", "GPT-4o", None, None, False), ("Grok 3", "rivals", "Gemini 2.0", None, None, False)}),
    # a claimer, a hedge
    ("Selon Anthropic, Claude 3.5 Sonnet surpasse GPT-4o sur HumanEval.",
     {("Claude 3.5 Sonnet", "outperforms", "GPT-4o", "HumanEval", "Anthropic", False)}),
    ("Grok 5 pourrait surpasser GPT-5.", {("Grok 5", "outperforms", "GPT-5", None, None, True)}),
    # no comparison: a ratio, a score after the cue, a company, sizes, the same model, a price
    ("Jamba revendique un débit trois fois supérieur à celui de Mixtral 8x7B.", set()),
    ("Phi-4 dépasse 80 % sur MMLU.", set()),
    ("ChatGPT-5 a dépassé le milliard d’utilisateurs actifs en moins de deux ans, tandis que Gemini s’impose.", set()),
    ("OpenAI surpasse Google en chiffre d'affaires.", set()),
    ("Falcon 180B dépassait à peine GPT-3 et ses 175 milliards de paramètres.", set()),
    ("Gopher contient 280 milliards de paramètres, dépassant les 175 milliards du GPT-3 d'OpenAI.", set()),
    # « au coude à coude avec », « égale à »; « inférieures à celles de » (the object wins)
    ("Mathstral 7B atteint 56,6 % sur MATH, au coude à coude avec Qwen2 7B.",
     {("Mathstral 7B", "rivals", "Qwen2 7B", "MATH", None, False)}),
    ("Gemini 3 Flash est sorti.\nQualité : Égale à Gemini 3 Pro sur MMLU.", {("Gemini 3 Flash", "rivals", "Gemini 3 Pro", "MMLU", None, False)}),
    ("GPT-4.5 est sorti. Selon OpenAI, ses performances sont inférieures à celles de o1.",
     {("o1", "outperforms", "GPT-4.5", None, "OpenAI", False)}),
    # … not a measure that is no performance
    ("GPT-4o mini coûte moins cher : son prix est inférieur à celui de GPT-4o.", set()),
    ("Le contexte de Gemini 3 Flash est égal à celui de Gemini 3 Pro.", set()),
    # « comparable au modèle X », « offre les performances de X », « des performances supérieures … par rapport à X »
    ("Le LLM Apertus est comparable au modèle Llama 3 de Meta qui date de 2024.", {("Apertus", "rivals", "Llama 3", None, None, False)}),
    ("Claude Haiku 4.5 offre les performances de Claude Sonnet 4 pour un tiers du prix.",
     {("Claude Haiku 4.5", "rivals", "Claude Sonnet 4", None, None, False)}),
    # « atteint quasiment les performances de X », « une performance "équivalente à X" », « grille la
    # politesse à X », « plus puissant et sophistiqué que X »
    ("gpt-oss-120b atteint quasiment les performances de o4-mini en raisonnement.",
     {("gpt-oss-120b", "rivals", "o4-mini", None, None, False)}),
    ('Selon Baidu, ERNIE X1 offre une performance "équivalente à DeepSeek R1 mais à la moitié du prix".',
     {("ERNIE X1", "rivals", "DeepSeek R1", None, "Baidu", False)}),
    ("Kimi K2 Thinking grille la politesse à GPT-5 et Claude Sonnet 4.5.",
     {("Kimi K2 Thinking", "outperforms", "GPT-5", None, None, False),
      ("Kimi K2 Thinking", "outperforms", "Claude Sonnet 4.5", None, None, False)}),
    ("GPT-4 est un modèle encore plus puissant et sophistiqué que GPT-3.5.", {("GPT-4", "outperforms", "GPT-3.5", None, None, False)}),
    ("GPT-4 est plus puissant et coûte plus cher que GPT-3.5.", set()),  # (a verb after « et »: no comparison of power)
    ("Claude 3 Opus performe mieux que GPT-4 en code.", {("Claude 3 Opus", "outperforms", "GPT-4", None, None, False)}),
    ("Gemini Pro, équivalent à GPT-3.5 selon Google, arrive.", {("Gemini Pro", "rivals", "GPT-3.5", None, "Google", False)}),
    ("FLUX.1 offre un photoréalisme qui semble proche de Midjourney 6.", {("FLUX.1", "rivals", "Midjourney 6", None, None, False)}),
    ("Le nombre de paramètres de Llama 3 est équivalent à celui de GPT-3.", set()),  # (a size, not a performance)
    ("Llama 4 Scout surclasse des poids lourds comme Gemma 3 ou Mistral 3.1.",
     {("Llama 4 Scout", "outperforms", "Gemma 3", None, None, False), ("Llama 4 Scout", "outperforms", "Mistral 3.1", None, None, False)}),
    # an unnamed model hoped for is no one's claim
    ("Llama 4 est sorti. On attendait le dévoilement d’un modèle traditionnel capable de surpasser DeepSeek V3.", set()),
    # the passive with an adverb between « a » and « été »: the agent wins
    ("Whisper v3 est connu. Mais il a récemment été dépassé par GPT-4o.", {("GPT-4o", "outperforms", "Whisper v3", None, None, False)}),
    ("DeepSeek-Coder-V2 a démontré des performances supérieures dans diverses tâches par rapport à la fois à GPT-4 Turbo.",
     {("DeepSeek-Coder-V2", "outperforms", "GPT-4 Turbo", None, None, False)}),
    ("Le prix de GPT-5 est comparable au modèle o3.", set()),
    ("DeepSeek-R1-0528 est sorti. Ses performances s’approchent désormais de celles des modèles de pointe comme o3 et Gemini 2.5 Pro.",
     {("DeepSeek-R1-0528", "rivals", "o3", None, None, False), ("DeepSeek-R1-0528", "rivals", "Gemini 2.5 Pro", None, None, False)}),
    # a question claims nothing
    ("Une question revient : est-ce que Grok 4 va battre ChatGPT et Gemini 2.5 Pro ?", set()),
    ("Le prix de GPT-5 est supérieur à celui de Claude Opus 4.", set()),
    # « classé après », « positionné après »: ranked below
    ("Sur LMArena, Claude 3.5 Sonnet est classé juste après DeepSeek-R1.",
     {("Claude 3.5 Sonnet", "ranks_below", "DeepSeek-R1", "LMArena", None, False)}),
    ("GPT-5 a été placé après une longue attente.", set()),
    # « semble déjà totalement dépassé par X »: the passive after « semble » and two adverbs
    ("Google a présenté Gemini, mais ce dernier semble déjà totalement dépassé par son rival GPT-4.",
     {("GPT-4", "outperforms", "Gemini", None, None, False)}),
    # « n'étant devancé que par X »: the passive, X wins
    ("Llama 4 Maverick bat GPT-4o, n'étant devancé que par Gemini 2.5 Pro.",
     {("Llama 4 Maverick", "outperforms", "GPT-4o", None, None, False),
      ("Gemini 2.5 Pro", "outperforms", "Llama 4 Maverick", None, None, False)}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_comparisons(analyse, lex, text, expected):
    assert comparisons(analyse(text), lex) == expected


@pytest.mark.parametrize("text, expected", [
    ("Qwen2.5-Max surpasse DeepSeek-V3 sur Arena-Hard.", {("Qwen2.5-Max", "DeepSeek-V3")}),
    ("Le taux d’erreur de Gemini 2.5 Pro est supérieur à celui de Claude Opus 4.", {("Claude Opus 4", "Gemini 2.5 Pro")}),
    ("OpenAI surpasse Google en chiffre d'affaires.", set()),
])
def test_link_sentence_alone(analyse, lex, text, expected):
    """The module's own entry point, on a fresh linker, one sentence at a time."""
    made = linked_alone(analyse(text), lex, link_sentence)
    assert {(c.subject, c.object) for c in made} == expected
    assert all(_is_comparison(c.where.recognizer) for c in made)
