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
	$(BIN)/ea render $(SAMPLE) --out-dir exports/diagrams
	$(BIN)/ea render $(SAMPLE) --format png --out-dir exports/diagrams
	$(BIN)/ea report $(SAMPLE) -o exports/report.html
	$(BIN)/ea publish asiakirjajulkisuuskuvaus $(SAMPLE) -o exports
	$(BIN)/ea publish tiedonhallintamalli $(SAMPLE) -o exports
	$(BIN)/ea export archimate $(SAMPLE) -o exports/esimerkkila.archimate.xml
	$(BIN)/ea export csv $(SAMPLE) -o exports/esimerkkila-csv
	$(BIN)/ea impact sys-asianhallinta $(SAMPLE) --format svg -o exports/vaikutukset-asianhallinta.svg
	$(BIN)/ea fmt $(SAMPLE) --check
	@# The sample's history has a real change (b8d1f93: the HR part of the ERP goes live).
	@if git rev-parse -q --verify b8d1f93~1 >/dev/null 2>&1; then \
	  $(BIN)/ea diff b8d1f93~1 b8d1f93 --path $(SAMPLE) --format markdown --lang fi -o exports/muutokset.md; \
	fi

test: install
	$(BIN)/python -m pytest

# Regenerate the rule pages in docs/rules/ from the rules' code (tests fail when stale).
docs: install
	$(BIN)/ea --no-config rules --format markdown --output docs/rules
	$(BIN)/python -m eaframework.interchange.archimate_types > docs/archimate-mapping.md
	$(BIN)/ea render $(SAMPLE) --format png --view tietojarjestelmakartta --view integraatiokaavio --out-dir docs/diagrams

# Every speed target of the issues, measured in one run (the machine is noisy: compare
# ratios within a run, CPU rather than wall). First every command as a whole process
# (CPU, wall, peak RSS) on both shapes of synthetic model, then the in-process figures.
# Results also go to bench/out/results-all.md.
bench: install
	@mkdir -p bench/out
	( $(BIN)/python bench/bench_process.py && \
	  $(BIN)/python bench/bench.py && \
	  $(BIN)/python bench/bench_diagrams.py && \
	  $(BIN)/python bench/bench_interchange.py && \
	  $(BIN)/python bench/bench_changes.py && \
	  $(BIN)/python bench/bench_report.py ) | tee bench/out/results-all.md

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info
