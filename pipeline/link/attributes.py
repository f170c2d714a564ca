"""Which attribute a quantity states, from its unit and the words of its clause.

Rules, in order:
1. Parameters: params_active when « actifs / activés » follows the number (not after « sur un total
   de »), else params_total.
2. Experts: the expert count, unless the experts are those routed per token (« dont 8 sont
   sollicités par jeton », « sélectionne deux experts »).
3. Tokens: none when the count is a speed, a price, an output limit or a lab test (« par
   seconde », « en sortie »); after « contre », the attribute of the previous token count
   (« 128K jetons de contexte, contre 32K pour … »); else the nearest training or context cue
   before it in its clause (« une fenêtre de 128k tokens et a été entraîné sur … »), else one
   after it (« 15,5 trillions de tokens de pré-entraînement »), else the sentence's (training
   for a count of a billion tokens or more, which no context window holds).
"""
from __future__ import annotations

from typing import Optional

from pipeline import patterns
from pipeline.link.cues import clause_bounds
from pipeline.link.tables import label_attribute
from pipeline.link.units import bullet_label
from pipeline.recognize.quantities import EXPERTS, PARAMS, TOKENS, Quantity
from pipeline.recognize.segments import Sentence


def attribute_of(text: str, q: Quantity, unit: str, s: Sentence, cues: dict, *,
                 previous_token_attribute: Optional[str] = None, memo: Optional[dict] = None) -> Optional[str]:
    """The attribute ``q`` (of ``unit``) states in sentence ``s``, or None. A bullet's label says
    it first (« - Paramètres actifs : 40 Md », « - Vocabulaire : 200 000 jetons » is no fact).
    ``memo``: a dict kept for the sentence (``SentenceView.memo``), where what holds for the whole
    sentence is kept once found."""
    label = bullet_label(text, s)
    if label is not None and text.find(label, s.start, q.start) >= 0:
        if unit == TOKENS and cues["trap"].search(label):
            return None
        if unit == PARAMS and label_attribute(label) == "params_active":
            return "params_active"
    if unit == PARAMS:
        if q.active and cues["total_named_before"].search(text, max(s.start, q.start - 40), q.start):
            return "params_total"  # « sur un total de 671 milliards par jeton traité »
        return "params_active" if q.active or _active_before(text, q, s, cues) else "params_total"
    if unit == EXPERTS:
        return None if _routed_per_token(text, q, s, cues) else "experts"
    if unit == TOKENS:
        return _token_attribute(text, q, s, cues, previous_token_attribute, {} if memo is None else memo)
    return None


def _active_before(text: str, q: Quantity, s: Sentence, cues: dict) -> bool:
    """« activant chacun 5,1 milliards », « n'en active que 17 milliards », « n'activent qu'une partie
    de leurs paramètres - environ 17 milliards »; but « 17 milliards activés sur 109 milliards » is
    the total."""
    a = max(s.start, q.start - 40)
    if cues["total_before"].search(text, a, q.start):
        return False
    return bool(cues["active_before"].search(text, a, q.start)
                or cues["active_part"].search(text, max(s.start, q.start - ACTIVE_PART), q.start))


ACTIVE_PART = 90  # « n'activent qu'une partie de leurs paramètres à la fois - environ »: characters before the value


def _routed_per_token(text: str, q: Quantity, s: Sentence, cues: dict) -> bool:
    """« 384 experts, dont 8 sollicités par jeton », « passe par 8 experts sélectionnés »,
    « sélectionne deux experts »: the experts used for each token, not the model's count."""
    before = text[max(s.start, q.start - 40):q.start]
    after = text[q.unit_end:min(s.end, q.unit_end + 40)]
    if cues["routing_before"].search(before) or cues["routing_after"].match(after):
        return True
    return bool(cues["partitive"].search(text, max(s.start, q.start - 30), q.start)
                and cues["per_token"].search(text, q.end, min(s.end, q.unit_end + 40)))


def _token_attribute(text: str, q: Quantity, s: Sentence, cues: dict, previous: Optional[str], memo: dict) -> Optional[str]:
    a, b = clause_bounds(text, s.start, s.end, q.start)
    after = text[q.unit_end:min(b, q.unit_end + 40)]  # « 200 000 tokens, avec … en sortie »: another clause
    after, *nxt = _NEXT_NUMBER.split(after, 1)  # « 200 Ko et pour 64 000 jetons de sortie »: the next value's
    if nxt:  # … and what the joint before it introduces (« … de tokens et de sortie de 8 000 »)
        after = cues["next_value_joint"].split(after, 1)[0]
    if cues["trap"].search(after) or cues["trap"].search(text[max(a, q.start - 40):q.start]):
        return None
    if cues["against"].match(text[a:q.start]) and previous:
        return previous
    before = [(m.end(), "training_tokens") for m in cues["training"].finditer(text, a, q.start)] + \
             [(m.end(), "context_tokens") for m in cues["context"].finditer(text, a, q.start)]
    if before:
        return max(before)[1]
    if cues["training"].search(text, q.start, b):
        return "training_tokens"
    if cues["context"].search(text, q.start, b):
        return "context_tokens"
    found = _sentence_token_attribute(text, s, cues, memo)
    if found == "context_tokens" and (q.value or 0) >= NO_WINDOW:
        return "training_tokens"  # « une quantité colossale de 14,8 trillions de tokens analysés »: no window is that long
    return found


_NEXT_NUMBER = patterns.compile(r"\d")  # where the next value starts
NO_WINDOW = 10**9  # tokens: a count this large that no cue types is the training data's, never a context window


def _sentence_token_attribute(text: str, s: Sentence, cues: dict, memo: dict) -> str:
    """The sentence's: training when it speaks of training and not of a context (each of its token
    counts used to search the whole sentence again)."""
    found = memo.get("sentence_token_attribute")
    if found is None:
        training = cues["training"].search(text, s.start, s.end) and not cues["context"].search(text, s.start, s.end)
        found = memo["sentence_token_attribute"] = "training_tokens" if training else "context_tokens"
    return found
