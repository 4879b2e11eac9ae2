# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
EXAMPLE := examples/kazinform-2022-07-04-smailov-mishustin.txt
DB     ?= dateline.db

.PHONY: run test lint check clean eval eval-smoke browser postgres

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Runtime install, with the benchmarks of bench/ (dev tooling that reads
# ../shared) beside it; the stamp is rebuilt when either's metadata changes.
$(VENV)/.installed: pyproject.toml bench/pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e . -e bench
	touch $@

# Dev tools, the textacy baseline and Dask (the optional `cluster` extra),
# so the cluster tests run too.
$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev,cluster]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/dateline ingest $(EXAMPLE) --db sqlite:///$(DB)
	$(BIN)/dateline summary --db sqlite:///$(DB)
	@echo "Next: $(BIN)/dateline --help, or browse the store with"
	@echo "      $(BIN)/dateline serve --db sqlite:///$(DB)   (then open http://127.0.0.1:8000)"

# The suite runs the store, ingest, export and server tests on SQLite and on a
# throwaway PostgreSQL server (scripts/test_postgres.sh: 127.0.0.1, its own
# folder, deleted afterwards); where PostgreSQL cannot start they run on SQLite.
test: $(VENV)/.installed-dev browser postgres
	@export DATELINE_PG_DIR=$$(mktemp -d "$${TMPDIR:-/tmp}/dateline-pg.XXXXXX"); \
	trap 'scripts/test_postgres.sh stop; rm -rf "$$DATELINE_PG_DIR"' EXIT; \
	if url=$$(scripts/test_postgres.sh start); then \
	  export DATELINE_TEST_POSTGRES_URL=$$url; echo "PostgreSQL for the tests: $$url"; \
	else \
	  echo "PostgreSQL did not start (see above): the tests run on SQLite only." >&2; \
	fi; \
	$(BIN)/python -m pytest -q

# Debian's Chromium for the browser tests; Playwright drives it and downloads nothing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

# Debian's PostgreSQL server for the store tests; its own system cluster is
# stopped, the tests start a throwaway one of their own.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null; \
	  $$SUDO service postgresql stop >/dev/null 2>&1 || true; }

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

check: lint test

clean:
	rm -rf $(VENV) $(DB) .pytest_cache .mypy_cache .ruff_cache

# Accuracy on the dev gold and the public benchmarks, dateline beside the
# baselines; writes bench/ACCURACY.md. `make eval-smoke` is the quick CI form.
# EVAL_JSON=FILE also writes the figures as JSON (the dev gold per source);
# BASELINE=FILE compares with such a file: per source, what rose and what fell.
EVAL_JSON ?=
BASELINE ?=
eval: $(VENV)/.installed-dev
	$(BIN)/python bench/make_accuracy.py --output bench/ACCURACY.md \
	  $(if $(EVAL_JSON),--json $(EVAL_JSON)) $(if $(BASELINE),--baseline $(BASELINE))

eval-smoke: $(VENV)/.installed-dev
	$(BIN)/python bench/make_accuracy.py --limit 3 --output $(or $(TMPDIR),/tmp)/ACCURACY-smoke.md
