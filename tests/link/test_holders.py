"""Holders (``pipeline.link.holders.holder_of``), one French construction per row:
(text, the value as written, the holder that answers, the models it gives).

The scope of a value is built as ``facts._sentence_facts`` builds it (units, traps, attribute),
with the memory the sentences before it leave (``facts._sentence_facts`` and ``facts._remember``
run on them, as ``facts.link`` does)."""
from __future__ import annotations

import pytest

from pipeline.link import facts
from pipeline.link.attributes import attribute_of
from pipeline.link.cues import fact_cues
from pipeline.link.cues import object_cue
from pipeline.link.holders import HOLDERS, NEEDS, Candidate, Memory, Scope, holder_of
from pipeline.link.traps import invalidated_by
from pipeline.link.units import infer_units
from pipeline.recognize.quantities import FOREIGN, TOKENS
from pipeline.recognize.segments import TABLE, within


def scope_of(a, written: str):
    """(scope, candidate) of the value written ``written``, the memory built by the sentences before."""
    lex, text = a.lex, a.text
    target = a.quantity(written)
    ents, memory, obj, cues = a.ents.copy(), Memory(), object_cue(lex), fact_cues(lex)
    for view in a.views:
        s = view.sentence
        mine = within(a.quantities, s.start, s.end)
        if s.start <= target.start < s.end:
            units = [(q, u, v) for q, u, v in infer_units(text, s, mine, cues)
                     if u not in (None, FOREIGN) and v is not None and v > 0]
            cands, last = [], memory.last_token_attribute
            for q, unit, value in units:
                if invalidated_by(text, q, view, ents, lex):
                    continue
                attr = attribute_of(text, q, unit, s, cues, previous_token_attribute=last)
                if attr:
                    cands.append(Candidate(q, attr, value))
                    if unit == TOKENS:
                        last = attr
            memory.last_token_attribute = last
            cand = next((c for c in cands if c.q == target), None)
            assert cand is not None, f"{written!r} is no candidate value in {text!r}"
            return Scope(text, lex, ents, obj, memory, view, tuple(cands)), cand
        if s.kind != TABLE and mine:
            facts._sentence_facts(text, view, mine, ents, lex, obj, memory)
        facts._remember(view, memory)
    raise AssertionError(f"{written!r} not found")


