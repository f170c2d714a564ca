# GNU make. Works on a fresh clone: the first target that needs Python creates .venv
# and installs the pinned requirements; later runs skip the install while
# requirements.txt and pyproject.toml are unchanged (stamp file .venv/.installed).

# The first interpreter that actually runs (a pyenv shim may exist without its version).
PYTHON_SYS ?= $(shell for p in python3.11 python3; do \
                 $$p -c 'import sys' >/dev/null 2>&1 && { command -v $$p; break; }; done)
VENV       := .venv
PY         := $(VENV)/bin/python
STAMP      := $(VENV)/.installed
CORPUS     ?= corpus
OUT        ?= outputs

.PHONY: all venv run test bench bench-scale evaluate eval clean distclean

all: test

$(PY):
	@test -n "$(PYTHON_SYS)" || { echo "error: python3.11 (or python3) not found" >&2; exit 1; }
	$(PYTHON_SYS) -m venv $(VENV)

$(STAMP): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .
	@touch $@

venv: $(STAMP)

run: $(STAMP)
	$(PY) -m pipeline run --corpus $(CORPUS) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest -q

# The hostile shapes first (python -m bench --adversarial), so that the last line stays `ratio: N.N`.
bench: $(STAMP)
	$(PY) -m bench --adversarial
	$(PY) bench/throughput.py --corpus $(CORPUS)

# The scale benchmark (README, "Scale"): `make bench-scale` is the two-minute check;
# `make bench-scale BENCH_ARGS="--sizes 1000,10000"` the larger run.
BENCH_ARGS ?= --quick
bench-scale: $(STAMP)
	$(PY) -m bench $(BENCH_ARGS)

evaluate: $(STAMP)
	$(PY) -m pipeline evaluate tests/gold --out $(OUT)

# Accuracy (README, "Accuracy"): each gold set's texts are run into a scratch folder, then scored.
# Real pages first: they are the measure; the written corpus and the number phrasings are regression sets.
EVAL_DIR ?= $(or $(TMPDIR),/tmp)/ai-facts-eval
EVAL_SETS ?= real:tests/data/real:txt dev:corpus:txt,md,html phrasings:tests/data/phrasings:txt
eval: $(STAMP)
	@for set in $(EVAL_SETS); do \
	  name=$${set%%:*}; rest=$${set#*:}; dir=$${rest%%:*}; exts=$${rest#*:}; \
	  rm -rf "$(EVAL_DIR)/$$name" && mkdir -p "$(EVAL_DIR)/$$name/corpus" || exit 1; \
	  for e in $$(echo $$exts | tr , ' '); do cp "$$dir"/*.$$e "$(EVAL_DIR)/$$name/corpus/" 2>/dev/null; done; \
	  $(PY) -m pipeline run --corpus "$(EVAL_DIR)/$$name/corpus" --out "$(EVAL_DIR)/$$name/out" --quiet; \
	  gold=$$dir; [ "$$name" = dev ] && gold=tests/gold; \
	  echo "-- $$name ($$dir)"; \
	  $(PY) -m pipeline evaluate "$$gold" --out "$(EVAL_DIR)/$$name/out" --summary || exit 1; \
	done

# clean: generated files and caches; distclean: also the virtualenv.
clean:
	rm -rf build *.egg-info .pytest_cache $(OUT)/*.csv
	find . \( -path ./.git -o -path ./$(VENV) \) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
