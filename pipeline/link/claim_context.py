"""What the claim linkers share for one article: the patterns, the benchmarks named so far, the
paragraph's source, and the claims found. Each kind of claim has its own module
(``comparisons``, ``scores``, ``ranks``); ``claims`` drives them sentence by sentence."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property
from typing import Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, fr, load, organization_pattern, per_lexicons
from pipeline.link.cues import object_cue
from pipeline.link.discourse import SentenceView, subject_before
from pipeline.link.entities import Entities, name_key
from pipeline.link.raw import Provenance, RawClaim
from pipeline.spans import Spans, Taken

NUM = load().cues["fragments"]["figure"]  # a figure as written (« 1 417 », « 88,7 »)


@per_lexicons
def _patterns(lex: Lexicons):
    c = lex.cues
    comps = []
    for rel in ("rivals", "ranks_below", "ranks_above", "outperformed_by", "outperforms"):
        comps.append((rel, lex.cue(f"comparisons.{rel}")))
    # « GPQA Diamond » = « GPQA-Diamond » = « ChatbotArena »: a space or a hyphen inside a name may
    # be either, or lost in a scraped page (and « Humanity’s Last Exam » = « Humanity's Last Exam »)
    written = sorted([*lex.benchmarks, *lex.benchmark_aliases], key=len, reverse=True)
    bench = "|".join(re.sub(r"\\[ -]", "[ -]?", re.escape(b)).replace("'", "['’]") for b in written)
    generic = tuple(patterns.compile(fr(g)) for g in lex.generic_benchmark_patterns)
    claim = {name: lex.cue(f"claims.{name}") for name in c["claims"]}
    score = {name: lex.cue(f"scores.{name}") for name in c["scores"]}
    return {
        "comparisons": comps,
        "ranking_words": {rel: lex.cue(f"ranking_words.{rel}") for rel in c["ranking_words"]},
        "bench": patterns.compile(rf"(?<![\w-])(?:{bench})(?![\w-])"),
        "bench_names": {**{name_key(a): b for a, b in lex.benchmark_aliases.items()}, **{name_key(b): b for b in lex.benchmarks}},
        "generic_bench": generic,
        "attribution": [lex.cue(f"attribution.{k}") for k in c["attribution"]],
        **claim,
        **score,
    }


ARTICLE_OPENING = 600  # characters of an article where it says it is about a ranking


class ClaimLinker:
    def __init__(self, text: str, ents: Entities, lex: Lexicons):
        self.text = text
        self.ents = ents
        self.lex = lex
        self.p = _patterns(lex)
        self.obj = object_cue(lex)
        self.claims: list[RawClaim] = []
        self.source: Optional[str] = None  # claimed_by carried within a paragraph
        self.sources: dict[int, Optional[str]] = {}  # sentence index -> its own source
        self.source_block = -1
        self.prev_benchmarks: list[tuple[int, int, str]] = []  # of the previous sentence
        self.prev_block = -1
        self.prev_span = (0, 0)  # of the previous sentence
        self.block_benchmark: Optional[str] = None  # last benchmark named in the paragraph
        self.recent_benchmark: Optional[str] = None  # last benchmark named in the last few sentences
        self.recent_age = 0  # sentences since it was named (a list's items after its first count as one)
        self.prev_kind: Optional[str] = None  # of the previous sentence
        self.recent_elo = False  # the text since then speaks of Elo
        # a list under an introduction that speaks of a ranking (« Résultats du classement Aider : »
        # then « - o1 : occupe la première position »): whether it does, and the test it names
        self.intro_ranking = False
        self.intro_benchmark: Optional[str] = None
        # bullets that rank in the order they come (« Voici le classement des dix modèles préférés. »):
        # how many of them so far (None: not under such an introduction), and the leaderboard
        self.ordered_items: Optional[int] = None
        self.ordered_benchmark: Optional[str] = None
        self._org_starts = [m.start() for m in organization_pattern(lex).finditer(text)]
        self._all_benchmarks = self._find_benchmarks()
        self._benchmark_starts = [x[0] for x in self._all_benchmarks]

    @cached_property
    def opens_on_a_ranking(self) -> bool:
        """Whether the article's opening (``ARTICLE_OPENING`` characters) says it is about a ranking
        (« classement », « palmarès », « top 10 »): read once per article."""
        return self.lex.cue("ranks.ranking_article").search(self.text, 0, ARTICLE_OPENING) is not None

    def names_organization(self, a: int, b: int) -> bool:
        """Whether ``text[a:b]`` names an organisation of the lexicon."""
        i = bisect_left(self._org_starts, a)
        return i < len(self._org_starts) and self._org_starts[i] < b

    def benchmarks(self, a: int, b: int) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of the benchmarks named in ``text[a:b]``, in order."""
        found = self._all_benchmarks
        out = []
        for i in range(bisect_left(self._benchmark_starts, a), bisect_left(self._benchmark_starts, b)):
            if found[i][1] <= b:  # (read in place: a copy of the rest of the list would grow with the article)
                out.append(found[i])
        return out

    def _find_benchmarks(self) -> list[tuple[int, int, str]]:
        """Every benchmark the article names, found once: the lexicon's, and the names a generic
        phrase introduces (« sur les benchmarks STEM », « 23,4 % sur MathArena Apex »)."""
        canon = self.p["bench_names"]
        out = [(m.start(), m.end(), canon.get(name_key(m.group(0)), m.group(0)))
               for m in self.p["bench"].finditer(self.text)]
        named = Spans((x[0], x[1]) for x in out)
        refs = Spans((r.start, r.end) for r in self.ents.refs)
        generic: list[tuple[int, int, str]] = []
        taken = Taken()
        for pat in self.p["generic_bench"]:
            for m in pat.finditer(self.text):
                na, nb = m.span("name")
                if not named.overlaps(na, nb) and not refs.overlaps(na, nb) and taken.free(na, nb):
                    generic.append((na, nb, canon.get(name_key(m.group("name")), m.group("name"))))
                    taken.add((na, nb))
        out += generic
        return sorted(out)

    def org_of(self, model: Optional[str]) -> Optional[str]:
        info = self.ents.get(model) if model else None
        return info.organization if info else None

    def subject_before(self, view: SentenceView, pos: int) -> Optional[str]:
        return subject_before(self.text, view, pos, self.obj) or view.subject or view.focus

    def subjects_before(self, view: SentenceView, pos: int) -> list[str]:
        """The subject before ``pos``; with none named, the models a plural anaphor opening the
        sentence refers to (« Ces modèles surpassent GPT-4o »), else the subject or the focus."""
        named = subject_before(self.text, view, pos, self.obj)
        if named is None and view.group:
            return list(view.group)
        subject = named or view.subject or view.focus
        return [subject] if subject else []

    def add(self, view: SentenceView, *, start: int, end: int, recognizer: str, **kw) -> None:
        s = view.sentence
        self.claims.append(RawClaim(where=Provenance(start, end, s.start, s.end, recognizer), **kw))

    def nearest_benchmark(self, view: SentenceView, pos: int) -> list:
        found = self.benchmarks(view.sentence.start, view.sentence.end)
        if not found:
            return []
        return [min(found, key=lambda x: abs(x[0] - pos))]

    def described_test(self, view: SentenceView) -> Optional[str]:
        """The words that describe an unnamed test in the previous sentence of the same paragraph
        (« une évaluation interne de codage « agentique », dans laquelle … » -> « évaluation
        interne de codage agentique »), or None."""
        if self.prev_block != view.sentence.block:
            return None
        m = self.p["described_test"].search(self.text, *self.prev_span)
        return " ".join(m.group("name").replace("«", " ").replace("»", " ").split()) if m else None

    def earlier_benchmarks(self, view: SentenceView) -> list:
        """Benchmarks of the previous sentence of the same paragraph."""
        return self.prev_benchmarks if self.prev_block == view.sentence.block else []
