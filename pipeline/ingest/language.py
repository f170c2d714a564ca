"""Language identification, offline and deterministic (py3langid's naive Bayes model).

The model is restricted to languages a news corpus plausibly holds, and French gets a prior:
the corpus is French tech news, so a short, ambiguous text ("Meta a publié Llama 4.", where
model names weigh as much as the words) is read as French, while a real paragraph in another
language still wins by far (the English control article scores 1.0 for "en").
The model (about 1 s to load) is loaded once, on first use.
"""
from __future__ import annotations

import re
from functools import lru_cache

FRENCH = "fr"
UNDETERMINED = "und"

LANGUAGES = (
    "fr", "en", "de", "es", "it", "pt", "nl", "ca", "ro", "pl", "cs", "hu", "sv", "da", "no",
    "fi", "el", "tr", "ru", "uk", "ar", "he", "hi", "zh", "ja", "ko", "id", "vi",
)
FRENCH_PRIOR = 10.0  # odds multiplier in favour of French
MAX_CHARS = 2_000  # a few paragraphs decide; keeps every document fast
_MIN_LETTERS = 2

_LETTER = re.compile(r"[^\W\d_]")


def detect_language(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)``; ``("und", 0.0)`` when the text has (almost) no letters."""
    sample = text[:MAX_CHARS]
    if len(_LETTER.findall(sample)) < _MIN_LETTERS:
        return UNDETERMINED, 0.0
    scores = dict(_identifier().rank(sample))
    scores[FRENCH] = scores.get(FRENCH, 0.0) * FRENCH_PRIOR
    total = sum(scores.values()) or 1.0
    language = max(sorted(scores), key=scores.__getitem__)  # sorted: ties break the same way
    return language, scores[language] / total


def is_french(language: str) -> bool:
    return language == FRENCH


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier
