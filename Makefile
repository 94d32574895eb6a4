# Two commands on a fresh machine: `make demo` runs the closed loop, `make test` runs the tests.
PYTHON ?= python3
VENV ?= .venv
# torch first, pinned: the local CPU wheel; an unpinned torch pulls a multi-GB CUDA build. Override for GPUs.
TORCH_SPEC ?= torch==2.13.0
BIN := $(VENV)/bin

export HF_HUB_OFFLINE := 1
export HF_DATASETS_OFFLINE := 1
export HF_HUB_DISABLE_PROGRESS_BARS := 1
export HF_DATASETS_DISABLE_PROGRESS_BARS := 1
export DAGSTER_HOME ?= $(CURDIR)/data/dagster_home

.PHONY: demo test lint ui install install-dev clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet "$(TORCH_SPEC)"
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install
	mkdir -p "$(DAGSTER_HOME)"
	$(BIN)/feedback-loop demo --iterations 3 --interactions 2000 --json-out data/reports/demo.json

# Lint, formatting and types first: they take seconds, the tests minutes.
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	mkdir -p "$(DAGSTER_HOME)"
	$(BIN)/python -m pytest

ui: install
	mkdir -p "$(DAGSTER_HOME)"
	$(BIN)/dagster dev -w workspace.yaml

clean:
	rm -rf data/landing data/warehouse data/datasets data/models data/adapters data/evaluations data/manifests data/registry.db data/dagster_home
