"""Lists the text says are lists of models: the bullets after « voici la liste des modèles
compatibles : » each open on a model's name, bare (« Falcon », « Koala », « MPT ») or not
(« Persimmon 8B »), several to a bullet when slashes or « et » join them (« Pygmalion/Metharme »).

A name the bullet gives after its first words (a note, « (French) », an emoji) is not read; a
bullet that opens on a lower-case word, a number or a common French word names no model. Plain
regular expressions on the segments, no spaCy."""
from __future__ import annotations

import re
from typing import Iterator, Sequence

from pipeline import patterns
from pipeline.lexicons import Lexicons, per_lexicons
from pipeline.recognize.segments import BULLET, Sentence

MAX_WORDS = 3  # words of one name in a bullet (« Chinese LLaMA-2 », « Mistral AI v0.1 »)


@per_lexicons
def _patterns(lex: Lexicons) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    intro = lex.cue("names.model_list_intro")
    # a name: a capitalised word, then words that start with a capital, a digit or a version
    # (« LLaMA 2 », « Persimmon 8B », « Mistral AI v0.1 »)
    name = patterns.compile(r"(?P<name>[A-Z][\w.+-]*(?:[ \u00a0](?:[A-Z0-9]|v\d)[\w.+-]*){0,%d})(?![\w.+-])" % (MAX_WORDS - 1))
    joint = lex.cue("names.model_list_joint")
    return intro, name, joint


def listed_models(text: str, sentences: Sequence[Sentence], lex: Lexicons) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of the names the bullets of a model list open on, left to right."""
    intro, name, joint = _patterns(lex)
    under = False  # the bullets read are under a model list's introduction
    for i, s in enumerate(sentences):
        if s.kind != BULLET:  # (an introduction only matters right before a bullet)
            under = i + 1 < len(sentences) and sentences[i + 1].kind == BULLET and intro.search(text, s.start, s.end) is not None
            continue
        if not under:
            continue
        pos = _after_marker(text, s)
        while pos < s.end:
            m = name.match(text, pos, s.end)
            if m is None:
                break
            word = m.group("name").split()[0].lower()
            if word in lex.common_words:
                break
            yield m.start(), m.end(), m.group("name")
            j = joint.match(text, m.end(), s.end)
            if j is None:
                break
            pos = j.end()


_MARKER = patterns.compile(r"\s*(?:[-*•·▪◦‣]|\d{1,2}[.)])?\s*")


def _after_marker(text: str, s: Sentence) -> int:
    return _MARKER.match(text, s.start, s.end).end()
