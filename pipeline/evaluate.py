"""Score the pipeline's output CSVs against gold annotations (docs/GOLD_FORMAT.md).

This is the project's own scorer. Its numbers agree exactly with the reference scorer the
evaluation uses; the rules, in short:

* Names compare by :func:`name_key`: NFKD, ASCII only, lower case, a leading French article
  ("le ", "la ", "les ", "l ") dropped, then only ``[a-z0-9]`` kept ("Le DeepSeek-V3" ==
  "deepseek v3"). Each gold article may map surface forms to model names (``aliases``); the
  mapping applies to predicted names and to the model names inside gold facts and claims.
* Facts match on (model, attribute, value): integers exactly, other numbers to 6 significant
  digits, strings by :func:`name_key`. ``alt_models`` / ``alt_attributes`` / ``alt_values``
  give other acceptable keys for the same gold fact.
* Claims (category ``claims``) match on (subject, relation, object) for comparisons,
  (subject, relation, value) for ``scores`` and ``ranks``, and (subject, relation, benchmark)
  for a comparison with no named object. ``claims+b`` also requires the benchmark, compared
  without parenthesised qualifiers ("MMLU (5-shot)" == "MMLU"; "Chatbot Arena" == "LMArena").
  ``alt_relations`` give other acceptable relations. Identical gold claims count once.
* Items under ``optional`` are neither missed when absent nor extra when predicted.
* Gold items and predictions are matched one to one; gold items with fewer acceptable keys
  choose first, so an alternative never steals an exact match.
* P/R/F1 are micro-averaged over articles. ``claimed_by`` accuracy is counted over the gold
  claims that some predicted claim matches.
* Gold articles whose language is not French are not scored; they are only checked to be listed
  in articles.csv with a status that is set and is not ``ok``.

Reading the CSVs: a text cell that was protected against spreadsheet formula injection (a single
quote put before a cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) is read
back without that one quote, so "'-5" is the number -5 again. This is the only place where this
scorer reads an output differently from the reference scorer, which sees the quote.
"""
from __future__ import annotations

import csv
import json
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Optional, Sequence, Union

__all__ = [
    "CATEGORIES",
    "PRF",
    "CategoryResult",
    "ArticleReport",
    "Report",
    "name_key",
    "parse_number",
    "fact_key",
    "claim_key",
    "bench_key",
    "match",
    "evaluate",
    "format_report",
]

CATEGORIES = ("models", "facts", "orgs", "claims", "claims+b")
ORGANIZATION = "organization"  # scored on its own line (orgs), apart from the numeric facts
SCORED_RELATIONS = ("scores", "ranks")  # claims keyed on their value, not on an object
BENCH_ALIASES = {"chatbotarena": "lmarena", "lmsyschatbotarena": "lmarena", "lmsysarena": "lmarena"}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Key = Union[str, tuple]  # a model key is a str, fact and claim keys are tuples of str
KeySet = frozenset  # every key a gold item accepts


# ---------------------------------------------------------------- normalisation


def name_key(name: Any) -> str:
    """Case-, accent-, space- and punctuation-insensitive key of a name ("" for None)."""
    if name is None:
        return ""
    s = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"^(le|la|les|l)\s+", "", s)
    return re.sub(r"[^a-z0-9]", "", s)


