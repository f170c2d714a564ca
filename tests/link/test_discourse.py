"""Discourse (``pipeline.link.discourse``), one French construction per row.

``views``: text -> each sentence's (subject, anaphoric); ``subject_before``: the nearest name
before the end of the first sentence that is not a comparison object; ``name_runs`` and
``coordinated_subject``: the names a sentence lists together."""
from __future__ import annotations

import pytest

from pipeline.link.cues import object_cue
from pipeline.link.discourse import coordinated_subject, name_runs, subject_before

VIEWS = [
    # an explicit subject; a comparison object is never one
    ("Phi-4 surpasse GPT-4o sur MATH.", [("Phi-4", False)]),
    ("Selon Meta, Llama 4 Maverick surpasse GPT-4o.", [("Llama 4 Maverick", False)]),
    ("Le modèle Qwen3-Coder est sorti.", [("Qwen3-Coder", False)]),  # the name follows « Le modèle »
    ("Claude 3.5 Sonnet et GPT-4o s'affrontent.", [("Claude 3.5 Sonnet", False)]),
    # a family's code alone is the subject only when the sentence opens on it
    ("DeepSeek a mis à jour ses modèles pour V3.", [(None, False)]),
    ("La V3.2 compte 685 milliards de paramètres selon DeepSeek.", [("DeepSeek V3.2", False)]),
    ("DeepSeek publie. Avec ses 671 milliards de paramètres, R1 est un colosse.", [(None, False), ("DeepSeek R1", False)]),
    ("DeepSeek publie. Sans bouleverser l’architecture fondamentale (Mixture-of-Experts massif d’environ 671 milliards "
     "de paramètres), V3.2-Exp apporte de nouvelles fonctions.", [(None, False), ("DeepSeek V3.2-Exp", False)]),
    ("DeepSeek est de retour. Après la sortie de V3, R1 Zero et R1, DeepSeek a mis à jour V3.", [(None, False), (None, False)]),
    # pronouns, possessives, « le modèle », « la famille »: the model in focus
    ("Gemini 1.5 Pro est sorti. Il dispose d'une fenêtre d'un million de tokens.",
     [("Gemini 1.5 Pro", False), ("Gemini 1.5 Pro", True)]),
    ("Mistral Small 3 est sorti. Sa fenêtre de contexte atteint 32 000 jetons.",
     [("Mistral Small 3", False), ("Mistral Small 3", True)]),
    ("Gemini 2.5 Pro surpasse GPT-4o. Il mène sur LMArena.", [("Gemini 2.5 Pro", False), ("Gemini 2.5 Pro", True)]),
    ("Mistral 7B est sorti. Et il surpasse Llama 2 13B.", [("Mistral 7B", False), ("Mistral 7B", True)]),
    ("DeepSeek-V3 est sorti. Le modèle compte 671 milliards de paramètres.", [("DeepSeek-V3", False), ("DeepSeek-V3", True)]),
    ("Meta a présenté Llama 3 le 18 avril. La famille a été pré-entraînée sur 15 000 milliards de jetons.",
     [("Llama 3", False), ("Llama 3", True)]),
    # … but « ce modèle » after a model the sentence introduces (« un plus petit modèle ») is that one
    ("Gopher est sous-entraîné. Les auteurs ont entraîné un plus petit modèle et ce modèle, baptisé Chinchilla, gagne.",
     [("Gopher", False), ("Chinchilla", False)]),
    # an anaphor whose noun is named right after (« Son dernier exploit s'appelle X »): X
    # (the example in parentheses before it is no subject)
    ("DeepSeek fonctionne sur des LLM classiques (comme GPT-4o). Son dernier exploit s’appelle DeepSeek-V3.",
     [(None, False), ("DeepSeek-V3", False)]),
    # a numbered item that opens on a pronoun is about the model in focus
    ("4. Phi-4-mini est le plus petit.\n    1. Il est optimisé pour l’usage local.", [("Phi-4-mini", False), ("Phi-4-mini", True)]),
    # « ce dernier »: the last model named, not the focus
    ("Llama 3.1 405B surpasse GPT-4o. Ce dernier reste plus rapide.", [("Llama 3.1 405B", False), ("GPT-4o", True)]),
    # « son modèle »: the article's model; « le nouveau venu »: the article's model, not the last subject
    ("Microsoft a publié Phi-4. Le laboratoire a entraîné son modèle sur des données synthétiques.",
     [("Phi-4", False), ("Phi-4", True)]),
    # … unless the model in focus has the same maker and is not a variant named after the article's model
    ("ERNIE 4.5 est sorti. ERNIE X1 est le nouveau modèle de Baidu. Baidu affirme que son modèle raisonne mieux.",
     [("ERNIE 4.5", False), ("ERNIE X1", False), ("ERNIE X1", True)]),
    ("DeepSeek-R1-0528 est sorti. DeepSeek-R1-0528-Qwen3-8B en est distillé. DeepSeek a entraîné son modèle sur 14 billions de jetons.",
     [("DeepSeek-R1-0528", False), ("DeepSeek-R1-0528-Qwen3-8B", False), ("DeepSeek-R1-0528", True)]),
    ("Llama 4 est sorti. GPT-4o est plus ancien. Meta a entraîné son modèle sur 30 000 milliards de jetons.",
     [("Llama 4", False), ("GPT-4o", False), ("Llama 4", True)]),
    # « Le modèle le plus réputé est le fameux Whisper v3 »: the name the definite description is
    ("Voxtral est sorti. Le modèle le plus réputé est le fameux Whisper v3. Il reste rapide.",
     [("Voxtral", False), ("Whisper v3", False), ("Whisper v3", True)]),
    # a bullet that speaks of « le modèle » is about the model in focus, not the article's
    ("Grok 3 est sorti.\n- Puis xAI lance Grok 4.\n- Son prix est élevé, mais le modèle affiche 25 % sur HLE.",
     [("Grok 3", False), ("Grok 4", False), ("Grok 4", True)]),
    ("Llama 3.1 405B est sorti. GPT-4o est plus ancien. Le nouveau venu est plus grand.",
     [("Llama 3.1 405B", False), ("GPT-4o", False), ("Llama 3.1 405B", True)]),
    # « son modèle » right before a name: that name (not the article's model)
    ("GPT-5.1 est en retard. Anthropic place son modèle Claude Opus 4.5 en tête.",
     [("GPT-5.1", False), ("Claude Opus 4.5", False)]),
    # a heading on a model beaten is not about it
    ("Claude 3 Opus est sorti.\n\n## GPT-4 battu sur de nombreux benchmarks\n\nIl a obtenu 95 % sur GSM8K.",
     [("Claude 3 Opus", False), (None, False), ("Claude 3 Opus", True)]),
    ("Claude 3 Opus est sorti.\n\n## GPT-4 en tête des benchmarks\n\nIl a obtenu 95 % sur GSM8K.",
     [("Claude 3 Opus", False), ("GPT-4", False), ("GPT-4", True)]),
    # a comparison aside does not move the focus
    ("Grok 3 est sorti. À titre de comparaison, GPT-4o affiche 128K jetons. Il reste rapide.",
     [("Grok 3", False), ("GPT-4o", False), ("Grok 3", True)]),
    # the answer to a short question
    ("Kimi K2 est sorti. Sa force ? Une capacité à gérer de longs contextes.",
     [("Kimi K2", False), ("Kimi K2", True), ("Kimi K2", True)]),
    # bullets under a heading or an introduction « … : »
    ("# Kimi K2 en bref\n\n- Contexte : 128 000 jetons", [("Kimi K2", False), ("Kimi K2", True)]),
    ("Phi-4 est sorti. Ses caractéristiques :\n\n- 14 milliards de paramètres",
     [("Phi-4", False), ("Phi-4", True), ("Phi-4", True)]),
    # an introduction whose one named model is its topic (« Pour X, … : »), not the model in focus
    ("Deux modèles, Zinc1 et Cuivre2 Max, sont sortis. Ce dernier est gros. Pour Zinc1, la fiche technique :\n\n- paramètres : 2,8 milliards",
     [("Zinc1", False), ("Cuivre2 Max", True), (None, False), ("Zinc1", True)]),
    # no subject: no model yet, nothing named, « le modèle de Meta » looks back without taking the focus
    ("Selon Meta, le modèle est prêt.", [(None, False)]),
    ("Le succès est grand.", [(None, False)]),
    ("Selon Google, la concurrence s'intensifie.", [(None, False)]),
    ("Face à GPT-4o, la concurrence recule.", [(None, False)]),
    ("Contre 38 % pour Claude 3 Opus, le score est faible.", [(None, False)]),
    ("# Les nouveautés\n\n- Un meilleur tokenizer", [(None, False), (None, False)]),
    ("Llama 3 est sorti. Le modèle de Meta surpasse GPT-4o.", [("Llama 3", False), (None, False)]),
]
VIEWS += [
    # a label line under the model's name is about it
    ("GPT-4.5 (OpenAI)\nFenêtre de contexte : 128k tokens", [("GPT-4.5", False), ("GPT-4.5", True)]),
    ("Fenêtre de contexte : 128k tokens", [(None, False)]),  # no model yet
    # … or a verbless fragment that says the attribute
    ("Gemma 3 (preview) — L'artillerie lourde. Fenêtre de contexte de 32 000 tokens.",
     [("Gemma 3", False), ("Gemma 3", True)]),
    ("Gemma 3 est lourd. Architecture mixture-of-experts : 9 milliards de paramètres.", [("Gemma 3", False), ("Gemma 3", True)]),
    ("Gemma 3 est lourd. Fenêtre de tir de 32 ans.", [("Gemma 3", False), (None, False)]),
    # … or a line that opens on the value and its attribute
    ("Dans la foulée, xAI lance Grok 4.\n256 000 tokens de contexte, deux versions et un abonnement.",
     [("Grok 4", False), ("Grok 4", True)]),
    ("Dans la foulée, xAI lance Grok 4.\n256 000 abonnés, deux versions et un abonnement.", [("Grok 4", False), (None, False)]),
    # a bare comma closes a fronted comparison phrase: the name after it is the subject, unless
    # it opens a list (« Devant A, B et C, D … »: no subject)
    ("Contre GPT-4o, Claude 3.5 Sonnet gagne.", [("Claude 3.5 Sonnet", False)]),
    ("Face à GPT-4o, Claude 3.5 Sonnet affiche 200 000 jetons de contexte.", [("Claude 3.5 Sonnet", False)]),
    ("Devant GPT-4o, Gemini 1.5 Pro et Claude 3 Opus, Llama 3 reste léger.", [(None, False)]),
    # a name in an aside in parentheses is not the subject, unless it glosses a model noun
    ("Ce modèle s'appuie sur une architecture dense (inspirée du modèle LLaMA-65B) et surclasse GPT-4o.", [(None, False)]),
    ("DeepSeek lance aussi un autre modèle (Janus-Pro-7B) qui pourrait concurrencer DALL-E 3.", [("Janus-Pro-7B", False)]),
]


