# Two commands: `make run` serves the demo territory, `make test` runs the whole suite.
# Both set everything up first (virtualenv, packages, translations, database).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONFIG := instance/tierslieux.toml
PORT ?= 5000
CATALOGUES := $(wildcard core/translations/*/LC_MESSAGES/messages.po plugins/*/translations/*/LC_MESSAGES/messages.po examples/*/translations/*/LC_MESSAGES/messages.po)

.PHONY: install translations run test bench lint extract

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,test,postgres]'
	touch $@

install: $(STAMP)

translations: $(CATALOGUES:.po=.mo)

# Compiling needs only Babel, which every install has: a production virtualenv
# (`pip install '.[postgres]'`, docs/operations.md) compiles without getting the dev extra.
%.mo: %.po | $(BIN)/pybabel
	$(BIN)/pybabel compile -i $< -o $@

$(BIN)/pybabel:
	$(MAKE) install

$(CONFIG):
	mkdir -p instance
	cp examples/territories/aveyron-lot-cantal.toml $@

run: install translations $(CONFIG)
	$(BIN)/tierslieux db upgrade
	$(BIN)/tierslieux seed-demo
	$(BIN)/tierslieux serve-demo --host 127.0.0.1 --port $(PORT)

# The suite runs in one process per core, plus one (pytest-xdist; each with its own PostgreSQL
# database): many tests wait on a browser, a served app, a mail or a lock, and a third process on
# 2 cores fills those waits (14 min 6 s with two, 11 min 28 s with three, the same quiet machine).
# `make test WORKERS=0` runs it in this process. Tests are handed out one by one to whichever
# process is free (worksteal): by file, the crawl of every page and form (tests/core/test_fuzz.py,
# 10 minutes) kept one process busy long after the other had finished.
WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: install translations
	$(BIN)/python -m pytest -n $(WORKERS) --dist worksteal

# `make bench QUICK=1`: the 10k data sets and 3-second loads (the targets' lines are still printed).
bench: install translations
	$(if $(QUICK),BENCH_QUICK=1 )$(BIN)/python -m bench

# Errors only (undefined names, unused imports, syntax): style is the reviewers' business.
lint: install
	$(BIN)/ruff check --select F,E9 core plugins devtools tests bench examples

# Refresh the catalogues from the source: every package's, or one plugin's (`make extract
# PLUGIN=booking`); a plugin with no translations/ yet gets a French catalogue. Files whose
# messages did not change are left alone (see devtools/catalogues.py).
extract: install
	$(BIN)/python -m devtools.catalogues $(if $(PLUGIN),plugins/$(PLUGIN))
