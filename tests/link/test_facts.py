"""Fact linking, one French construction per case: sentence(s) -> the (model, attribute, value) set."""
from __future__ import annotations

import pytest

from pipeline.extract import Extractor
from pipeline.records import Article


@pytest.fixture(scope="module")
def extract():
    ex = Extractor()
    return lambda text: {(f.model, f.attribute, f.value) for f in ex.process(Article("t", "t.txt", text)).facts}


CASES = [
    # « seuls 280 B de paramètres environ sont en jeu lors de l'inférence »: the active count
    ("Le modèle GPT-4 a 1,76 T de paramètres, mais seuls 280 B de paramètres environ sont en jeu lors de l'inférence.",
     {("GPT-4", "params_total", 1_760_000_000_000), ("GPT-4", "params_active", 280_000_000_000)}),
    # « cette petite IA »: the model in focus
    ("Microsoft renverse la table avec Phi 4. Avec seulement 14 milliards de paramètres, cette petite IA surprend.",
     {("Phi 4", "params_total", 14_000_000_000)}),
    # a value in an aside opened after a negation is no negated value
    ("Mistral Large 2402 est spécialisé en RAG : les informations ne sont pas perdues dans de longs contextes (jusqu’à 32 K jetons).",
     {("Mistral Large 2402", "context_tokens", 32_000)}),
    # with no name in the sentence, « ses N » is the model in focus's
    ('Gemma 3 270M est une version miniature. Le chiffre "270M" fait référence à ses 270 millions de paramètres.',
     {("Gemma 3 270M", "params_total", 270_000_000)}),
    # « N tokens sur X », « X (8K context) »
    ("Limitée à 4096 tokens sur GPT-3.5, la fenêtre grandit.", {("GPT-3.5", "context_tokens", 4096)}),
    ("| OpenAI GPT-4 (8K context) | 0,03 $ |", {("GPT-4", "context_tokens", 8000), ("GPT-4", "organization", "OpenAI")}),
    # the next sentence of a bullet that names its model is about it
    ("- BERT: Avec sa taille de 110 millions de paramètres, il est facile à adapter.\n"
     "- GPT-2: Ce modèle est connu pour sa capacité à générer du texte. La taille de 1,5 milliard de paramètres lui permet d'évoluer.",
     {("BERT", "params_total", 110_000_000), ("GPT-2", "params_total", 1_500_000_000)}),
    # « Le tout entraîné sur … »: the model just described
    ("Moondream 3.0 est un modèle de vision compact. Le tout entraîné sur environ 450 milliards de tokens.",
     {("Moondream 3.0", "training_tokens", 450_000_000_000)}),
    # the last of a list of sizes in parentheses after a family's name is no one's
    ("Côté léger : les modèles Ministral 3 (3 B, 8 B, 14 B paramètres), denses et efficaces.", set()),
    ("Qwen3-235B-A22B (235 milliards de paramètres, dont 22 milliards actifs) est sorti.",
     {("Qwen3-235B-A22B", "params_total", 235_000_000_000), ("Qwen3-235B-A22B", "params_active", 22_000_000_000)}),
    # « cette dernière » after figures the sentence gives is the last size, not the last model named
    ("Qwen est sorti. La gamme compte des modèles à 122 et 35 milliards de paramètres (cette dernière avec "
     "3 milliards de paramètres actifs).", set()),
    # « A et B tokens pour les deux versions de X »: both values are X's (a value listed before one that says its holder)
    ("Limitée à 4096 tokens sur GPT-3.5, elle passe à 8192 et 32768 tokens pour les deux versions de GPT-4.",
     {("GPT-3.5", "context_tokens", 4096), ("GPT-4", "context_tokens", 8192), ("GPT-4", "context_tokens", 32768)}),
    # « un LLM maison (Helium) à 7 milliards »: the name a model noun glosses in parentheses, right before the value
    ("Kyutai est parti d’un LLM maison (Helium) à 7 milliards de paramètres.",
     {("Helium", "params_total", 7_000_000_000), ("Helium", "organization", "Kyutai")}),
    # « X et Y : des modèles de N »: the names listed before the apposition share the value
    ("La communauté BigCode présente StarCoder et StarCoderBase : des modèles de 15,5 milliards de paramètres.",
     {("StarCoder", "params_total", 15_500_000_000), ("StarCoderBase", "params_total", 15_500_000_000),
      ("StarCoder", "organization", "BigCode"), ("StarCoderBase", "organization", "BigCode")}),
    # tokens a request generates are no context window (nor is a window under 512 tokens)
    ("- Une requête GPT-4o génère en moyenne 500 tokens, ce qui nécessite 100 milliards d’opérations.", set()),
    # a table cell written as prose, with a name and a value that says its unit, is a sentence;
    # a cell with no name, or a bare value, is the table's to read by its header
    ("| Développeur | Modèles |\n|---|---|\n| Google | Gemini 2.5 Pro (fenêtre de contexte gigantesque jusqu’à 2M de tokens, "
     "multimodal) |", {("Gemini 2.5 Pro", "context_tokens", 2_000_000), ("Gemini 2.5 Pro", "organization", "Google")}),
    ("| Modèle | Notes |\n|---|---|\n| Mixtral 8x7B | un MoE de 46,7 milliards de paramètres |", set()),
    ("| Modèle | Prix |\n|---|---|\n| Llama 3 70B | 3 dollars le million de jetons |", set()),
    # explicit unit after the number, model before it
    ("Le modèle Llama 4 Scout compte 109 milliards de paramètres.", {("Llama 4 Scout", "params_total", 109000000000)}),
    # « dont N actifs » borrows the scale of the total
    ("Mixtral 8x7B compte 46,7 milliards de paramètres dont 12,9 actifs.",
     {("Mixtral 8x7B", "params_total", 46700000000), ("Mixtral 8x7B", "params_active", 12900000000)}),
    # pronoun subject: the model in focus
    ("Gemini 1.5 Pro est sorti. Il dispose d'une fenêtre de contexte d'un million de tokens.",
     {("Gemini 1.5 Pro", "context_tokens", 1000000)}),
    # training vs context by the nearest cue
    ("Phi-4 a été pré-entraîné sur 9 800 milliards de jetons. Sa fenêtre de contexte est de 16 000 jetons.",
     {("Phi-4", "training_tokens", 9800000000000), ("Phi-4", "context_tokens", 16000)}),
    # « contre N pour X »
    ("Qwen3-235B-A22B accepte 128K jetons de contexte, contre 32K pour Qwen3-0.6B.",
     {("Qwen3-235B-A22B", "context_tokens", 128000), ("Qwen3-0.6B", "context_tokens", 32000)}),
    # family sizes name the variants
    ("Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B.",
     {("Llama 3.1 8B", "params_total", 8000000000), ("Llama 3.1 70B", "params_total", 70000000000),
      ("Llama 3.1 405B", "params_total", 405000000000), ("Llama 3.1", "organization", "Meta")}),
    # a list introduced in the paragraph of the model in focus is about it; a list under another
    # heading, introduced by a sentence that names no model, is not
    ("Mistral Large 3 fait un bond. Pour la première fois, un modèle ouvert propose :\n\n• Fenêtre de contexte de 256 000 tokens",
     {("Mistral Large 3", "context_tokens", 256000)}),
    ("o3 domine le test.\n\nARC Prize 2025 : un million en jeu\n\nRésultats :\n- 1er Paper : Tiny Recursive Model (7M paramètres)",
     set()),
    # values scattered through one long sentence (a page flattened onto one line): none is the
    # model's; one list of values is its family's sizes
    ("Qwen-3 8B : fenêtre de contexte ; exemple : un e-mail fait 800 tokens, un rapport 1500 tokens, un contrat 30 000 tokens",
     set()),
    # … but not the sizes of another group the sentence adds to the name
    ("DeepSeek-R1 est décliné en plusieurs versions, dont des modèles distillés à 1,5B, 7B, 14B et 70B de paramètres.", set()),
    ("La famille comprend à la fois un Mistral Large 3 massif (un modèle MoE) et plusieurs variantes edge (3B, 8B, 14B).", set()),
    ("Qwen 2.5 arrive avec des variantes de 7, 14 et 72 milliards de paramètres.",
     {("Qwen 2.5 7B", "params_total", 7 * 10**9), ("Qwen 2.5 14B", "params_total", 14 * 10**9), ("Qwen 2.5 72B", "params_total", 72 * 10**9)}),
    ("Basalte 1 se décline en 4, 12 et 48 milliards de paramètres.",
     {("Basalte 1", "params_total", 4 * 10**9), ("Basalte 1", "params_total", 12 * 10**9), ("Basalte 1", "params_total", 48 * 10**9)}),
    # a relative said of the anaphor a sentence opens on; the member of a family « baptisé » is
    # what the sentence before was about
    ("Alibaba dévoile une déclinaison de sa famille Qwen, baptisée Qwen 3-Max. Ce modèle, qui dépasse le trillion de paramètres, marque une étape.",
     {("Qwen 3-Max", "params_total", 10**12), ("Qwen", "organization", "Alibaba"), ("Qwen 3-Max", "organization", "Alibaba")}),
    # « Ces modèles »: the last list, its names followed by asides in parentheses
    ("Meta lance Llama 4 Scout (109 milliards de paramètres) et Llama 4 Maverick (400 milliards de paramètres).\n\nLes tests déçoivent.\n\n"
     "Ces modèles offrent une fenêtre de contexte de 10 millions de tokens.",
     {("Llama 4 Scout", "params_total", 109 * 10**9), ("Llama 4 Maverick", "params_total", 400 * 10**9),
      ("Llama 4 Scout", "organization", "Meta"), ("Llama 4 Maverick", "organization", "Meta"),
      ("Llama 4 Scout", "context_tokens", 10**7), ("Llama 4 Maverick", "context_tokens", 10**7)}),
    # … in words too; each is its name's, not shared by the list (one value, three names)
    ("Les modèles GPT-2 (1.5 milliard), BERT-Large (340 millions) et GPT-J (6B) tiennent en mémoire.",
     {("GPT-2", "params_total", 1_500_000_000), ("BERT-Large", "params_total", 340 * 10**6), ("GPT-J", "params_total", 6 * 10**9)}),
    ("Les modèles GPT-2, BERT-Large et GPT-J (6B) tiennent en mémoire.", {("GPT-J", "params_total", 6 * 10**9)}),
    # … and a value in an aside after a name we do not know is neither shared nor the name's before
    ("MiniMax M2.5 (230 milliards), Step-3.5-Flash (196 milliards) et Longchat de Meituan (68 milliards) complètent le mois.",
     {("MiniMax M2.5", "params_total", 230 * 10**9), ("Step-3.5-Flash", "params_total", 196 * 10**9)}),
    # … in a table's cell too, however short (but not a bare size in a column of sizes)
    ("| VRAM | 8 bits | Exemples |\n| --- | --- | --- |\n| 24 | 5-6B | GPT-J (6B), BLOOM-7B1 |\n| 48 | 13B | Llama 2 13B |",
     {("GPT-J", "params_total", 6 * 10**9)}),
    # sizes alone in parentheses after names: millions too
    ("2018 : GPT-1 (117M) / BERT (340M)", {("GPT-1", "params_total", 117 * 10**6), ("BERT", "params_total", 340 * 10**6)}),
    # « ce dernier, qui … »: the last name
    ("Ce modèle progresse par rapport à Qwen-3-Max-Thinking, malgré la taille de ce dernier, qui dépassait le trillion de paramètres.",
     {("Qwen-3-Max-Thinking", "params_total", 10**12)}),
    # a clause with its own subject: a sibling tier of the model named before it
    ("Le modèle Llama 4 Scout a 109 milliards de paramètres, tandis que Maverick en a 402 milliards.",
     {("Llama 4 Scout", "params_total", 109 * 10**9), ("Llama 4 Maverick", "params_total", 402 * 10**9)}),
    # … a clause with its own subject, a name the text does not know as a model
    ("Le modèle Llama 4 Scout a 109 milliards de paramètres, tandis que Falcor en a 402 milliards.",
     {("Llama 4 Scout", "params_total", 109 * 10**9)}),
    # … right after the family's name; under its heading, bare size labels state no count
    ("Juillet 2023 - Llama 2\n\n• Modèles : 7B, 13B, 70B paramètres\n• Licence : ouverte", set()),
    # as many values as coordinated names: paired in order
    ("Phi-3-small et Phi-3-medium affichent 7 et 14 milliards de paramètres.",
     {("Phi-3-small", "params_total", 7000000000), ("Phi-3-medium", "params_total", 14000000000)}),
    # one value for all the names; several values that do not match the names one to one: no one's
    ("Llama 4 Scout et Llama 4 Maverick activent 17 milliards de paramètres.",
     {("Llama 4 Scout", "params_active", 17000000000), ("Llama 4 Maverick", "params_active", 17000000000)}),
    ("Phi-3-mini, Phi-3-small et Phi-3-medium affichent 7 et 14 milliards de paramètres.", set()),
    # values with another name between them are no list: each is its clause's
    ("Plusieurs variantes, dont Mistral Medium 3.1 ou Pixtral 12B, gèrent jusqu’à 128 000 jetons de contexte, tandis que "
     "des modèles orientés code comme Codestral montent à 256 000 jetons.",
     {("Pixtral 12B", "context_tokens", 128000), ("Codestral", "context_tokens", 256000)}),
    # a list of names anywhere in the sentence, then « respectivement » and as many values: paired in order;
    # the values before the cue are not the list's
    ("Chinchilla compte 70 milliards de paramètres et surpasse GPT-3, Gopher, MT NLG - qui possèdent, respectivement, "
     "175 milliards, 280 milliards et 530 milliards de paramètres.",
     {("Chinchilla", "params_total", 70 * 10**9), ("GPT-3", "params_total", 175 * 10**9), ("Gopher", "params_total", 280 * 10**9),
      ("Megatron-Turing NLG", "params_total", 530 * 10**9)}),
    ("Chinchilla surpasse GPT-3, Gopher et MT NLG, qui possèdent respectivement 175 et 280 milliards de paramètres.", set()),
    # French billion = 10^12
    ("Falcon 180B a été entraîné sur 3,5 billions de jetons.", {("Falcon 180B", "training_tokens", 3500000000000)}),
    # experts, not the experts routed per token
    ("Grok-1 compte 8 experts, dont deux sont actifs pour chaque jeton.", {("Grok-1", "experts", 8)}),
    # English loanwords and suffixes
    ("Llama 3.1 405B dispose d'une context window de 128K tokens et a été entraîné sur 15T tokens.",
     {("Llama 3.1 405B", "context_tokens", 128000), ("Llama 3.1 405B", "training_tokens", 15000000000000)}),
    ("DeepSeek-V3 est un modèle MoE de 671B paramètres dont 37B actifs.",
     {("DeepSeek-V3", "params_total", 671000000000), ("DeepSeek-V3", "params_active", 37000000000)}),
    # traps: users, money, GPUs, ratios, a negated value, an unnamed model, a range, a component
    ("Llama 3 compte 700 millions d'utilisateurs et a coûté 2 milliards de dollars sur 16 000 GPU.", set()),
    ("Mixtral 8x7B ne pèse pas 56 milliards de paramètres.", set()),
    ("Mistral Large 2 est trois fois plus petit, soit 1,6 fois moins de paramètres.", set()),
    ("Meta prépare Llama 4. Une version de plus de 400 milliards de paramètres devrait suivre.", set()),
    ("DeepSeek-R1 a six versions distillées, de 1,5 à 70 milliards de paramètres.", set()),
    ("Mistral Large 3 utilise un encodeur de vision de 2,5 milliards de paramètres.", set()),
    ("Gemini 1.5 Pro a été testé jusqu'à 10 millions de jetons en laboratoire.", set()),
    ("GPT-4o génère 150 jetons par seconde pour 3 dollars par million de tokens.", set()),
    # « Ces modèles »: the models last listed, not the ones a comparison names
    ("Llama 4 Scout et Llama 4 Maverick sont sortis. Llama 4 Scout semble être au niveau de Grok-2 ou Ernie 4.5. "
     "Ces modèles offrent une fenêtre de contexte de 10 millions de tokens.",
     {("Llama 4 Scout", "context_tokens", 10000000), ("Llama 4 Maverick", "context_tokens", 10000000)}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_facts(extract, text, expected):
    assert extract(text) == expected
