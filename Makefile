# Essaim — the two commands that matter: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist: `auto` is one test process per core. Its "worksteal" hands out tests by their
# place in the collection, not by their name: the API fuzz test has several items of one name.
TEST_WORKERS ?= auto
# Pure modules (no Django import) checked by mypy --strict.
PURE_MODULES := essaim/core/text.py essaim/core/registries.py essaim/core/reminders.py essaim/core/workflows.py \
	essaim/core/imports/__init__.py essaim/core/imports/files.py \
	essaim/core/imports/report.py essaim/core/documents.py essaim/organisations/siret.py essaim/territories/geometry.py \
	essaim/territories/places.py essaim/strategy/bilan_document.py \
	essaim/catalog/matching.py essaim/catalog/quality.py essaim/catalog/coverage.py essaim/catalog/text_search.py \
	essaim/strategy/strategy_file essaim/strategy/vocabulary.py essaim/strategy/progress.py essaim/strategy/values.py essaim/strategy/bilan_data.py essaim/core/charts.py \
	essaim/esspresso/scheduler essaim/esspresso/suggestions.py essaim/esspresso/rotations.py essaim/esspresso/rematch.py \
	essaim/referrals/routing.py essaim/diagnostics/bank.py essaim/diagnostics/vocabulary.py essaim/diagnostics/results.py \
	essaim/core/numbers.py essaim/organisations/sizes.py essaim/observatory/perimeter.py essaim/observatory/sectors.py \
	essaim/observatory/sirene_sql.py essaim/observatory/sirene_figures.py essaim/observatory/demo_extract.py essaim/observatory/demo_extract_places.py essaim/observatory/demo_extract_tables.py essaim/places/coordinates.py \
	essaim/core/maps.py

# Every module that writes (services, imports, history, workflows) and the permission rules, also
# under mypy --strict, Django typed by django-stubs.
TYPED_MODULES = $(filter-out $(PURE_MODULES),$(wildcard essaim/*/services.py essaim/*/services/*.py essaim/*/perms.py \
	essaim/*/history.py essaim/*/workflows.py essaim/core/imports/*.py essaim/catalog/importing/*.py \
	essaim/core/middleware.py essaim/core/converters.py essaim/catalog/alerts.py essaim/catalog/freshness.py essaim/strategy/loading.py essaim/strategy/storable.py essaim/territories/names.py \
	essaim/core/backups.py essaim/*/personal_data.py essaim/core/ratelimit.py \
	essaim/core/headers.py essaim/core/client_address.py essaim/accounts/lockout.py essaim/core/scheduled.py \
	essaim/core/tables.py essaim/api/params.py essaim/catalog/exports.py essaim/places/importing.py essaim/places/queries.py))

.PHONY: install install-dev install-bench run serve test quality audit fix lock migrations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed  ## runtime dependencies in .venv

install-dev: $(VENV)/.installed-dev  ## runtime and development dependencies

install-bench: $(VENV)/.installed-dev  ## plus the solvers the scheduler benchmark compares against
	$(BIN)/pip install --quiet --require-hashes -r requirements/bench.txt

run: $(VENV)/.installed  ## serve the platform with demo data on SQLite
	DEBUG=true $(MANAGE) migrate --noinput
	DEBUG=true $(MANAGE) setup_reference
	DEBUG=true $(MANAGE) load_demo
	@$(MAKE) --no-print-directory serve

serve: $(VENV)/.installed  ## web server and task worker, without loading anything
	@echo ""
	@echo "Essaim est servi sur http://$(HOST):$(PORT)/ (Ctrl+C pour arrêter)."
	@echo "Administration : http://$(HOST):$(PORT)/admin/"
	@trap 'kill 0' INT TERM EXIT; \
	DEBUG=true $(MANAGE) db_worker --interval 2 & \
	DEBUG=true $(MANAGE) runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev  ## the whole test suite (DATABASE_URL=postgres://... for PostgreSQL; TEST_WORKERS=0: one process)
	$(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal $(ARGS)

quality: $(VENV)/.installed-dev  ## format, lint, templates, migrations, types
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/djlint essaim --lint
	$(BIN)/djlint essaim --check
	SECRET_KEY=quality DEBUG=true $(MANAGE) makemigrations --check --dry-run --noinput
	SECRET_KEY=quality DEBUG=true $(BIN)/mypy $(PURE_MODULES) $(TYPED_MODULES)

audit: $(VENV)/.installed-dev  ## known vulnerabilities in the pinned dependencies (pip-audit, PyPI)
	$(BIN)/python .ci/audit.py requirements/base.txt requirements/dev.txt
	$(BIN)/python .ci/audit.py requirements/bench.txt

fix: $(VENV)/.installed-dev  ## apply the formatters
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/djlint essaim --reformat --quiet || true

lock: $(BIN)/python  ## regenerate requirements/*.txt from pyproject.toml
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe -o requirements/base.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra dev -o requirements/dev.txt pyproject.toml
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe --extra dev --extra bench -o requirements/bench.txt pyproject.toml

migrations: $(VENV)/.installed-dev  ## make migrations: make migrations APP=catalog NAME=add_offer_review
	DEBUG=true $(MANAGE) makemigrations $(APP) --name $(NAME)

clean:  ## remove the virtual environment and the local database
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles
