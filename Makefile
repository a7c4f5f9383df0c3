# Samarbejdsportalen: `make run` serves the portal, `make test` runs the suite.
# Both work on a fresh machine with Python >= 3.12 and nothing else.

PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
# The first Python >= 3.12 on PATH (pyenv honours .python-version).
PYTHON ?= $(shell for p in python3.13 python3.12 python3 python; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { echo $$p; break; }; done)

.PHONY: run test messages bench clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python >= 3.12 is needed (none found on PATH)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q ".[dev]"
	@touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	DEBUG=$${DEBUG:-1} PORT=$(PORT) bin/run-dev

test: $(VENV)/.installed-dev
	DEBUG=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# Regenerates the Danish catalogue (needs GNU gettext); commit both .po and .mo.
messages: $(VENV)/.installed-dev
	DEBUG=1 $(BIN)/python manage.py makemessages -l da --no-obsolete --ignore=.venv --ignore=bench
	DEBUG=1 $(BIN)/python manage.py compilemessages -l da --ignore=.venv

bench: $(VENV)/.installed-dev
	@for f in bench/[!_]*.py; do echo "== $$f"; DEBUG=1 $(BIN)/python $$f || exit 1; done

clean:
	rm -rf $(VENV) var
