"""Comparisons: « surpasse A, B ou encore C » (one row per object), « rivalise avec », « se classe
derrière / devant », the passive (« est devancé par X » = X outperforms), with the benchmarks the
comparison names. With no named object, a claim is kept only when a benchmark says what was
compared (« doubler les performances … sur les benchmarks STEM »). A question claims nothing
(« Est-ce que Grok 4 va battre ChatGPT ? »)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from pipeline import patterns
from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.discourse import SentenceView, name_runs, subject_before
from pipeline.link.entities import Ref
from pipeline.link import ranks
from pipeline.link.cues import is_hedged

if TYPE_CHECKING:
    from pipeline.link.claim_context import ClaimLinker


@per_lexicons
def _cues(lex: Lexicons) -> dict[str, re.Pattern]:
    return {name: lex.cue(f"comparison.{name}") for name in lex.cues["comparison"]}


def _cue(ctx: "ClaimLinker", name: str) -> re.Pattern:
    """The comparisons' words, from the lexicon (``comparison.<name>``)."""
    return _cues(ctx.lex)[name]


def link_sentence(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    text = ctx.text
    s = view.sentence
    if not (view.refs or ctx.benchmarks(s.start, s.end) or ctx.earlier_benchmarks(view)
            or text.find("lui", s.start, s.end) >= 0):
        return  # no model named, no test to compare on, no « devant lui »: nothing to compare
    if text[s.start:s.end].rstrip().endswith("?"):
        return  # « Est-ce que Grok 4 va battre ChatGPT et Gemini ? »: asked, not claimed
    cues = []
    for rel, pat in ctx.p["comparisons"]:
        for m in pat.finditer(text, s.start, s.end):
            if any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in cues):
                continue
            cues.append((m.start(), m.end(), rel))
    cues.sort()
    # « se classant derrière A et devant B »: the other side of the same ranking
    words = ctx.p["ranking_words"]
    extra = []
    for a, b, rel in cues:
        if rel in ("ranks_below", "ranks_above"):
            other = "ranks_above" if rel == "ranks_below" else "ranks_below"
            for m in words[other].finditer(text, b, s.end):
                extra.append((m.start(), m.end(), other))
    cues = sorted(cues + [c for c in extra if not any(c[0] < y and x < c[1] for x, y, _ in cues)])
    if _cue(ctx, "ranking_context").search(text, s.start, s.end) or any(
            b in ctx.lex.leaderboards for _, _, b in ctx.benchmarks(s.start, s.end)):
        # « numéro un avec 1 460 points, devant GPT-5 », « au-dessus de Grok 3 »: in a ranking, these rank
        for rel, pat in words.items():
            for m in pat.finditer(text, s.start, s.end):
                if not any(x <= m.start() < y or m.start() <= x < m.end() for x, y, _ in cues):
                    cues.append((m.start(), m.end(), rel))
        cues.sort()
    for m in _cue(ctx, "followed").finditer(text, s.start, s.end):
        if not any(x <= m.start() < y or m.start() <= x < m.end() for x, y, _ in cues) and ranks.ranked_before(ctx, view, m.start()):
            cues.append((m.start(), m.end(), "ranks_above"))  # « … prend la première place, suivi de X »
            cues.sort()
    if not cues:
        return
    prev_end = s.start
    chained: list = []
    opener = None  # the name right before this cue, after the last one's objects: its subject
    for k, (a, b, rel) in enumerate(cues):
        limit = cues[k + 1][0] if k + 1 < len(cues) else s.end
        objects, end = _objects(ctx, view, b, limit)
        subjects = [opener] if opener else (
            _antecedents(ctx, view, a, b) or ctx.subjects_before(view, a))  # (a group: « Ces modèles surpassent … »)
        # « A rivalise avec B et C rivalise avec D »: C, which _objects left out, is the next cue's subject
        opener = next((r.model for r in view.refs if b <= r.start and r.end <= limit < s.end and not text[r.end:limit].strip()
                       and len(objects) and all(r.model != o[0] for o in objects)), None)
        if not opener and len(subjects) == 1:
            before = [r for r in view.refs if r.end <= a]
            subjects = _coordinated(ctx, view, before, b, subjects[0]) or [_apposition_owner(ctx, before, a, subjects[0])]
        subject = subjects[0] if subjects else None
        if not subject_named_before(ctx, view, a) and _someone_else(ctx, view, a):
            prev_end = b
            continue  # « ChatGPT devance Gemini », « OpenAI surpasse Meta »: not the model in focus
        if not subject_named_before(ctx, view, a) and _cue(ctx, "unnamed_subject").search(text, max(s.start, a - 60), a):
            prev_end = b
            continue  # « un modèle traditionnel capable de surpasser V3 »: a model hoped for, no one's claim
        if rel == "outperforms" and _cue(ctx, "figure_follows").match(text, b, min(s.end, b + 30)):
            prev_end = b
            continue  # « dépasse 81 % », « a dépassé le milliard d'utilisateurs »: a figure, not a comparison
        if _cue(ctx, "ratio").search(text, max(s.start, a - 20), a):
            prev_end = b
            continue  # « un débit trois fois supérieur à celui de X »: a ratio, not a claim
        if rel in ("outperforms", "outperformed_by") and _cue(ctx, "not_performance").search(text, max(s.start, a - 80), a) \
                or _cue(ctx, "measure_subject").search(text, max(s.start, a - 80), a):
            prev_end = b
            continue  # « le prix de GPT-5 est supérieur à celui de X », « son contexte est égal à »: not a performance
        if not subject:
            continue
        benches = _benchmarks(ctx, view, rel, a, b, limit)
        if not benches and chained and not _cue(ctx, "vague_on").search(text, b, limit):
            benches = chained  # « … sur les benchmarks STEM, surpassant déjà GPT-4.5 »
        if benches:
            chained = benches
        if not benches and end and ctx.p["object_size"].match(text, end, limit):
            prev_end = b
            continue  # « dépassait à peine GPT-3 et ses 175 milliards de paramètres »: sizes compared
        hedged = is_hedged(text, prev_end, end or b, ctx.lex)
        objects = [o for o in objects if o[0] not in subjects]  # (never « X surpasse X »)
        if not objects:
            if benches and rel == "outperforms" and _cue(ctx, "all_rivals").match(text, b):
                for subject in subjects:
                    ctx.add(view, subject=subject, relation="ranks", object=None, benchmark=benches[0][2], metric="position",
                            value=1.0, claimed_by=by, hedged=hedged, start=a, end=benches[0][1], recognizer="outperforms_all")
                prev_end = b
                continue  # « a dépassé tous ses concurrents sur LMArena »: first on it
            if benches and _cue(ctx, "models_word").search(text, b, limit) and rel == "outperforms":
                for subject in subjects:
                    for bs, be, bn in benches[:1]:
                        ctx.add(view, subject=subject, relation=rel, object=None, benchmark=bn, metric=None, value=None,
                                claimed_by=by, hedged=hedged, start=a, end=be, recognizer=f"{rel}_no_object")
            prev_end = b
            continue
        passive = _cue(ctx, "passive").search(text, max(s.start, a - 40), a) and _cue(ctx, "by").match(text, a, b + 18)
        reverse = rel == "outperformed_by"  # « moins performant que Llama 3 »: Llama 3 wins
        if rel in ("outperforms", "outperformed_by") and _cue(ctx, "lower_is_better").search(text, max(s.start, a - 80), a):
            reverse = not reverse  # « son taux d'hallucinations est supérieur à celui de X »: X wins
        for subject in subjects:
            for obj, ostart, oend in objects:
                # « Il est devancé par GPT-4o »: the agent is the one that wins
                subj_, obj_ = (obj, subject) if passive or reverse else (subject, obj)
                kind = "passive" if passive else "reverse" if reverse else "cue"
                for bn in ([x[2] for x in benches] or [None]):
                    ctx.add(view, subject=subj_, relation="outperforms" if rel == "outperformed_by" else rel, object=obj_,
                            benchmark=bn, metric=None, value=None, claimed_by=by, hedged=hedged, start=a, end=oend,
                            recognizer=f"{rel}_{kind}")
        prev_end = b