@pytest.mark.parametrize("text, expected", VIEWS)
def test_views(analyse, text, expected):
    assert [(v.subject, v.anaphoric) for v in analyse(text).views] == expected


def test_views_focus_moves_with_the_subject(analyse):
    a = analyse("Grok 3 est sorti. À titre de comparaison, GPT-4o affiche 128K jetons. Il reste rapide.")
    assert [v.focus for v in a.views] == [None, "Grok 3", "Grok 3"]
    assert [v.last for v in a.views] == [None, "Grok 3", "GPT-4o"]


GROUPS = [
    # a plural anaphor opening a sentence: the list given before it, or the group the sentence before spoke of
    ("Nous lançons trois modèles : GPT-4.1, GPT-4.1 mini et GPT-4.1 nano. Ces modèles surpassent GPT-4o. "
     "Ils disposent de fenêtres plus larges.",
     [(), ("GPT-4.1", "GPT-4.1 mini", "GPT-4.1 nano"), ("GPT-4.1", "GPT-4.1 mini", "GPT-4.1 nano")]),
    ("o3 et o4-mini sont sortis. Tous deux disposent de 200 000 jetons.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Les deux excellent en code.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Les deux tests déçoivent.", [(), ()]),
    ("o3 et o4-mini sont sortis. Ils disposent de 200 000 jetons.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Leur fenêtre atteint 200 000 jetons.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Sauf qu’ils sont lents.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Cependant, ces modèles sont lents.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Avec 200 000 jetons chacun, ces modèles sont lents.", [(), ("o3", "o4-mini")]),
    ("o3 et o4-mini sont sortis. Avec GPT-5, ces modèles sont lents.", [(), ()]),  # (a name in the phrase before)
    ("Llama 4 Scout et Llama 4 Maverick sont sortis. Les tests déçoivent. Ces modèles sont lents.",
     [(), (), ("Llama 4 Scout", "Llama 4 Maverick")]),
    # « Ils » only after a group or a list the sentence before opened on
    ("OpenAI lance o3 et o4-mini. Ils disposent de 200 000 jetons.", [(), ()]),
    ("o3 et o4-mini sont sortis. Les tests déçoivent. Ils sont lents.", [(), (), ()]),
    # not a list compared with, nor a list under an earlier heading, nor « Ces modèles de Meta »
    ("Grok 3 est au niveau de Grok-2 ou Ernie 4.5. Ces modèles sont lents.", [(), ()]),
    ("o3 et o4-mini sont sortis.\n\n## Prix\n\nCes modèles sont chers.", [(), (), ()]),
    ("o3 et o4-mini sont sortis. Ces modèles de OpenAI sont chers.", [(), ()]),
]


