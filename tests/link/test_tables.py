"""Tables (``pipeline.link.tables``), one layout per row: ``label_attribute`` (a label -> the
attribute), ``flat_header`` (a line of column labels -> the attributes, left to right),
``table_facts`` (a Markdown table -> its facts), ``flat_table_facts`` and ``flat_across_facts`` (a table that lost its
bars -> its facts), ``stacked_table_facts`` (a table with one cell a line -> its facts)."""
from __future__ import annotations

import pytest

from pipeline.link.facts import table_owners
from pipeline.link.tables import flat_across_facts, flat_header, flat_table_facts, label_attribute, stacked_table_facts, table_facts
from pipeline.link.variants import Variants
from pipeline.recognize.segments import Sentence

B = 1_000_000_000

LABELS = [
    ("Fenêtre de contexte", "context_tokens"),
    ("Contexte (tokens)", "context_tokens"),
    ("Paramètres actifs", "params_active"),
    ("Paramètres activés", "params_active"),
    ("Paramètres", "params_total"),
    ("Taille", "params_total"),
    ("Taille du modèle", "params_total"),
    ("Taille du contexte", "context_tokens"),
    ("Taille input fixe", "context_tokens"),
    ("Longueur séquence", "context_tokens"),
    ("Paramètres (milliards)", "params_total"),
    ("Experts sollicités par jeton", "experts_per_token"),
    ("Experts", "experts"),
    ("Données d'entraînement", "training_tokens"),
    ("Tokens d'entraînement", "training_tokens"),
    ("Licence", None),
    ("Éditeur", None),
    ("Prix par million", None),
    ("Date de sortie", None),
]


@pytest.mark.parametrize("label, attribute", LABELS)
def test_label_attribute(lex, label, attribute):
    assert label_attribute(label, lex) == attribute


HEADERS = [
    ("Modèle Params actifs Params total Experts Contexte", ["params_active", "params_total", "experts", "context_tokens"]),
    ("Modèle Paramètres Contexte", ["params_total", "context_tokens"]),
    ("Modèle Taille Fenêtre de contexte Données d'entraînement", ["params_total", "context_tokens", "training_tokens"]),
    ("Modèle Experts Params actifs", ["experts", "params_active"]),
    ("Modèle Context window Params", ["context_tokens", "params_total"]),
    # fewer than two columns: not a header
    ("Modèle Contexte", []),
    ("Params actifs", []),
    ("Llama 4 en chiffres", []),
    ("Les experts du domaine", []),
    ("Le prix et la date de sortie", []),
]


@pytest.mark.parametrize("line, attributes", HEADERS)
def test_flat_header(lex, line, attributes):
    assert flat_header(line, Sentence(0, len(line), "heading", 0), lex) == attributes


