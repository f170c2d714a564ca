"""Traps (``pipeline.link.traps.invalidated_by``), one French construction per row:
(sentence(s), the value as written, the trap it falls into or None)."""
from __future__ import annotations

import pytest

from pipeline.link.traps import TRAPS, continues, contradicts_name, implausible, invalidated_by, sized_model

CASES = [
    # ranges
    ("DeepSeek-R1 a six versions distillées, de 1,5 à 70 milliards de paramètres.", "1,5", "range_low"),
    ("DeepSeek-R1 a six versions distillées, de 1,5 à 70 milliards de paramètres.", "70 milliards", "range_high"),
    ("Mistral publie des modèles de 7B — 70 milliards de paramètres.", "70 milliards", "range_high"),
    ("Moondream 0.5B — 500 millions de paramètres, pour l'embarqué.", "500 millions", None),  # a name, then its size
    ("Llama 2 existe en tailles allant entre 7 et 70 milliards de paramètres.", "7 et", "between"),
    # negated, but not restrictive
    ("Mixtral 8x7B ne pèse pas 56 milliards de paramètres.", "56 milliards", "negated"),
    ("Qwen3 est sorti. Ces modèles ne dépassent jamais 32 000 jetons de contexte.", "32 000", "negated"),
    ("Llama 4 Maverick n'en active que 17 milliards de paramètres.", "17 milliards", None),
    # … not by a negation in an earlier coordinated clause with its own subject
    ("Command R+ : la réponse n'est pas plafonnée et la longueur du contexte est de 16 000 jetons.", "16 000", None),
    ("Command R+ n'a pas 16 000 jetons et ne les aura jamais.", "16 000", "negated"),
    ("DeepSeek-V3 n'active que 37 milliards de paramètres.", "37 milliards", None),
    # a part of a model
    ("Mistral Large 3 utilise un encodeur de vision de 2,5 milliards de paramètres.", "2,5 milliards", "component"),
    ("Mistral Large 3 utilise un projecteur d'environ 400 millions de paramètres.", "400 millions", "component"),
    # an unnamed model, unless said of the name just before it
    ("Meta prépare Llama 4. Une version de plus de 400 milliards de paramètres devrait suivre.", "400 milliards", "unnamed"),
    ("Mistral publie un modèle de 7B paramètres.", "7B", "unnamed"),
    ("Les ingénieurs de Mistral AI ont conçu Magistral Small 1.2 comme un modèle de 24 milliards de paramètres.",
     "24 milliards", None),
    ("Le géant est Llama 4 Behemoth, la version de deux billions de paramètres.", "deux billions", None),
    ("Meta prépare Llama 4. La version de deux billions de paramètres suivra.", "deux billions", "unnamed"),
    ("Llama 3.2 90B vise les LLM de plus de 70 milliards de paramètres.", "70 milliards", "unnamed"),
    # « la catégorie des modèles de moins de 2 milliards » is also a generic cue: unnamed comes first in TRAPS
    ("Phi-4 est sorti. Microsoft vise la catégorie des modèles de moins de 2 milliards de paramètres.", "2 milliards", "unnamed"),
    ("Phi-3-mini, un modèle de 3,8 milliards de paramètres, tient sur un téléphone.", "3,8 milliards", None),
    ("La suite compte Devstral Small 2, une variante de 24 milliards de paramètres.", "24 milliards", None),
    ("Mistral Large 2 est un modèle dense de 123 milliards de paramètres.", "123 milliards", None),
    ("Mistral 7B est, comme son nom l'indique, un LLM de 7,3 milliards de paramètres.", "7,3 milliards", None),
    # a flattened table row: its label, then a value per column
    ("GPT-4 Bard Claude 2 Nombre de paramètres 530 millions 1,3 million 1,6 million", "530 millions", "row_of_values"),
    ("Claude 2 GPT-4 Contexte en entrée Jusqu'à 100 000 tokens (environ 75 000 mots) Jusqu'à 8 000 tokens",
     "100 000 tokens", "row_of_values"),
    ("GPT-4 : Paramètres 1 800 milliards de paramètres, Contexte 128 000 tokens.", "128 000", None),
    ("DeepSeek-V3 est sorti. Cela en fait un modèle de 685 milliards de paramètres.", "685 milliards", None),
    ("DeepSeek R1 (version complète de 671 milliards de paramètres) est disponible.", "671 milliards", None),
    ("Meta publie une version de Llama 3 de 8 milliards de paramètres.", "8 milliards", None),
    # a definite article and the size alone tell an unnamed model; not « le modèle complet »
    ("Qwen3 32B est dense. Le modèle mixte d’experts de 30 milliards de paramètres est rapide.", "30 milliards", "unnamed"),
    ("Qwen3 32B est dense. Le modèle de 30 milliards de paramètres est rapide.", "30 milliards", "unnamed"),
    ("DeepSeek-V3.1 est sorti. Le modèle complet de 671 milliards de paramètres pèse 715 Go.", "671 milliards", None),
    ("Qwen3 32B est dense. Le modèle compte 32 milliards de paramètres.", "32 milliards", None),
    ("Kimi K2 est ouvert. Le modèle compte un total de 1 billion de paramètres.", "1 billion", None),
    # a size alone in parentheses after a name with no size nor tier is that model's; after a tier
    # it may be the active count
    ("Des modèles comme le GPT-3 (175B) et Gopher (280B).", "175B", None),
    ("Llama 4 Scout (17B) est rapide.", "17B", "bare_size"),
    ("Phi-3.5 Mini utilise des paramètres 3.8B.", "3.8B", None),  # a translation's word order: the unit before
    ("Le modèle (Llama 1 (1B) « Llama 2 (2B) est nul.", "1B", "bare_size"),  # no list goes on after it
    # tokens per request: a usage, unless the window is named
    ("DeepSeek R1 traite désormais environ 23 000 tokens par requête.", "23 000", "per_request"),
    ("DeepSeek R1 dispose d'un contexte de 128 000 tokens par requête.", "128 000", None),
    # a threshold a price or a behaviour changes at, not a window
    ("Claude 3 bascule vers le tarif long contexte après 200K tokens.", "200K", "threshold"),
    ("Claude 3 facture plus cher au-delà de 200 000 tokens.", "200 000", "threshold"),
    ("Claude 3 accepte 200K tokens après la mise à jour.", "200K", None),
    # the value of a product or a company named after « pour »; not of a model named there
    ("Gemini a une fenêtre étendue (1 million de tokens contre 128k pour ChatGPT).", "128k", "for_other"),
    ("Qwen3-235B-A22B accepte 128K jetons de contexte, contre 32K pour Qwen3-0.6B.", "32K", None),
    # a size that names a variant, unless a model of the article carries that size
    ("Gemma 3 arrive. Sa version 1B tourne sur un téléphone.", "1B", "size_label"),
    ("Falcon est sorti. Les versions 1.3B, 7.5B et 40B sont disponibles.", "7.5B", "size_label"),
    ("Magistral est sorti. La version 24 milliards de paramètres est ouverte.", "24 milliards", "size_label"),
    ("OpenAI publie gpt-oss-120b. La version 120 milliards de paramètres tourne sur un seul GPU.", "120 milliards", None),
    # ratios
    ("Mixtral 8x7B combine 8 x 7 milliards de paramètres.", "7 milliards", "ratio"),
    ("Gemini 2.0 Flash traite deux fois 128 000 jetons.", "128 000", "ratio"),
    # models in general
    ("Meta publie Llama 3. Il vise 70 milliards de paramètres pour les modèles en open source.", "70 milliards", "models_in_general"),
    ("Grok-1 est sorti. Il y eut d'abord un prototype à 33 milliards de paramètres : Grok-0.", "33 milliards", "unnamed"),
    # an unnamed model's size in an aside
    ("Gopher est sorti. Les auteurs ont entraîné un plus petit modèle (70 milliards de paramètres) et ce modèle, baptisé Chinchilla, gagne.",
     "70 milliards", "unnamed"),
    ("Phi-3-mini, un petit modèle (3,8 milliards de paramètres), tient sur un téléphone.", "3,8 milliards", None),
    # a variant named by its tier alone
    ("Magistral arrive. Le modèle compte 24 milliards de paramètres pour la variante Small.", "24 milliards", "for_variant"),
    ("Gemini 2.5 offre 2 millions de jetons pour sa version Pro.", "2 millions", "for_variant"),
    ("Magistral compte 24 milliards de paramètres pour la version de base.", "24 milliards", None),
    ("Gemini 1.5 Pro est sorti. La plupart des modèles ne traitaient que 8 000 jetons.", "8 000", "generic"),
    ("Falcon 180B est sorti. C'était le premier modèle avec plus de 100 milliards de paramètres.", "100 milliards", "generic"),
    ("Mistral Small 3 compte 24 milliards de paramètres, peu comparé à certains géants dépassant les 100 milliards.",
     "100 milliards", "generic"),
    ("Gemini 2.5 n’est pas comparé à GPT-4, mais à des modèles compacts, typiquement inférieurs à 10 milliards de paramètres.",
     "10 milliards", "generic"),
    ("Mistral Small 3 compte 24 milliards de paramètres, peu comparé à certains géants dépassant les 100 milliards.",
     "24 milliards", None),
    # hypotheses, unless a model is named between the cue and the value
    ("Llama 4 Scout est sorti. Si vous avez 10 000 tokens à traiter, il suffit.", "10 000", "hypothetical"),
    ("Llama 3 est sorti. Supposons qu'un modèle ait 175 milliards de paramètres.", "175 milliards", "hypothetical"),
    ("Gemma 3 27B est sorti. Prenons un texte de 128 000 tokens.", "128 000", "hypothetical"),
    ("Llama 4 Scout est sorti. Si Llama 4 Scout compte 109 milliards de paramètres, il reste léger.", "109 milliards", None),
    ("Mistral Large, par exemple, dispose de 123 milliards de paramètres.", "123 milliards", None),  # an example, no hypothesis
    ("Par exemple, un modèle de 7 milliards de paramètres tient sur un GPU.", "7 milliards", "unnamed"),
    # a bare size label, but not « dont 37B actifs » nor « 671B paramètres »
    ("Llama 4 Scout (17B) est sorti.", "17B", "bare_size"),
    ("DeepSeek-V3 est un modèle MoE de 671B paramètres dont 37B actifs.", "37B", None),
    ("DeepSeek-V3 est un modèle MoE de 671B paramètres dont 37B actifs.", "671B", None),
    # adapters, parts of the data, conversions
    ("Mistral 7B a été affiné avec 16 millions de paramètres entraînables.", "16 millions", "adapter"),
    ("Qwen2.5-VL a vu 280 milliards de tokens textuels multilingues.", "280 milliards", "training_part"),
    ("DeepSeek-Coder-V2 a subi une pré-formation avec 6 billions de jetons supplémentaires.", "6 billions", "training_part"),
    ("Nous avons affiné StarCoderBase sur 35 milliards de tokens Python.", "35 milliards", "fine_tuning"),
    ("Qwen 3.5 arrive avec une gamme allant de 397 milliards de paramètres jusqu'à une version 27B.", "397 milliards", "range_opening"),
    ("StarCoderBase est entraîné sur 1 000 milliards de tokens.", "1 000 milliards", None),
    ("DeepSeek-Coder-V2 a été pré-entraîné sur 6 billions de jetons.", "6 billions", None),
    ("GPT-4o est sorti. 1 000 tokens équivalent à environ 750 mots.", "1 000", "equivalence"),
    ("Gemini 1.5 Pro est sorti. Un million de tokens correspond à une heure de vidéo.", "Un million", "equivalence"),
    ("La capacité de Gemini 2.5 Pro à traiter un contexte de 1 million de tokens représente une avancée majeure.",
     "1 million", None),
    # a part of the count before it, unless an active count
    ("Étoile Filante 3 s'appuie sur 64 experts, dont 2 experts partagés.", "2 experts", "subset"),
    ("DeepSeek-V3 compte 671 milliards de paramètres, dont 37 milliards actifs.", "37 milliards", None),
    ("Llama 3.1 a vu 15 000 milliards de tokens, dont 2 000 milliards de code.", "2 000", "subset"),
    # plain statements: no trap
    ("Le modèle Llama 4 Scout compte 109 milliards de paramètres.", "109 milliards", None),
    ("Phi-4 a été pré-entraîné sur 9 800 milliards de jetons.", "9 800", None),
    ("Mixtral 8x7B compte 46,7 milliards de paramètres dont 12,9 actifs.", "12,9", None),
    ("Gemini 1.5 Pro dispose d'une fenêtre de contexte d'un million de tokens.", "un million", None),
    ("Grok-1 compte 8 experts.", "8 experts", None),
    ("Claude 3.5 Sonnet accepte 200 000 tokens de contexte.", "200 000", None),
    ("Llama 3.1 405B a été entraîné sur 15 000 milliards de tokens.", "15 000", None),
]
CASES += [
    # a negation in another clause (« mais », « et il ») does not reach the value
    ("Gemini 2.5 Pro ne coûte pas 200 dollars et il accepte un million de tokens de contexte.", "un million", None),
    ("Mixtral 8x7B ne pèse pas 56 milliards mais compte 46,7 milliards de paramètres.", "46,7 milliards", None),
    # « pour les deux modèles » counts the models just named: no trap (the holder for_group reads it)
    ("o3 et o4-mini sont sortis. La fenêtre atteint 200 000 jetons pour les deux modèles.", "200 000", None),
]


