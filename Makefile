# The two commands:  `make site` builds the book;  `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Strict build: warnings are errors, cross-references are checked, every page is rebuilt.
BOOK_FLAGS := --all -W -n --keep-going
DATA_INPUTS := $(shell find data/raw src/takenover -type f -not -name '*.pyc')

.PHONY: site test lint data citation lab execute system-deps clean

## site: set up .venv if needed, rebuild the data if their inputs changed, build _build/html
site: data/datapackage.json | $(STAMP)
	$(BIN)/jupyter-book build . $(BOOK_FLAGS)

## test: every test (style, pipeline, bad input, notebooks under nbval, build, browser)
test: system-deps lint | $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff's linter and formatter over the package, the tests and the notebooks
lint: | $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml

## citation: regenerate CITATION.cff and book/references.bib from metadata.yml and the data
citation: data/datapackage.json | $(STAMP)
	$(BIN)/python -m takenover.cite.files

## data: rebuild data/clean, data/datapackage.json and the exports in data/ from data/raw
data: | $(STAMP)
	$(BIN)/python -m takenover.data.pipeline
	$(BIN)/python -m takenover.cite.exports

data/datapackage.json: $(DATA_INPUTS) | $(STAMP)
	$(BIN)/python -m takenover.data.pipeline
	$(BIN)/python -m takenover.cite.exports

## lab: open the chapters in JupyterLab to rerun them
lab: | $(STAMP)
	$(BIN)/jupyter lab book/

NBCONVERT := $(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False
# The licences page measures what the other chapters' stored outputs quote, so it runs last.
LAST_NOTEBOOK := book/licences.ipynb

## execute: rerun every chapter and store its outputs (do this after changing a chapter or the data)
execute: data/datapackage.json | $(STAMP)
	$(NBCONVERT) $(filter-out $(LAST_NOTEBOOK),$(wildcard book/*.ipynb))
	$(NBCONVERT) $(LAST_NOTEBOOK)

## system-deps: Debian packages the browser tests need (chromium, fonts)
system-deps:
	bash scripts/install-system-deps.sh

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

clean:
	rm -rf _build
