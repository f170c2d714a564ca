"""Hostile article shapes for ``python -m bench --adversarial``: pages a scraper leaves behind
whose cost would grow faster than their size if any rule paired, rescanned or looked back
without bound.

Each shape is a function ``(n_bytes, *, seed) -> str`` returning a French article of about
``n_bytes`` UTF-8 bytes, built from one repeated unit so that the work per byte should be the
same at every size. The texts are deterministic for a given seed and size.
"""
from __future__ import annotations

import random
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"

TITLE = "Comparatif des modèles d'IA"


def _fill(n_bytes: int, units: Iterator[str], *, head: str = "", tail: str = "", sep: str = "") -> str:
    parts, size = [head], len(head.encode())
    for unit in units:
        if size >= n_bytes:
            break
        parts.append(unit)
        size += len(unit.encode()) + len(sep.encode())
    return sep.join(parts) + tail


def _name(i: int) -> str:
    """The i-th of as many distinct model names as needed: Qwen 1.0 … Qwen 90.0, Qwen 1.1 …"""
    return f"Qwen {i % 90 + 1}.{i // 90}"


def table(n_bytes: int, *, seed: int = 0) -> str:
    """A markdown table of model names, their sizes and licences, one row per model."""
    head = f"{TITLE}\n\nVoici les modèles évalués.\n\n| Modèle | Paramètres | Contexte | Licence |\n|---|---|---|---|\n"
    rows = (f"| {_name(i)} | {i % 900 + 1}B | {(i % 64 + 1) * 1000} tokens | Apache 2.0 |" for i in range(10 ** 9))
    return _fill(n_bytes, rows, head=head, sep="\n") + "\n"


def respectively(n_bytes: int, *, seed: int = 0) -> str:
    """« Les modèles Qwen 0, …, Qwen N comptent respectivement 1, …, N milliards de paramètres. »:
    as many names as values in one sentence (half the bytes each)."""
    n = 1
    while True:  # find the number of names that fills the size
        text = _respectively(n)
        if len(text.encode()) >= n_bytes:
            return text
        n = max(n + 1, int(n * n_bytes / max(1, len(text.encode()))))


def _respectively(n: int) -> str:
    names = ", ".join(_name(i) for i in range(n - 1)) + (f" et {_name(n - 1)}" if n > 1 else _name(0))
    values = ", ".join(str(i + 1) for i in range(n - 1)) + (f" et {n}" if n > 1 else "1")
    return f"{TITLE}\n\nLes modèles {names} comptent respectivement {values} milliards de paramètres.\n"


def run_on(n_bytes: int, *, seed: int = 0) -> str:
    """One paragraph with no sentence end: clauses joined by commas and « et »."""
    rng = random.Random(seed)
    clauses = (
        "Llama {i} compte {n} milliards de paramètres",
        "Mistral {i} surpasse GPT-4o sur MMLU avec {n} %",
        "le modèle Gemma {i} dispose d'une fenêtre de {n} 000 tokens",
        "DeepSeek-V{i} rivalise avec Claude 3.5 Sonnet",
        "il a été entraîné sur {n}000 milliards de tokens",
    )
    units = (rng.choice(clauses).format(i=i % 9 + 1, n=rng.randint(2, 900)) for i in range(10 ** 9))
    return _fill(n_bytes, units, head=f"{TITLE}\n\n", sep=", et ") + "\n"


def numbers(n_bytes: int, *, seed: int = 0) -> str:
    """A model named once, then thousands of numbers with units, in sentences."""
    rng = random.Random(seed)
    units = (f"{rng.randint(1, 999)} {rng.choice(('milliards', 'millions', 'B', 'K', '%', 'tokens', 'paramètres'))}"
             for _ in range(10 ** 9))
    sentences = (" ; ".join(next(units) for _ in range(20)) + "." for _ in range(10 ** 9))
    return _fill(n_bytes, sentences, head=f"{TITLE}\n\nMistral Large 2 compte 123 milliards de paramètres. Chiffres : ",
                 sep=" ") + "\n"


def figures(n_bytes: int, *, seed: int = 0) -> str:
    """Paragraphs of long runs of figures, as a flattened data table leaves them: a model's name,
    then 150 figures grouped by thousands (« 123 456 789 … »), a run of 600 digits (a pasted hash)
    and a word that ends no score (each figure of the run could start one)."""
    rng = random.Random(seed)
    units = (f"Mistral Large {i % 9 + 1} obtient " + " ".join(str(rng.randint(100, 999)) for _ in range(150))
             + " sur " + "".join(str(rng.randint(0, 9)) for _ in range(600)) + " essais.\n\n" for i in range(10 ** 9))
    return _fill(n_bytes, units, head=f"{TITLE}\n\n")


