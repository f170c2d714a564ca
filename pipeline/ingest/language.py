"""Language identification, offline and deterministic.

Two steps:

1. **Function words** (``lexicons/languages.yaml``): a text whose first paragraphs hold many
   French function words (« dans », « avec », « une », « est », …) and nearly free of other
   languages' ones is French. This settles nearly every article of a French news corpus in
   microseconds, without loading a model.
2. **py3langid's naive Bayes model** for every other text. The model is restricted to languages a
   news corpus plausibly holds, and French gets a prior: the corpus is French tech news, so a
   short, ambiguous text ("Meta a publié Llama 4.", where model names weigh as much as the words)
   is read as French, while a real paragraph in another language still wins by far (the English
   control article scores 1.0 for "en"). The model (about 0.5 s to load) is loaded on first use,
   so a run whose articles are all plainly French never loads it.

Step 1 only ever answers "fr" where the model would too (``tests/ingest/test_language.py``
checks both on the project's corpora); everything it is unsure of goes to step 2.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.lexicons import HERE as LEXICONS, LexiconError, read_data

FRENCH = "fr"
UNDETERMINED = "und"

LANGUAGES = (
    "fr", "en", "de", "es", "it", "pt", "nl", "ca", "ro", "pl", "cs", "hu", "sv", "da", "no",
    "fi", "el", "tr", "ru", "uk", "ar", "he", "hi", "zh", "ja", "ko", "id", "vi",
)
FRENCH_PRIOR = 10.0  # odds multiplier in favour of French
MAX_CHARS = 2_000  # a few paragraphs decide; keeps every document fast
_MIN_LETTERS = 2

# Step 1 thresholds: enough French function words, a fair share of the words, and far more than
# the other languages' (on 10 000 generated articles, French articles have a median of 26 of them,
# 11 % of their words, and 0 to 3 of the other languages' words; the English control article 0
# and 54). With these, 9 999 of those 10 000 French articles are settled
# here, every one of them French for the model too; a short title, or French text quoting much
# English, goes to the model.
MIN_FRENCH_WORDS = 5
MIN_FRENCH_SHARE = 0.03
MIN_FRENCH_ODDS = 3.0

_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Markers:
    french: frozenset[str]
    others: frozenset[str]


def detect_language(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)``; ``("und", 0.0)`` when the text has (almost) no letters.

    The probability is the model's; for a text settled by its function words, the share of
    French among the function words found."""
    sample = text[:MAX_CHARS]
    words = _WORD.findall(sample.lower())  # runs of letters: read once for both checks
    if sum(map(len, words)) < _MIN_LETTERS:
        return UNDETERMINED, 0.0
    share = _french_share(words, load_markers())
    if share is not None:
        return FRENCH, share
    return model_language(sample)


def french_by_function_words(text: str, markers: Markers | None = None) -> float | None:
    """The share of French among the function words of ``text`` when they make it plainly French;
    ``None`` when the model must decide."""
    return _french_share(_WORD.findall(text.lower()), markers or load_markers())


def _french_share(words: list[str], markers: Markers) -> float | None:
    if not words:
        return None
    french = sum(1 for w in words if w in markers.french)
    other = sum(1 for w in words if w in markers.others)
    if french < MIN_FRENCH_WORDS or french < MIN_FRENCH_SHARE * len(words) or french < MIN_FRENCH_ODDS * other:
        return None
    return french / (french + other)


def model_language(text: str) -> tuple[str, float]:
    """The statistical model's answer, French prior included."""
    scores = dict(_identifier().rank(text[:MAX_CHARS]))
    scores[FRENCH] = scores.get(FRENCH, 0.0) * FRENCH_PRIOR
    total = sum(scores.values()) or 1.0
    language = max(sorted(scores), key=scores.__getitem__)  # sorted: ties break the same way
    return language, scores[language] / total


def is_french(language: str) -> bool:
    return language == FRENCH


@lru_cache(maxsize=1)
def load_markers() -> Markers:
    """``lexicons/languages.yaml``, validated: lists of lower-case words, no word on both sides."""
    where = "languages.yaml"
    data = read_data(where, LEXICONS)

    def words(value, key: str) -> frozenset[str]:
        if not (isinstance(value, list) and value and all(isinstance(w, str) and w == w.lower() and _WORD.fullmatch(w)
                                                          for w in value)):
            raise LexiconError(f"{where}: {key}: expected a list of lower-case words")
        return frozenset(value)

    if not isinstance(data.get("others"), dict):
        raise LexiconError(f"{where}: expected 'french' and 'others' (a mapping of languages)")
    french = words(data.get("french"), "french")
    others = frozenset().union(*(words(v, f"others.{k}") for k, v in data["others"].items()))
    shared = french & others
    if shared:
        raise LexiconError(f"{where}: words listed as French and as another language: {sorted(shared)}")
    return Markers(french, others)


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier
