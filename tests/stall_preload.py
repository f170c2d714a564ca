"""Preloaded by the local workers' fork server in the time-budget tests: the stalling extraction of
:mod:`tests.stall_support`, then what :mod:`pipeline.engines.preload` loads."""
from tests.stall_support import install

install()

import pipeline.engines.preload  # noqa: E402,F401
