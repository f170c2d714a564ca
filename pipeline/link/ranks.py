"""Ranks on a leaderboard, from the words of ``cues_fr.yaml`` (``ranks``):

- ``place``: « la deuxième place », « en huitième position »; ``ellipsis``: « … et la troisième »;
  ``first_of_pair``: « la quatrième et cinquième position »;
- ``number``: « la 9e place », « la #1 place »;
- ``head``: « en tête du classement », « reprend la tête », « arrive en tête sur LMArena »;
- ``best``: « numéro un », « le meilleur modèle ouvert sur ce test »;
- ``podium``: « complète le podium » (third);
- ``followed_by``: « …, suivi de Claude Sonnet 4.5 » gives the next place to the name after it;
- several names share one rank (« A et B à égalité à la 12e place ») or take the ranks in order
  (« A et B occupent respectivement la quatrième et cinquième position »).
The leaderboard is the one right after the rank (« la troisième sur WebDev Arena »), else the
benchmark nearest the rank, else the previous sentence's, else, for a model the sentence names, a
leaderboard named in the last few sentences (a list under « Classement Chatbot Arena : »); with neither, the
sentence must speak of a ranking (« classement »)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.cues import is_hedged
from pipeline.link.discourse import SentenceView, name_runs
from pipeline.recognize.segments import BULLET

if TYPE_CHECKING:
    from pipeline.link.claim_context import ClaimLinker


@per_lexicons
def _cues(lex: Lexicons) -> dict:
    return {name: lex.cue(f"ranks.{name}") for name in lex.cues["ranks"]}


def _hits(ctx: "ClaimLinker", c: dict, view: SentenceView) -> list[tuple[int, int, int]]:
    text, s, ordinal = ctx.text, view.sentence, ctx.lex.ordinals
    hits = [(m.start(), m.end(), ordinal[(m.group("ord") or m.group("ord2")).lower()]) for m in c["place"].finditer(text, s.start, s.end)]
    if hits:
        hits += [(m.start("ord"), m.end(), ordinal[m.group("ord").lower()])
                 for m in c["ellipsis"].finditer(text, hits[0][1], s.end)]
    hits += [(m.start("ord"), m.end("ord"), ordinal[m.group("ord").lower()]) for m in c["first_of_pair"].finditer(text, s.start, s.end)]
    hits += [(m.start(), m.end(), int(m.group("n") or m.group("n2") or m.group("n3") or m.group("n4"))) for m in c["number"].finditer(text, s.start, s.end)]
    hits += [(m.start(), m.end(), 1) for m in c["head"].finditer(text, s.start, s.end)]
    hits += [(m.start(), m.end(), ordinal[m.group("ord").lower()] if m.group("ord") else 1)
             for m in c["best"].finditer(text, s.start, s.end)]
    hits += [(m.start(), m.end(), 3) for m in c["podium"].finditer(text, s.start, s.end)]
    out: list[tuple[int, int, int]] = []
    for h in sorted(hits):
        if not any(x < h[1] and h[0] < y for x, y, _ in out):
            out.append(h)
    return out


def _holders(ctx: "ClaimLinker", c: dict, view: SentenceView, hits) -> list[tuple[str, int, int, int]]:
    """(model, rank, start, end): the names a list ranks together, else the subject of each rank."""
    text = ctx.text
    runs = [run for run in name_runs(text, view.refs) if len(run) > 1 and run[-1].end <= hits[0][0]]
    run = runs[-1] if runs else None
    if run and c["respectively"].search(text, run[-1].end, hits[0][0]):
        # (as many places as names, in order; otherwise which name has which place cannot be told)
        return [(r.model, v, a, b) for r, (a, b, v) in zip(run, hits)] if len(hits) == len(run) else []
    out = []
    for a, b, value in hits:
        if run and c["shared"].search(text, run[-1].end, a):
            out += [(r.model, value, a, b) for r in run]
            continue
        after = next((r for r in view.refs if r.start >= b), None)
        if after and c["rank_then_name"].fullmatch(text, b, after.start):
            tied = c["shared"].search(text, a, after.start)
            following = next((run for run in name_runs(text, view.refs) if run[0] is after), [after])
            for r in (following if tied else [after]):  # « 4ème place (ex aequo) : GPT-5.1 et Grok 4.1 »
                out.append((r.model, value, a, r.end))  # « 3ᵉ place → DeepSeek-R1 »
            continue
        subject = ctx.subject_before(view, a)
        if subject:
            out.append((subject, value, a, b))
        if after and c["followed_by"].search(text, b, after.start):  # « …, suivi de Claude Sonnet 4.5 »
            out.append((after.model, value + 1, after.start, after.end))
    return out


def ranked_before(ctx: "ClaimLinker", view: SentenceView, pos: int) -> bool:
    """Whether the sentence gives a place before ``pos`` (« prend la première place, suivi de X »)."""
    c = _cues(ctx.lex)
    if not c["word"].search(ctx.text, view.sentence.start, pos):
        return False
    return any(b <= pos for _, b, _ in _hits(ctx, c, view))


def introduces_ranking(ctx: "ClaimLinker", view: SentenceView) -> bool:
    """Whether the sentence introduces bullets that rank models: it ends with « : » or « ? » and
    speaks of a ranking."""
    s = view.sentence
    last = patterns.last_non_space(ctx.text, s.start, s.end)
    return last >= s.start and ctx.text[last] in ":?" and bool(_cues(ctx.lex)["ranking_intro"].search(ctx.text, s.start, s.end))


def link_sentence(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    text, s = ctx.text, view.sentence
    c = _cues(ctx.lex)
    if not c["word"].search(text, s.start, s.end):
        return
    hits = _hits(ctx, c, view)
    if not hits:
        return
    for model, value, a, b in _holders(ctx, c, view, hits):
        right_after = ctx.benchmarks(b, s.end)[:1]
        if not (right_after and c["on_board"].fullmatch(text, b, right_after[0][0])):
            right_after = []
        near = right_after or ctx.nearest_benchmark(view, a) or ctx.earlier_benchmarks(view)[-1:]
        bench = near[0][2] if near else None
        named = any(r.model == model for r in view.refs)
        if bench is None and ctx.recent_benchmark in ctx.lex.leaderboards and named:
            bench = ctx.recent_benchmark  # « Classement Chatbot Arena : » then « • 3ᵉ place → DeepSeek-R1 »
        under_intro = s.kind == BULLET and ctx.intro_ranking and named
        if bench is None and under_intro:
            bench = ctx.intro_benchmark  # « Classement Aider Polyglot : » then « - o1 : occupe la première position »
        if bench is None and c["popularity"].search(text, s.start, s.end):
            continue  # (an app's place by its users or downloads: no model's rank)
        if bench is None and not (under_intro or c["ranking"].search(text, s.start, s.end)
                                  or named and s.kind != BULLET and ctx.opens_on_a_ranking):
            continue  # (in an article on a ranking, the place of a model a sentence of its prose names)
        ctx.add(view, subject=model, relation="ranks", object=None, benchmark=bench, metric="position",
                value=float(value), claimed_by=by, hedged=is_hedged(text, s.start, a, ctx.lex),
                start=a, end=b, recognizer="rank")