def names(n_bytes: int, *, seed: int = 0) -> str:
    """Runs of capitalised names with no verb after them (a flattened list of companies, a heading
    in title case), as any of them could open « X affirme … »: 300 names a paragraph, then a model
    sentence."""
    rng = random.Random(seed)
    orgs = ("OpenAI", "Meta", "Google", "Anthropic", "Mistral AI", "Alibaba", "Nvidia", "DeepSeek")
    units = (" ".join(rng.choice(orgs) for _ in range(300)) + f". Llama {i % 4 + 1} compte 70 milliards de paramètres.\n\n"
             for i in range(10 ** 9))
    return _fill(n_bytes, units, head=f"{TITLE}\n\n")


def launches(n_bytes: int, *, seed: int = 0) -> str:
    """A feed of launches with no sentence end (« OpenAI lance GPT-4 · Meta dévoile Llama 3 · … »,
    as an aggregator's ticker leaves them): a launch verb every few words of a 2 000-character
    sentence, each looking for its stop word and its objects."""
    rng = random.Random(seed)
    orgs = (("OpenAI", "GPT-4"), ("Meta", "Llama 3"), ("Google", "Gemma 2"), ("Mistral AI", "Mistral Large 2"))
    verbs = ("lance", "dévoile", "présente", "publie")
    units = (f"{org} {rng.choice(verbs)} {model} · " for org, model in (rng.choice(orgs) for _ in range(10 ** 9)))
    return _fill(n_bytes, units, head=f"{TITLE}\n\n")


def nesting(n_bytes: int, *, seed: int = 0) -> str:
    """Deep parentheses and guillemets around model names and values, never closed in order."""
    opening = ("(", "« ", "[", "“", "(")
    units = (f"{opening[i % len(opening)]}Llama {i % 5 + 1} ({i % 400 + 1}B) " for i in range(10 ** 9))
    return _fill(n_bytes, units, head=f"{TITLE}\n\nLe modèle ", tail=" compte 70 milliards de paramètres.\n")


def archive(n_bytes: int, *, seed: int = 0) -> str:
    """A news archive of thousands of launches, each model named in full, then by its short forms
    (« le Large 3.1 », « le V3.1 »), next to a sibling the text never names in full, by the size
    its name states (« la version 120 milliards » of gpt-oss-120b) and by its family (« la famille
    Qwen3 »), one family's sizes named again and again, and a scored bullet on a benchmark: as many
    names, short forms and variants to look up as launches."""
    rng = random.Random(seed)
    families = (("Mistral Large", "Large"), ("Mistral Medium", "Medium"), ("Claude Opus", "Opus"))
    benchmarks = ("MMLU", "GPQA", "HumanEval", "MATH", "SWE-bench")

    def units() -> Iterator[str]:
        for i in range(10 ** 9):
            family, tier = families[i % len(families)]
            version = f"{i // 7 + 1}.{i % 7}"
            yield (f"{family} {version} est sorti. Le {tier} {version} compte {rng.randint(2, 900)} milliards de "
                   f"paramètres, contre {tier} {i + 10 ** 6}.{i % 3} l'an dernier. DeepSeek-V{version} suit ; le "
                   f"V{version} accepte {rng.randint(8, 512)}K tokens. OpenAI publie gpt-oss-{i + 1}b : la version "
                   f"{i + 1} milliards de paramètres est ouverte. Alibaba publie Qwen{i + 1}-{i % 9 + 1}B ; la famille "
                   f"Qwen{i + 1} compte {rng.randint(2, 900)} milliards de paramètres. Gemma 3 est décliné en "
                   f"{3 * i + 1}, {3 * i + 2} et {3 * i + 3} milliards de paramètres.\n"
                   f"- Llama {version} : {rng.randint(10, 99)},{rng.randint(0, 9)} % sur {benchmarks[i % 5]}\n")

    return _fill(n_bytes, units(), head=f"{TITLE}\n\n", sep="\n") + "\n"


def real(n_bytes: int, *, seed: int = 0) -> str:
    """The real pages' paragraphs, shuffled and repeated: ordinary text at a size no article has."""
    paragraphs = []
    for path in sorted(REAL.glob("r*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 1)[-1]
        paragraphs.extend(p.strip() for p in body.split("\n\n") if p.strip())
    if not paragraphs:  # (a copy of the project without its real pages: nothing to repeat)
        raise FileNotFoundError(f"no real pages (r*.txt) under {REAL}")
    rng = random.Random(seed)

    def units() -> Iterator[str]:
        while True:
            order = paragraphs[:]
            rng.shuffle(order)
            yield from order

    return _fill(n_bytes, units(), head=f"{TITLE}\n\n", sep="\n\n") + "\n"


SHAPES: dict[str, Callable[..., str]] = {
    "table": table,
    "respectively": respectively,
    "run_on": run_on,
    "numbers": numbers,
    "figures": figures,
    "names": names,
    "launches": launches,
    "nesting": nesting,
    "archive": archive,
    "real": real,
}
