"""``python -m bench``: the scale benchmark (``bench/scale.py``); with ``--adversarial``, the
hostile shapes' cost and output per MB (``bench/adversarial.py``)."""
import sys

if "--adversarial" in sys.argv[1:]:
    from bench.adversarial import main
else:
    from bench.scale import main

sys.exit(main())