def parse_number(value: Any) -> Union[float, bool, None]:
    """A float read French-style ("46,7", "1 000"), a bool kept as is, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    try:
        return float(str(value).replace(",", ".").replace(" ", ""))
    except ValueError:
        return None


def canonical_number(n: float) -> str:
    """Integers compare exactly; other numbers to 6 significant digits."""
    return str(int(n)) if float(n).is_integer() else f"{n:.6g}"


def value_key(value: Any) -> str:
    n = parse_number(value)
    if n is not None and not isinstance(n, bool):
        return canonical_number(n)
    return name_key(value)


def bench_key(bench: Any) -> str:
    """Benchmark key: parenthesised qualifiers dropped, Chatbot Arena read as LMArena."""
    k = name_key(re.sub(r"\([^)]*\)", "", str(bench))) if bench else ""
    return "bench:" + BENCH_ALIASES.get(k, k)


def fact_key(model: Any, attribute: Any, value: Any) -> tuple:
    return (name_key(model), attribute, value_key(value))


def claim_key(subject: Any, relation: Any, obj: Any, bench: Any, value: Any, *, strict: bool = False) -> tuple:
    """Loose key of a claim; ``strict`` (claims+b) adds the benchmark to it."""
    if relation in SCORED_RELATIONS:
        n = parse_number(value)
        third = canonical_number(n) if n is not None else ""
    else:
        third = name_key(obj) if obj else bench_key(bench)
    k = (name_key(subject), relation, third)
    return k + (bench_key(bench),) if strict else k


# ---------------------------------------------------------------- reading outputs


def unprotect(cell: Optional[str]) -> Optional[str]:
    """Undo spreadsheet formula-injection protection: "'=x" -> "=x"; other cells unchanged."""
    if cell and len(cell) > 1 and cell[0] == "'" and cell[1] in FORMULA_PREFIXES:
        return cell[1:]
    return cell


def read_rows(path: Path) -> list[dict]:
    """Rows of a CSV output as dicts (no file: no rows)."""
    if not path.exists():
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [{k: unprotect(v) if isinstance(v, str) else v for k, v in row.items()} for row in csv.DictReader(f)]


@dataclass(frozen=True)
class Outputs:
    """The four CSV tables of one run, indexed for scoring."""

    ids_by_name: Mapping[str, str]  # file name, stem, and name up to the first dot -> article_id
    status_by_id: Mapping[str, str]
    models: Mapping[str, list]  # article_id -> rows
    facts: Mapping[str, list]
    claims: Mapping[str, list]

    def article_id(self, gold_name: str) -> Optional[str]:
        get = self.ids_by_name.get
        return get(gold_name) or get(Path(gold_name).stem) or get(gold_name.split(".")[0])


def _by_article(rows: Iterable[dict]) -> dict[str, list]:
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.get("article_id")].append(row)
    return dict(grouped)


def load_outputs(out_dir: Path) -> Outputs:
    out_dir = Path(out_dir)
    articles = read_rows(out_dir / "articles.csv")
    ids: dict[str, str] = {}
    for row in articles:
        base = os.path.basename(row.get("source") or row.get("path") or "")
        for name in (base, Path(base).stem, base.split(".")[0]):
            ids.setdefault(name, row.get("article_id"))
    return Outputs(
        ids_by_name=ids,
        status_by_id={row.get("article_id"): row.get("status") or "" for row in articles},
        models=_by_article(read_rows(out_dir / "models.csv")),
        facts=_by_article(read_rows(out_dir / "facts.csv")),
        claims=_by_article(read_rows(out_dir / "claims.csv")),
    )


# ---------------------------------------------------------------- reading gold


def gold_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Gold files named directly, or found under a folder (``*.gold.json`` and ``gold.json``)."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(p.rglob("*.gold.json"))
            if (p / "gold.json").exists():
                yield p / "gold.json"
        else:
            yield p


def gold_articles(paths: Iterable[Path]) -> Iterator[dict]:
    """Gold article dicts; a file holds one article or a list under ``articles``."""
    for path in gold_files(paths):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        default_name = path.name.removesuffix(".gold.json")
        for g in data["articles"] if "articles" in data else [data]:
            yield {**g, "article": g.get("article") or g.get("id") or default_name}


def gold_language(g: Mapping) -> str:
    return (g.get("meta") or {}).get("language") or g.get("language") or g.get("lang") or "fr"


@dataclass(frozen=True)
class Aliases:
    """Surface form -> model name, for one gold article."""

    table: Mapping[str, str]

    @classmethod
    def of(cls, g: Mapping) -> "Aliases":
        return cls({name_key(a): canonical for a, canonical in (g.get("aliases") or {}).items()})

    def __call__(self, name: Any) -> Any:
        return self.table.get(name_key(name), name) if name else name


def gold_fact_keys(f: Mapping, alias: Aliases) -> KeySet:
    models = [f["model"], *(f.get("alt_models") or [])]
    attributes = [f["attribute"], *(f.get("alt_attributes") or [])]
    values = [f["value"], *(f.get("alt_values") or [])]
    return frozenset(fact_key(alias(m), a, v) for m in models for a in attributes for v in values)


def gold_claim_keys(c: Mapping, alias: Aliases, *, strict: bool = False) -> KeySet:
    relations = [c["relation"], *(c.get("alt_relations") or [])]
    subject, obj = alias(c.get("subject")), alias(c.get("object"))
    return frozenset(claim_key(subject, r, obj, c.get("benchmark"), c.get("value"), strict=strict) for r in relations)


def predicted_claim_key(row: Mapping, alias: Aliases, *, strict: bool = False) -> tuple:
    return claim_key(alias(row.get("subject")), row.get("relation"), alias(row.get("object")),
                     row.get("benchmark"), row.get("value"), strict=strict)


def _dedupe(items: Iterable[KeySet]) -> list[KeySet]:
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------- matching and results


@dataclass(frozen=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"{name:8s} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} fp={self.fp} fn={self.fn})")


@dataclass(frozen=True)
class CategoryResult:
    prf: PRF
    missed: tuple = ()  # one representative key per missed gold item
    extra: tuple = ()  # predicted keys that match nothing


def match(gold: Sequence[KeySet], optional: Sequence[KeySet], predicted: Iterable[Key]) -> CategoryResult:
    """One-to-one matching of gold items (each a set of acceptable keys) with predicted keys."""
    predicted = set(predicted)
    used: set = set()
    matched = [False] * len(gold)
    for i in sorted(range(len(gold)), key=lambda i: len(gold[i])):  # fewest alternatives first
        free = sorted((gold[i] & predicted) - used, key=str)
        if free:
            used.add(free[0])
            matched[i] = True
    missed = [min(keys, key=str) for keys, ok in zip(gold, matched) if not ok]
    acceptable = frozenset().union(*optional)
    extra = [p for p in predicted - used if p not in acceptable]
    return CategoryResult(
        PRF(tp=len(gold) - len(missed), fp=len(extra), fn=len(missed)),
        missed=tuple(sorted(missed, key=str)),
        extra=tuple(sorted(extra, key=str)),
    )


@dataclass(frozen=True)
class ArticleReport:
    article: str  # the gold file's article name
    article_id: Optional[str]  # its id in articles.csv, None when not listed
    results: Mapping[str, CategoryResult]  # category -> result
    claimed_by: tuple[int, int] = (0, 0)  # (correct, matched gold claims)


@dataclass(frozen=True)
class Report:
    totals: Mapping[str, PRF]
    articles: tuple[ArticleReport, ...] = ()
    claimed_by_correct: int = 0
    claimed_by_total: int = 0
    non_french_flagged: int = 0  # non-French gold articles listed with a non-ok status
    non_french_total: int = 0
    missing_articles: tuple[str, ...] = ()  # French gold articles absent from articles.csv

    @property
    def claimed_by_accuracy(self) -> Optional[float]:
        return self.claimed_by_correct / self.claimed_by_total if self.claimed_by_total else None

    def to_dict(self) -> dict:
        """The same summary as the reference scorer's ``--json``."""
        return {k: {"p": v.precision, "r": v.recall, "f1": v.f1, "tp": v.tp, "fp": v.fp, "fn": v.fn}
                for k, v in self.totals.items()} | {
            "claimed_by_acc": self.claimed_by_accuracy,
            "missing_articles": list(self.missing_articles),
            "non_french_skipped": [self.non_french_flagged, self.non_french_total],
        }


