# The two commands a newcomer needs: `make demo` and `make test`. Only Python 3.11+ and
# make are assumed; everything else is installed into .venv from the package index.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE := models/esimerkkila

.PHONY: demo test bench install clean docs

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

# Lint the sample model. It has gaps on purpose, so exit 1 (findings) is the expected
# outcome; exit 2 (unusable input or an internal error) fails the demo.
demo: install
	$(BIN)/ea schema --output models/schema/eaframework.schema.json
	$(BIN)/ea lint $(SAMPLE) --no-cache; rc=$$?; [ $$rc -le 1 ] || exit $$rc
	$(BIN)/ea report $(SAMPLE) -o exports/report.html
	$(BIN)/ea publish asiakirjajulkisuuskuvaus $(SAMPLE) -o exports
	$(BIN)/ea publish tiedonhallintamalli $(SAMPLE) -o exports

test: install
	$(BIN)/python -m pytest

# Regenerate the rule pages in docs/rules/ from the rules' code (tests fail when stale).
docs: install
	$(BIN)/ea --no-config rules --format markdown --output docs/rules

bench: install
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) .ea_cache .pytest_cache .hypothesis *.egg-info
