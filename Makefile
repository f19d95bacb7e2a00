# Two commands: `make run` serves the demo territory, `make test` runs the whole suite.
# Both set everything up first (virtualenv, packages, translations, database).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CONFIG := instance/tierslieux.toml
PORT ?= 5000
CATALOGUES := $(wildcard core/translations/*/LC_MESSAGES/messages.po plugins/*/translations/*/LC_MESSAGES/messages.po)

.PHONY: install translations run test bench lint extract

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev,test,postgres]'
	touch $@

install: $(STAMP)

translations: $(STAMP) $(CATALOGUES:.po=.mo)

%.mo: %.po
	$(BIN)/pybabel compile -i $< -o $@

$(CONFIG):
	mkdir -p instance
	cp examples/territories/aveyron-lot-cantal.toml $@

run: install translations $(CONFIG)
	$(BIN)/tierslieux db upgrade
	$(BIN)/tierslieux seed-demo
	$(BIN)/tierslieux serve-demo --host 127.0.0.1 --port $(PORT)

test: install translations
	$(BIN)/python -m pytest

bench: install translations
	$(BIN)/python -m bench

# Errors only (undefined names, unused imports, syntax): style is the reviewers' business.
lint: install
	$(BIN)/ruff check --select F,E9 core plugins devtools tests bench examples

# Refresh every catalogue from the source (core and each plugin separately).
extract: install
	$(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k _l -o core/translations/messages.pot core templates
	$(BIN)/pybabel update -i core/translations/messages.pot -d core/translations -l fr
	for dir in plugins/*/; do \
	  if [ -d $$dir/translations ]; then \
	    $(BIN)/pybabel extract --no-location --sort-output -F babel.cfg -k _l -o $$dir/translations/messages.pot $$dir && \
	    $(BIN)/pybabel update -i $$dir/translations/messages.pot -d $$dir/translations; \
	  fi; \
	done
