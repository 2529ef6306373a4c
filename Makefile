# Marsad: `make run` starts the app with demo data; `make test` runs the whole suite.
# Both install what is missing (system packages, a virtualenv, a local PostGIS cluster) first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test bench bench-api bench-map bench-load system system-browser db db-stop venv venv-dev demo-data check clean-db backup restore

# DEBUG is off unless asked for (tracker/settings.py): these are the development commands.
run test bench bench-api bench-map bench-load check demo-data: export DJANGO_DEBUG = true

run: system venv db demo-data
	@echo ""
	@echo "Marsad is starting at http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	@$(PY) manage.py demo_editor --print-login
	$(PY) manage.py runserver $(HOST):$(PORT)

test: system-browser venv-dev db
	@$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) -m pytest $(PYTEST_ARGS)

bench: venv db
	@$(PY) manage.py migrate --no-input --verbosity 0
	@$(PY) manage.py load_reference --verbosity 0
	$(PY) bench/bench_extraction.py

# The API at scale: N synthetic incidents, Marsad under gunicorn (DEBUG off: the script sets its own
# environment for the server) against one SQL query and tipg. See docs/PERFORMANCE.md.
N ?= 1000000
bench-api: venv db
	$(PY) bench/bench_api.py --n $(N)

# The map page at scale in headless Chromium (first draw, filter changes, pan/zoom, bytes): docs/PERFORMANCE.md.
bench-map: system-browser venv-dev db
	$(PY) bench/bench_map.py --n $(N)

# The whole database (edit history included) to one file, and back: scripts/backup.py, README's "Backups".
# make backup [BACKUP_FILE=path]   (default: $$MARSAD_BACKUP_DIR, else backups/, /marsad-<UTC time>.dump)
# make restore BACKUP_FILE=path [REPLACE=yes]   (into an empty database; REPLACE=yes drops what it holds first)
backup: db
	@$(PYTHON) scripts/backup.py backup $(BACKUP_FILE)

restore: db
	@test -n "$(BACKUP_FILE)" || { echo "Say which backup to restore: make restore BACKUP_FILE=backups/marsad-….dump" >&2; exit 2; }
	@$(PYTHON) scripts/backup.py restore "$(BACKUP_FILE)" $(if $(filter yes,$(REPLACE)),--replace)

# 50 clients for 60 s against gunicorn (map page, API list, detail, filters, timeline, admin changelist) with
# locust in its own virtualenv (bench/.locust-venv): docs/PERFORMANCE.md, "Load". 100,000 incidents unless N=….
bench-load: N = 100000
bench-load: venv db
	$(PY) bench/bench_load.py --n $(N)

system:
	@bash scripts/setup-system.sh

system-browser:
	@bash scripts/setup-system.sh --with-browser

db:
	@bash scripts/db.sh start

db-stop:
	@bash scripts/db.sh stop

$(VENV)/bin/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Marsad needs Python 3.11 or newer; set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime-installed

venv: $(VENV)/.runtime-installed

venv-dev: $(VENV)/.dev-installed

demo-data:
	$(PY) manage.py migrate --no-input
	@$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py load_reference
	$(PY) manage.py load_seed
	$(PY) manage.py demo_editor

check: venv-dev db
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
