"""Synthetic corpora for benchmarks: N French articles about AI models, written to a folder.

    python -m bench.corpus --articles 10000 --out /tmp/corpus-10k [--seed 0]

Built from the project's own articles (``corpus/``, read with ``pipeline.ingest.read_corpus``,
French articles with status ok only):

* each source article is cut into *units*: a paragraph, a bullet list or a table, with the
  heading or the short « … : » line that introduces it; an article is a lead unit (the first
  paragraph of some source) followed by 2 to 6 units drawn from any source;
* every unit is a template: model mentions (found with the pipeline's own recogniser), the
  organisations that make them, and numbers (parameter counts, context sizes, scores, prices)
  are slots, filled per article: each source organisation becomes another one
  (``organizations.yaml``), each of its families a family of the new organisation
  (``families.yaml``) with a plausible version and size, and each number a plausible other
  number in the same written form (« 46,7 milliards », « 128K », « 2 000 », « 84,0 % »); years,
  days of the month and times are kept;
* titles, bylines, datelines, front matter, sites and dates are drawn per article.

So a rule that memorises names, or a cache keyed on a sentence or a name, meets a realistic
amount of repetition rather than 14 articles copied over and over.

Formats (share of articles, about): ``.txt`` 62 % (a few in Windows-1252, with a BOM, CRLF line
ends, mojibake or front matter), ``.md`` 11 %, ``.html`` 5 % (a page with navigation, asides and
footer around the ``<article>``), ``.jsonl`` 22 % (10 to 30 articles a file). 100 000 articles
make about 79 000 files: ~180 MB of text, ~360 MB of 4 KiB disk blocks. Files go into
subfolders of 1000 files (``d000/``, ``d001/``, …); a hidden ``.bench-corpus.json`` manifest
(ignored by the pipeline, which skips hidden files) records the seed, counts and sizes.

Deterministic: article ``i`` depends only on the seed, ``i`` and the source corpus and lexicons
(``random.Random`` seeded with a string, no hash-ordered iteration), and the file layout only on
the seed, so the first articles of a 1000-article corpus are those of a 100 000-article one.
Streaming: one file is built and written at a time (a JSONL file holds at most 30 articles).
"""
from __future__ import annotations

import argparse
import datetime as dt
import html as html_lib
import json
import math
import os
import random
import re
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Optional, Sequence, Union

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT / "corpus"
MANIFEST = ".bench-corpus.json"
GENERATOR_VERSION = 1
FILES_PER_FOLDER = 1000
FORMATS = ("txt", "md", "html", "jsonl")
# Per file, after the first four files (one of each format, in a seeded order).
FILE_WEIGHTS = {"txt": 0.79, "md": 0.14, "html": 0.058, "jsonl": 0.012}
JSONL_ARTICLES = (10, 30)

# ---------------------------------------------------------------------------------------------
# Source material: units with slots


@dataclass(frozen=True)
class ModelSlot:
    text: str
    family: Optional[str]  # lexicon family ("o-series" for o1/o3-mini); None: unknown name, kept
    has_tail: bool


@dataclass(frozen=True)
class OrgSlot:
    text: str
    canonical: str


@dataclass(frozen=True)
class NumberSlot:
    text: str
    value: float
    decimals: int
    group: str  # thousands separator as written ("" when none)
    suffix: str  # "k", "K", "B", "M" glued to the digits, else ""
    kind: str  # pct | experts | size | context | plain


@dataclass(frozen=True)
class WordSlot:
    text: str  # a number word before « milliards » / « millions »


Slot = Union[ModelSlot, OrgSlot, NumberSlot, WordSlot]
Template = tuple  # of str and Slot


@dataclass(frozen=True)
class Block:
    kind: str  # para | heading | list | table
    template: Template


@dataclass(frozen=True)
class Unit:
    blocks: tuple[Block, ...]
    lead: bool  # the first body unit of its source article
    source: str

    def slots(self) -> Iterator[Slot]:
        for b in self.blocks:
            for seg in b.template:
                if not isinstance(seg, str):
                    yield seg


_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n+")
_DATEISH = re.compile(r"\b(?:19|20)\d\d\b|\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                      r"novembre|décembre)\b|\b(?:par|by|auteur|publié)\b", re.I)
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")
_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_NUMBER = re.compile(
    r"(?<![\w.,/\-])(?P<int>\d{1,3}(?:(?P<sep>[ \u00a0\u202f])\d{3})+|\d+)(?:,(?P<dec>\d+))?"
    r"(?P<suf>[kKBM])?(?![\w\-])(?!\.\d)(?!,\d)")
_DAY_OR_TIME = re.compile(r"(?:er)?[ \u00a0](?:" + "|".join(_MONTHS) + r")\b|\s?h\s?\d", re.I)
_PCT = re.compile(r"[ \u00a0\u202f]?%")
_BIG = re.compile(r"[ \u00a0\u202f]?(?:milliards?|millions?|billions?|trillions?|Md)\b")
_EXPERTS = re.compile(r"[ \u00a0]+(?:experts?\b|«\s*experts)")
_CONTEXT = re.compile(r"[ \u00a0]+(?:jetons|tokens)\b")
_SPELLED = re.compile(r"(?<![\w-])(?P<w>deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt|trente|cent)"
                      r"(?=[ \u00a0](?:milliards|millions)\b)")
