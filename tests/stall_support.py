"""Test seam for the time budget: an extraction that stalls (a pure-Python loop, as a super-linear
rule would) on articles whose text holds :data:`MARKER`, or raises on :data:`RAISE_MARKER`.
Nothing of this is in the pipeline: a test patches it in (:func:`install`), in its own process
with monkeypatch, and in the local workers by making the fork server preload
:mod:`tests.stall_preload` instead of :mod:`pipeline.engines.preload`."""
from __future__ import annotations

import time

MARKER = "Ce paragraphe fait caler l'extraction."
RAISE_MARKER = "Ce paragraphe fait échouer l'extraction."
STALL_SECONDS = 60.0  # far beyond the budget the tests give; a test that hangs this long has failed


def stalling(process):
    """``Extractor.process``, stalling or raising on the markers."""
    def patched(self, article):
        if MARKER in (article.text or ""):
            deadline = time.monotonic() + STALL_SECONDS
            while time.monotonic() < deadline:  # busy: no system call to interrupt, only bytecodes
                pass
        if RAISE_MARKER in (article.text or ""):
            raise RuntimeError("a rule broke on this article")
        return process(self, article)

    patched.stalling = True
    return patched


def install() -> None:
    from pipeline.extract import Extractor

    if not getattr(Extractor.process, "stalling", False):
        Extractor.process = stalling(Extractor.process)
