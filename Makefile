# The two commands:  `make site` builds the book and its PDFs;  `make test` runs every test.
# The archival edition:  `make pdf` reprints the PDFs;  `make release` makes the release archive.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Strict build: warnings are errors, cross-references are checked, every page is rebuilt.
BOOK_FLAGS := --all -W -n --keep-going
DATA_INPUTS := $(shell find data/raw src/takenover -type f -not -name '*.pyc')
SITE := _build/html
EPUBCHECK := /usr/share/java/epubcheck.jar
# Node tools from package.json: the HTML checker that `make test` runs (dependencies), and
# Lighthouse for `make bench` (devDependencies). `npm ci` empties node_modules, stamps included.
NODE_CHECKS := node_modules/.checks-installed
NODE_BENCH  := node_modules/.bench-installed
NPM_CI      := npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
# JupyterLab refuses to run as root unless told it may; containers often run as root.
LAB_FLAGS   := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: site pdf epub release release-check test lint data citation lab execute system-deps bench serve clean

## site: set up .venv if needed, rebuild the data if their inputs changed, build _build/html,
##       then print its PDFs into _build/html/_pdf/ (the pages link them, so they ship together)
site: data/datapackage.json system-deps | $(STAMP)
	$(BIN)/jupyter-book build . $(BOOK_FLAGS)
	$(BIN)/python -m takenover.release.pdf --site $(SITE)

## pdf: print every chapter, and the whole book, from the built site (building it if missing)
pdf: system-deps | $(STAMP)
	test -f $(SITE)/index.html || $(BIN)/jupyter-book build . $(BOOK_FLAGS)
	$(BIN)/python -m takenover.release.pdf --site $(SITE)

## epub: the book as an EPUB 3 in _build/epub/, checked with EPUBCheck (Debian's epubcheck)
epub: data/datapackage.json system-deps | $(STAMP)
	$(BIN)/jupyter-book build . --builder custom --custom-builder epub $(BOOK_FLAGS)
	java -jar $(EPUBCHECK) _build/epub/*.epub

## release: build the site and PDFs from clean, check the version, write _build/release/*.tar.gz
release: data/datapackage.json system-deps | $(STAMP)
	rm -rf $(SITE)
	$(MAKE) site
	$(BIN)/python -m takenover.release.archive --site $(SITE)

## release-check: make the release twice and fail unless both archives are the same bytes
release-check:
	bash scripts/check-release-reproducible.sh

## test: every test (style, pipeline, bad input, notebooks under nbval, build, browser)
test: system-deps lint $(NODE_CHECKS) | $(STAMP)
	$(BIN)/python -m pytest

## lint: ruff's linter and formatter over the package, the tests and the notebooks
lint: | $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml

## citation: regenerate CITATION.cff, .zenodo.json and book/references.bib from metadata.yml and the data
citation: data/datapackage.json | $(STAMP)
	$(BIN)/python -m takenover.cite.files

## data: rebuild data/clean, data/datapackage.json and the exports in data/ from data/raw
data: | $(STAMP)
	$(BIN)/python -m takenover.data.pipeline
	$(BIN)/python -m takenover.cite.exports

data/datapackage.json: $(DATA_INPUTS) | $(STAMP)
	$(BIN)/python -m takenover.data.pipeline
	$(BIN)/python -m takenover.cite.exports

## lab: open the chapters in JupyterLab to rerun them (on 127.0.0.1; as root too, as in a container)
lab: | $(STAMP)
	$(BIN)/jupyter lab $(LAB_FLAGS) book/

NBCONVERT := $(BIN)/jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False
# The licences page measures what the other chapters' stored outputs quote, so it runs last.
LAST_NOTEBOOK := book/licences.ipynb

## execute: rerun every chapter and store its outputs (do this after changing a chapter or the data)
execute: data/datapackage.json | $(STAMP)
	$(NBCONVERT) $(filter-out $(LAST_NOTEBOOK),$(wildcard book/*.ipynb))
	$(NBCONVERT) $(LAST_NOTEBOOK)

## bench: build the site, then run Lighthouse (mobile, simulated throttling) over every page
##        served gzip-compressed on 127.0.0.1 (the register three times); writes the table to
##        _build/bench/lighthouse.md, screenshots at 390 and 1280 px, and the word count per page
bench: site $(NODE_BENCH) | $(STAMP)
	CHROME_PATH=/usr/bin/chromium $(BIN)/python scripts/bench.py
	$(BIN)/python -m takenover.release.wordcount --site $(SITE) --out _build/bench/words.md

## serve: serve _build/html gzip-compressed on http://127.0.0.1:8000/, as a static host would
serve: | $(STAMP)
	$(BIN)/python scripts/serve_gzip.py _build/html --port 8000

## system-deps: Debian packages the site and tests need (chromium, a font, poppler, Java and npm)
system-deps:
	bash scripts/install-system-deps.sh

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps -r requirements.txt
	$(BIN)/python -m pip check
	touch $@

$(NODE_CHECKS): package.json package-lock.json | system-deps
	$(NPM_CI) --omit=dev
	touch $@

$(NODE_BENCH): package.json package-lock.json | system-deps
	$(NPM_CI)
	touch $@ $(NODE_CHECKS)

clean:
	rm -rf _build
