"""A time budget for one piece of work in this process: :func:`time_limit` raises
:class:`TimeUp` inside the work when it runs over.

* In the main thread (a run with no workers, a local worker process), a real-time interval timer
  (``setitimer``) sends SIGALRM and the handler raises. Python delivers it between two bytecodes,
  and the regular expression engine checks for signals as it matches, so a pure-Python loop or a
  runaway regex is interrupted within milliseconds.
* In another thread (a Dask worker's task threads), signals cannot be used: a timer thread raises
  the exception asynchronously in the working thread (``PyThreadState_SetAsyncExc``), which takes
  effect at its next bytecode, so a long regex match finishes first.

Either way, one call into C code that never returns to Python nor checks for signals (spaCy's
tokenizer on one text, say: linear, about a second per MB) is interrupted only when it returns.

:class:`TimeUp` derives from ``BaseException``, so that no ``except Exception`` inside the work can
swallow it; the caller catches it.
"""
from __future__ import annotations

import ctypes
import signal
import threading
from contextlib import contextmanager
from typing import Iterator, Optional


class TimeUp(BaseException):
    """The work ran over its time budget."""


@contextmanager
def time_limit(seconds: Optional[float]) -> Iterator[None]:
    """Raise :class:`TimeUp` in the body once it has run ``seconds`` (None: no limit)."""
    if not seconds:
        yield
    elif threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _async(seconds):
            yield


def _raise_time_up(signum, frame) -> None:
    raise TimeUp()


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    previous = signal.signal(signal.SIGALRM, _raise_time_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _async(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False}

    def expire() -> None:
        with lock:
            if not state["done"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimeUp))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["done"] = True  # from here on the timer raises nothing
        timer.cancel()
