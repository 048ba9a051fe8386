# GreenDesk: `make run` opens the desk on the demo portfolio, `make test` runs the whole suite.
# Both create .venv and install what is missing first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench lock system-deps venv clean

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

system-deps:
	bash .ci/system-deps

run: $(STAMP)
	bash .ci/system-deps --runtime
	$(VENV)/bin/greendesk

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider --durations=12

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check greendesk tests
	$(VENV)/bin/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/run.py

# Re-resolves requirements.lock from pyproject.toml (plus the build backend that `pip install -e .`
# uses without isolation) with uv, for the oldest supported Python. Only name==version pins result.
LOCKENV := .lockenv
lock:
	test -x $(LOCKENV)/bin/uv || ($(PYTHON) -m venv $(LOCKENV) && $(LOCKENV)/bin/pip install -q uv)
	printf 'hatchling>=1.25\neditables>=0.5\n' | $(LOCKENV)/bin/uv pip compile pyproject.toml - \
	  --extra test --python-version 3.11 --custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) $(LOCKENV) build dist .pytest_cache .mypy_cache .ruff_cache