CASES = [
    # ordinals refer to the names of the sentence before
    ("Qwen3-235B-A22B et Qwen3-0.6B sont sortis. Ils acceptent 128K jetons pour le premier et 32K pour le second.",
     "128K", "ordinal", ["Qwen3-235B-A22B"]),
    ("Qwen3-235B-A22B et Qwen3-0.6B sont sortis. Ils acceptent 128K jetons pour le premier et 32K pour le second.",
     "32K", "ordinal", ["Qwen3-0.6B"]),
    # … an ordinal past the names listed answers, with no model
    ("Qwen3-0.6B est sorti. Il accepte 32 000 jetons pour le second.", "32 000", "ordinal", []),
    # « pour X », « contre N à X »
    ("Qwen3-235B-A22B accepte 128K jetons de contexte, contre 32K pour Qwen3-0.6B.", "32K", "for_named", ["Qwen3-0.6B"]),
    ("Mistral 7B est sorti. Sa fenêtre de contexte atteint 32 000 jetons, contre 8 000 pour Llama 2 7B.",
     "8 000", "for_named", ["Llama 2 7B"]),
    ("PaLM 2 compte 340 milliards de paramètres, contre 1 000 milliards à GPT-4.", "1 000", "against_at", ["GPT-4"]),
    # groups of the variants a family's sizes named
    ("Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B. La fenêtre atteint 128 000 jetons pour les deux plus grandes.",
     "128 000", "for_group", ["Llama 3.1 70B", "Llama 3.1 405B"]),
    ("Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B. Les trois modèles offrent 128K jetons de contexte.",
     "128K", "group", ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"]),
    ("o3 et o4-mini sont sortis. Tous deux disposent de 200 000 jetons de contexte.", "200 000", "group", ["o3", "o4-mini"]),
    ("o3 et o4-mini sont sortis. Ils disposent de 200 000 jetons de contexte.", "200 000", "group", ["o3", "o4-mini"]),
    ("o3 et o4-mini sont sortis. Leur fenêtre atteint 200 000 jetons.", "200 000", "group", ["o3", "o4-mini"]),
    # … the family's variants when they were named after the list
    ("o3 et o4-mini sont sortis. Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B. Leur fenêtre atteint 128K jetons.",
     "128K", "group", ["Llama 3.1 8B", "Llama 3.1 70B", "Llama 3.1 405B"]),
    ("Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B. GPT-4o et Claude 3 sont sortis. Leur fenêtre atteint 128K jetons.",
     "128K", "group", ["GPT-4o", "Claude 3"]),
    ("o3 et o4-mini sont sortis. Meta a publié Llama 3.1, déclinée en 8B, 70B et 405B. Les deux plus grandes offrent 128K jetons.",
     "128K", "group", ["Llama 3.1 70B", "Llama 3.1 405B"]),
    # the size a model's name carries
    ("OpenAI publie gpt-oss-120b et gpt-oss-20b. La version 120 milliards de paramètres tourne sur un seul GPU.",
     "120 milliards", "sized_variant", ["gpt-oss-120b"]),
    # right after a name: in parentheses, « et ses », a relative or a participle
    ("DeepSeek R1 (version complète de 671 milliards de paramètres) est disponible.",
     "671 milliards", "parenthesized", ["DeepSeek R1"]),
    ("Step-3.5-Flash (196 milliards) et Longchat de Meituan (68 milliards) sont sortis.", "68 milliards", "parenthesized", []),
    ("OpenAI publie gpt-oss-120b et gpt-oss-20b. Le modèle à 120 milliards de paramètres tourne sur un GPU.",
     "120 milliards", "sized_variant", ["gpt-oss-120b"]),
    ("GPT-5.4 aura un million de tokens, le double des 400 000 tokens actuellement disponibles dans GPT-5.2.",
     "400 000", "for_named", ["GPT-5.2"]),
    ("GPT-5.4 double la fenêtre de 400 000 tokens de GPT-5.", "400 000", "genitive_after", ["GPT-5"]),
    ("Nickel2 Pro est un modèle de langage. Seuls 3 milliards de paramètres de Nickel2 Pro sont sollicités à chaque jeton.",
     "3 milliards", "genitive_after", ["Nickel2 Pro"]),
    ("À chaque jeton, seuls deux experts de Martin Pêcheur 3 sont sollicités.", "deux experts", None, []),
    ("GPT-4 est sorti. Sa fenêtre est passée de 4 096 tokens (GPT-3) à 32 000 tokens.", "4 096", "name_in_parentheses", ["GPT-3"]),
    ("Kyutai est parti d’un LLM maison (Helium) à 7 milliards de paramètres.", "7 milliards", "glossed_name", ["Helium"]),
    # (no model noun before the parentheses: no gloss, the clause's name)
    ("Kyutai a publié Moshi (Helium) à 7 milliards de paramètres.", "7 milliards", "clause_name", ["Moshi"]),
    ("GPT-5 arrive. La concurrence s'intensifie : Moonshot AI a lancé Kimi K2, un modèle d’une trillion de paramètres.",
     "une trillion", "apposed", ["Kimi K2"]),
    ("GPT-4 est sorti. Sa fenêtre est passée à 32 000 tokens (contre 4 096 pour GPT-3).", "32 000", "anaphor", ["GPT-4"]),
    ("GPT-4 accepte 32 000 tokens (GPT-3 et GPT-3.5 en acceptaient moins).", "32 000", "clause_name", ["GPT-4"]),
    ("Mistral Small 3 rivalise avec GPT-3 et ses 175 milliards de paramètres.", "175 milliards", "possessive", ["GPT-3"]),
    ("Mistral Small 3 passe devant DeepSeek-V3, qui compte 671 milliards de paramètres.",
     "671 milliards", "relative", ["DeepSeek-V3"]),
    ("Phi-4 surpasse GPT-4o, qui compte 200 milliards de paramètres.", "200 milliards", "relative", ["GPT-4o"]),
    ("GPT-3, pourtant entraîné à partir de 175 milliards de paramètres, reste derrière.",
     "175 milliards", "relative", ["GPT-3"]),
    # … a relative clause after a name not recognised: answered, no model
    ("Mixtral 8x7B est sorti. Un article de Mistral AI, qui utilise 1 000 milliards de tokens, est paru.",
     "1 000 milliards", "relative", []),
    # the clause's name, not a comparison object nor the complement of another noun
    ("Le modèle Llama 4 Scout compte 109 milliards de paramètres.", "109 milliards", "clause_name", ["Llama 4 Scout"]),
    ("Mistral Small 3 surpasse GPT-4o avec 24 milliards de paramètres.", "24 milliards", "clause_name", ["Mistral Small 3"]),
    ("Mistral Small 3 est deux fois plus rapide que la vitesse de Claude 3 Opus avec 24 milliards de paramètres.",
     "24 milliards", "clause_name", ["Mistral Small 3"]),
    ("Gemini 2.0 Flash est sorti. Gemini 2.0 Flash-Lite affiche 1 million de jetons de contexte.",
     "1 million", "clause_name", ["Gemini 2.0 Flash-Lite"]),
    # … nor a name it is compared with (« plus compact que », « par rapport à »)
    ("Llama 4 Maverick est sorti. Llama 4 Scout, plus compact que Llama 4 Maverick, dispose de 109 milliards de paramètres.",
     "109 milliards", "clause_name", ["Llama 4 Scout"]),
    ("Llama 4 Maverick est sorti. Llama 4 Scout, qui est compact par rapport à Llama 4 Maverick, et qui dispose de "
     "109 milliards de paramètres, est idéal.", "109 milliards", "clause_name", ["Llama 4 Scout"]),
    # « c'est un modèle de … » after names in a fronted phrase: not theirs
    ("Magistral Small 1.2 est sorti. S'appuyant sur Magistral 1.1, avec des traces de Magistral Medium, c'est un petit "
     "modèle efficace avec 24 milliards de paramètres.", "24 milliards", None, []),
    ("Chinchilla, qui utilise le même budget de calcul que Gopher mais avec 70 milliards de paramètres, est sorti.",
     "70 milliards", "clause_name", ["Chinchilla"]),
    # (« même » the adverb compares nothing: « laissaient même entendre que le 22B devançait … »)
    ("Des fuites laissaient même entendre que Qwen3-32B comptait 32 milliards de paramètres.", "32 milliards",
     "clause_name", ["Qwen3-32B"]),
    ("Contrairement à GPT-4o, Mistral Small 3 compte 24 milliards de paramètres.", "24 milliards", "clause_name",
     ["Mistral Small 3"]),
    ("Mistral Small 3 est sorti. Il est plus rapide que GPT-4o et compte 24 milliards de paramètres.", "24 milliards",
     "anaphor", ["Mistral Small 3"]),
    # … nor the name the subject is said to be one of (« est le plus petit modèle Llama 4 »); « la famille »
    # names the family's model only when the family's name follows
    ("Llama 4 Scout est sorti. Scout est le plus petit modèle Llama 4 avec 109 milliards de paramètres.",
     "109 milliards", "clause_name", ["Llama 4 Scout"]),
    ("La famille Kimi K2 est connue. Kimi K2 Thinking est un membre de la famille des mélanges d'experts doté d'un "
     "billion de paramètres.", "un billion", "clause_name", ["Kimi K2 Thinking"]),
    # the subject written after a fronted phrase
    ("Avec 24 milliards de paramètres, Mistral Small 3 surpasse GPT-4o mini.", "24 milliards", "subject", ["Mistral Small 3"]),
    ("Les modèles gpt-oss-120b et gpt-oss-20b sortent. Le second, plus compact avec 21 milliards de paramètres, "
     "tourne sur un portable.", "21 milliards", "ordinal", ["gpt-oss-20b"]),
    ("Llama 3 et Mistral 7B sont sortis. Le premier trimestre a vu 3 milliards de paramètres.", "3 milliards", None, []),
    ("Llama 3 et Mistral 7B sont sortis. Le second n'en compte que 7 milliards de paramètres.", "7 milliards", "ordinal",
     ["Mistral 7B"]),
    ("Llama 3 et Mistral 7B sont sortis. Le second accepte une fenêtre de contexte de 32 000 jetons.", "32 000", "ordinal",
     ["Mistral 7B"]),
    ("À seulement 2 milliards de paramètres, le modèle Gemma 2 2B tient sur un smartphone.", "2 milliards", "subject",
     ["Gemma 2 2B"]),
    ("Avec 7 milliards de paramètres, le modèle de Mistral 7B, GPT-4o est petit.", "7 milliards", None, []),
    # … or the pronoun after a fronted phrase, for the model in focus
    ("MiniMax M1 est un modèle. Avec une fenêtre de contexte d'un million de tokens, un entraînement efficace et des "
     "performances compétitives, il est idéal.", "un million", "subject", ["MiniMax M1"]),
    ("MiniMax M1 est sorti. Avec une fenêtre d'un million de tokens, le marché change.", "un million", None, []),
    ("MiniMax M1 est sorti. Capable de gérer un million de jetons de contexte et de raisonner longuement sur des "
     "documents juridiques très volumineux, il est à égalité avec Gemini 2.5 Pro.", "un million", "subject", ["MiniMax M1"]),
    ("MiniMax M1 est sorti. Capable de gérer un million de jetons de contexte comme Gemini 2.5 Pro et de raisonner "
     "longuement sur des documents juridiques, il est gratuit.", "un million", None, []),
    # anaphors: the model in focus (or « ce dernier », the last one named)
    ("Gemini 1.5 Pro est sorti. Il dispose d'une fenêtre de contexte d'un million de tokens.",
     "un million", "anaphor", ["Gemini 1.5 Pro"]),
    ("Gemini 1.5 Pro est sorti. Sa fenêtre de contexte atteint 2 millions de jetons.", "2 millions", "anaphor", ["Gemini 1.5 Pro"]),
    # « Les chiffres clés : … » after the sentence that names the model: its spec line
    ("Alibaba a publié Qwen 3.5 le 16 février. Les chiffres clés : 397 milliards de paramètres, licence Apache 2.0.",
     "397 milliards", "anaphor", ["Qwen 3.5"]),
    ("Les chiffres clés : 397 milliards de paramètres, licence Apache 2.0.", "397 milliards", None, []),
    ("Llama 3.1 405B surpasse GPT-4o. Il compte 405 milliards de paramètres.", "405 milliards", "anaphor", ["Llama 3.1 405B"]),
    ("Grok 3 est sorti. Ce dernier dispose d'un million de jetons de contexte.", "un million", "anaphor", ["Grok 3"]),
    ("GPT-5 est sorti. La capacité de contexte étendue à 256 000 tokens, contre 200 000 pour GPT-4o, aide.", "256 000",
     "anaphor", ["GPT-5"]),
    ("Kimi K2\n\n- Contexte : 128 000 jetons", "128 000", "anaphor", ["Kimi K2"]),
    # a spec line that opens on « Modèle »; a bullet under a heading that names no model, when its label says the attribute
    ("DeepSeek-V3 — Lancé en décembre 2024. Modèle MoE avec 671 milliards de paramètres.", "671 milliards", "anaphor",
     ["DeepSeek-V3"]),
    ("Meta Llama 3.1 70B\n\nPrincipales fonctions\n\n- Taille du modèle : 70 milliards de paramètres", "70 milliards",
     "anaphor", ["Llama 3.1 70B"]),
    # bullets right after a short sentence that opens on the one model it names
    ("Le MoE existe.\n\nERNIE 4.5 renverse la donne.\n- 21 milliards de paramètres au total → semble lourd",
     "21 milliards", "anaphor", ["ERNIE 4.5"]),
    ("Le MoE existe.\n\nERNIE 4.5 renverse la donne, et de loin, dans toutes les catégories du marché.\n"
     "- 21 milliards de paramètres au total", "21 milliards", None, []),
    # … or whose clause's subject says it; a bullet that names a model only to compare with it
    ("Command R+\n\nPrincipales fonctions\n\n- Pour le mode dédié, la longueur du contexte est de 16 000 jetons.",
     "16 000", "anaphor", ["Command R+"]),
    ("Meta Llama 3.1 70B\n\nPrincipales fonctions\n\n- Longueur de contexte : 128 000 jetons, soit 16 fois plus que "
     "les modèles Meta Llama 3.", "128 000", "anaphor", ["Llama 3.1 70B"]),
    ("Command R+\n\nPrincipales fonctions\n\n- En mode dédié, on passe 16 000 jetons de contexte à la grappe.",
     "16 000", None, []),
    ("Command R+\n\nPrincipales fonctions\n\n- Le quota gratuit est de 16 000 jetons de contexte.", "16 000", None, []),
    ("Meta Llama 3.1 70B\n\nPrincipales fonctions\n\n- Longueur de contexte : 128 000 jetons, comme Llama 3.", "128 000",
     None, []),
    # the active part, opening a sentence that names no model, of the one total the sentence before gave
    ("ERNIE 4.5 compte 424 milliards de paramètres. Cependant, seulement 47 milliards sont activés pour chaque token.",
     "47 milliards", "active_share", ["ERNIE 4.5"]),
    ("GPT OSS 120B compte 117 milliards de paramètres. Grâce à l'architecture MoE, seulement 5,1 milliards de paramètres "
     "sont actifs par jeton.", "5,1 milliards", "active_share", ["GPT OSS 120B"]),
    ("ERNIE 4.5 renverse la donne.\n- 21 milliards de paramètres au total\n- Seulement 3 milliards actifs par token",
     "3 milliards", "anaphor", ["ERNIE 4.5"]),  # (bullets after the sentence that names it)
    ("ERNIE 4.5 compte 424 milliards de paramètres. Le marché change. Seulement 47 milliards sont activés par token.",
     "47 milliards", None, []),
    ("ERNIE 4.5 compte 24 milliards de paramètres. Seulement 47 milliards sont activés par token.", "47 milliards", None, []),
    ("ERNIE 4.5 compte 424 milliards de paramètres. Un rival chinois en active 47 milliards par token.", "47 milliards",
     None, []),
    ("ERNIE 4.5 et Qwen3 comptent 424 et 235 milliards de paramètres. Seulement 47 milliards sont activés par token.",
     "47 milliards", None, []),
    # no holder: the complement of another noun, an unnamed subject, an attribution, a guessed bullet
    ("Le successeur de GPT-4 compte 1 800 milliards de paramètres.", "1 800 milliards", None, []),
    ("Llama 3 est sorti. Un concurrent chinois affiche 70 milliards de paramètres.", "70 milliards", None, []),
    ("Selon Meta, 405 milliards de paramètres suffisent pour rivaliser avec GPT-4o.", "405 milliards", None, []),
    ("# Llama 3 en bref\n\nMeta publie un modèle.\n\n- 70 milliards de paramètres", "70 milliards", None, []),
    ("Meta Llama 3.1 70B\n\nPrincipales fonctions\n\n- Licence : 70 milliards de paramètres", "70 milliards", None, []),
    # a bullet that holds only a model's name: the bullets after it describe that model
    ("GPT-4 vs Gemini 1.5 Pro\n\n- Version testée : gpt-4-turbo-2024-04-09\n- Fenêtre de contexte : 128k tokens",
     "128k", "anaphor", ["GPT-4 Turbo"]),
    # … nor when the title names other models too (a comparison whose headings were lost)
    ("GPT-4 vs Gemini 1.5 Pro\n\nLes spécifications\n\n- Fenêtre de contexte : 128k tokens", "128k", None, []),
    ("GPT-4 vs Gemini 1.5 Pro\n\n- Prix : 3 dollars\n- Fenêtre de contexte : 128k tokens", "128k", None, []),
    # a name in an aside between commas is not the holder (« au cœur de »)
    ("DeepSeek-V3, au cœur de DeepSeek-R1, est un modèle MoE comptant 671 milliards de paramètres.", "671 milliards",
     "clause_name", ["DeepSeek-V3"]),
    ("Meta prépare une IA. Le texte fait 400 milliards de paramètres.", "400 milliards", None, []),
    ("Llama 3 est sorti. À titre de comparaison, un concurrent compte 70 milliards de paramètres.", "70 milliards", None, []),
    ("Selon Google, 2 millions de jetons de contexte sont possibles.", "2 millions", None, []),
    ("La version de Llama 3 compte 8 milliards de paramètres.", "8 milliards", None, []),
    ("Le concurrent de Gemini 1.5 Pro dispose de 2 millions de jetons de contexte.", "2 millions", None, []),
    ("Meta publie Llama 3. Le prédécesseur de Llama 3 comptait 65 milliards de paramètres.", "65 milliards", None, []),
    ("Le premier compte 7 milliards de paramètres.", "7 milliards", None, []),  # an ordinal with no names before
]


@pytest.mark.parametrize("text, written, holder, models", CASES)
def test_holder_of(analyse, text, written, holder, models):
    sc, c = scope_of(analyse(text), written)
    assert holder_of(sc, c) == (holder, models)


@pytest.mark.parametrize("text, written, holder, models", [c for c in CASES if c[2] is not None])
def test_each_holder_answers_alone(analyse, text, written, holder, models):
    """The holder named answers by itself, whatever the holders before it."""
    sc, c = scope_of(analyse(text), written)
    assert dict(HOLDERS)[holder](sc, c) == models


@pytest.mark.parametrize("text, written, holder, models", CASES)
def test_a_holder_whose_needs_fail_gives_no_answer(analyse, text, written, holder, models):
    """``NEEDS`` only skips holders that would not answer: on every row, a holder whose sentence
    lacks what it needs answers neither a model nor [] when called directly (the holder that
    answers the row always has what it needs)."""
    sc, c = scope_of(analyse(text), written)
    for name, fn in HOLDERS:
        if name in NEEDS and not NEEDS[name](sc):
            assert fn(sc, c) is None, name
    assert holder is None or holder in sc.open_holders


@pytest.mark.parametrize("text, written, closed", [
    # no name in the sentence: the holders that read a name of the sentence are not asked
    ("Llama 3 est sorti. Il compte 70 milliards de paramètres.", "70 milliards",
     {"for_named", "genitive_after", "name_in_parentheses", "glossed_name", "against_at", "parenthesized",
      "clause_name", "apposed", "ordinal", "for_group", "group", "active_share"}),
    # a name, no ordinal word, no variants, no focus before the sentence
    ("Llama 3 compte 70 milliards de paramètres.", "70 milliards", {"ordinal", "for_group", "group", "anaphor", "active_share"}),
])
def test_closed_holders(analyse, text, written, closed):
    sc, _ = scope_of(analyse(text), written)
    assert {name for name, _ in HOLDERS} - set(sc.open_holders) == closed
