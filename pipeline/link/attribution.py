"""Who makes a claim: « Selon Meta », « Meta affirme », « d'après les tests internes de DeepSeek »,
« la start-up annonce » (the developer of the model the sentence is about); carried to the next
sentences of the paragraph, unless the journalist concludes (« En clair », « donc ») or a leak or
a rumour is reported."""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

from pipeline.link.discourse import SentenceView

if TYPE_CHECKING:
    from pipeline.link.claim_context import ClaimLinker


def sentence_source(ctx: "ClaimLinker", view: SentenceView, subject: Optional[str]) -> Optional[str]:
    s = view.sentence
    text = ctx.text
    if ctx.names_organization(s.start, s.end):  # « Selon Meta », « Meta affirme »: a known organisation
        for pat in ctx.p["attribution"]:
            for m in pat.finditer(text, s.start, s.end):
                who = m.group("who")
                org = organisation(ctx, who)
                if org:
                    return org
    if not ctx.org_of(subject):
        return None  # « selon la start-up »: of no known developer
    if (ctx.p["according_to_developer"].search(text, s.start, s.end) or ctx.p["developer_claims"].search(text, s.start, s.end)
            or ctx.p["internal"].search(text, s.start, s.end)):
        return ctx.org_of(subject)  # « selon la start-up », « d'après ses tests internes »
    return None


def organisation(ctx: "ClaimLinker", who: str) -> Optional[str]:
    orgs = ctx.lex.organizations
    words = who.split()
    for k in range(len(words), 0, -1):
        cand = " ".join(words[:k])
        if cand in orgs:
            return orgs[cand]
    return None


def claimed_by(ctx: "ClaimLinker", view: SentenceView, who: Optional[str]) -> Optional[str]:
    """The sentence's own source, else the paragraph's, unless the journalist concludes."""
    s = view.sentence
    if who:
        return who
    if not (ctx.source and s.block == ctx.source_block):
        return None
    if ctx.p["own"].search(ctx.text, s.start, s.end) or ctx.p["rumour"].search(ctx.text, s.start, s.end):
        return None
    return ctx.source