@pytest.mark.parametrize("text, expected", GROUPS)
def test_views_group(analyse, text, expected):
    assert [v.group for v in analyse(text).views] == expected


SUBJECT_BEFORE = [
    ("Phi-4 surpasse GPT-4o avec 14 milliards de paramètres.", "Phi-4"),
    ("Phi-4 surpasse GPT-4o et Gemini 2.0 Flash.", "Phi-4"),
    ("Qwen3 surpasse GPT-4o, o1 ou encore Gemini 2.0 Flash.", "Qwen3"),
    ("Grok 3 (plus rapide que GPT-4o) compte 2,7 billions de paramètres.", "Grok 3"),
    ("Mistral 7B, construit sur Llama 2, compte 7 milliards.", "Mistral 7B"),
    ("Phi-3-small et Phi-3-medium affichent 7 et 14 milliards.", "Phi-3-medium"),
    ("Mistral Small 3 rivalise avec GPT-4o mini.", "Mistral Small 3"),
    ("Contre 38 % pour Claude 3 Opus, rien.", None),
    ("Derrière Gemini 2.5 Pro, rien.", None),
]


@pytest.mark.parametrize("text, expected", SUBJECT_BEFORE)
def test_subject_before(analyse, lex, text, expected):
    a = analyse(text)
    v = a.views[0]
    assert subject_before(a.text, v, v.sentence.end, object_cue(lex)) == expected


