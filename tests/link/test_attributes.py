"""Attributes (``pipeline.link.attributes.attribute_of``), one French construction per row:
(sentence, the value as written, the unit it counts, the previous token attribute, the attribute)."""
from __future__ import annotations

import pytest

from pipeline.link.attributes import attribute_of
from pipeline.link.cues import fact_cues
from pipeline.recognize.quantities import EXPERTS, FOREIGN, PARAMS, TOKENS

CASES = [
    # parameters: active after « actifs » or an activation verb, else total
    ("Mixtral 8x7B compte 46,7 milliards de paramètres dont 12,9 actifs.", "46,7", PARAMS, None, "params_total"),
    ("Mixtral 8x7B compte 46,7 milliards de paramètres dont 12,9 actifs.", "12,9", PARAMS, None, "params_active"),
    ("Llama 4 Maverick n'en active que 17 milliards de paramètres.", "17 milliards", PARAMS, None, "params_active"),
    ("Qwen3-30B-A3B active seulement 3 milliards de paramètres.", "3 milliards", PARAMS, None, "params_active"),
    ("Une requête n'en active qu'un « simple » 32 milliards.", "32 milliards", PARAMS, None, "params_active"),
    # a token count no context window holds, with no cue: the training data's
    ("Gemini 2.5 Pro a vu 15,5 trillions de tokens de pré-entraînement, et sa fenêtre atteint un million de tokens.",
     "15,5", TOKENS, None, "training_tokens"),
    ("DeepSeek-V3 a vu 14,8 trillions de tokens.", "14,8 trillions", TOKENS, None, "training_tokens"),
    ("Llama 4 Maverick compte 17 milliards de paramètres activés sur 400 milliards de paramètres.",
     "400 milliards", PARAMS, None, "params_total"),
    ("DeepSeek-V3 compte 671 milliards de paramètres au total.", "671 milliards", PARAMS, None, "params_total"),
    # (a translation's word order: the part activated, then « sur un total de … par jeton traité »)
    ("DeepSeek-V3 permet d'activer seulement un sous-ensemble de ses paramètres 37 milliards sur un total de 671 "
     "milliards par jeton traité.", "37 milliards", PARAMS, None, "params_active"),
    ("DeepSeek-V3 permet d'activer seulement un sous-ensemble de ses paramètres 37 milliards sur un total de 671 "
     "milliards par jeton traité.", "671 milliards", PARAMS, None, "params_total"),
    ("DeepSeek-V3 active 37 milliards de paramètres par jeton.", "37 milliards", PARAMS, None, "params_active"),
    # a bullet's label says it first
    ("- paramètres actifs : 40 Md ;", "40 Md", PARAMS, None, "params_active"),
    ("- paramètres : 40 Md ;", "40 Md", PARAMS, None, "params_total"),
    ("- vocabulaire : 200 000 jetons ;", "200 000", TOKENS, None, None),
    ("Dans le modèle Llama 2, il existe 32 000 tokens différents.", "32 000", TOKENS, None, None),  # a vocabulary
    ("Le contexte de Llama 2 est de 4 096 tokens, différents selon la version.", "4 096", TOKENS, None, "context_tokens"),
    # an output cue after the next value is that value's
    ("Fenêtre contextuelle de 200 Ko et pour 64 000 jetons de sortie.", "200 Ko", TOKENS, None, "context_tokens"),
    ("Fenêtre contextuelle de 200 Ko et pour 64 000 jetons de sortie.", "64 000", TOKENS, None, None),
    ("Une fenêtre contextuelle d'entrée de 1 million de tokens et de sortie de 8 000 tokens.", "1 million", TOKENS, None,
     "context_tokens"),
    ("Une fenêtre contextuelle d'entrée de 1 million de tokens et de sortie de 8 000 tokens.", "8 000", TOKENS, None, None),
    ("Une fenêtre de 1 million de tokens en entrée et en sortie.", "1 million", TOKENS, None, None),
    ("Claude 4 offre 200 000 jetons de sortie.", "200 000", TOKENS, None, None),
    ("- contexte : 200 000 jetons ;", "200 000", TOKENS, None, "context_tokens"),
    # experts: the model's count, not those routed per token
    ("DeepSeek-V3 compte 256 experts.", "256", EXPERTS, None, "experts"),
    ("Kimi K2 utilise 384 experts, dont 8 sollicités par jeton.", "384", EXPERTS, None, "experts"),
    ("Kimi K2 utilise 384 experts, dont 8 sollicités par jeton.", "8 sollicités", EXPERTS, None, None),
    ("DeepSeek-V3 sélectionne 8 experts pour chaque token.", "8 experts", EXPERTS, None, None),
    ("Llama 4 Scout a 16 experts, n’activant que 2 experts à la fois.", "2 experts", EXPERTS, None, None),
    ("Llama 4 Scout a 16 experts, n’activant que 2 experts à la fois.", "16 experts", EXPERTS, None, "experts"),
    ("Chaque jeton de DeepSeek-V3 passe par 8 experts.", "8 experts", EXPERTS, None, None),
    ("Mixtral 8x7B n'active que 12,9 des 46,7 milliards de paramètres.", "12,9", PARAMS, None, "params_active"),
    ("Ils n’activent qu’une partie de leurs paramètres à la fois - environ 17 milliards pour Scout.", "17 milliards",
     PARAMS, None, "params_active"),
    ("Ils activent une partie de leurs experts ; Scout compte 17 milliards de paramètres.", "17 milliards", PARAMS, None,
     "params_total"),
    ("Mixtral 8x7B n'active que 12,9 des 46,7 milliards de paramètres.", "46,7", PARAMS, None, "params_total"),
    ("Mixtral 8x7B active deux experts parmi huit.", "deux experts", EXPERTS, None, None),
    ("Phi-3.5 MoE utilise des paramètres actifs 6.6B lors de l’utilisation de deux experts.", "6.6B", PARAMS, None,
     "params_active"),
    ("Phi-3.5 MoE utilise des paramètres actifs 6.6B lors de l’utilisation de deux experts.", "deux experts", EXPERTS,
     None, None),
    ("Mixtral 8x7B active deux experts parmi huit.", "huit", EXPERTS, None, "experts"),
    ("Grok-1 compte 8 experts, dont deux sont actifs pour chaque jeton.", "deux", EXPERTS, None, None),
    # tokens: the nearest cue before it in its clause, else after it, else the sentence's
    ("Phi-4 a été pré-entraîné sur 9 800 milliards de jetons.", "9 800", TOKENS, None, "training_tokens"),
    ("Llama 3 a été entraîné sur un corpus de 15 000 milliards de jetons.", "15 000", TOKENS, None, "training_tokens"),
    ("Phi-4 est sorti. Sa fenêtre de contexte est de 16 000 jetons.", "16 000", TOKENS, None, "context_tokens"),
    ("Llama 3.1 405B dispose d'une context window de 128K tokens et a été entraîné sur 15T tokens.",
     "128K", TOKENS, None, "context_tokens"),
    ("Llama 3.1 405B dispose d'une context window de 128K tokens et a été entraîné sur 15T tokens.",
     "15T", TOKENS, None, "training_tokens"),
    ("Gemini 2.5 Pro a vu 15,5 trillions de tokens de pré-entraînement.", "15,5", TOKENS, None, "training_tokens"),
    # … in its own clause, though the sentence speaks of context too
    ("Gemini 2.5 Pro a vu 15 trillions de tokens de pré-entraînement, et sa fenêtre atteint un million de tokens.",
     "15 trillions", TOKENS, None, "training_tokens"),
    ("Gemini 2.5 Pro a vu 15 trillions de tokens de pré-entraînement, et sa fenêtre atteint un million de tokens.",
     "un million", TOKENS, None, "context_tokens"),
    ("Llama 3 a été entraîné sur des données publiques : 15 000 milliards de tokens.", "15 000", TOKENS, None, "training_tokens"),
    ("Mistral Large 2 traite 128 000 tokens.", "128 000", TOKENS, None, "context_tokens"),
    # after « contre », the attribute of the token count before it
    ("Qwen3-235B-A22B accepte 128K jetons de contexte, contre 32K pour Qwen3-0.6B.", "32K", TOKENS, "context_tokens", "context_tokens"),
    ("Llama 3 a vu 15T tokens, contre 2T pour Llama 2.", "2T", TOKENS, "training_tokens", "training_tokens"),
    ("Llama 3 a vu 15T tokens, contre 2T pour Llama 2.", "2T", TOKENS, None, "training_tokens"),  # no previous: the default, for a count no window holds
    # not an attribute: a speed, an output limit, a lab test, a price, a foreign unit
    ("GPT-4o génère 150 jetons par seconde.", "150", TOKENS, None, None),
    ("Claude 3.7 Sonnet produit jusqu'à 64 000 tokens en sortie.", "64 000", TOKENS, None, None),
    ("Claude 3.5 Sonnet accepte 200 000 tokens de contexte, avec 8 192 tokens en sortie.", "8 192", TOKENS, None, None),
    ("Claude 3.5 Sonnet accepte 200 000 tokens de contexte, avec 8 192 tokens en sortie.", "200 000", TOKENS, None, "context_tokens"),
    ("Gemini 1.5 Pro a été testé jusqu'à 10 millions de jetons en laboratoire.", "10 millions", TOKENS, None, None),
    ("GPT-4o facture 10 dollars pour 1 million de tokens.", "1 million", TOKENS, None, None),
    ("Mistral 7B coûte 2 millions de dollars.", "2 millions", FOREIGN, None, None),
    ("Llama 3 compte 70 milliards de paramètres.", "70 milliards", None, None, None),
]

# (A decimal comma in the value still ends its own clause in ``cues.clause_bounds``, so the cue after
# « 15,5 » is not read; the count is training data by its size.)


@pytest.mark.parametrize("text, written, unit, previous, expected", CASES)
def test_attribute_of(analyse, lex, text, written, unit, previous, expected):
    a = analyse(text)
    q = a.quantity(written)
    s = a.view_of(q.start).sentence
    assert attribute_of(a.text, q, unit, s, fact_cues(lex), previous_token_attribute=previous) == expected
