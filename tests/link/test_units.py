"""Units (``pipeline.link.units``), one French construction per row.

``infer_units``: (sentence, the value as written, the unit and the value it gets);
``label_unit``: (a line, the unit its label says its first number counts)."""
from __future__ import annotations

import pytest

from pipeline.link.cues import fact_cues
from pipeline.link.units import infer_units, label_unit
from pipeline.recognize.quantities import EXPERTS, FOREIGN, PARAMS, TOKENS
from pipeline.recognize.segments import within

B = 1_000_000_000

CASES = [
    # stated
    ("Mixtral 8x7B compte 46,7 milliards de paramètres dont 12,9 actifs.", "46,7", PARAMS, 46_700_000_000),
    # the list's last item speaks for all, and lends its scale
    ("Phi-3-small et Phi-3-medium affichent 7 et 14 milliards de paramètres.", "7 et", PARAMS, 7 * B),
    ("Gemma 3 existe en 1, 4, 12 et 27 milliards de paramètres.", "4,", PARAMS, 4 * B),
    ("Qwen3 accepte 4K et 128K jetons.", "4K", TOKENS, 4000),
    # a previous neighbour: « dont », « contre », « et »
    ("Mixtral 8x7B compte 46,7 milliards de paramètres dont 12,9 actifs.", "12,9", PARAMS, 12_900_000_000),
    ("PaLM 2 compte 340 milliards de paramètres, contre 1 000 milliards à GPT-4.", "1 000", PARAMS, 1000 * B),
    ("Llama 3.1 offre 128 000 jetons pour ses trois tailles, contre 8 000 pour Llama 3.", "8 000", TOKENS, 8000),
    ("OLMo 2 compte 7 milliards de paramètres et 32 milliards.", "32 milliards", PARAMS, 32 * B),
    # a bare number after an expert count counts experts; one with a scale still parameters
    ("Moondream 3 : 9 milliards de paramètres au total, 64 experts, 8 activés par token.", "8 activés", EXPERTS, 8),
    ("Llama 4 Scout a 109 milliards de paramètres et 16 experts, dont seulement 17 milliards sont activés.",
     "17 milliards", PARAMS, 17 * B),
    # « 17 des 480 milliards de paramètres »: the part lent the whole's unit and scale
    ("Arctic active chacun 17 des 480 milliards de paramètres.", "17 des", PARAMS, 17 * B),
    # « quatre “experts” parmi 128 »: the unit in quotes, lent across « parmi »
    ("GPT-5 mobilise quatre “experts” parmi 128.", "128", EXPERTS, 128),
    # a big number borrows the unit, never the scale
    ("GPT-2 compte 1,5 milliard de paramètres, contre 128 000 pour un vieux modèle.", "128 000", PARAMS, 128_000),
    # what the sentence is about
    ("Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B.", "70B", PARAMS, 70 * B),
    ("Gemini 1.5 Pro a une fenêtre de contexte de 128K.", "128K", TOKENS, 128_000),
    ("Gemma 3 a une fenêtre de contexte de 128 ko.", "128 ko", TOKENS, 128_000),  # a translation's kilo-octets
    ("Le fichier de Gemma 3 pèse 128 ko.", "128 ko", None, 128_000),
    ("Mistral Large 2 compte 123 milliards, un chiffre record pour ses paramètres.", "123", PARAMS, 123 * B),
    # « n'en active que »: the « en » is parameters
    ("Praline 4 n'en active que trente-deux milliards par jeton.", "trente-deux", PARAMS, 32 * B),
    ("Le second n'en compte que vingt et un milliards.", "vingt et un", PARAMS, 21 * B),
    ("GPT-2 en comptait à peine 110 millions.", "110", PARAMS, 110 * 10**6),
    ("Maverick en a 402 milliards.", "402", PARAMS, 402 * B),
    # a name whose verb is left out, and a capitalised word after the value that is no unit
    ("Seuls 17 Md de paramètres s’activent, même si Scout en totalise 109 Md et Maverick 400 Md Meta AI.", "400", PARAMS, 400 * B),
    ("GPT-4o compte 200 milliards de paramètres et Claude 3 Opus 2 ans de retard.", "2 ans", FOREIGN, 2),
    ("Meta en a 3 milliards d'utilisateurs.", "3", "foreign", 3 * B),
    # « seulement 47 milliards sont activés pour chaque token »: what is activated per token is parameters
    ("Seulement 47 milliards sont activés pour chaque token.", "47", PARAMS, 47 * B),
    ("Seulement 3 milliards actifs par jeton.", "3 milliards", PARAMS, 3 * B),
    ("Seulement 3 milliards actifs chaque mois.", "3 milliards", None, 3 * B),
    ("Seulement 3 milliards d'utilisateurs actifs par jour.", "3 milliards", FOREIGN, 3 * B),
    # a bullet's label
    ("- **Experts :** 384, dont 8 actifs", "384", EXPERTS, 384),
    ("- Contexte : 128 000", "128 000", TOKENS, 128_000),
    ("- Paramètres actifs : 17B", "17B", PARAMS, 17 * B),
    # no unit: years, a score, a label that counts nothing, a neighbour too far, no cue at all
    ("Llama 3 compte 70 milliards de paramètres, sorti en 2024.", "2024", None, 2024),
    ("Llama 3 a été entraîné sur 15 000 milliards de tokens en 2024 et 2025.", "2024", None, 2024),
    ("Llama 3 compte 70 milliards de paramètres depuis 2024.", "2024", None, 2024),
    ("Llama 3 (70 milliards de paramètres, 2024) est ouvert.", "2024", None, 2024),  # a list link, but a year
    ("- Paramètres : 2024", "2024", None, 2024),
    ("- Temps d'entraînement : divisé par 3", "3", None, 3),
    ("- Licence : MIT 2", "2", None, 2),
    ("Llama 3 a obtenu 68 sur MMLU.", "68", None, 68),
    ("Qwen3 traite 32K jetons. Il a aussi une version à 128K.", "128K", None, 128_000),
    ("Mistral Large 2 a été présenté en 2024, avec 123 milliards.", "123", None, 123 * B),
    # « à » after a verb is no list link (« étendu à 128 8 jetons », a garbled translation)
    ("DeepSeek-V3.1 compte 37 milliards activés avec un contexte étendu à 128 8 jetons.", "128", None, 128),
    # a foreign unit stays foreign
    ("Llama 3 a coûté 2 milliards de dollars.", "2 milliards", FOREIGN, 2 * B),
    ("Grok 3 a 2,7 millions de tokens, soit 100 millions de plus.", "100 millions", FOREIGN, 100_000_000),
]


@pytest.mark.parametrize("text, written, unit, value", CASES)
def test_infer_units(analyse, lex, text, written, unit, value):
    a = analyse(text)
    q = a.quantity(written)
    s = a.view_of(q.start).sentence
    rows = {r[0]: r[1:] for r in infer_units(a.text, s, within(a.quantities, s.start, s.end), fact_cues(lex))}
    assert rows[q] == (unit, value)


LABELS = [
    ("- **Experts :** 384, dont 8 actifs", EXPERTS),
    ("- Contexte : 128 000", TOKENS),
    ("- Fenêtre de contexte : 1M", TOKENS),
    ("- Paramètres actifs : 17B", PARAMS),
    ("- Paramètres : 70 milliards", PARAMS),
    ("- Données d'entraînement : 15T", TOKENS),
    ("- Licence : MIT 2", None),
    ("- Prix : 3 dollars", None),
    ("- 70 milliards de paramètres", None),  # a bullet with no label
    ("Contexte : 128 000", None),  # not a bullet
    ("Llama 3 compte 70 milliards de paramètres.", None),
]


@pytest.mark.parametrize("line, unit", LABELS)
def test_label_unit(analyse, line, unit):
    a = analyse(line)
    assert label_unit(a.text, a.sentences[0]) == unit