def _coordinated(ctx: "ClaimLinker", view: SentenceView, before: list[Ref], end: int, subject: str) -> list[str]:
    """« Gemini et Mistral Large s'étaient approchés de GPT-4 »: the names the sentence opens on
    (``before``: its names before the cue), joined by « et » or commas and right before the cue,
    with a verb in the plural: each is a subject; [] otherwise."""
    if len(before) < 2 or ctx.obj.search(ctx.text, view.sentence.start, before[0].start):
        return []
    run = name_runs(ctx.text, before)[0]
    if len(run) < 2 or run[-1] is not before[-1] or run[-1].model != subject \
            or not _cue(ctx, "plural_verb").search(ctx.text, run[-1].end, end):
        return []
    return list(dict.fromkeys(r.model for r in run))


def _apposition_owner(ctx: "ClaimLinker", before: list[Ref], pos: int, subject: str) -> str:
    """« Ernie 3.5, la dernière version de son modèle d'IA Ernie, avait surpassé GPT-4 »: a name inside
    an apposition between commas (a determiner opens it) right before the cue at ``pos`` is not the
    subject, the name the apposition follows is; else ``subject``."""
    if len(before) < 2 or before[-1].model != subject:
        return subject
    owner, inner = before[-2], before[-1]
    if _cue(ctx, "apposition_open").fullmatch(ctx.text, owner.end, inner.start) \
            and _cue(ctx, "apposition_close").search(ctx.text, inner.end, pos):
        return owner.model
    return subject


