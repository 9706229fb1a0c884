# One virtual environment in .venv; every target installs into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve site test full bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian/Ubuntu run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

serve: install  ## serve the site at http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/mkdocs serve --livereload

site: install  ## build the site into site/ (strict: warnings fail)
	$(BIN)/mkdocs build --strict

test: install  ## lint, then the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

full: install  ## refresh the published numbers (full presets, best device)
	$(BIN)/chigai run --preset full --device auto

bench: install  ## measure rebuilds and training speed; writes benchmarks/report.json
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf site .cache
