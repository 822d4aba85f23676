# Broadsheet: `make demo` serves a generated newsroom; `make test` runs every test.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PIP := $(BIN)/pip install --quiet --disable-pip-version-check

.PHONY: demo test install install-test lint bench clean

$(BIN)/python:
	$(shell command -v $(PYTHON) || command -v python3) -m venv $(VENV)

$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(PIP) -r requirements.txt
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PIP) -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

demo: export BROADSHEET_BASE_URL ?= http://127.0.0.1:$(PORT)
demo: install
	$(BIN)/broadsheet migrate --noinput
	$(BIN)/broadsheet create_demo
	$(BIN)/broadsheet bake
	@echo "Serving the demo newsroom on http://127.0.0.1:$(PORT)/ (admin: http://127.0.0.1:$(PORT)/admin/)"
	DEBUG=false $(BIN)/broadsheet serve --port $(PORT)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/broadsheet makemigrations --check --dry-run --settings=broadsheet.settings.test

test: lint
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/publishing.py

clean:
	rm -rf $(VENV) var test-artifacts