@pytest.mark.parametrize("text, expected", [
    ("La vitesse de Claude 3 Opus est faible.", None),
    ("Le successeur de GPT-4 compte 1 800 milliards.", None),
    ("La fenêtre de contexte de Gemini 1.5 Pro atteint un million.", "Gemini 1.5 Pro"),
])
def test_subject_before_skips_the_complement_of_another_noun(analyse, lex, text, expected):
    a = analyse(text)
    v = a.views[0]
    other_noun_of = lex.cue("holders.other_noun_of")  # the skip the holder clause_name passes
    assert subject_before(a.text, v, v.sentence.end, object_cue(lex), skip=other_noun_of) == expected



@pytest.mark.parametrize("text", [t for t, _ in SUBJECT_BEFORE] + [
    "Phi-4 (la seule manière d'accéder à o3) compte 14 milliards de paramètres.",
    "Grok 3 (plus rapide que GPT-4o) compte 2,7 billions, et Llama 3 (de Meta) 70 milliards (contre 405B pour Llama 3.1).",
    "La vitesse de Claude 3 Opus (selon Anthropic) est faible ; GPT-4o, lui, surpasse Gemini 1.5 Pro (et o1).",
])
def test_subject_before_answers_as_reading_the_names_at_every_position(analyse, lex, text):
    """The sentence's index (built once, asked per value) gives what reading its names before each
    position gives, asides in parentheses included, whatever the order the positions are asked in."""
    from pipeline.link.discourse import _subject_before_read

    a = analyse(text)
    obj, skip = object_cue(lex), lex.cue("holders.other_noun_of")
    for v in a.views:
        positions = list(range(v.sentence.start, v.sentence.end + 1))
        for pos in positions[::-1] + positions:
            for sk in (None, skip):
                assert subject_before(a.text, v, pos, obj, skip=sk) == _subject_before_read(a.text, v, pos, obj, sk), pos


