# Bulkops. The two commands a new machine needs: `make run` and `make test`.
# Both install what they need first (Debian packages, only those missing).
# `make package` builds the release archives into build/dist/ (see scripts/package.sh).

GO        ?= go
BIN       := bin/bulkops
TAGS      := migrated_fynedo
FUZZTIME  ?= 30s
export CGO_ENABLED := 1
# The version every build shows (bulkops --version, About, the API's User-Agent).
ifeq ($(origin VERSION),undefined)
VERSION   := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
endif
export VERSION
LDFLAGS   := -X github.com/bulkops/bulkops/internal/version.Version=$(VERSION)
# staticcheck, pinned: make lint installs this version into bin/tools/ when it is missing.
STATICCHECK_VERSION := v0.8.2
STATICCHECK         := bin/tools/staticcheck-$(STATICCHECK_VERSION)

.PHONY: all deps test-deps package-deps build run test lint tidy-check desktop-check unit keyring-test \
	smoke package package-test package-macos bench bench-go bench-pack bench-export fuzz clean

all: build

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

package-deps:
	@scripts/deps.sh package

build: deps
	$(GO) build -trimpath -tags $(TAGS) -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/bulkops

run: build
	./$(BIN)

# Everything the project relies on: formatting, vet, staticcheck, go.mod tidy, the desktop
# file valid, the race-checked tests, the real keyring under a private D-Bus session, and
# the real binary under Xvfb (screenshots kept in build/smoke/), and the Linux and Windows
# packages unpacked, installed and run.
test: test-deps lint tidy-check desktop-check unit keyring-test smoke package-test

# go.mod and go.sum as go mod tidy leaves them: every direct requirement listed as such.
tidy-check:
	$(GO) mod tidy -diff

desktop-check:
	desktop-file-validate packaging/linux/io.bulkops.desktop.desktop

lint: $(STATICCHECK)
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...
	$(STATICCHECK) -tags $(TAGS) ./...

# The version is in the file's name, so that a new pin installs anew.
$(STATICCHECK):
	@mkdir -p $(@D)
	GOBIN=$(CURDIR)/$(@D) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	@mv $(@D)/staticcheck $@

unit:
	$(GO) test -race -tags $(TAGS) -timeout 20m ./...

keyring-test:
	@scripts/keyring-test.sh

smoke: build
	@scripts/smoke.sh $(BIN)

# Release archives and SHA256SUMS in build/dist/: Linux (window, CLI), Windows (zip),
# the macOS CLI. The macOS .app is built on a Mac: make package-macos.
package: package-deps
	@scripts/package.sh

# Builds the Linux and Windows packages (not the macOS CLI) into build/dist-test/ and
# checks them: installed from the tarball into a temporary prefix and run, the .exe's
# PE header and resources, a Wine run where Wine is installed.
package-test: package-deps
	@DIST=build/dist-test scripts/package.sh linux linux-cli windows
	@scripts/package-test.sh build/dist-test

package-macos:
	@scripts/package-macos.sh

# The Go benchmarks, then the whole-process pack/validate comparison of issues 10 and 14
# (scripts/bench-pack.sh: paired runs against a plain Python splitter, peak RSS from
# /usr/bin/time -v, the targets met or missed). BASE=old/bulkops adds a before/after pair.
# bench-export: the requests an export of each type makes of the sandbox, against its floor
# (its list a page per thousand, each referenced type's list once, the GETs live forces),
# then the whole organization's (export --all: every list once), then the copy of the demo
# organization into the empty one (one workbook job), each with its ratio to the floor.
bench: bench-go bench-pack bench-export

bench-go:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -timeout 30m ./...

bench-export:
	$(GO) test -tags $(TAGS) -run 'TestExportReadsListPagesOnly|TestExportAllWorkbook|TestCopyAtTheRequestFloor' -count 1 -v ./sync/jobs/

bench-pack: build
	CGO_ENABLED=0 $(GO) build -trimpath -tags $(TAGS),nogui -ldflags "$(LDFLAGS)" -o bin/bulkops-cli ./cmd/bulkops
	scripts/bench-pack.sh $(BIN) bin/bulkops-cli

fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime=1x $$pkg || exit 1; \
	  done; done

clean:
	rm -rf bin build
