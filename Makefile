# make demo / make test set up a fresh machine by themselves: Debian packages, .venv, the package.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-8)
APT_PACKAGES := $(shell cat scripts/apt-packages.txt 2>/dev/null)

.PHONY: setup sysdeps demo test bench lint model clean

setup: sysdeps $(STAMP)

sysdeps:
	@bash scripts/sysdeps.sh $(APT_PACKAGES)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip >/dev/null
	$(PY) -m pip install -q -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

demo: setup
	$(VENV)/bin/sutun demo

test: setup
	$(VENV)/bin/ruff check src tests
	$(PY) -m pytest

bench: setup
	$(PY) -m sutun.bench --out BENCHMARKS.md --json bench/results.json

MODEL := src/sutun/data/aze.json.gz
MODEL_INPUTS := $(wildcard src/sutun/lang/*.py) \
	$(wildcard ../shared/corpora/symspell-az/*.txt ../shared/corpora/az-lang-nlp/*.txt \
	../shared/corpora/azwiki-sentences/*.txt ../shared/corpora/tesseract-langdata-aze/aze.*)

model: setup $(MODEL)  ## rebuild the shipped Azerbaijani model when its inputs or code change

$(MODEL): $(MODEL_INPUTS)
	$(VENV)/bin/sutun model build --language aze --corpora ../shared/corpora -o $@

lint: setup
	$(VENV)/bin/ruff check src tests
	$(VENV)/bin/ruff format --check src tests

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