def _antecedents(ctx: "ClaimLinker", view: SentenceView, pos: int, end: int) -> list[str]:
    """« R1 a été construit sur DeepSeek-V3, un modèle … qui rivalise avec GPT-4o »: the name a
    relative clause holding the cue hangs on, whatever its own role; with a verb in the plural
    (« deux modèles, DeepSeek-V3.2 et DeepSeek-V3.2-Speciale, qui égalent … »), the list it ends."""
    before = [r for r in view.refs if r.end <= pos]
    if not (before and _cue(ctx, "antecedent").fullmatch(ctx.text, before[-1].end, pos)):
        return []
    run = next((run for run in name_runs(ctx.text, before) if run[-1] is before[-1]), [before[-1]])
    if len(run) > 1 and _cue(ctx, "plural_verb").search(ctx.text, pos, end):
        return list(dict.fromkeys(r.model for r in run))
    return [before[-1].model]


def _benchmarks(ctx: "ClaimLinker", view: SentenceView, rel: str, a: int, b: int, limit: int) -> list:
    """What a comparison was measured on: named after the cue (« devance X sur MMLU », but not
    « devance X, sauf sur MATH »), a demonstrative (« sur ces deux épreuves »), the result it
    follows from (« 8,30 sur MT-Bench, ce qui la place au niveau de X ») or is set beside
    (« 92 % sur HumanEval, au niveau de X »), or, for a ranking, the leaderboard of the sentence
    or of the previous sentence."""
    named = ctx.benchmarks(b, limit)
    after = [x for x in named if not ctx.p["exception"].search(ctx.text, max(b, x[0] - 40), x[0])]
    if after:
        return after
    if named:  # only exceptions: measured on the others, unnamed
        return []
    if _cue(ctx, "demonstrative").search(ctx.text, b, limit):
        return ctx.earlier_benchmarks(view)
    before = ctx.benchmarks(view.sentence.start, a)[-1:]
    if before and ctx.p["follows_score"].fullmatch(ctx.text, before[0][1], a):
        return before  # « 92 % sur HumanEval, au niveau de X », « 8,30 sur MT-Bench, ce qui la place au niveau de X »
    if rel in ("ranks_below", "ranks_above"):
        return ctx.nearest_benchmark(view, a) or ctx.earlier_benchmarks(view)[-1:]
    return []