@pytest.mark.parametrize("text, written, expected", CASES)
def test_invalidated_by(analyse, lex, text, written, expected):
    a = analyse(text)
    q = a.quantity(written)
    assert invalidated_by(a.text, q, a.view_of(q.start), a.ents, lex) == expected


def test_every_trap_has_its_cues(lex):
    """Each trap of TRAPS is declared in the lexicon, and every trap of the lexicon is tried."""
    assert [t.name for t in TRAPS] == list(lex.cues["traps"])


SIZED = [
    ("OpenAI publie gpt-oss-120b et gpt-oss-20b.", 120_000_000_000, "gpt-oss-120b"),
    ("OpenAI publie gpt-oss-120b et gpt-oss-20b.", 20_000_000_000, "gpt-oss-20b"),
    ("OpenAI publie gpt-oss-120b et gpt-oss-20b.", 70_000_000_000, None),
    ("Meta publie Llama 3.1 8B et Llama 3 8B.", 8_000_000_000, None),  # two models of that size: none
    ("Meta publie Llama 3.1 8B.", None, None),
]


@pytest.mark.parametrize("text, value, expected", SIZED)
def test_sized_model(analyse, text, value, expected):
    assert sized_model(analyse(text).ents, value) == expected


@pytest.mark.parametrize("model, attribute, value, contradicts", [
    ("Mistral-NeMo-Minitron 8B", "params_total", 4_000_000_000, True),  # half the name's size
    ("gpt-oss-120b", "params_total", 117_000_000_000, False),  # within 30 %
    ("Calcite-70B", "params_total", 70_400_000_000, False),
    ("Llama 3.1 405B", "params_total", 405_000_000_000, False),
    ("Llama 3.1 405B", "params_active", 17_000_000_000, False),  # only the total is checked
    ("Mixtral 8x7B", "params_total", 46_700_000_000, False),  # « 8x7B » states no total
    ("Llama 4 Scout", "params_total", 109_000_000_000, False),  # no size in the name
])
def test_contradicts_name(model, attribute, value, contradicts):
    assert contradicts_name(model, attribute, value) is contradicts


