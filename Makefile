# peerpath — build, generate every shipped pathway, test, check the documents.
# `make` builds a release binary and writes out/<pathway-id>/<role-id>/job-description.{odt,docx,xml,md} (and the other documents).

SWIFT      ?= swift
SHARED     ?= ../shared
OUT        ?= out
BIN        := .build/release/peerpath
# Release builds link Swift's runtime and Foundation statically: a command starts in about 5 ms instead
# of 12 (no shared-library symbol binding for libswiftCore, libFoundation and ICU; see "Design notes").
RELEASE    := $(SWIFT) build -c release --static-swift-stdlib
SOURCES    := Package.swift $(shell find Sources -type f)
SHARE      := $(shell find data templates schemas -type f)
# STYLES=org.ott uses an organisation's own page layout, fonts, colours, header, footer and logo.
STYLES     ?=
STYLEFLAGS := $(if $(STYLES),--styles $(STYLES),)
# Every YAML file directly under pathways/ whose top level has a `pathway:` key is a pathway.
PATHWAYS   := $(shell grep -l '^pathway:' pathways/*.yaml 2>/dev/null)
STAMPS     := $(patsubst pathways/%.yaml,$(OUT)/.stamps/%,$(PATHWAYS))

.PHONY: all build test check validate pdf documents check-odf check-docx check-office fuzz fuzz-build bench clean help serve
.PHONY: test-browser screenshots bench-what-if

all: $(STAMPS) ## build, then generate every pathway into out/

build: $(BIN) ## build the release binary

$(BIN): $(SOURCES)
	$(RELEASE) --product peerpath
	@touch $@

# One stamp per pathway file: regenerated when the file, the binary or peerpath's data change.
$(OUT)/.stamps/%: pathways/%.yaml $(BIN) $(SHARE) $(shell find pathways/catalogue -type f) $(STYLES)
	$(BIN) generate $< --out $(OUT) --quiet $(STYLEFLAGS)
	@mkdir -p $(@D) && touch $@

test: ## run the unit and end-to-end tests (all Swift Testing: XCTest, which has none to run, is left out)
	$(SWIFT) test --disable-xctest

# PORT=N picks the port of `make serve` (0: a free one).
PORT ?= 8080

# The server is its own executable, which `peerpath serve` runs from beside peerpath.
SERVER     := .build/release/peerpath-serve

$(SERVER): $(SOURCES)
	$(RELEASE) --product peerpath-serve
	@touch $@

serve: $(BIN) $(SERVER) ## serve the pathways in pathways/ as a local web workbench on http://127.0.0.1:$(PORT)/ until Ctrl-C
	$(BIN) serve pathways --port $(PORT)

test-browser: $(BIN) $(SERVER) ## the end-to-end tests of peerpath serve in headless Chromium (Tests/Browser; needs chromium, chromium-driver, selenium, pytest, axe-core-python)
	scripts/test-browser $(BIN)

screenshots: $(BIN) $(SERVER) ## the browser tests, writing the README's screenshots to docs/screenshots
	SCREENSHOTS=docs/screenshots scripts/test-browser $(BIN)

check: $(BIN) ## peerpath check on every pathway (job evaluation, practice, trace, language)
	@status=0; for p in $(PATHWAYS); do $(BIN) check $$p || status=1; done; exit $$status

# The strict OASIS ODF 1.3 schema check needs the schemas (CI has them in ../shared/odf); peerpath's own
# package and document checks always run. Each run says which checks ran.
ODF_SCHEMAS ?= $(SHARED)/odf
ODF_CHECK   ?= $(SHARED)/tools/odf-check

validate: all ## every generated .xml and .odt through peerpath validate, with the OASIS ODF 1.3 schemas when ODF_SCHEMAS is a folder
	@files=$$(find $(OUT) -name '*.xml' -o -name '*.odt' | sort); \
	if [ -d "$(ODF_SCHEMAS)" ]; then \
	  echo "validate: checks: peerpath schema (XML), ODF package rules, every ODT part against the OASIS ODF 1.3 schemas in $(ODF_SCHEMAS)"; \
	  $(BIN) validate --quiet $$files --odf-schemas $(ODF_SCHEMAS); \
	else \
	  echo "validate: checks: peerpath schema (XML), ODF package rules; not run: the OASIS ODF 1.3 schema check (no folder at $(ODF_SCHEMAS); set ODF_SCHEMAS=DIR)"; \
	  $(BIN) validate --quiet $$files; \
	fi
	@echo "validate: $$(find $(OUT) -name '*.xml' -o -name '*.odt' | wc -l) files valid"

pdf: all ## every generated .odt to PDF beside it, with LibreOffice (when installed)
	@command -v soffice >/dev/null || { echo "pdf: soffice not found (Debian: libreoffice-writer-nogui)"; exit 69; }
	@for d in $$(find $(OUT) -name '*.odt' -printf '%h\n' | sort -u); do \
	  soffice -env:UserInstallation=file://$(CURDIR)/$(OUT)/.lo-profile --headless --convert-to pdf --outdir $$d $$d/*.odt >/dev/null 2>&1; done
	@echo "pdf: $$(find $(OUT) -name '*.pdf' | wc -l) PDFs"

check-odf: all ## every generated .odt: peerpath's package checks, then the OASIS schemas (ODF_SCHEMAS) and the strict odf-check (ODF_CHECK) where present
	@odts=$$(find $(OUT) -name '*.odt' | sort); \
	$(BIN) validate --quiet $$odts $(if $(wildcard $(ODF_SCHEMAS)/*),--odf-schemas $(ODF_SCHEMAS),) || exit 1; \
	echo "check-odf: peerpath validate: $$(echo $$odts | wc -w) packages valid$(if $(wildcard $(ODF_SCHEMAS)/*), (with the OASIS ODF 1.3 schemas in $(ODF_SCHEMAS)), (the OASIS ODF 1.3 schemas were not checked: no folder at $(ODF_SCHEMAS)))"; \
	if [ -x "$(ODF_CHECK)" ] && command -v xmllint >/dev/null; then \
	  $(ODF_CHECK) $$odts; \
	else \
	  echo "check-odf: not run: the strict odf-check ($(ODF_CHECK) and xmllint are needed)"; \
	fi

# The strict ECMA-376 check of every .docx needs docx-check and its schemas (CI has them in ../shared);
# python-docx, when installed, reads every .docx back as a second, independent reader. Each run says which ran.
DOCX_CHECK ?= $(SHARED)/tools/docx-check

check-docx: all ## every generated .docx: the strict ECMA-376 docx-check (DOCX_CHECK) where present, then python-docx reading it back where installed
	@docx=$$(find $(OUT) -name '*.docx' | sort); \
	[ -n "$$docx" ] || { echo "check-docx: no .docx files under $(OUT)" >&2; exit 1; }; \
	if [ -f "$(DOCX_CHECK)" ] && command -v xmllint >/dev/null && command -v python3 >/dev/null; then \
	  python3 $(DOCX_CHECK) $$docx | grep -v '^  note: .*image/svg+xml' || exit 1; \
	else \
	  echo "check-docx: not run: the strict docx-check ($(DOCX_CHECK), python3 and xmllint are needed; set SHARED=DIR or DOCX_CHECK=FILE)"; \
	fi; \
	if command -v python3 >/dev/null && python3 -c 'import docx' 2>/dev/null; then \
	  python3 scripts/read-docx $$docx >/dev/null && echo "check-docx: python-docx read $$(echo $$docx | wc -w) files"; \
	else \
	  echo "check-docx: not run: reading back with python-docx (pip install python-docx)"; \
	fi

check-office: all ## every generated .odt converts to PDF in LibreOffice (needs soffice)
	scripts/check-office $(OUT)

documents: check-odf check-docx check-office ## the document checks

# Fuzzing: libFuzzer through Swift's address sanitizer and coverage, linked with libFuzzer's
# no-main runtime (SwiftPM names the executable's entry point itself). FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 60
FUZZ_LIB     := $(shell dirname $$(dirname $$(command -v swiftc)))/lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a
FUZZ_FLAGS   := --scratch-path .build-fuzz -Xswiftc -sanitize=address \
                -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table -Xswiftc -DFUZZING \
                -Xlinker $(firstword $(wildcard $(FUZZ_LIB))) -Xlinker -lstdc++

fuzz-build:
	$(SWIFT) build --product FuzzPathwayLoader $(FUZZ_FLAGS)
	$(SWIFT) build --product FuzzXMLReader $(FUZZ_FLAGS)
	$(SWIFT) build --product FuzzStylesImporter $(FUZZ_FLAGS)

fuzz: fuzz-build ## fuzz the pathway loader, the XML reader and the styles importer, FUZZ_SECONDS each (crashes in out/fuzz/)
	mkdir -p $(OUT)/fuzz/loader $(OUT)/fuzz/xml $(OUT)/fuzz/styles
	cd $(OUT)/fuzz && PEERPATH_SHARE=$(CURDIR) ASAN_OPTIONS=detect_leaks=0 $(CURDIR)/.build-fuzz/debug/FuzzPathwayLoader \
	  loader $(CURDIR)/Tests/Fuzz/seeds/loader -max_total_time=$(FUZZ_SECONDS) -max_len=20000 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
	cd $(OUT)/fuzz && PEERPATH_SHARE=$(CURDIR) ASAN_OPTIONS=detect_leaks=0 $(CURDIR)/.build-fuzz/debug/FuzzXMLReader \
	  xml $(CURDIR)/Tests/Fuzz/seeds/xml -max_total_time=$(FUZZ_SECONDS) -max_len=20000 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
	cd $(OUT)/fuzz && PEERPATH_SHARE=$(CURDIR) ASAN_OPTIONS=detect_leaks=0 $(CURDIR)/.build-fuzz/debug/FuzzStylesImporter \
	  styles $(CURDIR)/Tests/Fuzz/seeds/styles -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1

BENCH_SIZES ?= 100 1000 10000
bench: build $(SERVER) ## benchmark: command latency (--version, evaluate, trace, check, lint) against 25 ms, documents/s, CPU ms a document, peak memory for BENCH_SIZES roles, pandoc; then the what-if load
	scripts/bench $(BIN) $(BENCH_SIZES)
	scripts/bench-what-if $(BIN)

bench-what-if: build $(SERVER) ## the what-if load: wrk, 50 connections, WHATIF_SECONDS (default 10) against peerpath serve; p95 against 20 ms
	scripts/bench-what-if $(BIN)

clean: ## remove out/ and the builds
	rm -rf $(OUT) .build .build-fuzz

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16
