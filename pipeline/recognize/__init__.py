"""Recognisers: spaCy components that find mentions in a Doc and store them as frozen records.

Each component reads the Doc's text (:func:`text_of`, and what earlier components stored) and
writes one Doc extension attribute; the link stage reads those to build facts and claims.
"""
from __future__ import annotations

_TEXT_KEY = "pipeline.text"


def text_of(doc) -> str:
    """The Doc's text. ``doc.text`` joins every token again on each access (about a tenth of an
    article's extraction time when every component asked for it); a Doc's text never changes, so
    it is kept in ``doc.user_data`` from the first access (or from the tokenizer, which knows it)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc, text: str) -> None:
    """For a tokenizer whose Doc's text is exactly ``text``."""
    doc.user_data[_TEXT_KEY] = text
