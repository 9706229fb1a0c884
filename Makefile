# One virtual environment in .venv; every target installs into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve site test full bench bench-full lock clean

# torch comes from TORCH_INDEX when set: the GitHub workflows use PyTorch's CPU index
# (https://download.pytorch.org/whl/cpu); for a CUDA build use e.g.
# `make install TORCH_INDEX=https://download.pytorch.org/whl/cu126`. Unset, pip's own index
# is used (on Linux PyPI serves the CUDA build). Everything else is pinned in requirements.lock;
# torch is installed with its own dependencies, which a CUDA build needs (its NVIDIA libraries).
TORCH_INDEX ?=
# The site builder: mkdocs (1.6.1, unmaintained) or properdocs, its maintained fork; both
# read mkdocs.yml and load the same plugins.
MKDOCS ?= mkdocs
TORCH := torch==2.13.0

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -m venv $(VENV) || { echo "python3 -m venv failed: on Debian/Ubuntu run 'apt-get install python3-venv'"; exit 1; }
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet $(TORCH) $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/pip install --quiet --no-deps -e .
	$(BIN)/pip check
	touch $(STAMP)

install: $(STAMP)

serve: install  ## serve the site at http://127.0.0.1:8000, rebuilding on every change
	$(BIN)/$(MKDOCS) serve --livereload

site: install  ## build the site into site/ (strict: warnings fail)
	$(BIN)/$(MKDOCS) build --strict

# pytest-xdist workers for `make test`: one per logical core (TEST_WORKERS=0: one process).
# worksteal: an idle worker takes queued tests from a busy one (durations vary 1000-fold).
TEST_WORKERS ?= logical

test: install  ## lint, then the whole test suite: every tier (slow and browser), every core
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal --durations=30

full: install  ## refresh the published numbers (full presets, best device)
	$(BIN)/chigai run --preset full --device auto

bench: install  ## measure rebuilds, training speed and how the pages read; writes benchmarks/report.json
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/readability.py

bench-full: install  ## the whole full suite sequential vs --jobs 2, and a resumed run (hours)
	$(BIN)/python benchmarks/trials.py --preset full --jobs 1 2 --resume marked_recall

lock: install  ## re-resolve requirements.lock from pyproject.toml (all but torch and its CUDA wheels)
	$(BIN)/uv pip compile pyproject.toml --extra dev --universal --python-version 3.11 \
	  --no-emit-package torch --no-annotate --no-header --quiet -o requirements.lock.tmp
	grep -vE '^(nvidia-|triton|cuda-)' requirements.lock.tmp > requirements.lock
	rm requirements.lock.tmp

clean:
	rm -rf site .cache