def _objects(ctx: "ClaimLinker", view: SentenceView, start: int, limit: int):
    text = ctx.text
    out = []
    pos = start
    first = True
    for r in view.refs:
        if r.start < start or r.start >= limit:
            continue
        gap = text[pos:r.start]
        if first:
            gap = _cue(ctx, "attribution_incise").sub("", gap, count=1)  # (« surpasse, selon Meta, des concurrents comme X »)
        # an organisation (« GPT-4o d'OpenAI ») or an aside in parentheses (« (1 380) ») between two objects
        gap_clean = _cue(ctx, "aside_in_gap").sub("", gap)
        if first:
            if len(gap) > 70 or re.search(r"[.;:!?]", gap) or (
                    re.search(r",", gap) and not _cue(ctx, "first_after_comma").search(gap)):
                break
        elif not _cue(ctx, "next_object").fullmatch(gap_clean):
            break
        out.append((r.model, r.start, r.end))
        pos = r.end
        first = False
    if len(out) > 1 and limit < view.sentence.end and not text[out[-1][2]:limit].strip():
        out.pop()  # « A rivalise avec B et C rivalise avec D »: the last name opens the next comparison
    if not out:
        m = _cue(ctx, "lui").match(text, start, limit)
        if m:
            last_other = None
            for r in view.refs:
                if r.start < start:
                    last_other = r.model
            if last_other is None:
                last_other = view.last
            subj = ctx.subject_before(view, start)
            if last_other and last_other != subj:
                return [(last_other, start, m.end())], m.end()
        for r in view.refs:  # « … contre 71,8 % pour o1 »: the model the subject's score is set against
            if start <= r.start < limit and _cue(ctx, "against_for").search(text, max(start, r.start - AGAINST_FOR), r.start):
                return [(r.model, r.start, r.end)], r.end
    return out, (out[-1][2] if out else None)


AGAINST_FOR = 30  # characters before a name where « contre 71,8 % pour » may stand

# ---- whose comparison it is ------------------------------------------------------


def subject_named_before(ctx: "ClaimLinker", view: SentenceView, pos: int) -> bool:
    return subject_before(ctx.text, view, pos, ctx.obj) is not None


def _someone_else(ctx: "ClaimLinker", view: SentenceView, pos: int) -> bool:
    """The clause names a company or a product right before the cue: it is their claim, not a model's."""
    clause = ctx.text[max(view.sentence.start, pos - 60):pos]
    cue = ctx.text[pos:pos + 4]
    if _cue(ctx, "object_pronoun").match(cue) or _cue(ctx, "pronoun_before").search(clause):
        return False  # « Moonshot le place derrière … », « Alibaba le présente comme l'égal de … »: « le » is the model
    clause = _cue(ctx, "clause_cut").split(clause)[-1]
    anyone, each = _claimant_names(ctx.lex)
    if not anyone.search(clause):
        return False
    for name in each:
        m = name.search(clause)
        if m and not ctx.p["claimer_verb"].search(clause, m.end()):
            return True  # « ChatGPT devance … »; but « Anthropic affirme devancer … » is Anthropic's claim
    return False


@per_lexicons
def _claimant_names(lex: Lexicons) -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """Product and organisation names standing alone: one pattern that finds whether any is there
    (the alternation backtracks, so it matches wherever one name alone would), and one per name."""
    names = sorted(lex.products | set(lex.organizations), key=lambda n: (-len(n), n))
    alone = [rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n in names]
    return (patterns.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])"),
            tuple(map(re.compile, alone)))