TABLES = [
    # models down the first column, the attribute in the header
    ("| Modèle | Éditeur | Paramètres |\n|---|---|---|\n| BLOOM | BigScience | 176 milliards |\n| Falcon 180B | TII | 180 milliards |",
     {("BLOOM", "params_total", 176 * B, "table_cell"), ("Falcon 180B", "params_total", 180 * B, "table_cell")}),
    # … or down the column that names them, after a column of years (a DokuWiki header row)
    ("^ Année ^ Modèle ^ Taille (paramètres) ^\n| 2019 | GPT-2 | 1.5B |\n| 2020 | T5 | 11B |\n| 2021 | Turing-NLG | 17.2B |",
     {("GPT-2", "params_total", 1_500_000_000, "table_cell"), ("T5", "params_total", 11 * B, "table_cell"),
      ("Turing-NLG", "params_total", 17_200_000_000, "table_cell")}),
    # models across the header, the attribute in the row label
    # (a header cell that names a bare family, then its model: the model)
    ("| Critère | ChatGPT (GPT-4o) | Gemini (Gemini 2.5 Pro) |\n|---|---|---|\n| Fenêtre de contexte | 128K tokens | 1M tokens |",
     {("GPT-4o", "context_tokens", 128_000, "table_cell"), ("Gemini 2.5 Pro", "context_tokens", 1_000_000, "table_cell")}),
    ("| Banc d'essai | DeepSeek-R1 | o1 |\n|---|---|---|\n| Paramètres | 671 milliards | 300 milliards |\n"
     "| Fenêtre de contexte | 128 000 | 200 000 |",
     {("DeepSeek-R1", "params_total", 671 * B, "table_cell"), ("o1", "params_total", 300 * B, "table_cell"),
      ("DeepSeek-R1", "context_tokens", 128_000, "table_cell"), ("o1", "context_tokens", 200_000, "table_cell")}),
    # a spec sheet under a heading that names one model
    ("## Claude 3.7 Sonnet\n\nVoici sa fiche :\n\n| Caractéristique | Valeur |\n|---|---|\n"
     "| Fenêtre de contexte | 200 000 tokens |\n| Licence | propriétaire |",
     {("Claude 3.7 Sonnet", "context_tokens", 200_000, "table_cell")}),
    # the scale in the header
    ("| Modèle | Paramètres (milliards) |\n|---|---|\n| Llama 3 | 70 |", {("Llama 3", "params_total", 70 * B, "table_cell")}),
    # a family's sizes in one cell name its variants
    ("| Modèle | Tailles |\n|---|---|\n| Llama 2 | 7, 13 et 70 milliards |",
     {("Llama 2 7B", "params_total", 7 * B, "table_family_sizes"), ("Llama 2 13B", "params_total", 13 * B, "table_family_sizes"),
      ("Llama 2 70B", "params_total", 70 * B, "table_family_sizes")}),
    # nothing: columns that say no attribute, experts per token, a sheet with two possible owners
    ("| Modèle | Licence | Prix |\n|---|---|---|\n| Llama 3 | 70 | 3 |", set()),
    ("| Modèle | Experts sollicités par jeton |\n|---|---|\n| DeepSeek-V3 | 8 |", set()),
    ("## Claude 3.7 Sonnet et GPT-4o\n\n| Caractéristique | Valeur |\n|---|---|\n| Fenêtre de contexte | 200 000 tokens |", set()),
    ("| Caractéristique | Valeur |\n|---|---|\n| Fenêtre de contexte | 200 000 tokens |", set()),
    ("| Modèle | Paramètres |\n|---|---|\n| Le plus grand | 70 milliards |", set()),
    # a column that names a model in one row of three is not the table's names
    ("| Date | Note | Paramètres |\n|---|---|---|\n| 2023 | voir GPT-4 | 70 milliards |\n| 2024 | rien | 8 milliards |\n"
     "| 2025 | rien | 9 milliards |", set()),
]


@pytest.mark.parametrize("text, expected", TABLES)
def test_table_facts(analyse, lex, text, expected):
    a = analyse(text)
    ents = a.ents.copy()
    found = table_facts(a.text, a.sentences, ents, a.quantities, Variants(), lex, owners=table_owners(a.views))
    assert {(f.model, f.attribute, f.value, f.where.recognizer) for f in found} == expected


FLAT_INTRO = "Meta publie Llama 4 Scout et Llama 4 Maverick.\n\n"
FLAT = [
    (FLAT_INTRO + "Modèle Params actifs Params total Experts Contexte\nScout 17B 109B 16 10M tokens\nMaverick 17B 400B 128 1M tokens",
     {("Llama 4 Scout", "params_active", 17 * B), ("Llama 4 Scout", "params_total", 109 * B), ("Llama 4 Scout", "experts", 16),
      ("Llama 4 Scout", "context_tokens", 10_000_000), ("Llama 4 Maverick", "params_active", 17 * B),
      ("Llama 4 Maverick", "params_total", 400 * B), ("Llama 4 Maverick", "experts", 128),
      ("Llama 4 Maverick", "context_tokens", 1_000_000)}),
    # a line with a value missing is not read (which one is missing cannot be told)
    (FLAT_INTRO + "Modèle Params actifs Params total Experts Contexte\nScout 17B 109B 16\nMaverick 17B 400B 128 1M tokens",
     {("Llama 4 Maverick", "params_active", 17 * B), ("Llama 4 Maverick", "params_total", 400 * B),
      ("Llama 4 Maverick", "experts", 128), ("Llama 4 Maverick", "context_tokens", 1_000_000)}),
    # a last column of words (« En cours »): the values fill the first columns; « ~ » before a value
    (FLAT_INTRO.replace("Llama 4 Maverick", "Llama 4 Behemoth") + "Modèle Params actifs Params total Experts Contexte\nBehemoth 288B ~2T 16 En cours",
     {("Llama 4 Behemoth", "params_active", 288 * B), ("Llama 4 Behemoth", "params_total", 2000 * B), ("Llama 4 Behemoth", "experts", 16)}),
    # no header line: nothing
    ("Meta publie Llama 4 Scout.\n\nLe modèle en bref\nScout 17B 109B 16 10M tokens", set()),
    # a line of labels that names a model is no header
    (FLAT_INTRO + "Llama 4 Maverick Params actifs Params total\nScout 17B 109B", set()),
    # a running sentence under a line of labels is no row (its values are read as prose)
    (FLAT_INTRO + "Modèle Paramètres Contexte\nScout a 10 millions de jetons de contexte et 109 milliards de paramètres.", set()),
]


