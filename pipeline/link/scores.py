"""Scores: « 70,6 % sur MMLU », « un score ELO de 1417 sur LMArena », « 95,6 sur Arena-Hard »,
« 1 111 points d'Elo pour X, 1 249 pour Y », « contre 38 % pour X », « respectivement A et B », and
the benchmark rows of tables. A percentage with no benchmark is not a score. A score set against a
lower one (« 56,8 % contre 54,2 % pour X ») beats it."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from pipeline import patterns
from pipeline.link.claim_context import NUM
from pipeline.link.raw import Provenance, RawClaim
from pipeline.link.discourse import SentenceView, in_object_position, name_runs
from pipeline.link.cues import clause_bounds, is_hedged
from pipeline.link.tables import RefIndex, cells
from pipeline.recognize.segments import BULLET, HEADING, table_blocks
from pipeline.normalize import numbers

if TYPE_CHECKING:
    from pipeline.link.claim_context import ClaimLinker


# a score that says its word (« un score de 87,3 % ») but names no test: a row with no benchmark
NO_BENCHMARK = "∅"
AGAINST_WINDOW = 24  # characters before a figure where « contre (seulement) » may stand
AGAINST_BACK = 6  # scores before one set « contre » it where the one it is set against may be (the cost stays linear)
GAP_WINDOW = 100  # characters before a figure where « l'écart avec X (n'est que) de » may stand
DIGIT = patterns.compile(r"\d")  # every score pattern reads a number: a sentence without a digit has none


def link_sentence(ctx: "ClaimLinker", view: SentenceView, by: Optional[str]) -> None:
    text = ctx.text
    s = view.sentence
    if not DIGIT.search(text, s.start, s.end):
        return
    found = []  # (start, end, value, metric)
    named_score = False  # a figure the word « score » introduces, with no other metric
    for m in ctx.p["percent"].finditer(text, s.start, s.end):
        found.append((m.start(), m.end(), m.group("val"), "%"))
    for m in ctx.p["score_de"].finditer(text, s.start, s.end):
        if not any(a <= m.start("val") < b for a, b, _, _ in found):
            elo = m.group("metric") or m.group("metric_c") or m.group("metric_e") or m.group("elo_after") or m.group("elo_pts")
            metric = "%" if m.group("pct") else ("ELO" if elo else "points" if m.group("pts") else "score")  # (« un score de 1501 Elo »)
            named_score |= metric == "score"
            found.append((m.start("val"), m.end(), m.group("val"), metric))
    for m in ctx.p["points"].finditer(text, s.start, s.end):
        if not any(a <= m.start("val") < b for a, b, _, _ in found) and not ctx.p["difference"].match(text, m.end()):
            found.append((m.start("val"), m.end(), m.group("val"), "ELO" if m.group("elo") else "points"))
    for m in ctx.p["elo_after"].finditer(text, s.start, s.end):  # « avec 1501 Elo »
        if not any(a <= m.start("val") < b for a, b, _, _ in found):
            found.append((m.start("val"), m.end(), m.group("val"), "ELO"))
    for m in ctx.p["elo_before"].finditer(text, s.start, s.end):  # « Codeforces (ELO 2706) »
        if not any(a <= m.start("val") < b for a, b, _, _ in found):
            found.append((m.start("val"), m.end("val"), m.group("val"), "ELO"))
    for m in ctx.p["bare_sur"].finditer(text, s.start, s.end):
        if not any(a <= m.start("val") < b for a, b, _, _ in found):
            if ctx.benchmarks(m.end(), min(s.end, m.end() + 40)) or (
                    ctx.p["on_this"].match(text, m.end("val")) and ctx.earlier_benchmarks(view)):
                found.append((m.start("val"), m.end("val"), m.group("val"), "score"))
    found.sort()
    resp = ctx.p["respectively"].search(text, s.start, s.end)
    if not found and not resp:
        return
    # a named metric lends itself to the bare figures listed after it (« un score de 70,8, comparé à 62,9 pour X »)
    metric_seen = next((f[3] for f in found if f[3] in ("ELO", "points")), None) or ("score" if named_score else None)
    named_before: dict[int, str] = {}  # value start -> the model it is given in parentheses after
    for r in view.refs:
        pm = (ctx.p["paren_pct"].match(text, r.end) or ctx.p["colon_pct"].match(text, r.end)
              or ctx.p["relative_pct"].match(text, r.end))
        if pm and any(a == pm.start("val") for a, _, _, _ in found):
            named_before[pm.start("val")] = r.model  # « GPT-4.1 (54,6 %) », « - Sonnet 4.5 : 77,2 % », « X, qui obtient 1,8 % »
    # « 1 249 pour Gemini 1.5 Pro »: list items after an Elo or points score
    if metric_seen:
        for m in ctx.p["pour_n"].finditer(text, s.start, s.end):
            if not any(a <= m.start("val") < b for a, b, _, _ in found):
                found.append((m.start("val"), m.end("val"), m.group("val"), metric_seen))
        for r in view.refs:
            pm = ctx.p["paren"].match(text, r.end)
            if pm and pm.start("val") not in named_before:  # « devant Llama 2 70B (67,35) »: the score of the model just named
                found.append((pm.start("val"), pm.end("val"), pm.group("val"), metric_seen))
                named_before[pm.start("val")] = r.model
        found.sort()
    if resp:  # « obtiennent respectivement 89,4 et 85,5 sur Arena-Hard »: every listed value
        for m in ctx.p["listed_figure"].finditer(text, resp.end(), s.end):
            a0 = m.start("val")
            if not any(x <= a0 < y for x, y, _, _ in found):
                found.append((a0, m.end(), m.group("val"), "%" if m.group("pct") else "score"))
        found.sort()
    resp_targets = None
    if resp and len(found) >= 2:
        coord = _coordinated(ctx, view)
        benches_here = ctx.benchmarks(s.start, s.end)
        if coord and len(coord) == len(found):
            resp_targets = [("subject", m) for m in coord]
        elif not benches_here and len(ctx.prev_benchmarks) >= len(found):
            names = []
            for _, _, n in ctx.prev_benchmarks:
                if n not in names:
                    names.append(n)
            if len(names) == len(found):
                resp_targets = [("bench", n) for n in names]
    last_pour = None
    last_bench = None
    pending: list[dict] = []
    for i, (a, b, raw, metric) in enumerate(found):
        value = numbers.parse_number(_STRAY_SPACE.sub(",", raw).replace("\u202f", " ").replace("\u00a0", " "))
        if value is None:
            continue
        after = text[b:min(s.end, b + 80)]
        subject = named_before.get(a)
        bench = None
        pour = None if subject else ctx.p["pour"].match(after)
        if pour:
            ref = next((r for r in view.refs if b + pour.end() <= r.start <= b + pour.end() + 2), None)
            if ref:
                subject = ref.model
                last_pour = subject
            elif ctx.p["pour_unnamed"].match(after):
                continue  # « contre 70 % pour la version précédente »: not a named model
        if subject is None and ctx.p["owned_figure_before"].search(text, max(s.start, a - 8), a):
            owner = next((r for r in view.refs if r.start >= b), None)  # « aux 2001 points de Gemini 2.5 Pro »
            if owner and ctx.p["owned_figure_after"].fullmatch(text, b, owner.start):
                subject = owner.model
            elif ctx.p["owned_by_unknown"].match(text, b):
                continue  # « inférieur aux 96,6 % de Chatgpt »: the figure of a name the text does not know as a model
        if subject is None and ctx.p["against"].search(text, max(s.start, a - AGAINST_WINDOW), a):
            # « …, contre 50,6 % » : the model of the last « pour X »; else the one model the
            # sentence compared its subject with (« X dépasse Y sur HLE — 44,4 % contre 42 % »)
            subject = last_pour or _compared_object(ctx, view, a)
            if subject is None:
                continue  # « Grok 4 obtient 44,4 % sur HLE contre 42 % »: someone else's, unnamed
        if any(r.start <= a < r.end for r in view.refs):
            continue  # a digit inside a model name (« GPT-4.1 sur … »)
        if ctx.p["gap_before"].search(text, max(s.start, a - GAP_WINDOW), a):
            continue  # « L'écart avec Claude Opus 4.5 n'est que de 8,7 points »: a difference, not a score
        if _no_models_score(ctx, view, a) or ctx.p["required_after"].match(text, b):
            continue  # (nor a pass mark: « un score d'environ 60 % est requis »)
        target_bench = None
        if resp_targets:
            kind, target = resp_targets[i]
            if kind == "subject":
                subject = target
            else:
                target_bench = target
        if subject is None:
            # (not a guess: a bullet that names no model, under no heading that names one, is no
            # model's score: « - 1er Paper : Tiny Recursive Model (…, 45% ARC-AGI-1) » long after o3)
            subject = None if view.guessed and not view.refs else ctx.subject_before(view, a)
            if subject is not None and _other_subject_between(ctx, view, subject, a):
                continue  # « Deepseek-R1 a obtenu 96,3 %, tandis que Chatgpt (O1) … 96,6 % »: another's
        bm = ctx.p["on"].match(after)
        if target_bench:
            bench = target_bench
        elif bm:
            bl = ctx.benchmarks(b + bm.end(), min(s.end, b + bm.end() + 30))
            if bl and bl[0][0] == b + bm.end():
                bench = bl[0][2]
            else:  # « 1 417 sur le tableau de classement de LMArena »: a few words before the test's name
                gap = ctx.p["bench_lead"].match(text, b + bm.end(), s.end)
                bl = ctx.benchmarks(gap.end(), min(s.end, gap.end() + 30)) if gap else []
                if bl and bl[0][0] == gap.end():
                    bench = bl[0][2]
        if bench is None and resp_targets and found:
            tail = ctx.p["on_after_list"].match(text[found[-1][1]:s.end])
            after_list = ctx.benchmarks(found[-1][1] + tail.end(), min(s.end, found[-1][1] + tail.end() + 30)) if tail else []
            bench = after_list[0][2] if after_list else None  # « respectivement 89,4 et 85,5 sur Arena-Hard »
        if bench is None and last_bench and ctx.p["against"].search(text, max(s.start, a - AGAINST_WINDOW), a):
            bench = last_bench  # « 64 % …, contre 38 % pour X »: the same test
        if bench is None:
            before = ctx.benchmarks(s.start, a)
            if before:
                bench = before[-1][2]  # « Sur MMLU, …, il obtient 70,6 % »
        if bench is None and (ctx.p["there"].search(text, s.start, a) or ctx.p["on_this"].match(text, b)):
            earlier = ctx.earlier_benchmarks(view)
            bench = earlier[-1][2] if earlier else None
            if bench is None and metric == "%" and ctx.p["of_problems"].match(after):
                # « il y résout 64 % des problèmes »: the test the previous sentence describes
                bench = ctx.described_test(view) or "évaluation (non nommée)"
        explicit = a in named_before or pour is not None and subject is not None or ctx.p["score_verb"].search(text, max(s.start, a - 40), a)
        if bench is None and metric == "%" and subject and explicit:
            # « Gemini-2.5 Pro atteint 2,6 % », « 1,69 % pour GPT-4 Turbo »: the paragraph's leaderboard, or
            # one named just before
            bench = ctx.block_benchmark or (ctx.recent_benchmark if ctx.recent_age <= 2 else None)
        if bench is None and metric in ("%", "score") and subject and ctx.p["score_word"].search(text, max(s.start, a - 30), a):
            bench = NO_BENCHMARK  # « o3-mini s'est distingué avec un score de 87,3 % », « obtient un indice de qualité de 90 » (no test named)
        if bench is None and (metric in ("ELO", "points") or a in named_before):
            # « devant Llama 2 70B (67,35) », « - Sonnet 4.5 : 77,2 % »: the paragraph's or the list's test
            bench = ctx.block_benchmark or (ctx.prev_benchmarks[-1][2] if ctx.prev_benchmarks else None) \
                or (ctx.recent_benchmark if s.kind == BULLET or metric == "ELO" and ctx.recent_benchmark in ctx.lex.leaderboards
                    else None)  # (an Elo is an arena's: the leaderboard named a few sentences before)
        if bench is None:
            continue  # a percentage or a number with no benchmark (nor the word « score ») is not a score
        if metric == "%" and ctx.p["share_of"].match(after):
            continue  # « 40 % de données synthétiques »
        last_bench = bench
        if not subject:
            continue
        hedged = is_hedged(text, s.start, a, ctx.lex)
        pending.append(dict(subject=subject, relation="scores", object=None, benchmark=None if bench is NO_BENCHMARK else bench,
                            metric=metric, value=value, claimed_by=by, hedged=hedged, start=a, end=b,
                            recognizer=f"score_{metric.strip('%') or 'percent'}"))
    kept = _unambiguous(pending, {r.model for r in view.refs})
    for claim in kept:
        ctx.add(view, **claim)
    for claim in _beaten_against(ctx, view, kept):
        ctx.add(view, **claim)


def _beaten_against(ctx: "ClaimLinker", view: SentenceView, scores: list[dict]) -> list[dict]:
    """« GPT-5.3-Codex obtient 56,8 % sur SWE-Bench Pro contre 54,2 % pour Gemini 3.1 Pro »: the
    model whose score the sentence sets against another's, on the same test, beats it where its
    figure is the higher (not for a measure where less is better, « un taux d'erreurs »)."""
    text, s = ctx.text, view.sentence
    if len(scores) < 2 or ctx.lex.cue("comparison.lower_is_better").search(text, s.start, s.end):
        return []
    against = [ctx.p["against"].search(text, max(s.start, x["start"] - AGAINST_WINDOW), x["start"]) is not None for x in scores]
    out = []
    for i, b in enumerate(scores):
        if not against[i]:
            continue
        a = next((scores[j] for j in range(i - 1, max(-1, i - 1 - AGAINST_BACK), -1)
                  if not against[j] and scores[j]["benchmark"] == b["benchmark"] and scores[j]["metric"] == b["metric"]), None)
        if a is None or a["subject"] == b["subject"] or b["benchmark"] is None or a["value"] <= b["value"]:
            continue
        out.append(dict(subject=a["subject"], relation="outperforms", object=b["subject"], benchmark=b["benchmark"],
                        metric=None, value=None, claimed_by=a["claimed_by"], hedged=a["hedged"], start=a["start"],
                        end=b["end"], recognizer="outperforms_by_scores"))
    return out


def _other_subject_between(ctx: "ClaimLinker", view: SentenceView, subject: str, pos: int) -> bool:
    """A contrasting clause opens, after the subject's last mention and before ``pos``, on a
    capitalised subject that is no name the text knows (« …, tandis que Chatgpt (O1) a … »)."""
    last = max((r.end for r in view.refs if r.model == subject and r.end <= pos), default=None)
    if last is None:
        return False
    m = ctx.p["contrast_subject"].search(ctx.text, last, pos)
    return m is not None and not any(r.start == m.start("name") for r in view.refs)


def _unambiguous(pending: list[dict], named: set[str]) -> list[dict]:
    """The scores, less those of a model the sentence does not name that get several values on
    one test (« GPQA Diamond94,3 %91,3 %92,4 % » under a header of three models: whose is which?)."""
    values: dict[tuple, set] = {}
    for c in pending:
        values.setdefault((c["subject"], c["benchmark"], c["metric"]), set()).add(c["value"])
    return [c for c in pending
            if c["subject"] in named or len(values[(c["subject"], c["benchmark"], c["metric"])]) == 1]


_STRAY_SPACE = patterns.compile(",[ \u00a0](?=\\d$)")  # « 75, 7 % » is 75,7 %


def _no_models_score(ctx: "ClaimLinker", view: SentenceView, a: int) -> bool:
    """The invalidators of a figure at ``a``: a gain (« MMLU-Pro a augmenté de +5,3 % »), a threshold
    crossed (« le premier modèle à dépasser les 1400 points »), a comparison's margin (« dépassant la
    version précédente de près de 20 % »), the score
    of a version the text does not name (« …, une version améliorée atteignant 87,5 % ») or of a
    method or a person (« …, et la méthode du chercheur Jeremy Berman avait atteint 53 % »)."""
    text, s = ctx.text, view.sentence
    if ctx.p["delta"].search(text, max(s.start, a - 30), a) or ctx.p["unnamed_scorer"].search(text, max(s.start, a - 60), a) \
            or ctx.p["threshold"].search(text, max(s.start, a - 80), a) or ctx.p["margin"].search(text, max(s.start, a - 80), a):
        return True
    clause = clause_bounds(text, s.start, s.end, a)[0]
    return not any(clause <= r.start < a for r in view.refs) and ctx.p["not_a_model_scorer"].search(text, clause, a) is not None


def _compared_object(ctx: "ClaimLinker", view: SentenceView, pos: int) -> Optional[str]:
    """The one model named before ``pos`` as a comparison's object, when a subject is named too."""
    before = [r for r in view.refs if r.end <= pos]
    objects = {r.model for i, r in enumerate(before)
               if in_object_position(ctx.text, view.sentence, r, ctx.obj, before[i - 1].end if i else view.sentence.start)}
    subject = ctx.subject_before(view, pos)
    return objects.pop() if len(objects) == 1 and subject and subject not in objects else None


def _coordinated(ctx: "ClaimLinker", view: SentenceView) -> list[str]:
    first = name_runs(ctx.text, view.refs)[:1]
    return [r.model for r in first[0]] if first and len(first[0]) > 1 else []


RANKING_WINDOW = 8  # sentences before a table where its ranking may be named


def _ranking_before(text: str, sviews, first, linker: ClaimLinker) -> Optional[str]:
    """The leaderboard the few sentences before a table name (« qui domine le classement LMArena ? »),
    "" when they speak of a ranking without naming one, None when they speak of none."""
    start = sviews[max(0, first.index - RANKING_WINDOW)].sentence.start
    end = first.sentence.start
    boards = [b for b in linker.benchmarks(start, end) if b[2] in linker.lex.leaderboards]
    if boards:
        return boards[-1][2]
    return "" if linker.lex.cue("ranks.ranking").search(text, start, end) else None


def _ranking_after(text: str, sviews, last, linker: ClaimLinker) -> Optional[str]:
    """The leaderboard the first sentence after a ranked table names when it speaks of a ranking
    (« | 1 | Claude Opus 4.6 thinking | » … then « Le classement de la LMArena pour ce mois … »),
    past a heading; None otherwise."""
    for v in sviews[last.index + 1:last.index + 3]:
        s = v.sentence
        if s.kind == HEADING:
            continue
        boards = [b for b in linker.benchmarks(s.start, s.end) if b[2] in linker.lex.leaderboards]
        return boards[0][2] if boards and linker.lex.cue("ranks.ranking").search(text, s.start, s.end) else None
    return None


def table_scores(text, sviews, sentences, ents, linker: ClaimLinker, intro_source) -> list[RawClaim]:
    out = []
    index = {v.sentence: v for v in sviews}
    refs = RefIndex(ents.refs)
    for table in table_blocks(sentences):
        first = index[table[0]]
        prev = sviews[first.index - 1] if first.index > 0 else None
        by = None
        if prev is not None and text[prev.sentence.start:prev.sentence.end].rstrip().endswith(":"):
            by = intro_source.get(prev.index)
        rank_header = linker.lex.cue("tables.rank_header")
        ranked = any(rank_header.search(text[h.start:h.end]) for h in table[0].cells)
        board = _ranking_before(text, sviews, first, linker) if ranked else None
        if ranked and board is None:
            board = _ranking_after(text, sviews, index[table[-1]], linker)
        for c in cells(text, table, refs):
            if board is not None and rank_header.search(c.label):
                rank = re.fullmatch(r"\s*(\d{1,3})\s*", text[c.cell.start:c.cell.end])
                if rank and int(rank.group(1)) > 0:  # « | Position | Modèle | » under « … le classement LMArena ? »
                    out.append(RawClaim(c.model, "ranks", None, board or None, "position", float(rank.group(1)), by, False,
                                        Provenance(c.cell.start, c.cell.end, c.row.start, c.row.end, "table_rank")))
                continue
            if c.attribute is not None:
                continue
            bench = re.sub(r"\s*\([^)]*\)", "", c.label).strip()
            benches = [b for b in linker.benchmarks(c.label_start, c.label_end)]
            head = text[table[0].cells[0].start:table[0].cells[0].end] if table[0].cells else ""
            if not benches and not linker.lex.cue("tables.benchmark_header").search(head):
                continue  # « Calcul déclaré | 2,788 millions » is not a score
            raw = text[c.cell.start:c.cell.end]
            m = re.match(rf"^({NUM})\s*(%)?", raw)
            if not m:
                continue
            value = numbers.parse_number(m.group(1).replace("\u202f", " ").replace("\u00a0", " "))
            if value is None:
                continue
            metric = "%" if m.group(2) else "score"
            s = c.row
            out.append(RawClaim(c.model, "scores", None, benches[0][2] if benches else bench, metric, value, by, False,
                                Provenance(c.cell.start, c.cell.end, s.start, s.end, "table_score")))
    return out