def _claimed_by_agreement(g: Mapping, alias: Aliases, rows_by_key: Mapping[tuple, Mapping]) -> tuple[int, int]:
    """(correct, total) claimed_by over gold claims that some predicted claim matches."""
    correct = total = 0
    for c in g.get("claims", []):
        hit = gold_claim_keys(c, alias) & rows_by_key.keys()
        if hit:
            total += 1
            predicted = rows_by_key[min(hit, key=str)].get("claimed_by")
            correct += name_key(c.get("claimed_by")) == name_key(predicted)
    return correct, total


def score_article(g: Mapping, article_id: Optional[str], outputs: Outputs) -> ArticleReport:
    alias = Aliases.of(g)
    optional = g.get("optional") or {}
    rows: Callable[[Mapping], list] = lambda table: table.get(article_id, []) if article_id else []

    claim_rows = {predicted_claim_key(r, alias): r for r in rows(outputs.claims)}  # the last row wins
    fact_keys = {fact_key(alias(r.get("model")), r.get("attribute"), r.get("value")) for r in rows(outputs.facts)}
    is_org = lambda f: f.get("attribute") == ORGANIZATION
    gold_facts = lambda facts, org: [gold_fact_keys(f, alias) for f in facts if is_org(f) == org]
    predicted = {
        "models": {name_key(alias(r.get("model"))) for r in rows(outputs.models)},
        "facts": {k for k in fact_keys if k[1] != ORGANIZATION},
        "orgs": {k for k in fact_keys if k[1] == ORGANIZATION},
        "claims": set(claim_rows),
        "claims+b": {predicted_claim_key(r, alias, strict=True) for r in rows(outputs.claims)},
    }
    gold = {
        "models": ([frozenset({name_key(m)}) for m in g.get("models", [])],
                   [frozenset({name_key(m)}) for m in optional.get("models", [])]),
        "facts": (gold_facts(g.get("facts", []), False), gold_facts(optional.get("facts", []), False)),
        "orgs": (gold_facts(g.get("facts", []), True), gold_facts(optional.get("facts", []), True)),
        "claims": (_dedupe(gold_claim_keys(c, alias) for c in g.get("claims", [])),
                   [gold_claim_keys(c, alias) for c in optional.get("claims", [])]),
        "claims+b": (_dedupe(gold_claim_keys(c, alias, strict=True) for c in g.get("claims", [])),
                     [gold_claim_keys(c, alias, strict=True) for c in optional.get("claims", [])]),
    }
    results = {cat: match(*gold[cat], predicted[cat]) for cat in CATEGORIES}
    return ArticleReport(g["article"], article_id, results, _claimed_by_agreement(g, alias, claim_rows))


