# peerpath — build, generate every shipped pathway, test, check the documents.
# `make` builds a release binary and writes out/<pathway-id>/<role-id>/job-description.{odt,xml}.

SWIFT      ?= swift
SHARED     ?= ../shared
OUT        ?= out
BIN        := .build/release/peerpath
SOURCES    := Package.swift $(shell find Sources -type f)
SHARE      := $(shell find data templates schemas -type f)
# STYLES=org.ott uses an organisation's own page layout, fonts, colours, header, footer and logo.
STYLES     ?=
STYLEFLAGS := $(if $(STYLES),--styles $(STYLES),)
# Every YAML file directly under pathways/ whose top level has a `pathway:` key is a pathway.
PATHWAYS   := $(shell grep -l '^pathway:' pathways/*.yaml 2>/dev/null)
STAMPS     := $(patsubst pathways/%.yaml,$(OUT)/.stamps/%,$(PATHWAYS))

.PHONY: all build test check-odf check-office check clean help

all: $(STAMPS) ## build, then generate every pathway into out/

build: $(BIN) ## build the release binary

$(BIN): $(SOURCES)
	$(SWIFT) build -c release --product peerpath
	@touch $@

# One stamp per pathway file: regenerated when the file, the binary or peerpath's data change.
$(OUT)/.stamps/%: pathways/%.yaml $(BIN) $(SHARE) $(shell find pathways/catalogue -type f) $(STYLES)
	$(BIN) generate $< --out $(OUT) --quiet $(STYLEFLAGS)
	@mkdir -p $(@D) && touch $@

test: ## run the unit and end-to-end tests
	$(SWIFT) test

check-odf: all ## every generated .odt through ../shared/tools/odf-check
	$(SHARED)/tools/odf-check $$(find $(OUT) -name '*.odt' | sort)

check-office: all ## every generated .odt converts to PDF in LibreOffice (needs soffice)
	scripts/check-office $(OUT)

check: check-odf check-office ## both document checks

clean: ## remove out/ and the build
	rm -rf $(OUT) .build

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 16
