# Lubpur CMS — everyday commands. `make run` and `make test` install what they need first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed
# pytest-xdist workers: one per core (PYTEST_WORKERS=0 runs in one process).
PYTEST_WORKERS ?= auto

.PHONY: install run test test-fast lint format schema messages lock bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"

# Reinstall only when a lock file changed.
$(STAMP): requirements/dev.lock | $(PY)
	$(VENV)/bin/uv pip install -q --python $(PY) -r requirements/dev.lock
	touch $(STAMP)

install: $(STAMP)

run: install ## migrate, load demo content, ensure an admin, serve on 127.0.0.1:8000
	@echo "Migrating the database …"
	@$(PY) manage.py migrate --no-input -v 0
	@$(PY) manage.py seed_demo
	@$(PY) manage.py ensure_admin --site-url http://127.0.0.1:8000
	@$(PY) manage.py runserver 127.0.0.1:8000

test: install ## the whole suite (browser tests run when Chromium is present)
	@if [ -x /usr/bin/chromium ] || [ -n "$$LUBPUR_CHROMIUM" ]; then \
		echo "browser tests: Chromium found, running tests/e2e"; \
	else \
		echo "browser tests: SKIPPED - no Chromium (apt-get install chromium)"; \
	fi
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) tools/layers.py
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py spectacular --file /tmp/lubpur-openapi.yaml --validate --fail-on-warn
	diff -u frontend_api/openapi.yaml /tmp/lubpur-openapi.yaml

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

schema: install ## regenerate the committed OpenAPI schema
	$(PY) manage.py spectacular --file frontend_api/openapi.yaml --validate --fail-on-warn

# The zh-hans catalogue (locale/zh_Hans): refresh it from the code, then compile it.
# Translate every empty msgstr between the two runs; tests/test_translations.py lists
# them (and uses the same ignore list). Needs GNU gettext (apt-get install gettext).
MESSAGES_IGNORE := -i 'tests/*' -i 'bench/*' -i 'tools/*' -i '*/migrations/*' -i 'node_modules/*'
messages: install ## update locale/zh_Hans/LC_MESSAGES/django.po and compile the .mo
	$(PY) manage.py makemessages -l zh_Hans --no-location --no-obsolete $(MESSAGES_IGNORE)
	$(PY) manage.py compilemessages -l zh_Hans -i .venv -i node_modules

lock: | $(PY) ## re-pin every dependency from pyproject.toml
	$(VENV)/bin/uv pip compile -q --python-version 3.11 pyproject.toml -o requirements/base.lock
	$(VENV)/bin/uv pip compile -q --python-version 3.11 --extra dev pyproject.toml -o requirements/dev.lock

bench: install
	$(PY) bench/api.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
