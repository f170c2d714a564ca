"""Numbered leaderboards: « 1. Gemini-Exp-1206 : 1372 (score Elo) », « 2) Claude Opus 4 — 1 350 »,
one item per line or run into one line. The number before the name is its rank, the number after
it its score, both on the leaderboard the text names (in the item, else a few sentences before).
The score's metric is the one written (« % », « points », « Elo »), else Elo when the items or the
text before speak of Elo, else a plain score. An unnumbered bullet that is only a name and a figure
(« • GPT-4 Turbo : 1252 ») under a leaderboard is a score with a written metric or Elo, no rank.
Unnumbered bullets that are only names, under an introduction that speaks of a ranking
(« Voici le classement des dix modèles préférés des Français. »), rank in the order they come."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.discourse import SentenceView
from pipeline.recognize.segments import BULLET
from pipeline.normalize import numbers

if TYPE_CHECKING:
    from pipeline.link.claim_context import ClaimLinker

METRICS = {"%": "%", "point": "points", "points": "points", "elo": "ELO"}


@per_lexicons
def _cues(lex: Lexicons) -> tuple:
    return lex.cue("ranks.list_rank"), lex.cue("ranks.list_value"), lex.cue("leaderboards.elo")


@per_lexicons
def _bullet_cues(lex: Lexicons) -> tuple:
    return lex.cue("leaderboards.bullet_opening"), lex.cue("leaderboards.item_end")


@per_lexicons
def _ordered_cues(lex: Lexicons) -> tuple:
    return lex.cue("ranks.ranking_article"), lex.cue("leaderboards.unordered"), lex.cue("leaderboards.name_like")


def speaks_of_elo(text: str, start: int, end: int, lex: Lexicons) -> bool:
    """Whether ``text[start:end]`` says its scores are Elo."""
    return _cues(lex)[2].search(text, start, end) is not None


def link_sentence(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    text, s = ctx.text, view.sentence
    _ordered_item(ctx, view, by)
    rank_cue, value_cue, elo = _cues(ctx.lex)
    items = []
    for r in view.refs:
        m = rank_cue.search(text, max(s.start, r.start - 8), r.start)
        if m:
            items.append((r, int(m.group("n")), m.start("n"), value_cue.match(text, r.end, s.end)))
    if not items:
        _bullet_item(ctx, view, by)
        return
    here = ctx.benchmarks(s.start, s.end)
    bench = here[-1][2] if here else ctx.recent_benchmark
    if bench is None:
        return
    elo_said = bool(elo.search(text, s.start, s.end)) or ctx.recent_elo
    for r, rank, start, value in items:
        ctx.add(view, subject=r.model, relation="ranks", object=None, benchmark=bench, metric="position",
                value=float(rank), claimed_by=by, hedged=False, start=start, end=r.end, recognizer="leaderboard_rank")
        if value is None:
            continue
        number = numbers.parse_number(value.group("val").replace("\u202f", " ").replace("\u00a0", " "))
        if number is None:
            continue
        unit = (value.group("unit") or "").lower()
        metric = METRICS.get(unit) or ("ELO" if elo_said else "score")
        ctx.add(view, subject=r.model, relation="scores", object=None, benchmark=bench, metric=metric,
                value=number, claimed_by=by, hedged=False, start=value.start("val"), end=value.end(),
                recognizer="leaderboard_score")


def _bullet_item(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    """« • GPT-4 Turbo : 1252 »: an unnumbered bullet that is only a name and a figure, under a
    leaderboard named a few sentences before, is a score when its metric is written or the text
    speaks of Elo (its position in the list is left unsaid)."""
    text, s = ctx.text, view.sentence
    if s.kind != BULLET or not view.refs or ctx.recent_benchmark not in ctx.lex.leaderboards:
        return
    opening, item_end = _bullet_cues(ctx.lex)
    r = view.refs[0]
    value = _cues(ctx.lex)[1].match(text, r.end, s.end)
    if not (opening.fullmatch(text, s.start, r.start) and value and item_end.fullmatch(text, value.end(), s.end)):
        return
    unit = (value.group("unit") or "").lower()
    metric = METRICS.get(unit) or ("ELO" if ctx.recent_elo or speaks_of_elo(text, s.start, s.end, ctx.lex) else None)
    number = numbers.parse_number(value.group("val").replace("\u202f", " ").replace("\u00a0", " "))
    if metric and number is not None:
        ctx.add(view, subject=r.model, relation="scores", object=None, benchmark=ctx.recent_benchmark, metric=metric,
                value=number, claimed_by=by, hedged=False, start=value.start("val"), end=value.end("val"),
                recognizer="leaderboard_bullet")


def _ordered_item(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    """« Voici le classement des dix modèles de langage préférés des Français. » then « - Mistral-medium-3.1 »,
    « - Gemini-2.5-flash »: the k-th bullet of a list right after an introduction that speaks of a
    ranking (and of no other order) ranks k when it is only a name. A bullet that says more (a
    figure, a description) ends the list: the order may then be another's. A bullet that looks
    like a name the recogniser does not know still takes its place."""
    text, s = ctx.text, view.sentence
    intro, unordered, name_like = _ordered_cues(ctx.lex)
    if s.kind != BULLET:
        ctx.ordered_items = None
        if intro.search(text, s.start, s.end) and not unordered.search(text, s.start, s.end):
            here = ctx.benchmarks(s.start, s.end)
            ctx.ordered_items = 0
            ctx.ordered_benchmark = here[-1][2] if here else (
                ctx.recent_benchmark if ctx.recent_benchmark in ctx.lex.leaderboards else None)
        return
    if ctx.ordered_items is None:
        return
    opening, item_end = _bullet_cues(ctx.lex)
    refs = view.refs
    if len(refs) == 1 and opening.fullmatch(text, s.start, refs[0].start) and item_end.fullmatch(text, refs[0].end, s.end):
        ctx.ordered_items += 1
        ctx.add(view, subject=refs[0].model, relation="ranks", object=None, benchmark=ctx.ordered_benchmark,
                metric="position", value=float(ctx.ordered_items), claimed_by=by, hedged=False,
                start=refs[0].start, end=refs[0].end, recognizer="leaderboard_order")
    elif not refs and name_like.fullmatch(text, s.start, s.end):
        ctx.ordered_items += 1
    else:
        ctx.ordered_items = None
