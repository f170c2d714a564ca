"""The command line with the test seam of :mod:`tests.stall_support` in the run's own process and in
its local workers (their fork server preloads :mod:`tests.stall_preload`):
``python -m tests.stall_cli run --corpus C --out O --workers 1`` is ``python -m pipeline run ...``
whose reading or extraction dies, stalls or takes its time on the seam's markers."""
import sys

import pipeline.engines.local
from pipeline.cli import main
from tests.stall_support import install

if __name__ == "__main__":
    install()
    pipeline.engines.local.PRELOAD = "tests.stall_preload"
    sys.exit(main())
