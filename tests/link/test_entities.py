"""Entities (``pipeline.link.entities``), one French construction per row: ``canonical_name``
(a name -> the maker's word order), ``name_key`` (spellings of one model), ``resolve`` (text ->
the models it names, and who each reference points to; tier lists, aliases, bare families)."""
from __future__ import annotations

import pytest

import re

from hypothesis import given, settings, strategies as st

from pipeline.link.entities import canonical_name, name_key, occurrences

CANONICAL = [
    ("Claude Sonnet 3.7", "Claude", "Claude 3.7 Sonnet"),
    ("Claude 3.7 Sonnet", "Claude", "Claude 3.7 Sonnet"),
    ("Claude Opus 3", "Claude", "Claude 3 Opus"),
    ("Claude 3,5 Sonnet", "Claude", "Claude 3.5 Sonnet"),
    ("Claude 4 Opus", "Claude", "Claude Opus 4"),
    ("Claude-Opus-4", "Claude", "Claude Opus 4"),
    ("Claude 4.5 Haiku", "Claude", "Claude Haiku 4.5"),
    ("Claude Sonnet 4.5", "Claude", "Claude Sonnet 4.5"),
    # Gemini: the version always first
    ("Gemini Flash 2.0", "Gemini", "Gemini 2.0 Flash"),
    ("Gemini-2.5-Pro", "Gemini", "Gemini 2.5 Pro"),
    ("Gemini Ultra 1.0", "Gemini", "Gemini 1.0 Ultra"),
    ("Gemini 2.5 Flash-Lite", "Gemini", "Gemini 2.5 Flash-Lite"),
    # unchanged: no tier, not a tier of the family, a family with no rule, no family
    ("Claude 3", "Claude", "Claude 3"),
    ("Claude Instant 1.2", "Claude", "Claude Instant 1.2"),
    ("Llama 4 Scout", "Llama", "Llama 4 Scout"),
    ("Claude 4 Opus", None, "Claude 4 Opus"),
    ("Claude Sonnet", "Claude", "Claude Sonnet"),
    ("Claude 3 Haiku", "Claude", "Claude 3 Haiku"),
]


@pytest.mark.parametrize("name, family, expected", CANONICAL)
def test_canonical_name(lex, name, family, expected):
    assert canonical_name(name, family, lex) == expected


@pytest.mark.parametrize("a, b, same", [
    ("DeepSeek V3", "DeepSeek-V3", True),
    ("le GPT-4o", "GPT 4o", True),
    ("Qwen2.5-Max", "qwen 2.5 max", True),
    ("Ministral 8B", "Mistral 8B", False),
    ("GPT-4o", "GPT-4", False),
    ("o3", "o3-mini", False),
])
def test_name_key(a, b, same):
    assert (name_key(a) == name_key(b)) is same


