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
DATA_DIR := $(or $(FEEDBACK_LOOP_DATA_DIR),data)
export DAGSTER_HOME ?= $(abspath $(DATA_DIR))/dagster_home
# The daily partitions start at the first landing day (the demo's first day once it has run), so the UI shows the
# quickstart's days, not months of missing partitions before them. On a fresh data root it is empty, and the demo
# starts them at its own first day; a FEEDBACK_LOOP_FIRST_DAY of one's own wins.
FIRST_DAY := $(or $(FEEDBACK_LOOP_FIRST_DAY),$(notdir $(firstword $(sort $(wildcard \
	$(DATA_DIR)/landing/[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])))))
# What the pipeline writes under the data root: DataLayout.written_entries() in feedback_loop/settings.py, which
# feedback_loop_tests/test_makefile.py holds this list to. Files of one's own there (data/README.md) stay.
WRITTEN := adapters checkpoints dagster_home datasets evaluations landing manifests models prompt_registry.db prompts \
	registry.db reports secrets shadow_landing warehouse

.PHONY: demo test lint ui workers install install-dev clean

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
	FEEDBACK_LOOP_FIRST_DAY=$(FIRST_DAY) $(BIN)/feedback-loop demo --iterations 3 --interactions 2000 --json-out $(DATA_DIR)/reports/demo.json

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
	FEEDBACK_LOOP_FIRST_DAY=$(FIRST_DAY) $(BIN)/dagster dev -w workspace.yaml

# The Celery workers of FEEDBACK_LOOP_EXECUTOR=celery (deploy/README.md): one per queue, `cpu` taking
# CPU_CONCURRENCY steps at once and `gpu` one; Ctrl-C (or SIGTERM) stops both.
CPU_CONCURRENCY ?= 2
workers: install
	trap 'kill $$cpu $$gpu 2>/dev/null' INT TERM EXIT; \
	$(BIN)/feedback-loop worker cpu --concurrency $(CPU_CONCURRENCY) & cpu=$$!; \
	$(BIN)/feedback-loop worker gpu & gpu=$$!; \
	wait

# Everything `make demo` wrote (the Dagster home too when it is the default one under the data root).
clean:
	rm -rf $(addprefix $(DATA_DIR)/,$(WRITTEN))