SPELLED_WORDS = ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze", "quinze",
                 "vingt", "trente", "cinquante", "cent")


def _kind_of_block(text: str) -> str:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if all(ln.startswith("|") for ln in lines):
        return "table"
    if all(re.match(r"(?:[-*•]|\d+[.)])\s", ln) for ln in lines):
        return "list"
    if len(lines) == 1 and (lines[0].startswith("#") or
                            (len(lines[0]) <= 90 and not re.search(r"[.!?…:;,]$", lines[0]))):
        return "heading"
    return "para"


def _is_header_block(text: str, title: Optional[str]) -> bool:
    """A title, dateline or byline block at the top of an article (not body text)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if not lines or any(len(ln) > 200 for ln in lines):
        return False
    key = (title or "").strip().lstrip("#").strip()
    return all(ln.lstrip("# ").strip("*_ ") == key or _DATEISH.search(ln) or ln.startswith(("*", "_"))
               for ln in lines)


def split_units(text: str, title: Optional[str], source: str) -> list[list[tuple[str, str]]]:
    """The body of one source article as units: lists of (kind, text) blocks."""
    blocks = [b.strip("\n") for b in _BLOCK_SPLIT.split(text.strip()) if b.strip()]
    while blocks and _is_header_block(blocks[0], title):
        blocks.pop(0)
    units: list[list[tuple[str, str]]] = []
    pending: list[tuple[str, str]] = []  # a heading or an introductory « … : » line
    for raw in blocks:
        kind = _kind_of_block(raw)
        if kind == "heading":
            pending = [("heading", raw.lstrip("#").strip())]
            continue
        if kind == "para" and len(raw) < 50:
            if raw.rstrip().endswith(":"):
                pending = pending + [("para", raw)]
            continue  # "Publicité", "(Fin de dépêche)", signatures
        units.append(pending + [(kind, raw)])
        pending = []
    return units


class SourceTemplates:
    """Units of the source corpus, as templates with slots, and the lexicon tables used to fill them."""

    def __init__(self, source: Path = DEFAULT_SOURCE):
        from pipeline.ingest import read_corpus
        from pipeline.lexicons import load
        from pipeline.recognize.names import name_patterns

        self.lex = load()
        self._family_re, self._series_re, _ = name_patterns(self.lex)  # the recogniser's own patterns
        orgs = self.lex.organizations  # surface -> canonical
        self._org_re = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(s) for s in sorted(orgs, key=lambda s: (-len(s), s)))
                                  + r")(?![\w\-])")
        self.units: list[Unit] = []
        self.sources: list[str] = []
        self.source_texts: list[str] = []
        for article in read_corpus(Path(source)):
            if article.status != "ok" or (article.language or "") != "fr" or not article.text.strip():
                continue
            self.sources.append(article.source)
            self.source_texts.append(article.text)
            for i, unit in enumerate(split_units(article.text, article.title, article.source)):
                blocks = tuple(Block(kind, self._template(text)) for kind, text in unit)
                self.units.append(Unit(blocks, lead=(i == 0 and unit[-1][0] == "para"), source=article.source))
        if not self.units:
            raise ValueError(f"no French article with status ok in {source}")
        self.leads = [u for u in self.units if u.lead]
        self.families = _usable_families(self.lex, self.valid_name)
        self.org_of_family = {f.name: f.organization for f in self.lex.families}
        self.org_of_family["o-series"] = "OpenAI"
        by_org: dict[str, list[str]] = {}
        for name in self.families:
            by_org.setdefault(self.org_of_family[name], []).append(name)
        self.families_of_org = by_org
        self.orgs = sorted(by_org)  # organisations that have usable families (canonical names)

    # -- templates
    def _template(self, text: str) -> Template:
        spans: list[tuple[int, int, Slot]] = []

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e, _ in spans)

        for a, b, name, family, has_tail in self.find_mentions(text):
            spans.append((a, b, ModelSlot(name, family, has_tail)))
        for m in self._org_re.finditer(text):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), OrgSlot(m.group(0), self.lex.organizations[m.group(0)])))
        for m in _SPELLED.finditer(text):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), WordSlot(m.group("w"))))
        for m in _NUMBER.finditer(text):
            if free(m.start(), m.end()):
                slot = _number_slot(text, m)
                if slot is not None:
                    spans.append((m.start(), m.end(), slot))
        spans.sort(key=lambda s: s[0])
        out: list = []
        pos = 0
        for a, b, slot in spans:
            if a > pos:
                out.append(text[pos:a])
            out.append(slot)
            pos = b
        if pos < len(text):
            out.append(text[pos:])
        return tuple(out)

    def find_mentions(self, text: str) -> list[tuple[int, int, str, str, bool]]:
        """(start, end, text, family, has_tail) of the known-family model names in ``text``."""
        found = []
        for m in self._family_re.finditer(text):
            fam = self.lex.family(m.group("fam"))
            tail = m.group("tail") or ""
            if fam.requires_version and not tail.strip(" -\u00a0"):
                continue
            found.append((m.start(), m.end(), m.group(0), fam.name, bool(tail)))
        for m in self._series_re.finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b, *_ in found):
                found.append((m.start(), m.end(), m.group(0), "o-series", bool(m.group("tail"))))
        return sorted(found)

    def valid_name(self, name: str) -> bool:
        """The family pattern reads ``name`` as one whole model name."""
        found = self.find_mentions(f"Le modèle {name} a été publié.")
        return len(found) == 1 and found[0][2] == name


def _number_slot(text: str, m: re.Match) -> Optional[NumberSlot]:
    raw_int, dec, suf, sep = m.group("int"), m.group("dec") or "", m.group("suf") or "", m.group("sep") or ""
    after = text[m.end():m.end() + 30]
    value = float(re.sub(r"\D", "", raw_int) + ("." + dec if dec else ""))
    if not suf and not dec and not sep:
        if 1990 <= value <= 2035 and len(raw_int) == 4 and not _BIG.match(after):
            return None  # a year
        if _DAY_OR_TIME.match(after):
            return None  # « 20 janvier », « 11 h 20 »
        if value in (10, 20, 100) and text[max(0, m.start() - 4):m.start()] == "sur ":
            return None  # « 9,3 sur 10 »
    if _PCT.match(after):
        kind = "pct"
    elif suf in ("k", "K") or (not suf and _CONTEXT.match(after) and value >= 1000):
        kind = "context"
    elif suf in ("B", "M"):
        kind = "size"
    elif _EXPERTS.match(after):
        kind = "experts"
    else:
        kind = "plain"  # with « milliards »/« Md » after it, or a count, a price, an ELO score
    return NumberSlot(m.group(0), value, len(dec), sep, suf, kind)


# ---------------------------------------------------------------------------------------------
# Plausible model names

# Families that are not (mainly) text models, or products rather than model names.
_EXCLUDED_FAMILIES = frozenset({"DALL-E", "DALL·E", "Sora", "Whisper", "Imagen", "Veo", "Stable Diffusion", "Midjourney",
                                "Bard", "BERT", "CamemBERT", "FlauBERT", "T5", "Code Llama", "LLaMA", "PaliGemma",
                                "Dolly", "Alpaca", "Titan"})
_POPULAR = {"Llama": 6, "GPT": 6, "Gemini": 5, "Claude": 5, "Mistral": 5, "Qwen": 5, "DeepSeek": 5, "Gemma": 3,
            "Phi": 3, "Mixtral": 3, "Grok": 3, "o-series": 2, "Kimi": 2, "Command": 2, "Falcon": 2, "Ministral": 2,
            "Magistral": 2, "Codestral": 2, "GLM": 2, "Nemotron": 2, "OLMo": 2}
# How often an organisation's models make the news, roughly (others: 1).
_ORG_WEIGHTS = {"Meta": 12, "OpenAI": 12, "Google": 12, "Anthropic": 10, "Mistral AI": 10, "Alibaba": 10, "DeepSeek": 10,
                "Microsoft": 5, "xAI": 5, "Moonshot AI": 4, "Cohere": 3, "Nvidia": 3, "Zhipu AI": 3, "TII": 2,
                "AI21 Labs": 2, "Amazon": 2, "IBM": 2, "Ai2": 2, "MiniMax": 2, "Hugging Face": 2}
_SIZES = ("0.5B", "1B", "1.5B", "3B", "4B", "7B", "8B", "9B", "12B", "14B", "22B", "27B", "32B", "34B", "70B", "72B",
          "90B", "110B", "123B", "180B", "405B")
_SMALL_SIZES = ("1B", "3B", "4B", "7B", "8B", "12B", "14B", "22B", "24B", "27B", "32B")


def _pick(rng: random.Random, items: Sequence) -> object:
    return items[rng.randrange(len(items))]


def _name_for(family: str, rng: random.Random, glued: bool = False) -> str:
    """A plausible model name of ``family`` (one of the lexicon's), versions and sizes included."""
    r = rng.random()
    p = lambda items: _pick(rng, items)  # noqa: E731
    if family == "Llama":
        v = p(("2", "3", "3.1", "3.2", "3.3", "4", "4.1", "5"))
        if v.startswith("4") and r < 0.4:
            return f"Llama {v} {p(('Scout', 'Maverick', 'Behemoth'))}"
        return f"Llama {v} {p(('1B', '3B', '8B', '11B', '13B', '34B', '70B', '90B', '405B'))}" if r < 0.8 else f"Llama {v}"
    if family == "GPT":
        v = p(("3.5", "4", "4o", "4.1", "4.5", "5", "5.1", "5.2", "4 Turbo"))
        return f"GPT-{v} {p(('mini', 'nano'))}" if r < 0.25 and " " not in v else f"GPT-{v}"
    if family == "o-series":
        return p(("o1", "o3", "o4", "o1-mini", "o3-mini", "o4-mini", "o1-pro", "o3-pro", "o1-preview"))
    if family == "Claude":
        tier = p(("Sonnet", "Opus", "Haiku"))
        return f"Claude {p(('3', '3.5', '3.7'))} {tier}" if r < 0.6 else f"Claude {tier} {p(('4', '4.1', '4.5', '5'))}"
    if family == "Gemini":
        return f"Gemini {p(('1.0', '1.5', '2.0', '2.5', '3', '3.5'))} {p(('Pro', 'Flash', 'Ultra', 'Flash Lite', 'Nano'))}"
    if family == "Gemma":
        return f"Gemma {p(('2', '3', '4'))} {p(('1B', '2B', '4B', '9B', '12B', '27B'))}" if r < 0.8 else f"Gemma {p(('2', '3', '4'))}"
    if family == "Mistral":
        if r < 0.5:
            return f"Mistral {p(('Small', 'Medium', 'Large'))} {p(('2', '3', '3.1', '3.2'))}"
        return f"Mistral {p(('7B', '12B', '22B'))}" if r < 0.8 else f"Mistral {p(('Small', 'Medium', 'Large'))}"
    if family == "Mixtral":
        return f"Mixtral 8x{p(('7', '22', '12', '34'))}B" + (" Instruct" if r < 0.2 else "")
    if family in ("Ministral", "Codestral", "Pixtral", "Devstral", "Voxtral", "Mathstral"):
        return f"{family} {p(_SMALL_SIZES)}" if r < 0.6 else f"{family} {p(('Small', 'Medium', 'Large'))} {p(('1.1', '2', '3'))}"
    if family == "Magistral":
        return f"Magistral {p(('Small', 'Medium'))} {p(('1.1', '1.2', '2'))}"
    if family == "Qwen":
        v = p(("2", "2.5", "3", "3.5"))
        if v == "3" and r < 0.3:
            return f"Qwen3-{p(('30B-A3B', '235B-A22B', '80B-A3B'))}"
        return f"Qwen{v}-{p(('0.5B', '1.5B', '7B', '14B', '32B', '72B'))}" + ("-Instruct" if r > 0.85 else "")
    if family == "QwQ":
        return "QwQ-32B"
    if family == "DeepSeek":
        return f"DeepSeek-{p(('V2', 'V2.5', 'V3', 'V3.1', 'V3.2', 'V4', 'R1', 'R2'))}"
    if family == "Phi":
        return f"Phi-{p(('2', '3', '3.5', '4'))}" + (f"-{p(('mini', 'small', 'medium'))}" if r < 0.5 else "")
    if family == "Falcon":
        return f"Falcon {p(('7B', '40B', '180B'))}" if r < 0.5 else f"Falcon {p(('2', '3'))} {p(('7B', '10B', '11B'))}"
    if family == "Grok":
        return f"Grok-{p(('1', '1.5', '2'))}" if r < 0.4 else f"Grok {p(('3', '4'))}" + (" Mini" if r > 0.85 else "")
    if family == "Command":
        return f"Command {p(('R', 'R+'))}"
    if family == "Kimi":
        return f"Kimi {p(('K1.5', 'K2', 'K3'))}"
    if family == "Jamba":
        return f"Jamba {p(('1.5', '1.6', '2'))} {p(('Mini', 'Large'))}" if r < 0.7 else "Jamba"
    # Any other family: a version, a size, or both, written as the family is usually written.
    v = p(("1", "1.5", "2", "2.5", "3", "3.1", "4"))
    size = p(_SIZES)
    if glued:
        return f"{family}{v}-{size}" if r < 0.7 else f"{family}{v}"
    if r < 0.4:
        return f"{family} {v}"
    if r < 0.7:
        return f"{family} {v} {size}"
    return f"{family}-{size}"


def _usable_families(lex, valid: Callable[[str], bool]) -> list[str]:
    """Families whose generated names the recogniser reads whole (checked on a fixed sample)."""
    usable = []
    for fam in sorted({f.name for f in lex.families} | {"o-series"}):
        if fam in _EXCLUDED_FAMILIES:
            continue
        f = lex.family(fam)
        rng = random.Random(f"check:{fam}")
        if all(valid(_name_for(fam, rng, bool(f and f.glued_version))) for _ in range(12)):
            usable.append(fam)
    return usable


# ---------------------------------------------------------------------------------------------
# Articles

_FIRST_NAMES = ("Camille", "Léa", "Julien", "Karim", "Hugo", "Nadia", "Lucas", "Élodie", "Marc", "Sophie", "Thomas",
                "Inès", "Antoine", "Chloé", "Mehdi", "Claire", "Nicolas", "Sarah", "Paul", "Amina", "Louis", "Manon",
                "Yanis", "Juliette", "Olivier", "Fatou", "Bastien", "Mathilde")
_LAST_NAMES = ("Roche", "Fontaine", "Marchetti", "Haddad", "Lemaire", "Benali", "Meunier", "Marchand", "Olivier",
               "Laurent", "Girard", "Moreau", "Lefèvre", "Nguyen", "Dubois", "Chevalier", "Garnier", "Perrin",
               "Bertrand", "Fabre", "Mercier", "Blanc", "Guérin", "Boyer", "Diallo", "Rousseau", "Vidal")
_SITES = ("lignes-de-code.example", "ia-hebdo.example", "le-fil-tech.example", "numerique-matin.example",
          "labo-ia.example", "la-puce.example", "silicium-magazine.example", "data-et-modeles.example")
_SITE_NAMES = {s: s.split(".")[0].replace("-", " ").title() for s in _SITES}
_RUBRIQUES = ("Intelligence artificielle", "IA générative", "Tech", "Économie numérique", "Logiciels", "Innovation")
_KINDS = ("Analyse", "Dossier", "Décryptage", "Actualité", "Chronique", "Enquête")
_CITIES = ("Paris", "Lyon", "Bruxelles", "Genève", "Montréal", "San Francisco", "Pékin", "Londres")
_TITLE_TEMPLATES = (
    "{M} : {O} {verb} {what}",
    "{O} dévoile {M}, {descr}",
    "Avec {M}, {O} {verb} {what}",
    "{M} face à {M2} : {angle}",
    "IA générative : {O} lance {M}",
    "{M}, le nouveau modèle {deO}, {claim}",
    "Ce que l'on sait de {M}, {descr}",
    "{O} muscle sa gamme avec {M}",
)
_VERBS = ("parie sur", "mise sur", "veut imposer", "relance", "accélère sur", "répond avec", "revendique")
_WHATS = ("les poids ouverts", "le raisonnement", "un contexte géant", "le mélange d'experts", "la sobriété",
          "les petits modèles", "le code", "le multimodal")
_DESCRS = ("son modèle le plus ambitieux", "un modèle compact aux poids ouverts", "un géant à mélange d'experts",
           "un modèle pensé pour le code", "un concurrent direct des leaders", "une version plus rapide et moins chère")
_ANGLES = ("le match des poids ouverts", "qui mène vraiment ?", "le duel des chiffres", "deux visions de l'IA",
           "la bataille du raisonnement")
_CLAIMS = ("plus rapide que ses rivaux", "déjà au niveau des meilleurs", "taillé pour les entreprises",
           "promis aux développeurs", "qui bouscule le classement")
_TRAILERS = ("(Fin de dépêche)", "Avec AFP", "— La rédaction")


def _elide(word: str, org: str) -> str:
    """« de Meta », « d'OpenAI »."""
    return f"{word[:-1]}'{org}" if org[:1] in "AEIOUYÉaeiouyé" else f"{word} {org}"


def _fr_number(value: float, decimals: int, group: str) -> str:
    s = f"{value:.{decimals}f}"
    whole, _, frac = s.partition(".")
    if group and len(whole) > 3:
        parts = []
        while len(whole) > 3:
            parts.append(whole[-3:])
            whole = whole[:-3]
        whole = group.join([whole] + parts[::-1])
    return whole + ("," + frac if frac else "")


def _significant(raw: str) -> int:
    digits = re.sub(r"\D", "", raw).lstrip("0")
    return max(1, len(digits.rstrip("0")) or 1)


def _new_number(slot: NumberSlot, rng: random.Random) -> str:
    v, d = slot.value, slot.decimals
    if slot.kind == "pct":
        new = v * rng.uniform(0.8, 1.15)
        if new >= 99.5:
            new = 100 - rng.uniform(0.6, 4.0)
        return _fr_number(max(new, 10 ** -d), d, "")
    if slot.kind == "experts":
        return str(_pick(rng, (8, 16, 32, 64, 128, 256, 384) if v >= 8 else (1, 2, 4, 8)))
    if slot.kind == "size" and slot.suffix == "M":  # « 2M de tokens »
        return _fr_number(_pick(rng, (1, 2, 4, 10)), 0, "") + "M"
    if slot.kind == "size":
        choices = (0.5, 1.5, 2.7, 3.8, 6.7) if d else (1, 3, 7, 8, 13, 14, 22, 27, 32, 70, 72, 123, 235, 405)
        return _fr_number(_pick(rng, choices), d, slot.group) + slot.suffix
    if slot.kind == "context":
        if slot.suffix:
            return str(_pick(rng, (4, 8, 16, 32, 64, 128, 200, 256, 512, 1000))) + slot.suffix
        return _fr_number(_pick(rng, (4096, 8192, 16000, 32000, 32768, 64000, 128000, 200000, 256000, 400000, 1000000)),
                          0, slot.group)
    new = v * math.exp(rng.uniform(math.log(0.5), math.log(2.0)))
    if d == 0:
        if new >= 10:
            digits = int(math.floor(math.log10(new))) + 1
            keep = min(digits, max(_significant(slot.text.split(",")[0]), 2))
            step = 10 ** (digits - keep)
            new = max(step, round(new / step) * step)
        else:
            new = max(1, round(new))
        if new == v:
            new = v + (10 ** max(0, int(math.log10(max(v, 1))) - 1))
    text = _fr_number(new, d, slot.group)
    return text + slot.suffix


@dataclass
class SynthArticle:
    index: int
    title: str
    blocks: list[tuple[str, str]]  # (kind, text): para | heading | list | table
    author: str
    published: dt.datetime
    site: str
    slug: str
    main_model: str
    organization: str
    style: int  # header style, drawn per article
    extras: dict = field(default_factory=dict)  # encoding, bom, crlf, mojibake, front_matter, trailer

    @property
    def url(self) -> str:
        d = self.published
        return f"https://www.{self.site}/ia/{d:%Y/%m/%d}/{self.slug}-{self.index}"

    def body(self, fmt: str) -> str:
        out = []
        for kind, text in self.blocks:
            out.append(("## " + text) if kind == "heading" and fmt == "md" else text)
        return "\n\n".join(out)


class Generator:
    """Builds synthetic articles from a source corpus; see the module docstring."""

    def __init__(self, source: Path = DEFAULT_SOURCE):
        self.source = Path(source)
        self.t = SourceTemplates(self.source)
        t = self.t
        self._org_weights = [_ORG_WEIGHTS.get(o, 1) for o in t.orgs]

    # -- one article, a pure function of (seed, index)
    def article(self, seed: Union[int, str], index: int) -> SynthArticle:
        rng = random.Random(f"bench-corpus:{seed}:{index}")
        t = self.t
        lead = _pick(rng, t.leads)
        others = [u for u in rng.sample(t.units, min(len(t.units), rng.randint(3, 7))) if u is not lead]
        units = [lead] + others[:rng.randint(2, 6)]
        fam_map: dict[str, str] = {}
        org_map: dict[str, str] = {}
        used_orgs: set[str] = set()
        used_fams: set[str] = set()

        def new_org(old: str) -> str:
            if old not in org_map:
                choices = [(o, w) for o, w in zip(t.orgs, self._org_weights) if o not in used_orgs] or \
                          list(zip(t.orgs, self._org_weights))
                org = rng.choices([c[0] for c in choices], weights=[c[1] for c in choices])[0]
                org_map[old] = org
                used_orgs.add(org)
            return org_map[old]

        def new_family(old: str) -> str:
            if old not in fam_map:
                org = new_org(t.org_of_family.get(old, old))
                fams = t.families_of_org[org]
                fresh = [f for f in fams if f not in used_fams] or fams
                fam = rng.choices(fresh, weights=[_POPULAR.get(f, 1) for f in fresh])[0]
                fam_map[old] = fam
                used_fams.add(fam)
            return fam_map[old]

        # Organisations and families in order of appearance, so the mapping does not depend on
        # which slot is rendered first.
        for u in units:
            for slot in u.slots():
                if isinstance(slot, ModelSlot) and slot.family is not None:
                    new_family(slot.family)
        names: dict[str, str] = {}  # source mention -> new name
        family_of: dict[str, str] = {}  # new name -> its family
        first_of_family: dict[str, str] = {}

        def model_name(slot: ModelSlot) -> str:
            if slot.family is None:
                return slot.text  # an unknown name (« Large 2 »): kept
            key = slot.text
            if key in names:
                return names[key]
            fam = new_family(slot.family)
            if not slot.has_tail and fam in first_of_family:
                name = first_of_family[fam] if self._requires_version(fam) else fam
            elif not slot.has_tail and not self._requires_version(fam) and fam != "o-series":
                name = fam
            else:
                name = self._fresh_name(fam, rng, set(names.values()))
            names[key] = name
            family_of[name] = fam
            first_of_family.setdefault(fam, name)
            return name

        def render(template: Template) -> str:
            out: list[str] = []
            for seg in template:
                if isinstance(seg, str):
                    out.append(seg)
                elif isinstance(seg, ModelSlot):
                    out.append(model_name(seg))
                elif isinstance(seg, OrgSlot):
                    org = org_map.get(seg.canonical)
                    if org is None:
                        out.append(seg.text)
                        continue
                    before = out[-1] if out else ""
                    if before.endswith(("d'", "d’")) and org[:1] not in "AEIOUYÉ":
                        out[-1] = before[:-2] + "de "
                    elif before.endswith(" de ") and org[:1] in "AEIOUYÉ":
                        out[-1] = before[:-3] + "d'"
                    out.append(org)
                elif isinstance(seg, WordSlot):
                    out.append(_pick(rng, SPELLED_WORDS))
                else:
                    out.append(_new_number(seg, rng))
            return "".join(out)

        blocks = [(b.kind, render(b.template)) for u in units for b in u.blocks]
        main = next(iter(names.values()), None)
        if main is None:
            fam = new_family(_pick(rng, ("Llama", "GPT", "Mistral", "Qwen", "Gemini")))
            main = self._fresh_name(fam, rng, set())
            names["\0main"] = main
            family_of[main] = fam
        org = t.org_of_family.get(family_of.get(main, ""), "")
        others_names = [n for n in names.values() if n != main]
        title = self._title(rng, main, org or "La start-up", _pick(rng, others_names) if others_names else None)
        first, last = _pick(rng, _FIRST_NAMES), _pick(rng, _LAST_NAMES)
        published = dt.datetime(2023, 1, 1, 7) + dt.timedelta(days=rng.randrange(3 * 365 + 180),
                                                                 minutes=rng.randrange(14 * 60))
        extras = {
            "front_matter": rng.random() < 0.2,
            "trailer": _pick(rng, _TRAILERS) if rng.random() < 0.15 else None,
            "encoding": "cp1252" if rng.random() < 0.03 else "utf-8",
            "bom": rng.random() < 0.01,
            "crlf": rng.random() < 0.04,
            "mojibake": rng.random() < 0.01,
            "kind": _pick(rng, _KINDS),
            "rubrique": _pick(rng, _RUBRIQUES),
            "city": _pick(rng, _CITIES),
            "minutes": rng.randint(2, 9),
        }
        slug = re.sub(r"[^a-z0-9]+", "-", main.lower()).strip("-")[:40] or "ia"
        return SynthArticle(index, title, blocks, f"{first} {last}", published, _pick(rng, _SITES), slug, main, org,
                            rng.randrange(4), extras)

    def _requires_version(self, fam: str) -> bool:
        f = self.t.lex.family(fam)
        return bool(f and f.requires_version)

    def _fresh_name(self, fam: str, rng: random.Random, taken: set[str]) -> str:
        f = self.t.lex.family(fam)
        glued = bool(f and f.glued_version)
        name = _name_for(fam, rng, glued)
        for _ in range(4):  # prefer a name not used yet in this article
            if name not in taken and self.t.valid_name(name):
                break
            name = _name_for(fam, rng, glued)
        return name

    def _title(self, rng: random.Random, main: str, org: str, other: Optional[str]) -> str:
        template = _pick(rng, _TITLE_TEMPLATES if other else [t for t in _TITLE_TEMPLATES if "{M2}" not in t])
        return template.format(M=main, M2=other or "", O=org, deO=_elide("de", org), verb=_pick(rng, _VERBS),
                               what=_pick(rng, _WHATS), descr=_pick(rng, _DESCRS), angle=_pick(rng, _ANGLES),
                               claim=_pick(rng, _CLAIMS))

    # -- rendering
    def render(self, art: SynthArticle, fmt: str) -> bytes:
        if fmt == "txt":
            return _encode_txt(art, render_txt(art))
        if fmt == "md":
            return render_md(art).encode("utf-8")
        if fmt == "html":
            return render_html(art).encode("utf-8")
        if fmt == "jsonl":
            return (render_jsonl_line(art) + "\n").encode("utf-8")
        raise ValueError(f"unknown format {fmt}")

    # -- a whole corpus, streamed to disk
    def write(self, n: int, out: Path, *, seed: Union[int, str] = 0,
              progress: Optional[Callable[[int], None]] = None) -> "Manifest":
        out = Path(out)
        prepare_folder(out)
        t0 = time.perf_counter()
        layout = random.Random(f"bench-layout:{seed}")
        first_formats = list(FORMATS)
        layout.shuffle(first_formats)
        manifest = Manifest(seed=seed, articles=n, generator=GENERATOR_VERSION, source=str(self.source))
        index = 0
        file_no = 0
        while index < n:
            if file_no < len(first_formats):
                fmt = first_formats[file_no]
            else:
                fmt = layout.choices(list(FILE_WEIGHTS), weights=list(FILE_WEIGHTS.values()))[0]
            count = layout.randint(*JSONL_ARTICLES) if fmt == "jsonl" else 1
            count = min(count, n - index)
            arts = [self.article(seed, index + k) for k in range(count)]
            data = b"".join(self.render(a, fmt) for a in arts)
            name = f"{file_no:06d}-{arts[0].slug}.{fmt}" if fmt != "jsonl" else f"{file_no:06d}-lot.jsonl"
            path = out / f"d{file_no // FILES_PER_FOLDER:03d}" / name
            if file_no % FILES_PER_FOLDER == 0:
                path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            manifest.add(fmt, count, len(data), sum(len(a.body(fmt)) for a in arts))
            index += count
            file_no += 1
            if progress is not None and (index // 1000) != ((index - count) // 1000):
                progress(index)
        manifest.seconds = round(time.perf_counter() - t0, 3)
        (out / MANIFEST).write_text(json.dumps(asdict(manifest), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        return manifest


def render_txt(art: SynthArticle) -> str:
    d, x = art.published, art.extras
    date_fr = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    headers = (
        f"Dépêche | {x['city']}, {_WEEKDAYS[d.weekday()]} {date_fr}, {d.hour}h{d.minute:02d} | Service Économie & Tech",
        f"Publié le {date_fr} par {art.author}",
        f"{x['kind']} | {date_fr} | Par {art.author}",
        f"Le {date_fr} à {d.hour}h{d.minute:02d} | {x['rubrique']} | Par {art.author}",
    )
    text = f"{art.title}\n{headers[art.style]}\n\n{art.body('txt')}\n"
    if x["trailer"]:
        text += f"\n{x['trailer']}\n"
    if x["front_matter"]:
        text = (f"---\ntitle: {json.dumps(art.title, ensure_ascii=False)}\nurl: {art.url}\n"
                f"date: {d:%Y-%m-%dT%H:%M:00+01:00}\nauthor: {art.author}\ntags: [{x['rubrique']}, {art.organization or 'IA'}]\n"
                f"---\n\n{art.title}\n\n{art.body('txt')}\n")
    return text


def _encode_txt(art: SynthArticle, text: str) -> bytes:
    x = art.extras
    if x["crlf"]:
        text = text.replace("\n", "\r\n")
    if x["mojibake"]:
        try:
            return text.encode("utf-8").decode("cp1252").encode("utf-8")  # « modÃ¨le »
        except UnicodeDecodeError:
            pass
    if x["encoding"] == "cp1252":
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            pass
    return ("\ufeff" if x["bom"] else "").encode("utf-8") + text.encode("utf-8")


def render_md(art: SynthArticle) -> str:
    d, x = art.published, art.extras
    date_fr = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    headers = (
        f"*Publié le {date_fr} par {art.author} · Temps de lecture : {x['minutes']} min*",
        f"*{x['kind']} · {date_fr} · par {art.author}*",
        f"*{x['kind']} · Publié le {date_fr} · Par {art.author}*",
        f"_Par {art.author} · {date_fr}_",
    )
    return f"# {art.title}\n\n{headers[art.style]}\n\n{art.body('md')}\n"


def _inline_html(text: str) -> str:
    return re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", html_lib.escape(text, quote=False))


def render_html(art: SynthArticle) -> str:
    d, x = art.published, art.extras
    site_name = _SITE_NAMES[art.site]
    date_fr = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    parts = []
    for kind, text in art.blocks:
        if kind == "heading":
            parts.append(f"<h2>{_inline_html(text)}</h2>")
        elif kind == "list":
            items = "".join(f"<li>{_inline_html(re.sub(r'^(?:[-*•]|[0-9]+[.)])[ ]+', '', ln.strip()))}</li>"
                            for ln in text.split("\n") if ln.strip())
            parts.append(f"<ul>{items}</ul>")
        elif kind == "table":
            rows = [ln.strip() for ln in text.split("\n") if ln.strip() and not re.match(r"^\|?[\s:|-]+$", ln.strip())]
            html_rows = []
            for i, row in enumerate(rows):
                cells = [c.strip() for c in row.strip("|").split("|")]
                tag = "th" if i == 0 else "td"
                html_rows.append("<tr>" + "".join(f"<{tag}>{_inline_html(c)}</{tag}>" for c in cells) + "</tr>")
            parts.append("<table>" + "".join(html_rows) + "</table>")
        else:
            parts.append("<p>" + "<br>".join(_inline_html(ln) for ln in text.split("\n")) + "</p>")
    body = "\n".join(parts)
    title = html_lib.escape(art.title)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{title} | {site_name}</title>
<meta name="author" content="{html_lib.escape(art.author)}">
<meta property="article:published_time" content="{d:%Y-%m-%dT%H:%M:00+01:00}">
<meta property="og:url" content="{art.url}">
</head>
<body>
<header class="site-header"><nav><a href="/">{site_name}</a> <a href="/ia">IA</a> <a href="/tech">Tech</a> <a href="/eco">Économie</a></nav></header>
<main>
<article>
<h1>{title}</h1>
<p class="byline">Par {html_lib.escape(art.author)} · {date_fr}</p>
{body}
</article>
<aside class="related"><h3>À lire aussi</h3><ul><li><a href="/ia/1">Les modèles ouverts en questions</a></li><li><a href="/ia/2">Comment lire un benchmark</a></li></ul></aside>
<div class="newsletter">Recevez chaque matin notre lettre {x['rubrique']}.</div>
</main>
<footer class="site-footer"><p>© {d.year} {site_name} — Tous droits réservés.</p></footer>
</body>
</html>
"""


def render_jsonl_line(art: SynthArticle) -> str:
    d = art.published
    item = {"title": art.title, "url": art.url, "date": f"{d:%Y-%m-%dT%H:%M:00+01:00}", "author": art.author,
            "text": art.body("jsonl")}
    return json.dumps(item, ensure_ascii=art.index % 2 == 0)  # both escaped and raw UTF-8 lines


@dataclass
class Manifest:
    seed: Union[int, str]
    articles: int
    generator: int
    source: str
    files: int = 0
    bytes: int = 0
    disk_bytes: int = 0  # rounded up to 4 KiB blocks
    chars: int = 0  # of the article bodies as generated (the pipeline's texts add title and byline)
    seconds: float = 0.0
    by_format: dict = field(default_factory=lambda: {f: {"files": 0, "articles": 0} for f in FORMATS})

    def add(self, fmt: str, articles: int, size: int, chars: int) -> None:
        self.files += 1
        self.bytes += size
        self.disk_bytes += max(1, math.ceil(size / 4096)) * 4096
        self.chars += chars
        self.by_format[fmt]["files"] += 1
        self.by_format[fmt]["articles"] += articles

    def line(self) -> str:
        fmts = ", ".join(f"{f} {v['articles']}" + (f" in {v['files']} files" if f == "jsonl" else "")
                         for f, v in self.by_format.items())
        return (f"{self.articles} articles in {self.files} files ({fmts}), {self.bytes / 1e6:.1f} MB "
                f"({self.disk_bytes / 1e6:.0f} MB on disk)")


def prepare_folder(out: Path) -> None:
    """Create ``out``; an existing folder must be empty or a corpus this module generated (then cleared)."""
    if out.exists():
        if not out.is_dir():
            raise FileExistsError(f"not a folder: {out}")
        if any(out.iterdir()):
            if not (out / MANIFEST).exists() and not (out / (MANIFEST + ".partial")).exists():
                raise FileExistsError(f"folder is not empty and is not a generated corpus: {out}")
            shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / (MANIFEST + ".partial")).write_text("generation in progress\n", encoding="utf-8")


def read_manifest(folder: Path) -> Optional[dict]:
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def generate(n: int, out: Path, *, seed: Union[int, str] = 0, source: Path = DEFAULT_SOURCE,
             generator: Optional[Generator] = None, progress: Optional[Callable[[int], None]] = None) -> Manifest:
    """Write a corpus of ``n`` articles into ``out`` (see the module docstring); its manifest."""
    if n < 1:
        raise ValueError("n must be at least 1")
    gen = generator or Generator(source)
    manifest = gen.write(n, out, seed=seed, progress=progress)
    partial = Path(out) / (MANIFEST + ".partial")
    if partial.exists():
        partial.unlink()
    return manifest


def main(argv: Optional[Sequence[str]] = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", "-n", type=int, required=True, help="number of articles")
    p.add_argument("--out", type=Path, required=True, help="output folder (created; must be empty or generated)")
    p.add_argument("--seed", default="0", help="seed (default 0)")
    p.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="source corpus (default: corpus/)")
    args = p.parse_args(argv)
    seed: Union[int, str] = int(args.seed) if args.seed.lstrip("-").isdigit() else args.seed
    try:
        manifest = generate(args.articles, args.out, seed=seed, source=args.source,
                            progress=lambda i: print(f"\r{i} articles", end="", file=sys.stderr, flush=True))
    except (OSError, ValueError) as e:
        print(f"bench.corpus: error: {e}", file=sys.stderr)
        return 2
    print(file=sys.stderr)
    print(f"{args.out}: {manifest.line()}, generated in {manifest.seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