RESOLVE = [
    # tier words listed after a family's model name its variants
    ("Llama 4 : Scout, Maverick et Behemoth.", {"Llama 4", "Llama 4 Scout", "Llama 4 Maverick", "Llama 4 Behemoth"}),
    ("Meta publie Llama 4. Trois variants : Scout, Maverick et Behemoth.",
     {"Llama 4", "Llama 4 Scout", "Llama 4 Maverick", "Llama 4 Behemoth"}),
    ("Les modèles Llama 4 sont là. Meta a dévoilé trois modèles d'IA multimodaux, Scout, Maverick et Behemoth.",
     {"Llama 4", "Llama 4 Scout", "Llama 4 Maverick", "Llama 4 Behemoth"}),
    ("Anthropic publie Claude 3 en trois versions : Haiku, Sonnet et Opus.",
     {"Claude 3", "Claude 3 Haiku", "Claude 3 Sonnet", "Claude 3 Opus"}),
    # « La gamme comprend … », each tier with its aside
    ("Nvidia lance Nemotron 3, une gamme de modèles ouverts. La gamme comprend Nano (30 milliards de paramètres), "
     "Super (100 milliards) et Ultra (500 milliards).",
     {"Nemotron 3", "Nemotron 3 Nano", "Nemotron 3 Super", "Nemotron 3 Ultra"}),
    ("Anthropic a présenté Claude 3 avec trois modèles de langage : Haiku (un petit modèle), Sonnet (un de taille "
     "intermédiaire) et Opus.", {"Claude 3", "Claude 3 Haiku", "Claude 3 Sonnet", "Claude 3 Opus"}),
    ("Nvidia lance Nemotron 3. La gamme comprend des outils (RL) et des données.", {"Nemotron 3"}),
    # … not when the list says it is another family's (« Les 3 versions de Gemini : Nano, Pro et Ultra »)
    ("Face à GPT-4 !\n\nLes 3 versions de Gemini : Nano, Pro et Ultra", {"GPT-4", "Gemini"}),
    # tiers only one family has belong to its last model, not to the name right before them
    ("Claude 3 rivalise avec GPT-4. Ce nouveau modèle existe en trois versions : Haiku, Sonnet et Opus.",
     {"Claude 3", "GPT-4", "Claude 3 Haiku", "Claude 3 Sonnet", "Claude 3 Opus"}),
    ("GPT-4 existe en trois versions : Haiku, Sonnet et Opus.", {"GPT-4"}),
    # … after a model with a sibling tier of the family's, that version's tiers (« Llama 4 Scout : Maverick
    # et Behemoth suivront »), not after no model
    ("Llama 4 Scout : Maverick et Behemoth suivront.", {"Llama 4 Scout", "Llama 4 Maverick", "Llama 4 Behemoth"}),
    # a tier one family has, alone, after that family's model with a version and nothing else
    ("Meta a sorti Llama 4. Selon Artificial Analysis, Maverick surpasse Claude 3.7 Sonnet.",
     {"Llama 4", "Llama 4 Maverick", "Claude 3.7 Sonnet"}),
    ("Meta a sorti Llama 3.1 70B. Maverick est un film.", {"Llama 3.1 70B"}),
    ("Maverick est un film. Meta a sorti Llama 4.", {"Llama 4"}),
    ("Le groupe : Scout, Maverick et Behemoth.", set()),
    # spellings of one model are one model, named as first written
    ("DeepSeek V3 et DeepSeek-V3 sont le même modèle.", {"DeepSeek V3"}),
    ("Claude Sonnet 3.7 est sorti.", {"Claude 3.7 Sonnet"}),
    # aliases are never new models
    ("DeepSeek-V3 est sorti. Le V3 compte 671 milliards.", {"DeepSeek-V3"}),
    ("Mixtral 8x7B est sorti. Mixtral surpasse Llama 2.", {"Mixtral 8x7B", "Llama 2"}),
    ("Llama 3.1 405B est sorti. Le modèle de Meta surpasse GPT-4o.", {"Llama 3.1 405B", "GPT-4o"}),
    # … but a sibling's tail carries the family over, and a tier alone says its family
    ("Mistral Large 3 est sorti. Large 2 était plus petit.", {"Mistral Large 3", "Mistral Large 2"}),
    # a tier no named model has: the one family the article names tier first
    ("Mistral Large 3 est sorti. Medium 3 était plus petit.", {"Mistral Large 3", "Mistral Medium 3"}),
    ("Mistral Large 3 et Claude Opus 4 sont sortis. Medium 3 était plus petit.", {"Mistral Large 3", "Claude Opus 4"}),
    ("GPT-4o est sorti. Large 2 était plus petit.", {"GPT-4o"}),
    ("Medium 3.1 arrive en tête, devant Gemini Flash 2.0.", {"Gemini 2.0 Flash"}),
    # … the family of the nearest model named with that tier, before or after
    ("Mistral Large 3 est sorti. Claude Opus 4 aussi. Large 2 était plus petit.",
     {"Mistral Large 3", "Claude Opus 4", "Mistral Large 2"}),
    ("Large 2 était plus petit. Mistral Large 3 est sorti.", {"Mistral Large 3", "Mistral Large 2"}),
    # a sibling named from an earlier one's tier serves the next (« Medium 3 », then « Medium 2 »)
    ("Mistral Large 3 est sorti. Medium 3 était plus petit. Puis Medium 2.",
     {"Mistral Large 3", "Mistral Medium 3", "Mistral Medium 2"}),
    # the family whose word order is the maker's: the tier anywhere in its models' names
    ("Google a sorti Gemini 1.0 Ultra. Ultra 1.5 arrive.", {"Gemini 1.0 Ultra", "Gemini 1.5 Ultra"}),  # named after it: not its family (Gemini's word order)
    ("Sonnet 4.5 est sorti.", {"Claude Sonnet 4.5"}),
    # a bare family in the body is the title's model of that family, unless the title compares with it
    ("Gemini Nano arrive sur les téléphones\n\nGoogle a présenté Gemini, son modèle le plus avancé.", {"Gemini Nano"}),
    ("Voici Phi-2, son alternative à Gemini Nano\n\nGoogle a présenté Gemini, son modèle le plus avancé.",
     {"Phi-2", "Gemini Nano", "Gemini"}),
    # a bare family after a product noun is the product
    ("Gemini 2.5 Pro et Gemini 2.5 Flash sont sortis. L'application Gemini en profite.", {"Gemini 2.5 Pro", "Gemini 2.5 Flash"}),
    ("L'application Gemini est populaire.", set()),
    # products and assistants are no models
    ("ChatGPT est populaire.", set()),
    ("Le Chat de Mistral AI progresse.", set()),
]


