"""Test seam for the time budget and for workers that die: an extraction that stalls (a pure-Python
loop, as a super-linear rule would) on articles whose text holds :data:`MARKER`, raises on
:data:`RAISE_MARKER`, takes its time (a second's sleep) on :data:`SLOW_MARKER`, or kills its
process with SIGKILL (as the out-of-memory killer would) on :data:`KILL_MARKER`, or on every
article when the environment variable :data:`KILL_ALL` is set (a run whose workers cannot work at
all); a reading that kills its process on a file whose bytes hold :data:`READ_KILL_MARKER`, or
stalls (parsing the file's text) on :data:`READ_MARKER`.
Nothing of this is in the pipeline: a test patches it in (:func:`install`), in its own process
with monkeypatch, in a run's process with :mod:`tests.stall_cli`, and in the local workers by
making the fork server preload :mod:`tests.stall_preload` instead of
:mod:`pipeline.engines.preload`."""
from __future__ import annotations

import os
import signal
import time

MARKER = "Ce paragraphe fait caler l'extraction."
RAISE_MARKER = "Ce paragraphe fait échouer l'extraction."
KILL_MARKER = "Ce paragraphe fait mourir le processus qui l'extrait."
SLOW_MARKER = "Ce paragraphe prend son temps."
READ_KILL_MARKER = "Cette page fait mourir le processus qui la lit."
READ_MARKER = "Cette page fait caler sa lecture."
KILL_ALL = "PIPELINE_TEST_KILL_EVERY_EXTRACTION"
SLOW_SECONDS = 1.0
STALL_SECONDS = 60.0  # far beyond the budget the tests give; a test that hangs this long has failed


def stalling(process):
    """``Extractor.process``, stalling, raising or dying on the markers."""
    def patched(self, article):
        if KILL_MARKER in (article.text or "") or os.environ.get(KILL_ALL):
            os.kill(os.getpid(), signal.SIGKILL)
        if MARKER in (article.text or ""):
            _busy()
        if RAISE_MARKER in (article.text or ""):
            raise RuntimeError("a rule broke on this article")
        if SLOW_MARKER in (article.text or ""):
            time.sleep(SLOW_SECONDS)
        return process(self, article)

    patched.stalling = True
    return patched


def _busy() -> None:
    deadline = time.monotonic() + STALL_SECONDS
    while time.monotonic() < deadline:  # busy: no system call to interrupt, only bytecodes
        pass


def stalling_read(read_text):
    """``pipeline.ingest.formats.read_text`` (a file's text parsed by its format), stalling on
    :data:`READ_MARKER`."""
    def patched(path, text):
        if READ_MARKER in text:
            _busy()
        return read_text(path, text)

    patched.stalling = True
    return patched


def killing(read_file):
    """``pipeline.ingest.read_file``, dying on :data:`READ_KILL_MARKER` in the file's bytes."""
    marker = READ_KILL_MARKER.encode("utf-8")

    def patched(path, *, source, data=None, timeout=None):
        if data is not None and marker in data:
            os.kill(os.getpid(), signal.SIGKILL)
        return read_file(path, source=source, data=data, timeout=timeout)

    patched.killing = True
    return patched


def install() -> None:
    import pipeline.ingest
    import pipeline.ingest.formats
    from pipeline.extract import Extractor

    if not getattr(Extractor.process, "stalling", False):
        Extractor.process = stalling(Extractor.process)
    if not getattr(pipeline.ingest.formats.read_text, "stalling", False):
        pipeline.ingest.formats.read_text = stalling_read(pipeline.ingest.formats.read_text)
    if not getattr(pipeline.ingest.read_file, "killing", False):
        pipeline.ingest.read_file = killing(pipeline.ingest.read_file)