RUNS = [
    ("Phi-3-small et Phi-3-medium affichent 7 et 14 milliards.", [["Phi-3-small", "Phi-3-medium"]],
     ["Phi-3-small", "Phi-3-medium"]),
    ("Llama 3, Mistral 7B ou Gemma 7B sont ouverts.", [["Llama 3", "Mistral 7B", "Gemma 7B"]],
     ["Llama 3", "Mistral 7B", "Gemma 7B"]),
    ("Phi-4 surpasse GPT-4o et Gemini 2.0 Flash.", [["Phi-4"], ["GPT-4o", "Gemini 2.0 Flash"]], []),
    ("Qwen3 surpasse GPT-4o, o1 ou encore Gemini 2.0 Flash.", [["Qwen3"], ["GPT-4o", "o1"], ["Gemini 2.0 Flash"]], []),
    ("Mistral 7B, construit sur Llama 2, compte 7 milliards.", [["Mistral 7B"], ["Llama 2"]], []),
    # an aside in parentheses after each name: still one list
    ("Meta lance Llama 4 Scout (109 milliards) et Llama 4 Maverick (400 milliards).",
     [["Llama 4 Scout", "Llama 4 Maverick"]], ["Llama 4 Scout", "Llama 4 Maverick"]),
    # a list after a comparison cue is no subject
    ("Surpassant GPT-4o et o1, Grok 3 domine.", [["GPT-4o", "o1", "Grok 3"]], []),
]


@pytest.mark.parametrize("text, runs, coordinated", RUNS)
def test_name_runs_and_coordinated_subject(analyse, lex, text, runs, coordinated):
    a = analyse(text)
    v = a.views[0]
    assert [[r.model for r in run] for run in name_runs(a.text, v.refs)] == runs
    assert coordinated_subject(a.text, v, object_cue(lex)) == coordinated


@pytest.mark.parametrize("text, models", [
    # « la version « Thinking » » after a name in its sentence is that model's variant
    ("Moonshot a annoncé Kimi K2 en juillet, puis la version « Thinking » en novembre.",
     ["Kimi K2", "Kimi K2 Thinking"]),
    ("Meta a publié Llama 3 70B. Sa version Instruct suit.", ["Llama 3 70B", "Llama 3 70B Instruct"]),
    ("La version « Thinking » arrive.", []),  # no model named nor in focus
    ("EuroLLM arrive. L'article décrit un modèle et sa version Instruct.", ["EuroLLM"]),  # an unnamed model's version
    # a size tier replaces the size tier; a flavour is added to a tier that names a model
    ("Gemini 3 Pro se distingue. Sa version Flash grimpe au classement.", ["Gemini 3 Pro", "Gemini 3 Flash"]),
    # a tier the name already has: the model itself
    ("Devstral Small 2 tient sur un GPU. Cette version « Small » rend le déploiement local réalisable.",
     ["Devstral Small 2", "Devstral Small 2"]),
    ("Llama 4 Maverick est sorti. Sa version Instruct suit.", ["Llama 4 Maverick", "Llama 4 Maverick Instruct"]),
    # « le modèle Small »: a size tier after « le modèle » names the variant too (not another word)
    ("Mistral lance Magistral. Il y a le modèle Small, de 24 milliards.", ["Magistral", "Magistral Small"]),
    ("Mistral lance Magistral. Le modèle Instruct suit.", ["Magistral"]),
    ("Meta publie la version 70B de Llama 3.", ["Llama 3 70B"]),
    ("Meta compare les versions 7B et 13B de Llama 2.", ["Llama 2 7B", "Llama 2 13B"]),
    ("Google a annoncé Gemini 1.5 Pro, proche de la version Ultra 1.0.", ["Gemini 1.5 Pro"]),  # a model of its own
])
def test_versions(analyse, text, models):
    assert [r.model for v in analyse(text).views for r in v.refs] == models