@pytest.mark.parametrize("text, models", RESOLVE)
def test_resolve_models(analyse, text, models):
    assert analyse(text).models() == models


REFS = [
    ("Llama 4 : Scout, Maverick et Behemoth.",
     [("Llama 4", "Llama 4", "name"), ("Scout", "Llama 4 Scout", "name"), ("Maverick", "Llama 4 Maverick", "name"),
      ("Behemoth", "Llama 4 Behemoth", "name")]),
    ("Mistral Large 2 est sorti. Le Large 2 compte 123 milliards.",
     [("Mistral Large 2", "Mistral Large 2", "name"), ("Large 2", "Mistral Large 2", "alias")]),
    # a code the family's models go by (lexicon ``codes``) is a name of its own, the same model
    ("DeepSeek-V3 est sorti. Le V3 compte 671 milliards.",
     [("DeepSeek-V3", "DeepSeek-V3", "name"), ("V3", "DeepSeek-V3", "code")]),
    ("Mixtral 8x7B est sorti. Mixtral surpasse Llama 2.",
     [("Mixtral 8x7B", "Mixtral 8x7B", "name"), ("Mixtral", "Mixtral 8x7B", "family_alias"), ("Llama 2", "Llama 2", "name")]),
    ("Mistral Large 3 est sorti. Large 2 était plus petit.",
     [("Mistral Large 3", "Mistral Large 3", "name"), ("Large 2", "Mistral Large 2", "alias")]),
    # a bare tier named before is not the start of a longer name after it (« Sonnet 4 » is Claude Sonnet 4)
    ("Claude Sonnet coûte cher. Claude Sonnet 4 aussi. Claude Haiku 4.5 égale Sonnet 4.",
     [("Claude Sonnet", "Claude Sonnet", "name"), ("Claude Sonnet 4", "Claude Sonnet 4", "name"),
      ("Claude Haiku 4.5", "Claude Haiku 4.5", "name"), ("Sonnet 4", "Claude Sonnet 4", "alias")]),
    ("Llama 3.1 405B est sorti. Le modèle de Meta surpasse GPT-4o.",
     [("Llama 3.1 405B", "Llama 3.1 405B", "name"), ("Le modèle de Meta", "Llama 3.1 405B", "org_anaphor"),
      ("GPT-4o", "GPT-4o", "name")]),
    ("Grok 3 est sorti. L’IA d’Elon Musk surpasse GPT-4o.",
     [("Grok 3", "Grok 3", "name"), ("L’IA d’Elon Musk", "Grok 3", "org_anaphor"), ("GPT-4o", "GPT-4o", "name")]),
    ("Grok 3 est sorti. Meta prépare l’IA de demain.", [("Grok 3", "Grok 3", "name")]),
    # the last model of that developer named before it, not the last model named
    ("Llama 3 est sorti, puis Llama 3.1 405B et GPT-4o. Le modèle de Meta devance Mistral Large 2, puis le modèle de Meta.",
     [("Llama 3", "Llama 3", "name"), ("Llama 3.1 405B", "Llama 3.1 405B", "name"), ("GPT-4o", "GPT-4o", "name"),
      ("Le modèle de Meta", "Llama 3.1 405B", "org_anaphor"), ("Mistral Large 2", "Mistral Large 2", "name"),
      ("le modèle de Meta", "Llama 3.1 405B", "org_anaphor")]),
    ("Llama 3.1 405B et GPT-4o sont sortis. Des fuites disent que le 405B devance GPT-4o.",
     [("Llama 3.1 405B", "Llama 3.1 405B", "name"), ("GPT-4o", "GPT-4o", "name"), ("405B", "Llama 3.1 405B", "alias"),
      ("GPT-4o", "GPT-4o", "name")]),
    # a size without an article is no alias
    ("Llama 3.1 405B est sorti. 405B paramètres, c'est beaucoup.", [("Llama 3.1 405B", "Llama 3.1 405B", "name")]),
]
# Left out (looks wrong, see the report): a size alias that opens a sentence is missed, the
# article before it being matched in lower case only:
#   « Llama 3.1 405B est sorti. Le 405B surpasse GPT-4o. » has no reference for « 405B ».


@pytest.mark.parametrize("text, refs", REFS)
def test_resolve_refs(analyse, text, refs):
    a = analyse(text)
    assert [(a.text[r.start:r.end], r.model, r.kind) for r in a.ents.refs] == refs


