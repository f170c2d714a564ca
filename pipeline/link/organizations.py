"""Organisation facts, where the text says who makes a model: « le GPT-4o d'OpenAI », « Grok 3,
développé par xAI », « Meta lève le voile sur Llama 4, sa nouvelle série »."""
from __future__ import annotations

import re

from pipeline import patterns
from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.link.discourse import SentenceView
from pipeline.link.entities import Entities
from pipeline.link.raw import Provenance, RawFact


def organization_facts(text: str, sviews: list[SentenceView], ents: Entities, lex: Lexicons) -> list[RawFact]:
    """« le GPT-4o d'OpenAI », « Gemini 2.0 Flash de Google »; « Meta dévoile X, sa nouvelle série »."""
    genitive, unveil, possessive, made_by = _patterns(lex)
    out = []
    for view in sviews:
        s = view.sentence
        for r in view.refs:
            m = genitive.match(text, r.end)
            if m and not re.match(r"\s*(?:lui|le classement)", text[m.end():m.end() + 12]):
                out.append(RawFact(r.model, "organization", lex.organizations[m.group("org")], False,
                                   Provenance(r.start, m.end(), s.start, s.end, "organization_genitive")))
                continue
            d = made_by.match(text, r.end, s.end)
            if d and not any(r.end < x.start < d.start("org") for x in view.refs):
                out.append(RawFact(r.model, "organization", lex.organizations[d.group("org")], False,
                                   Provenance(r.start, d.end(), s.start, s.end, "organization_made_by")))  # « Grok 3, développé par xAI »
                continue
            u = unveil.search(text[max(s.start, r.start - 60):r.start])
            if u and possessive.match(text, r.end):
                a = max(s.start, r.start - 60) + u.start()
                out.append(RawFact(r.model, "organization", lex.organizations[u.group("org")], False,
                                   Provenance(a, r.end, s.start, s.end, "organization_unveils")))
    return out


@per_lexicons
def _patterns(lex: Lexicons) -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """After a model's name, its developer: « d'OpenAI », « , développé par xAI »; before it, « Meta
    dévoile »; after it, « , sa nouvelle série »."""
    orgs = patterns.alternation(lex.organizations)
    genitive = patterns.compile(rf"\s+(?:d['’]|de\s+)(?P<org>{orgs})\b(?!\s+(?:AI\b|a\b|avait\b))")
    unveil = patterns.compile(rf"(?P<org>{orgs})\s+(?:l[eè]ve le voile sur|d[ée]voile|pr[ée]sente|lance|annonce|publie|d[ée]gaine)\s+$")
    possessive = patterns.compile(r",\s+(?:sa|son|ses)\s+(?:nouvelle|nouveau|nouveaux|nouvelles)\s+(?:série|famille|gamme|génération|modèle)")
    made_by = patterns.compile(rf"\s*,?\s*(?:(?:qui\s+)?(?:a été|est|était|ont été|sont)\s+)?(?:développée?|conçue?|créée?|mise? au point|entraînée?|publiée?|lancée?|dévoilée?)\s+par\s+"
                               rf"(?:(?:la|le|l['’])\s*(?:start-up|société|laboratoire|entreprise|groupe|firme)?\s*(?:\w+\s+)?)?(?P<org>{orgs})\b")
    return genitive, unveil, possessive, made_by
