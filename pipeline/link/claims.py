"""Claims: comparisons, scores and ranks, one row per (subject, object[, benchmark]).

- Comparisons: a cue (« surpasse », « rivalise avec », « se classe derrière ») with the names
  after it in a coordinated list (« surpasse A, B ou encore C » = three rows), and the subject
  before it (a name that is not itself an object, else the model in focus). With no named object,
  a claim is kept only when a benchmark names what was compared (« sur les benchmarks STEM »).
- Scores: « 70,6 % sur MMLU », « un score ELO de 1417 sur LMArena », « 95,6 sur Arena-Hard »,
  « 1 111 points d'Elo pour X, 1 249 pour Y », « contre 38 % pour X », « respectivement A et B »,
  and benchmark rows of tables. A percentage with no benchmark is not a score.
- Ranks: « la deuxième place », « en tête du classement », « le meilleur modèle ouvert sur ce test ».
- claimed_by: « Selon X », « X affirme », « d'après les tests internes de X », carried to the next
  sentences of the same paragraph (and to a table a sentence introduces) unless the journalist
  concludes (« En clair », « donc »). ``hedged``: promises, forecasts, rumours, the conditional.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from pipeline.lexicons import Lexicons, fr, per_lexicons
from pipeline.link.discourse import LIST_GAP, SentenceView, name_runs, object_cue
from pipeline.link.entities import Entities, Ref, name_key
from pipeline.link.facts import FactLinker, RawFact, is_hedged, variant_name
from pipeline.link.tables import cells, label_attribute, tables
from pipeline.normalize import numbers
from pipeline.recognize.quantities import Quantity
from pipeline.recognize.segments import HEADING, TABLE

ORDINAL_VALUES = {"premier": 1, "première": 1, "deuxième": 2, "second": 2, "seconde": 2, "troisième": 3,
                  "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8,
                  "neuvième": 9, "dixième": 10}
_ORD = "|".join(sorted(ORDINAL_VALUES, key=len, reverse=True))
NUM = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"


@dataclass(frozen=True)
class RawClaim:
    subject: str
    relation: str
    object: Optional[str]
    benchmark: Optional[str]
    metric: Optional[str]
    value: Optional[float]
    claimed_by: Optional[str]
    hedged: bool
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    recognizer: str


@per_lexicons
def _patterns(lex: Lexicons):
    c = lex.cues
    comps = []
    for rel in ("rivals", "ranks_below", "ranks_above", "outperforms"):
        comps.append((rel, re.compile(r"\b" + fr(c["comparisons"][rel]), re.I)))
    # « GPQA Diamond » = « GPQA-Diamond »: spaces and hyphens inside a name are interchangeable
    bench = "|".join(re.sub(r"\\[ -]", "[ -]", re.escape(b)) for b in lex.benchmarks)
    generic = "|".join(fr(g) for g in lex.generic_benchmark_patterns)
    return {
        "comparisons": comps,
        "bench": re.compile(rf"(?<![\w-])(?:{bench})(?![\w-])"),
        "bench_names": {name_key(b): b for b in lex.benchmarks},
        "generic_bench": re.compile(generic) if generic else None,
        "attribution": [re.compile(fr(p)) for p in c["attribution"]],
        "developer": re.compile(fr(c["developer_phrases"]), re.I),
        "own": re.compile(fr(c["own_conclusion"])),
        "internal": re.compile(fr(c["internal"]), re.I),
        "rumour": re.compile(fr(c["rumour"]), re.I),
        "percent": re.compile(rf"(?<![\w,.])(?P<val>{NUM})\s*%"),
        "elo": re.compile(rf"(?:score (?:ELO |Elo |elo )?de |(?<![\w,.]))(?P<val>{NUM})(?:\s*points?)?(?:\s+d['’]\s*[Ee]lo|\s+ELO|\s+Elo)?", re.I),
        "score_de": re.compile(rf"\bscore (?:(?P<metric>ELO|Elo|elo) )?de (?P<val>{NUM})(?:\s*(?P<pct>%))?", re.I),
        "points": re.compile(rf"(?<![\w,.])(?P<val>{NUM})\s*points?(?P<elo> d['’]\s*[Ee]lo)?"),
        "bare_sur": re.compile(rf"(?<![\w,.%-])(?P<val>{NUM})\s+sur\s+(?=[A-Z])"),
        "paren": re.compile(rf"\s*\((?P<val>{NUM})\)"),
        "pour_n": re.compile(rf"(?<![\w,.])(?P<val>{NUM})\s+pour\s+"),
        "rank_place": re.compile(rf"\b(?P<ord>{_ORD})\s+place\b", re.I),
        "rank_ellipsis": re.compile(rf"\b(?:et|puis)\s+(?:la|le)\s+(?P<ord>{_ORD})\b(?!\s+place)", re.I),
        "rank_num": re.compile(r"\b(?P<n>\d{1,3})(?:e|ème|eme|er|re)\s+(?:place|position|rang)\b|\bau\s+(?P<n2>\d{1,3})(?:e|ème)\s+rang\b", re.I),
        "rank_head": re.compile(r"\ben t[eê]te (?:du|des|de) (?:classement|palmarès|leaderboard|LMArena|Chatbot Arena)", re.I),
        "rank_best": re.compile(rf"\ble (?:(?P<ord>{_ORD}) )?meilleur modèle\b|\bnuméro (?:un|1)\b", re.I),
    }


def subject_before(text: str, view: SentenceView, pos: int, obj: re.Pattern) -> Optional[str]:
    """The nearest name before pos in the sentence that is not a comparison object (nor listed after one)."""
    best = None
    prev_end = view.sentence.start
    prev_object = False
    for r in view.refs:
        if r.start >= pos:
            break
        gap = text[prev_end:r.start]
        is_object = bool(obj.search(text, prev_end, r.start)) or bool(prev_object and LIST_GAP.fullmatch(gap))
        if not is_object:
            best = r.model
        prev_object = is_object
        prev_end = r.end
    return best


PASSIVE = re.compile(r"\b(?:est|sont|était|étaient|a été|ont été|serait|seraient|se voit|se voient)\s+(?:\w+\s+)?$")
RANKING_CONTEXT = re.compile(r"\bclassement|\bpalmarès|\bleaderboard|\bpoints?\b|\b[EÉ]lo\b|\bnuméro (?:un|1)\b|\ben tête\b", re.I)
LEADERBOARDS = frozenset({"LMArena", "Chatbot Arena", "LMSYS Chatbot Arena", "WebDev Arena", "Open LLM Leaderboard"})
BENCHMARK_HEADER = re.compile(r"banc|benchmark|test|épreuve|évaluation|score", re.I)
DEMONSTRATIVE = re.compile(r"\b(?:ces|ce|cette|cet)\s+(?:deux\s+|trois\s+|quatre\s+|\d+\s+)?"
                           r"(?:épreuves?|tests?|benchmarks?|évaluations?|bancs? d['’]essai|classements?|domaines?)\b", re.I)


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
        self.block_benchmark: Optional[str] = None  # last benchmark named in the paragraph

    # ---- helpers -----------------------------------------------------------------------
    def benchmarks(self, a: int, b: int) -> list[tuple[int, int, str]]:
        canon = self.p["bench_names"]
        out = [(m.start(), m.end(), canon.get(name_key(m.group(0)), m.group(0)))
               for m in self.p["bench"].finditer(self.text, a, b)]
        if self.p["generic_bench"] is not None:
            for m in self.p["generic_bench"].finditer(self.text, a, b):
                if not any(s <= m.start("name") < e for s, e, _ in out):
                    out.append((m.start("name"), m.end("name"), m.group("name")))
        return sorted(out)

    def org_of(self, model: Optional[str]) -> Optional[str]:
        info = self.ents.get(model) if model else None
        return info.organization if info else None

    def attribution(self, view: SentenceView, subject: Optional[str]) -> Optional[str]:
        s = view.sentence
        text = self.text
        for pat in self.p["attribution"]:
            for m in pat.finditer(text, s.start, s.end):
                who = m.group("who")
                org = self._org(who)
                if org:
                    return org
        m = re.search(r"(?:[Ss]elon|[Dd]['’]après|par)\s+(?:les \w+ \w+ de |les [\w\s]{0,30}? de )?" + self.p["developer"].pattern, text[s.start:s.end])
        if m or re.search(self.p["developer"].pattern + r"\s+(?:(?:le |la |l['’]|les )?présent\w* comme|affirm|assur|annonc|revendiqu|précis|chiffr)",
                          text[s.start:s.end], re.I) or self.p["internal"].search(text, s.start, s.end):
            return self.org_of(subject)  # « selon la start-up », « d'après ses tests internes »
        return None

    def _org(self, who: str) -> Optional[str]:
        orgs = self.lex.organizations
        words = who.split()
        for k in range(len(words), 0, -1):
            cand = " ".join(words[:k])
            if cand in orgs:
                return orgs[cand]
        return None

    def claimed_by(self, view: SentenceView, who: Optional[str]) -> Optional[str]:
        """The sentence's own source, else the paragraph's, unless the journalist concludes."""
        s = view.sentence
        own = self.p["own"].search(self.text, s.start, s.end)
        if who:
            return who
        if own or self.p["rumour"].search(self.text, s.start, s.end):
            return None
        if self.source and s.block == self.source_block:
            return self.source
        return None

    def subject_before(self, view: SentenceView, pos: int) -> Optional[str]:
        return subject_before(self.text, view, pos, self.obj) or view.subject or view.focus

    def add(self, view: SentenceView, **kw) -> None:
        s = view.sentence
        self.claims.append(RawClaim(sentence_start=s.start, sentence_end=s.end, **kw))

    # ---- comparisons -------------------------------------------------------------------
    def comparisons(self, view: SentenceView, by: Optional[str]) -> None:
        text = self.text
        s = view.sentence
        cues = []
        for rel, pat in self.p["comparisons"]:
            for m in pat.finditer(text, s.start, s.end):
                if any(a <= m.start() < b or m.start() <= a < m.end() for a, b, _ in cues):
                    continue
                cues.append((m.start(), m.end(), rel))
        cues.sort()
        # « se classant derrière A et devant B »: the other side of the same ranking
        extra = []
        for a, b, rel in cues:
            if rel in ("ranks_below", "ranks_above"):
                other = "ranks_above" if rel == "ranks_below" else "ranks_below"
                word = r"\bdevant\b" if other == "ranks_above" else r"\bderri[eè]re\b"
                for m in re.finditer(word, text[b:s.end]):
                    extra.append((b + m.start(), b + m.end(), other))
        cues = sorted(cues + [c for c in extra if not any(c[0] < y and x < c[1] for x, y, _ in cues)])
        if RANKING_CONTEXT.search(text, s.start, s.end) or any(
                b in LEADERBOARDS for _, _, b in self.benchmarks(s.start, s.end)):
            # « numéro un avec 1 460 points, devant GPT-5 »: in a ranking, « devant / derrière » rank
            for m in re.finditer(r"\b(devant|derri[eè]re)\b", text[s.start:s.end]):
                a0, b0 = s.start + m.start(), s.start + m.end()
                if not any(x <= a0 < y for x, y, _ in cues):
                    cues.append((a0, b0, "ranks_above" if m.group(1) == "devant" else "ranks_below"))
            cues.sort()
        if not cues:
            return
        prev_end = s.start
        chained: list = []
        for k, (a, b, rel) in enumerate(cues):
            limit = cues[k + 1][0] if k + 1 < len(cues) else s.end
            objects, end = self._objects(view, b, limit)
            subject = self.subject_before(view, a)
            if rel == "outperforms" and re.match(r"\s*\d", text[b:b + 3]):
                prev_end = b
                continue  # « dépasse 81 % »: a score, not a comparison
            if re.search(r"\bfois\s+(?:plus\s+)?$", text[max(s.start, a - 20):a]):
                prev_end = b
                continue  # « un débit trois fois supérieur à celui de X »: a ratio, not a claim
            if not subject:
                continue
            benches = self._comparison_benchmarks(view, rel, a, b, limit)
            if not benches and chained and not re.search(r"\bsur\s+(?:de|des|la|les|l['’]|plusieurs|certains)\b", text[b:limit]):
                benches = chained  # « … sur les benchmarks STEM, surpassant déjà GPT-4.5 »
            if benches:
                chained = benches
            hedged = is_hedged(text, prev_end, end or b, self.lex)
            objects = [o for o in objects if o != subject]
            if not objects:
                if benches and re.search(r"\bmod[eè]les\b", text[b:limit]) and rel == "outperforms":
                    for bs, be, bn in benches[:1]:
                        self.add(view, subject=subject, relation=rel, object=None, benchmark=bn, metric=None, value=None,
                                 claimed_by=by, hedged=hedged, start=a, end=be, recognizer=f"{rel}_no_object")
                prev_end = b
                continue
            passive = PASSIVE.search(text, max(s.start, a - 14), a) and re.match(r"\w*\s+par\b", text[a:b + 6])
            for obj, ostart, oend in objects:
                # « Il est devancé par GPT-4o »: the agent is the one that wins
                subj_, obj_ = (obj, subject) if passive else (subject, obj)
                for bn in ([x[2] for x in benches] or [None]):
                    self.add(view, subject=subj_, relation=rel, object=obj_, benchmark=bn, metric=None, value=None,
                             claimed_by=by, hedged=hedged, start=a, end=oend, recognizer=f"{rel}_{'passive' if passive else 'cue'}")
            prev_end = b

    def _nearest_benchmark(self, view: SentenceView, pos: int) -> list:
        found = self.benchmarks(view.sentence.start, view.sentence.end)
        if not found:
            return []
        return [min(found, key=lambda x: abs(x[0] - pos))]

    def _earlier_benchmarks(self, view: SentenceView) -> list:
        """Benchmarks of the previous sentence of the same paragraph."""
        return self.prev_benchmarks if self.prev_block == view.sentence.block else []

    def _comparison_benchmarks(self, view: SentenceView, rel: str, a: int, b: int, limit: int) -> list:
        """What a comparison was measured on: named after the cue (« devance X sur MMLU »), a
        demonstrative (« sur ces deux épreuves »), or, for a ranking, the leaderboard of the
        sentence or of the previous sentence."""
        after = self.benchmarks(b, limit)
        if after:
            return after
        if DEMONSTRATIVE.search(self.text, b, limit):
            return self._earlier_benchmarks(view)
        if rel in ("ranks_below", "ranks_above"):
            return self._nearest_benchmark(view, a) or self._earlier_benchmarks(view)[-1:]
        return []

    def _objects(self, view: SentenceView, start: int, limit: int):
        text = self.text
        out = []
        pos = start
        first = True
        for r in view.refs:
            if r.start < start or r.start >= limit:
                continue
            gap = text[pos:r.start]
            gap_clean = re.sub(r"\b(?:d['’]|de )\s*[A-Z][\w-]*(?: [A-Z][\w-]*)?", "", gap)
            if first:
                if len(gap) > 70 or re.search(r"[.;:!?]", gap) or (
                        re.search(r",", gap) and not re.search(r"\b(?:comme|notamment|avec|à|que|de)\s+(?:le |la |l['’]|les )?$", gap)):
                    break
            elif not re.fullmatch(r"[\s,]*(?:et|ou|ou encore|ainsi que|comme)?[\s,]*(?:de |d['’]|du |à |avec )?(?:le |la |l['’]|les )?(?:\([^)]*\)\s*)?", gap_clean):
                break
            out.append((r.model, r.start, r.end))
            pos = r.end
            first = False
        if not out:
            m = re.match(r"\s*(?:\w+\s+){0,2}?lui\b", text[start:limit])
            if m:
                last_other = None
                for r in view.refs:
                    if r.start < start:
                        last_other = r.model
                if last_other is None:
                    last_other = view.last
                subj = self.subject_before(view, start)
                if last_other and last_other != subj:
                    return [(last_other, start, start + m.end())], start + m.end()
        return out, (out[-1][2] if out else None)

    # ---- scores and ranks --------------------------------------------------------------
    def scores(self, view: SentenceView, by: Optional[str]) -> None:
        text = self.text
        s = view.sentence
        found = []  # (start, end, value, metric)
        for m in self.p["percent"].finditer(text, s.start, s.end):
            found.append((m.start(), m.end(), m.group("val"), "%"))
        for m in self.p["score_de"].finditer(text, s.start, s.end):
            if not any(a <= m.start("val") < b for a, b, _, _ in found):
                metric = "%" if m.group("pct") else ("ELO" if m.group("metric") else "score")
                found.append((m.start("val"), m.end(), m.group("val"), metric))
        for m in self.p["points"].finditer(text, s.start, s.end):
            if not any(a <= m.start("val") < b for a, b, _, _ in found) and not re.match(r"\s*(?:d['’]avance|d['’]écart|de plus|de moins|de retard)", text[m.end():m.end() + 12]):
                found.append((m.start("val"), m.end(), m.group("val"), "ELO" if m.group("elo") else "points"))
        for m in self.p["bare_sur"].finditer(text, s.start, s.end):
            if not any(a <= m.start("val") < b for a, b, _, _ in found):
                if self.benchmarks(m.end(), min(s.end, m.end() + 40)):
                    found.append((m.start("val"), m.end("val"), m.group("val"), "score"))
        found.sort()
        if not found:
            return
        metric_seen = next((f[3] for f in found if f[3] in ("ELO", "points")), None)
        # « 1 249 pour Gemini 1.5 Pro »: list items after an Elo or points score
        if metric_seen:
            for m in self.p["pour_n"].finditer(text, s.start, s.end):
                if not any(a <= m.start("val") < b for a, b, _, _ in found):
                    found.append((m.start("val"), m.end("val"), m.group("val"), metric_seen))
            for r in view.refs:
                pm = self.p["paren"].match(text, r.end)
                if pm:
                    found.append((r.end + pm.start("val"), r.end + pm.end("val"), pm.group("val"), metric_seen))
            found.sort()
        resp = re.search(r"\brespectivement\b", text[s.start:s.end])
        if resp:  # « obtiennent respectivement 89,4 et 85,5 sur Arena-Hard »: every listed value
            for m in re.finditer(rf"(?<![\w,.])(?P<val>{NUM})(?P<pct>\s*%)?(?=\s*(?:,|et)\s)", text[s.start + resp.end():s.end]):
                a0 = s.start + resp.end() + m.start("val")
                if not any(x <= a0 < y for x, y, _, _ in found):
                    found.append((a0, s.start + resp.end() + m.end(), m.group("val"), "%" if m.group("pct") else "score"))
            found.sort()
        resp_targets = None
        if resp and len(found) >= 2:
            coord = self._coordinated(view)
            benches_here = self.benchmarks(s.start, s.end)
            if coord and len(coord) == len(found):
                resp_targets = [("subject", m) for m in coord]
            elif not benches_here and len(self.prev_benchmarks) >= len(found):
                names = []
                for _, _, n in self.prev_benchmarks:
                    if n not in names:
                        names.append(n)
                if len(names) == len(found):
                    resp_targets = [("bench", n) for n in names]
        last_pour = None
        last_bench = None
        for i, (a, b, raw, metric) in enumerate(found):
            value = numbers.parse_number(raw.replace("\u202f", " ").replace("\u00a0", " "))
            if value is None:
                continue
            after = text[b:min(s.end, b + 80)]
            subject = None
            bench = None
            pour = re.match(r"\s*(?:d['’]\s*[Ee]lo\s*)?pour\s+(?:le |la |l['’])?", after)
            if pour:
                ref = next((r for r in view.refs if b + pour.end() <= r.start <= b + pour.end() + 2), None)
                if ref:
                    subject = ref.model
                    last_pour = subject
                elif re.match(r"\s*(?:d['’]\s*[Ee]lo\s*)?pour\s+(?:le|la|les|l['’]|son|sa|ses|leur|un|une)\b", after):
                    continue  # « contre 70 % pour la version précédente »: not a named model
            if subject is None and re.search(r"\bcontre\s+$", text[max(s.start, a - 12):a]) and last_pour:
                subject = last_pour  # « …, contre 50,6 % » : the model of the last « pour X »
            if any(r.start <= a < r.end for r in view.refs):
                continue  # a digit inside a model name (« GPT-4.1 sur … »)
            target_bench = None
            if resp_targets:
                kind, target = resp_targets[i]
                if kind == "subject":
                    subject = target
                else:
                    target_bench = target
            if subject is None:
                subject = self.subject_before(view, a)
            bm = re.match(r"\s*(?:sur|à|au|en|dans)\s+(?:le |la |l['’]|les )?(?:test |benchmark |classement )?", after)
            if target_bench:
                bench = target_bench
            elif bm:
                bl = self.benchmarks(b + bm.end(), min(s.end, b + bm.end() + 30))
                if bl and bl[0][0] == b + bm.end():
                    bench = bl[0][2]
            if bench is None and resp_targets and found:
                tail = re.match(r"\s*(?:%\s*)?(?:sur|à|au|en)\s+(?:le |la |l['’])?", text[found[-1][1]:s.end])
                after_list = self.benchmarks(found[-1][1] + tail.end(), min(s.end, found[-1][1] + tail.end() + 30)) if tail else []
                bench = after_list[0][2] if after_list else None  # « respectivement 89,4 et 85,5 sur Arena-Hard »
            if bench is None and last_bench and re.search(r"\bcontre\s+$", text[max(s.start, a - 12):a]):
                bench = last_bench  # « 64 % …, contre 38 % pour X »: the same test
            if bench is None:
                before = self.benchmarks(s.start, a)
                if before:
                    bench = before[-1][2]  # « Sur MMLU, …, il obtient 70,6 % »
            if bench is None and re.search(r"\by\b|\bce (?:test|classement)\b", text[s.start:a]):
                earlier = self._earlier_benchmarks(view)
                bench = earlier[-1][2] if earlier else None
                if bench is None and metric == "%" and re.match(r"\s*des\s+(?:probl[eè]mes|questions|t[aâ]ches|exercices)", after):
                    bench = "évaluation (non nommée)"  # « il y résout 64 % des problèmes »
            if bench is None and metric in ("ELO", "points"):
                bench = self.block_benchmark or (self.prev_benchmarks[-1][2] if self.prev_benchmarks else None)
            if bench is None:
                continue  # a percentage or a number with no benchmark is not a score
            if metric == "%" and re.match(r"\s*(?:de|des|d['’])\s+(?!probl)", after):
                continue  # « 40 % de données synthétiques »
            last_bench = bench
            if not subject:
                continue
            hedged = is_hedged(text, s.start, a, self.lex)
            self.add(view, subject=subject, relation="scores", object=None, benchmark=bench, metric=metric,
                     value=value, claimed_by=by, hedged=hedged, start=a, end=b, recognizer=f"score_{metric.strip('%') or 'percent'}")

    def _coordinated(self, view: SentenceView) -> list[str]:
        first = name_runs(self.text, view.refs)[:1]
        return [r.model for r in first[0]] if first and len(first[0]) > 1 else []

    def ranks(self, view: SentenceView, by: Optional[str]) -> None:
        text = self.text
        s = view.sentence
        hits = []
        for m in self.p["rank_place"].finditer(text, s.start, s.end):
            hits.append((m.start(), m.end(), ORDINAL_VALUES[m.group("ord").lower()]))
        if hits:
            for m in self.p["rank_ellipsis"].finditer(text, hits[0][1], s.end):
                hits.append((m.start("ord"), m.end(), ORDINAL_VALUES[m.group("ord").lower()]))
        for m in self.p["rank_num"].finditer(text, s.start, s.end):
            hits.append((m.start(), m.end(), int(m.group("n"))))
        for m in self.p["rank_head"].finditer(text, s.start, s.end):
            hits.append((m.start(), m.end(), 1))
        for m in self.p["rank_best"].finditer(text, s.start, s.end):
            ordv = ORDINAL_VALUES[m.group("ord").lower()] if m.group("ord") else 1
            hits.append((m.start(), m.end(), ordv))
        for a, b, value in sorted(hits):
            subject = self.subject_before(view, a)
            if not subject:
                continue
            near = self._nearest_benchmark(view, a) or self._earlier_benchmarks(view)[-1:]
            bench = near[0][2] if near else None
            if bench is None and not re.search(r"classement|palmarès|leaderboard|test|API", text[s.start:s.end], re.I):
                continue
            self.add(view, subject=subject, relation="ranks", object=None, benchmark=bench, metric="position",
                     value=float(value), claimed_by=by, hedged=is_hedged(text, s.start, a, self.lex),
                     start=a, end=b, recognizer="rank")

    # ---- driver ------------------------------------------------------------------------
    def sentence(self, view: SentenceView) -> None:
        s = view.sentence
        if s.kind == TABLE:
            return
        who = self.attribution(view, view.topic)
        self.sources[view.index] = who
        by = self.claimed_by(view, who)
        self.comparisons(view, by)
        self.scores(view, by)
        self.ranks(view, by)
        if who:
            self.source, self.source_block = who, s.block
        elif s.block != self.source_block or self.p["own"].search(self.text, s.start, s.end):
            self.source, self.source_block = None, -1
        if s.kind == HEADING:
            self.source, self.source_block = None, -1
        found = self.benchmarks(s.start, s.end)
        if s.block != self.prev_block:
            self.block_benchmark = None
        self.prev_benchmarks, self.prev_block = found, s.block
        if found:
            self.block_benchmark = found[-1][2]


def link(text: str, sviews: list[SentenceView], sentences, ents: Entities, quantities, lex: Lexicons) -> list[RawClaim]:
    linker = ClaimLinker(text, ents, lex)
    intro_source: dict[int, Optional[str]] = {}
    for view in sviews:
        linker.sentence(view)
        if view.sentence.kind != TABLE:
            intro_source[view.index] = linker.sources.get(view.index) or (
                linker.source if text[view.sentence.start:view.sentence.end].rstrip().endswith(":") else None)
    linker.claims += _table_scores(text, sviews, sentences, ents, linker, intro_source)
    return linker.claims


def _table_scores(text, sviews, sentences, ents, linker: ClaimLinker, intro_source) -> list[RawClaim]:
    out = []
    index = {v.sentence: v for v in sviews}
    for table in tables(sentences):
        first = index[table[0]]
        prev = sviews[first.index - 1] if first.index > 0 else None
        by = None
        if prev is not None and text[prev.sentence.start:prev.sentence.end].rstrip().endswith(":"):
            by = intro_source.get(prev.index)
        for c in cells(text, table, ents.refs):
            if c.attribute is not None:
                continue
            bench = re.sub(r"\s*\([^)]*\)", "", c.label).strip()
            benches = [b for b in linker.benchmarks(c.label_start, c.label_end)]
            head = text[table[0].cells[0].start:table[0].cells[0].end] if table[0].cells else ""
            if not benches and not BENCHMARK_HEADER.search(head):
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
                                c.cell.start, c.cell.end, s.start, s.end, "table_score"))
    return out


def table_facts(text: str, sentences, ents: Entities, quantities: list[Quantity], linker: FactLinker) -> list[RawFact]:
    out = []
    for table in tables(sentences):
        for c in cells(text, table, ents.refs):
            if c.attribute in (None, "experts_per_token"):
                continue
            qs = [q for q in quantities if c.cell.start <= q.start < c.cell.end]
            if not qs:
                continue
            s = c.row
            if c.attribute == "params_total" and len(qs) > 1:  # « 7, 13 et 70 milliards »: the family's sizes
                scale = next((q.scale for q in reversed(qs) if q.scale), None)
                info = ents.get(c.model)
                for q in qs:
                    v = q.value if q.scale else numbers.quantity_value(q.number, scale)
                    if v is None or info is None:
                        continue
                    name = ents.add_model(variant_name(info.name, v), info.family, info.organization, q.start)
                    linker.variants.add(info.name, v, name, q.start)
                    out.append(RawFact(name, "params_total", v, False, q.start, q.unit_end, s.start, s.end, "table_family_sizes"))
                continue
            q = qs[0]
            if q.value is None:
                continue
            value = q.value
            out.append(RawFact(c.model, c.attribute, value, False, q.start, q.unit_end, s.start, s.end, "table_cell"))
    return out


def organization_facts(text: str, sviews: list[SentenceView], ents: Entities, lex: Lexicons) -> list[RawFact]:
    """« le GPT-4o d'OpenAI », « Gemini 2.0 Flash de Google »; « Meta dévoile X, sa nouvelle série »."""
    orgs = "|".join(re.escape(o) for o in sorted(lex.organizations, key=len, reverse=True))
    genitive = re.compile(rf"\s+(?:d['’]|de\s+)(?P<org>{orgs})\b(?!\s+(?:AI\b|a\b|avait\b))")
    unveil = re.compile(rf"(?P<org>{orgs})\s+(?:l[eè]ve le voile sur|d[ée]voile|pr[ée]sente|lance|annonce|publie|d[ée]gaine)\s+$")
    possessive = re.compile(r",\s+(?:sa|son|ses)\s+(?:nouvelle|nouveau|nouveaux|nouvelles)\s+(?:série|famille|gamme|génération|modèle)")
    made_by = re.compile(rf"\s*,?\s*(?:(?:qui\s+)?(?:a été|est|était|ont été|sont)\s+)?(?:développée?|conçue?|créée?|mise? au point|entraînée?|publiée?|lancée?|dévoilée?)\s+par\s+"
                         rf"(?:(?:la|le|l['’])\s*(?:start-up|société|laboratoire|entreprise|groupe|firme)?\s*(?:\w+\s+)?)?(?P<org>{orgs})\b")
    out = []
    for view in sviews:
        s = view.sentence
        for r in view.refs:
            m = genitive.match(text, r.end)
            if m and not re.match(r"\s*(?:lui|le classement)", text[m.end():m.end() + 12]):
                out.append(RawFact(r.model, "organization", lex.organizations[m.group("org")], False, r.start, m.end(),
                                   s.start, s.end, "organization_genitive"))
                continue
            d = made_by.match(text, r.end, s.end)
            if d and not any(r.end < x.start < d.start("org") for x in view.refs):
                out.append(RawFact(r.model, "organization", lex.organizations[d.group("org")], False, r.start, d.end(),
                                   s.start, s.end, "organization_made_by"))  # « Grok 3, développé par xAI »
                continue
            u = unveil.search(text[max(s.start, r.start - 60):r.start])
            if u and possessive.match(text, r.end):
                a = max(s.start, r.start - 60) + u.start()
                out.append(RawFact(r.model, "organization", lex.organizations[u.group("org")], False, a, r.end,
                                   s.start, s.end, "organization_unveils"))
    return out