def evaluate(out_dir: Path, gold_paths: Sequence[Path]) -> Report:
    """Score ``out_dir``'s CSVs against gold files (or folders of them)."""
    outputs = load_outputs(Path(out_dir))
    articles: list[ArticleReport] = []
    missing: list[str] = []
    flagged = non_french = 0
    for g in gold_articles(gold_paths):
        article_id = outputs.article_id(g["article"])
        if gold_language(g) != "fr":
            non_french += 1
            status = outputs.status_by_id.get(article_id, "") if article_id else ""
            flagged += bool(status) and not status.startswith("ok")
            continue
        if article_id is None:
            missing.append(g["article"])
        articles.append(score_article(g, article_id, outputs))
    totals = {cat: sum((a.results[cat].prf for a in articles), PRF()) for cat in CATEGORIES}
    return Report(
        totals=totals,
        articles=tuple(articles),
        claimed_by_correct=sum(a.claimed_by[0] for a in articles),
        claimed_by_total=sum(a.claimed_by[1] for a in articles),
        non_french_flagged=flagged,
        non_french_total=non_french,
        missing_articles=tuple(missing),
    )


# ---------------------------------------------------------------- printing


def format_report(report: Report, *, details: bool = False) -> str:
    """The reference scorer's summary lines; with ``details``, then every miss and extra by article."""
    lines = [report.totals[cat].row(cat) for cat in CATEGORIES]
    if report.claimed_by_total:
        lines.append(f"claimed_by accuracy on matched claims: {report.claimed_by_correct}/{report.claimed_by_total}")
    if report.non_french_total:
        lines.append(f"non-French articles listed with a non-ok status: "
                     f"{report.non_french_flagged}/{report.non_french_total}")
    if report.missing_articles:
        lines.append(f"articles missing from articles.csv: {len(report.missing_articles)}: "
                     f"{', '.join(report.missing_articles[:10])}")
    if details:
        for a in report.articles:
            lines.append(f"== {a.article}: " + " | ".join(f"{cat} F1={r.prf.f1:.2f}" for cat, r in a.results.items()))
            for cat, r in a.results.items():
                lines.extend(f"   missed {cat}: {k}" for k in r.missed)
                lines.extend(f"   extra  {cat}: {k}" for k in r.extra)
    return "\n".join(lines)
