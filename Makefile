# Two entry points the README promises: `make run` and `make test`. Both set up what they need.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8501

.PHONY: run test test-unit test-e2e bench setup chromium clean

# The venv is rebuilt only when a requirements file changes (the stamp is newer otherwise).
$(VENV)/.stamp: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

setup: $(VENV)/.stamp

run: setup
	$(PY) -m streamlit run app.py --server.port $(PORT)

# Browser tests need Debian's Chromium; install it when missing (we are root on these machines).
chromium:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk)

test: setup chromium
	$(PY) -m pytest -q tests bench/test_bench_smoke.py

test-unit: setup
	$(PY) -m pytest -q tests --ignore=tests/e2e

test-e2e: setup chromium
	$(PY) -m pytest -q tests/e2e

bench: setup
	$(PY) -m bench --large

clean:
	rm -rf $(VENV) .pytest_cache .redline-cache
