"""Ranks (``pipeline.link.ranks.link_sentence``, run by ``pipeline.link.claims.link``), one French
construction per row: text -> the set of (model, rank, leaderboard, claimed_by, hedged) of the
claims the ``rank`` recognizer makes."""
from __future__ import annotations

import pytest

from pipeline.link import claims
from tests.link.conftest import linked_alone
from pipeline.link.ranks import link_sentence


def ranks(a, lex) -> set:
    found = claims.link(a.text, a.views, a.sentences, a.ents, a.quantities, lex)
    assert all(c.relation == "ranks" and c.metric == "position" for c in found if c.where.recognizer == "rank")
    return {(c.subject, c.value, c.benchmark, c.claimed_by, c.hedged) for c in found if c.where.recognizer == "rank"}


CASES = [
    # ordinals, numbers, « en tête », « le meilleur », the podium
    ("Mistral Large 3 occupe la deuxième place du classement LMArena.", {("Mistral Large 3", 2.0, "LMArena", None, False)}),
    ("GPT-4o se hisse à la 9e place du classement LMArena.", {("GPT-4o", 9.0, "LMArena", None, False)}),
    ("Sur Lmarena, GPT-4o se classe à la 13e place.", {("GPT-4o", 13.0, "LMArena", None, False)}),  # (the board as some pages write it)
    ("Gemini 3 Pro se classe 7ème sur LMArena.", {("Gemini 3 Pro", 7.0, "LMArena", None, False)}),
    ("Sur LMArena, les Gemini 2.5 de Google se sont classés en premier.", {("Gemini 2.5", 1.0, "LMArena", None, False)}),
    ("Sur LMArena, Gemini 3 Pro est premier.", {("Gemini 3 Pro", 1.0, "LMArena", None, False)}),
    ("Yi-34B a fait sensation sur Open LLM Leaderboard en se classant premier parmi les LLM ouverts.",
     {("Yi-34B", 1.0, "Open LLM Leaderboard", None, False)}),
    ("Sur LMArena, o3 est à la deuxième place, avec GPT-4.5 à égalité avec Grok 4 pour la troisième.",
     {("o3", 2.0, "LMArena", None, False), ("GPT-4.5", 3.0, "LMArena", None, False)}),
    ("Sur LMArena, Gemini 3 est en premier lieu un modèle multimodal.", set()),
    # no board named: a place in a sentence on a ranking, or in an article that opens on one
    ("Le bilan d'août : Claude Opus 4.1 et Gemini 2.5 Pro dominent les classements.\n\nEn troisième place, GPT-5 "
     "affiche ses qualités.", {("GPT-5", 3.0, None, None, False)}),
    ("GPT-5 arrive. En troisième place, GPT-5 affiche ses qualités.", set()),
    ("Sur LMArena, Gemini 3 Pro arrive 2e, devant GPT-5.", {("Gemini 3 Pro", 2.0, "LMArena", None, False)}),
    ("Sur LMArena, Gemini 3 Pro se classe 3e génération de modèles.", set()),
    ("Mistral Medium 3 occupe la #1 place du classement LMArena.", {("Mistral Medium 3", 1.0, "LMArena", None, False)}),
    ("Grok 4 se classe à la troisième place sur LMArena.", {("Grok 4", 3.0, "LMArena", None, False)}),
    ("Grok 3 a pris la tête du classement LMArena avec 1 402 points.", {("Grok 3", 1.0, "LMArena", None, False)}),
    ("Llama 4 Maverick figure en tête sur LMArena.", {("Llama 4 Maverick", 1.0, "LMArena", None, False)}),
    ("Sur SciArena, Gemini 2.5 Pro s'est quant à lui classé troisième.", {("Gemini 2.5 Pro", 3.0, "SciArena", None, False)}),
    ("Sur LMArena, ERNIE 5.0 s’est aussi classé n°2 mondial en mathématiques.", {("ERNIE 5.0", 2.0, "LMArena", None, False)}),
    ("Sur LMArena, Gemini 3 atteint la tête du classement.", {("Gemini 3", 1.0, "LMArena", None, False)}),
    # a product's place by its audience is no model's rank (« avec 19 millions d'utilisateurs »)
    ("Kimi K2 occupe la troisième place du classement, avec 19 millions d'utilisateurs actifs.", set()),
    ("Kimi K2 occupe la troisième place du classement.", {("Kimi K2", 3.0, None, None, False)}),
    # « respectivement » with plural places: one place per name, in order; with a count that differs, none
    ("Sur LMArena, Kimi K2 et Ernie 4.5 occupent respectivement les troisième et quatrième places.",
     {("Kimi K2", 3.0, "LMArena", None, False), ("Ernie 4.5", 4.0, "LMArena", None, False)}),
    ("Sur LMArena, Kimi K2, GPT-5 et Ernie 4.5 occupent respectivement les troisième et quatrième places.", set()),
    ("GPT-5 est numéro un sur LMArena.", {("GPT-5", 1.0, "LMArena", None, False)}),
    ("Claude Opus 4 obtient le score le plus élevé sur SWE-bench.", {("Claude Opus 4", 1.0, "SWE-bench", None, False)}),
    ("Claude Opus 4 obtient le score le plus élevé de sa famille.", set()),
    ("Sur LMArena, Qwen3 est le meilleur modèle ouvert sur ce test.", {("Qwen3", 1.0, "LMArena", None, False)}),
    ("GPT-5 est le deuxième meilleur modèle sur LMArena.", {("GPT-5", 2.0, "LMArena", None, False)}),
    ("Sur LMArena, DeepSeek-R1 complète le podium.", {("DeepSeek-R1", 3.0, "LMArena", None, False)}),
    ("Voici le classement LMArena.\n\nEn haut du podium : Gemini 2.5 Pro, un modèle impressionnant.",
     {("Gemini 2.5 Pro", 1.0, "LMArena", None, False)}),
    ("Sur LMArena, on trouve Claude Opus 4.1, qui trône au sommet, puis GPT-5.", {("Claude Opus 4.1", 1.0, "LMArena", None, False)}),
    ("Llama 3 trône au sommet des téléchargements.", set()),
    ("Claude Opus 4.5 se place sur la plus haute marche du podium de la WebDev Arena.",
     {("Claude Opus 4.5", 1.0, "WebDev Arena", None, False)}),
    # a leaderboard the press names by the firm that runs it
    ("DeepSeek V3 arrive en tête de l'indice d'Artificial Analysis.",
     {("DeepSeek V3", 1.0, "Artificial Analysis Intelligence Index", None, False)}),
    # « le plus performant sur » a benchmark, the subject a pronoun; without a benchmark, nothing
    ("Claude Opus 4 est sorti. Il est actuellement le plus performant sur le banc d'essai SWE-bench Verified.",
     {("Claude Opus 4", 1.0, "SWE-bench Verified", None, False)}),
    ("Claude Opus 4 est le modèle le plus performant sur SWE-bench Verified.", {("Claude Opus 4", 1.0, "SWE-bench Verified", None, False)}),
    ("Claude Opus 4 est le plus performant du marché.", set()),
    ("Claude Opus 4 est plus performant sur SWE-bench Verified que GPT-4.1.", set()),
    # « suivi de X », « à égalité », « rang → nom »
    ("Sur LMArena, Gemini 2.5 Pro arrive en tête, suivi de Claude Opus 4.",
     {("Gemini 2.5 Pro", 1.0, "LMArena", None, False), ("Claude Opus 4", 2.0, "LMArena", None, False)}),
    # « domine avec 1 500 Elo » on a leaderboard: first; « domine » with no figure is no place
    ("Sur LMArena, Claude Opus 4.5 domine avec 1 500 Elo.", {("Claude Opus 4.5", 1.0, "LMArena", None, False)}),
    ("Claude Opus 4.5 domine ses concurrents sur LMArena.", set()),
    ("Sur LMArena, MiniMax-M1 et DeepSeek-R1 sont à égalité à la 12e place.",
     {("MiniMax-M1", 12.0, "LMArena", None, False), ("DeepSeek-R1", 12.0, "LMArena", None, False)}),
    ("Sur WebDev Arena, la 3e place → DeepSeek-R1.", {("DeepSeek-R1", 3.0, "WebDev Arena", None, False)}),
    ("Sur LMArena, deuxième place : Gemini 3 Pro.", {("Gemini 3 Pro", 2.0, "LMArena", None, False)}),
    # the model in focus, the previous sentence's leaderboard, a claimer, a rumour
    ("Qwen3 est sorti. Il se classe en tête du classement LMArena.", {("Qwen3", 1.0, "LMArena", None, False)}),
    ("Gemini 2.5 Pro arrive en tête sur LMArena. Claude Opus 4 prend la deuxième place.",
     {("Gemini 2.5 Pro", 1.0, "LMArena", None, False), ("Claude Opus 4", 2.0, "LMArena", None, False)}),
    ("Selon Google, Gemini 2.5 Pro prend la tête de LMArena.", {("Gemini 2.5 Pro", 1.0, "LMArena", "Google", False)}),
    ("Selon les rumeurs, Grok 5 prendrait la première place sur LMArena.", {("Grok 5", 1.0, "LMArena", None, True)}),
    # no rank: no leaderboard and no ranking, a market, a version, a company, no model
    ("Mistral Large 3 a pris la deuxième place.", set()),
    ("Mistral Large 3 occupe la deuxième place du marché européen.", set()),
    ("Llama 4 est la deuxième version de Llama.", set()),
    ("Sam Altman place GPT-5 au premier rang de ses priorités.", set()),
    ("OpenAI a pris la tête du marché.", set()),
    ("Le produit occupe la première place du classement LMArena.", set()),
    ("Gemini 2.5 Pro est la meilleure IA du moment.", set()),
    # « rapide » holds no « API », « contestée » no « test »: ranking words are whole words
    ("Qwen3 32B est sorti. Le modèle est rapide et représente le meilleur modèle de cette génération.", set()),
    ("Llama 3 est sorti. Il a pris la tête des téléchargements.", set()),
    ("Phi-4 surpasse GPT-4o sur MMLU, devant Gemini 2.0 Flash.", set()),  # a comparison, no rank
]
CASES += [
    # ranks in order, a bare ordinal after « se classe », a rank given to the name after it, the
    # leaderboard right after the rank, a hedged « devrait prendre la tête »
    ("Sur LMArena, Claude Opus 4 et GPT-4.1 occupent respectivement la quatrième et cinquième position.",
     {("Claude Opus 4", 4.0, "LMArena", None, False), ("GPT-4.1", 5.0, "LMArena", None, False)}),
    ("Grok 4 se classe troisième sur LMArena.", {("Grok 4", 3.0, "LMArena", None, False)}),
    ("Sur LMArena, Gemini 2.5 Pro prend la deuxième place, et la troisième revient à GPT-4.1.",
     {("Gemini 2.5 Pro", 2.0, "LMArena", None, False), ("GPT-4.1", 3.0, "LMArena", None, False)}),
    ("Gemini 2.5 Pro prend la deuxième place sur LMArena et la troisième sur WebDev Arena.",
     {("Gemini 2.5 Pro", 2.0, "LMArena", None, False), ("Gemini 2.5 Pro", 3.0, "WebDev Arena", None, False)}),
    ("Gemini 3 Pro devrait prendre la tête du classement LMArena.", {("Gemini 3 Pro", 1.0, "LMArena", None, True)}),
    # names in emphasis still take the ranks in order
    ("Sur LMArena, *GPT-4.5* et *GPT-4o* occupent respectivement la quatrième et cinquième position.",
     {("GPT-4.5", 4.0, "LMArena", None, False), ("GPT-4o", 5.0, "LMArena", None, False)}),
    # a list under a leaderboard named a few lines before, for the models the lines name; not for
    # the model in focus when the line names none
    ("Classement Chatbot Arena :\n• 3ᵉ place → DeepSeek-R1\n• 7ᵉ place → Qwen2.5-Max",
     {("DeepSeek-R1", 3.0, "Chatbot Arena", None, False), ("Qwen2.5-Max", 7.0, "Chatbot Arena", None, False)}),
    ("Gemini-Exp-1206 est sorti sur Chatbot Arena.\n\nUn autre perd du terrain et se retrouve à la 11e place ce mois-ci.",
     set()),
    # bullets under an introduction that speaks of a ranking (« : » or « ? »), with the test it
    # names if any; « 1ère », a tie in parentheses shared by the names after it
    ("Quels ont été les classements finaux du test ?\n- 1ère place : Gemini 3 Pro\n- 4ème place (ex aequo) : GPT-5.1 et Grok 4.1",
     {("Gemini 3 Pro", 1.0, None, None, False), ("GPT-5.1", 4.0, None, None, False), ("Grok 4.1", 4.0, None, None, False)}),
    ("Les positions sur le classement Aider Polyglot :\n- o1 : occupe la première position\n- DeepSeek R1 : a assuré la deuxième place",
     {("o1", 1.0, "Aider Polyglot", None, False), ("DeepSeek R1", 2.0, "Aider Polyglot", None, False)}),
    ("Nos conseils pour bien choisir :\n- GPT-5 : la première place pour le prix.", set()),
    # a bullet about a product (« - ChatGPT : ») is not about the model in focus
    ("Les IA :\n- ChatGPT : Depuis GPT-3.5 jusqu’à GPT-4o, il excelle. En 2024, il reste en tête des classements comme la Chatbot Arena.",
     set()),
    ("Les positions sur le classement :\n\nLe marché bouge.\n- GPT-5 : la première place pour le prix.", set()),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_ranks(analyse, lex, text, expected):
    assert ranks(analyse(text), lex) == expected


@pytest.mark.parametrize("text, expected", [
    ("Mistral Large 3 occupe la deuxième place du classement LMArena.", {("Mistral Large 3", 2.0)}),
    ("Sur LMArena, DeepSeek-R1 complète le podium.", {("DeepSeek-R1", 3.0)}),
    ("Mistral Large 3 occupe la deuxième place du marché européen.", set()),
    ("Phi-4 surpasse GPT-4o sur MMLU.", set()),
])
def test_link_sentence_alone(analyse, lex, text, expected):
    """The module's own entry point, on a fresh linker, one sentence at a time."""
    made = linked_alone(analyse(text), lex, link_sentence)
    assert {(c.subject, c.value) for c in made} == expected
    assert all(c.where.recognizer == "rank" for c in made)