@pytest.mark.parametrize("attribute, value, expected", [
    ("context_tokens", 8, True),  # « étendu à 128 8 jetons »: a garbled number
    ("context_tokens", 500, True),
    ("context_tokens", 512, False),  # BERT
    ("params_total", 2_000, True),
    ("params_total", 94_000_000, False),
    ("params_active", 500_000, True),
    ("training_tokens", 5_000_000, True),
    ("training_tokens", 2_000_000_000, False),
    ("experts", 1, True),
    ("experts", 8, False),
    ("organization", "Meta", False),
])
def test_implausible(attribute, value, expected):
    assert implausible(attribute, value) is expected


@pytest.mark.parametrize("text, first, second, expected", [
    # the value after one a trap dropped goes with it: « avec », « dont », « et »
    ("Qwen3 est sorti. Un modèle de 30 milliards de paramètres avec seulement 3 milliards actifs suit.",
     "30 milliards", "3 milliards", True),
    ("Qwen3 est sorti. Une version de 30 milliards de paramètres dont 3 milliards actifs suit.", "30 milliards", "3 milliards", True),
    # not with a name between them, nor a verb
    ("Qwen3 est sorti. Un modèle de 30 milliards de paramètres et Qwen3-4B avec 4 milliards suivent.",
     "30 milliards", "4 milliards", False),
    ("Qwen3 est sorti. Un modèle de 30 milliards de paramètres suit ; Qwen3 compte 3 milliards de paramètres.",
     "30 milliards", "3 milliards", False),
])
def test_continues(analyse, lex, text, first, second, expected):
    a = analyse(text)
    dropped, q = a.quantity(first), a.quantity(second)
    assert continues(a.text, dropped, q, a.view_of(q.start), lex) is expected
    assert continues(a.text, None, q, a.view_of(q.start), lex) is False