ACROSS = [
    # the models across the first line, one value per model on each line after it
    ("Spécification ChatGPT-4o o1-mini\nFenêtre contextuelle 128K 128K\nJetons de sortie 16K 64K\nJetons par seconde ~103 ~74",
     {("GPT-4o", "context_tokens", 128_000), ("o1-mini", "context_tokens", 128_000)}),
    ("Fonction Qwen3:30b-instruct GPT-OSS:20b\nNombre total de paramètres 30,5 milliards 21 milliards\n"
     "Paramètres activés ~3,3 milliards ~3,6 milliards\nNombre de couches 48 24\n"
     "Experts MoE par couche 128 (8 actifs par token) 32 (4 actifs par token)",
     {("Qwen3:30b-instruct", "params_total", 30_500_000_000), ("gpt-oss:20b", "params_total", 21 * B),
      ("Qwen3:30b-instruct", "params_active", 3_300_000_000), ("gpt-oss:20b", "params_active", 3_600_000_000),
      ("Qwen3:30b-instruct", "experts", 128), ("gpt-oss:20b", "experts", 32)}),
    # a line with another number of values, a blank line, words between the values, a price: nothing
    ("Spécification GPT-4o o1-mini\nFenêtre de contexte 128 000 tokens", set()),
    ("Spécification GPT-4o o1-mini\n\nFenêtre de contexte 128K 128K", set()),
    ("Spécification GPT-4o o1-mini\nFenêtre de contexte 128K pour l'un, 200K pour l'autre", set()),
    ("Spécification GPT-4o o1-mini\nPrix par million de tokens 5 3", set()),
    # a sentence that names two models is no header
    ("GPT-4o surpasse o1-mini.\nFenêtre de contexte 128K 128K", set()),
]


STACKED_HEAD = "Modèles pris en charge\n\nModèle\nParamètres\nVRAM requise\n\n"
STACKED = [
    # a model column, then as many lines a model: the labelled column's value when the cell is that value alone
    (STACKED_HEAD + "Mistral 7B\n\n7B\n\n14GB\n\nMixtral 8x7B\n\n47B\n\n90 Go\n",
     {("Mistral 7B", "params_total", 7 * B), ("Mixtral 8x7B", "params_total", 47 * B)}),
    ("Nom du modèle\nContexte\nLicence\nGemma 3 27B\n128K\nGemma\n", {("Gemma 3 27B", "context_tokens", 128_000)}),
    # a cell with more than its value, a column no label names, a group that opens on no name (reading stops)
    (STACKED_HEAD + "Mistral 7B\n\n7B (ou 8B)\n\n14GB\n", set()),
    ("Modèle\nVRAM requise\nRAM requise\nMistral 7B\n14GB\n16 Go\n", set()),
    (STACKED_HEAD + "Pour commencer\n\n7B\n\n14GB\n\nMistral 7B\n\n7B\n\n14GB\n", set()),
    # no model column, or a header of one label only
    ("Paramètres\nVRAM requise\nMistral 7B\n7B\n14GB\n", set()),
    ("Modèle\nParamètres\nMistral 7B\n7B\n", set()),
]


@pytest.mark.parametrize("reader, recognizer, text, expected",
                         [(flat_table_facts, "flat_table", t, e) for t, e in FLAT]
                         + [(flat_across_facts, "flat_across", t, e) for t, e in ACROSS]
                         + [(stacked_table_facts, "stacked_table", t, e) for t, e in STACKED])
def test_flat_tables(analyse, lex, reader, recognizer, text, expected):
    """Tables that lost their bars: models down the lines (``flat_table_facts``) or across the
    first one (``flat_across_facts``), or one cell a line (``stacked_table_facts``)."""
    a = analyse(text)
    found = reader(a.text, a.sentences, a.ents.refs, a.quantities, lex)
    assert {(f.model, f.attribute, f.value) for f in found} == expected
    assert all(f.where.recognizer == recognizer for f in found)

