# The two promises of the README: `make demo` and `make test`, each from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format eval train bench clean

# Reinstall only when the dependency pins change; the package itself is editable.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/jobmarket demo

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

eval: $(STAMP)
	$(BIN)/jobmarket evaluate

# the trained components, from the real labelled development part and SkillSpan's train splits
# (needs ../shared): the AI-involvement classifier, then the SkillSpan knowledge-span model
train: $(STAMP)
	$(BIN)/jobmarket train
	$(BIN)/python -m pipelines.skillspan train

bench: $(STAMP)
	$(BIN)/python benchmarks/extract_throughput.py
	$(BIN)/python benchmarks/extract_throughput.py --real --postings 3000
	$(BIN)/python benchmarks/skillspan.py
	$(BIN)/python benchmarks/crawl_throughput.py
	$(BIN)/python benchmarks/warehouse_load.py --postings 1000000
	$(BIN)/python benchmarks/backfill_wall_time.py

clean:
	rm -rf data/warehouse.duckdb data/published data/raw data/work
