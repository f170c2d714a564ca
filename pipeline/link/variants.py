"""Variants of a family and the phrases that refer to them: « Gemma 3 en 1, 4, 12 et 27 milliards »
names four variants; « les trois plus grandes », « la plus petite », « ses trois tailles », « les deux
modèles » refer back to them. (A plural anaphor for names just listed, « Ces modèles », « Tous
trois », is the discourse's: ``SentenceView.group``.)"""
from __future__ import annotations

from bisect import insort
from typing import Optional

from pipeline.lexicons import load
from pipeline.normalize.numbers import parse_number

_CUES = {name: load().cue(f"variants.{name}") for name in ("the_n_most", "the_most", "group_of")}


MAX_GROUP = 16  # sizes of one family a group phrase may refer to (a real family has at most about ten)


class Variants:
    """Size variants named from a family (« Gemma 3 en 1, 4, 12 et 27 milliards »)."""

    def __init__(self) -> None:
        self.by_family: dict[str, list[tuple[int, str]]] = {}  # family model -> [(size, variant)], kept sorted
        self._names: dict[str, set[str]] = {}  # family model -> its variants (each added once, looked up)
        self.last_family: Optional[str] = None
        self.last_pos = -1

    def add(self, family_model: str, size: int, name: str, pos: int = -1) -> None:
        names = self._names.setdefault(family_model, set())
        lst = self.by_family.setdefault(family_model, [])
        if name not in names:
            names.add(name)
            insort(lst, (size, name))
        self.last_family = family_model
        self.last_pos = max(self.last_pos, pos)

    def of(self, family_model: Optional[str]) -> list[str]:
        return [n for _, n in self.by_family.get(family_model or "", [])]

    def any_current(self) -> bool:
        """Whether the family in focus has variants (without copying them)."""
        return bool(self.by_family.get(self.last_family or ""))

    def group(self, phrase_region: str) -> Optional[list[str]]:
        """Plural and superlative references to the variants of the family in focus (« les trois
        plus grandes », « ses trois tailles »); none for a family of more than ``MAX_GROUP``
        sizes, which no phrase names as a whole (a page that lists sizes again and again would give
        each value to all of them)."""
        cur = self.by_family.get(self.last_family or "")
        if not cur or len(cur) > MAX_GROUP:
            return None
        m = _CUES["the_n_most"].search(phrase_region)  # « les trois plus grandes »
        if m:
            k = int(m.group("n")) if m.group("n").isdigit() else (parse_number(m.group("n")) or 0)
            k = int(k)
            return [n for _, n in (cur[-k:] if m.group("big") else cur[:k])]
        m = _CUES["the_most"].search(phrase_region)  # « la plus petite »
        if m:
            return [n for _, n in (cur[-1:] if m.group("big") else cur[:1])]
        if _CUES["group_of"].search(phrase_region):  # « ses trois tailles », « les deux », « leurs fenêtres »
            return [n for _, n in cur]
        return None


def superlative(phrase_region: str) -> bool:
    """« les deux plus grandes », « la plus petite »: about a family's sizes."""
    return bool(_CUES["the_n_most"].search(phrase_region) or _CUES["the_most"].search(phrase_region))


def size_name(value: int) -> str:
    """« 8B », « 1.1B », « 270M » (a size under a billion is written in millions)."""
    if value < 10**9:
        return f"{value / 1e6:g}M"
    return f"{value / 1e9:g}B"


def variant_name(family_model: str, value: int) -> str:
    return f"{family_model} {size_name(value)}"
