# The two commands:  `make site` builds the book and its PDFs;  `make test` runs every test.
# The archival edition:  `make pdf` reprints the PDFs;  `make release` makes the release archive.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# What the data are built from; a stamp records the last run of the pipeline and the exports that
# finished (make reruns both after any failure, and after any change here).
DATA_INPUTS := $(shell find data/raw src/takenover -type f -not -name '*.pyc')
DATA_STAMP  := _build/stamps/data
SITE := _build/html
# The EPUB is a separate strict build from clean (warnings are errors, cross-references checked).
BOOK_FLAGS := --all -W -n --keep-going
EPUBCHECK := /usr/share/java/epubcheck.jar
EPUB_STAGING := _build/.epub.partial
# Node tools from package.json: the HTML checker that `make test` runs (dependencies), and
# Lighthouse for `make bench` (devDependencies). `npm ci` empties node_modules, stamps included.
NODE_CHECKS := node_modules/.checks-installed
NODE_BENCH  := node_modules/.bench-installed
NPM_CI      := npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
# JupyterLab refuses to run as root unless told it may; containers often run as root.
LAB_FLAGS   := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: site pdf epub release release-check test lint data citation lab execute system-deps bench serve clean

## site: set up .venv if needed, rebuild the data if their inputs changed, then build _build/html
##       and print its PDFs into _build/html/_pdf/, doing only what changed (the pages link the PDFs,
##       so they ship together); a failed build leaves the last good site as it was
site: $(DATA_STAMP) system-deps | $(STAMP)
	$(BIN)/python -m takenover.release.sitebuild

## pdf: print every chapter, and the whole book, again from the site `make site` built
pdf: system-deps | $(STAMP)
	test -f $(SITE)/index.html || $(MAKE) site
	$(BIN)/python -m takenover.release.pdf --require-record

## epub: the book as an EPUB 3 in _build/epub/, checked with EPUBCheck (Debian's epubcheck); built and
##       checked beside, then moved into place, so a failed build or check leaves the last good one
epub: $(DATA_STAMP) system-deps | $(STAMP)
	rm -rf $(EPUB_STAGING)
	$(BIN)/jupyter-book build . --path-output $(EPUB_STAGING) --builder custom --custom-builder epub $(BOOK_FLAGS)
	java -jar $(EPUBCHECK) $(EPUB_STAGING)/_build/epub/*.epub
	mkdir -p _build/epub && mv $(EPUB_STAGING)/_build/epub/*.epub _build/epub/
	rm -rf $(EPUB_STAGING)

## release: build the site and PDFs from nothing (no caches), check the version, verify every file,
##          then write _build/release/*.tar.gz
release: $(DATA_STAMP) system-deps | $(STAMP)
	$(BIN)/python -m takenover.release.sitebuild --strict
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
citation: $(DATA_STAMP) | $(STAMP)
	$(BIN)/python -m takenover.cite.files

## data: rebuild data/clean, data/datapackage.json and the exports in data/ from data/raw
data: | $(STAMP)
	rm -f $(DATA_STAMP)
	$(MAKE) $(DATA_STAMP)

# The stamp is touched only when both steps succeed; each writes its files atomically, and leaves
# them untouched when nothing changed.
$(DATA_STAMP): $(DATA_INPUTS) | $(STAMP)
	$(BIN)/python -m takenover.data.pipeline
	$(BIN)/python -m takenover.cite.exports
	@mkdir -p $(@D) && touch $@

## lab: open the chapters in JupyterLab to rerun them (on 127.0.0.1; as root too, as in a container)
lab: | $(STAMP)
	$(BIN)/jupyter lab $(LAB_FLAGS) book/

# Each notebook is run into _build/executed/ and then renamed over its stored copy (an atomic step),
# so a failed or killed run leaves every notebook whole: the old one or the newly run one.
EXECUTED := _build/executed
NBCONVERT := $(BIN)/jupyter nbconvert --to notebook --execute --output-dir $(EXECUTED) \
             --ExecutePreprocessor.record_timing=False
# The licences page measures what the other chapters' stored outputs quote, so it runs last.
LAST_NOTEBOOK := book/licences.ipynb

## execute: rerun every chapter and store its outputs (do this after changing a chapter or the data)
execute: $(DATA_STAMP) | $(STAMP)
	rm -rf $(EXECUTED)
	$(NBCONVERT) $(filter-out $(LAST_NOTEBOOK),$(wildcard book/*.ipynb))
	mv $(EXECUTED)/*.ipynb book/
	$(NBCONVERT) $(LAST_NOTEBOOK)
	mv $(EXECUTED)/*.ipynb book/

## bench: build the site, then run Lighthouse (mobile, simulated throttling) over every page
##        served gzip-compressed on 127.0.0.1 (the register three times); writes the table to
##        _build/bench/lighthouse.md, screenshots at 390 and 1280 px, and the word count per page
bench: site $(NODE_BENCH) | $(STAMP)
	$(BIN)/python scripts/bench_build.py
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