OCCURRENCES = [
    # a word of its own, not part of a longer name
    (["V3"], "DeepSeek-V3 puis le V3 et V3.", False, {"V3": [(20, 22), (26, 28)]}),
    (["V3"], "V3, puis V3x et xV3.", False, {"V3": [(0, 2)]}),
    # forms that start at one place: each found where it is followed by no word character (« Large 2 »
    # in « Large 2.5 » too: the caller keeps the longer name)
    (["Large 2", "Large 2.5"], "Large 2.5 et Large 2 ; Large 2.", False,
     {"Large 2": [(0, 7), (13, 20), (23, 30)], "Large 2.5": [(0, 9)]}),
    # never overlapping: the form found is not looked for again inside itself
    (["a a"], "a a a", False, {"a a": [(0, 3)]}),
    # with a determiner before it only
    (["8B"], "le 8B et 8B puis du 8B.", True, {"8B": [(3, 5), (20, 22)]}),
    ([], "rien", False, {}),
]


@pytest.mark.parametrize("forms, text, det, found", OCCURRENCES)
def test_occurrences(lex, forms, text, det, found):
    assert occurrences(text, forms, determiner=lex.cue("entities.determiner_before") if det else None) == found


def _one_form_at_a_time(text, form):
    """The reading of one form by itself: each place it is written, left to right, never overlapping."""
    out, i = [], text.find(form)
    while i >= 0:
        j = i + len(form)
        if not (i and re.match(r"[\w-]", text[i - 1])) and not re.match(r"[\w-]", text[j:j + 1]):
            out.append((i, j))
            i = text.find(form, j)
        else:
            i = text.find(form, i + 1)
    return out


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(["Large", "2", "2.5", "V3", "a", "-", " ", ", ", "Large 2", "x"]), max_size=40),
       forms=st.lists(st.sampled_from(["Large", "Large 2", "Large 2.5", "2", "2.5", "V3", "a a", "a", "x-a"]), max_size=6))
def test_occurrences_read_every_form_as_it_would_be_read_alone(words, forms):
    """Both readings, one form at a time (a few forms) and all at once (many), find what a reading
    of each form by itself finds."""
    from pipeline.link.entities import _all_at_once, _each_alone

    text = "".join(words)
    expected = {f: _one_form_at_a_time(text, f) for f in set(forms)}
    assert occurrences(text, forms) == expected
    assert {f: _each_alone(text, f, None) for f in set(forms)} == expected
    assert _all_at_once(text, sorted(set(forms)), None) == expected


def test_many_forms_are_found_in_one_reading(lex):
    from pipeline.link.entities import FEW_FORMS

    forms = [f"V{k}" for k in range(FEW_FORMS + 5)] + ["8B"]
    text = "le V3 et V20, pas DeepSeek-V4 ; du 8B, le V20."
    found = occurrences(text, forms, determiner=lex.cue("entities.determiner_before"))
    assert found["V3"] == [(3, 5)] and found["V20"] == [(42, 45)] and found["V4"] == [] and found["8B"] == [(35, 37)]
    assert occurrences(text, forms)["V20"] == [(9, 12), (42, 45)]


def test_the_entities_indexes_follow_the_models_added():
    """``named_with_size`` and ``one_word_member`` answer as a reading of every model would, after
    models are added, in a copy, and for models given without ``add_model``."""
    from pipeline.link.entities import Entities, ModelInfo

    ents = Entities()
    ents.add_model("gpt-oss-120b", "gpt-oss", "OpenAI", 0)
    assert ents.named_with_size(120 * 10**9) == {"gpt-oss-120b"}
    ents.add_model("Qwen3", "Qwen", "Alibaba", 10)
    ents.add_model("Llama 3.1 8B", "Llama", "Meta", 20)
    ents.add_model("Qwen3-8B", "Qwen", "Alibaba", 30)  # (a second model of 8B: no one size's sole model)
    assert ents.named_with_size(8 * 10**9) == {"Llama 3.1 8B", "Qwen3-8B"}
    assert ents.one_word_member("Qwen", "3") == "Qwen3"
    assert ents.one_word_member("Qwen", "8B") is None
    copy = ents.copy()
    copy.add_model("Qwen2", "Qwen", "Alibaba", 40)
    assert copy.one_word_member("Qwen", "2") == "Qwen2" and ents.one_word_member("Qwen", "2") is None
    given = Entities({"mistral7b": ModelInfo("Mistral 7B", "Mistral", "Mistral AI", 0)})
    assert given.named_with_size(7 * 10**9) == {"Mistral 7B"}
    assert given.named_with_size(8 * 10**9) == set()
