# Bulkops. The two commands a new machine needs: `make run` and `make test`.
# Both install what they need first (Debian packages, only those missing).

GO        ?= go
BIN       := bin/bulkops
TAGS      := migrated_fynedo
FUZZTIME  ?= 30s
export CGO_ENABLED := 1

.PHONY: all deps test-deps build run test lint unit keyring-test smoke bench fuzz clean

all: build

deps:
	@scripts/deps.sh build

test-deps:
	@scripts/deps.sh test

build: deps
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/bulkops

run: build
	./$(BIN)

# Everything the project relies on: formatting, vet, the race-checked tests, the real
# keyring under a private D-Bus session, and the real binary under Xvfb (screenshots kept
# in build/smoke/).
test: test-deps lint unit keyring-test smoke

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...

unit:
	$(GO) test -race -tags $(TAGS) -timeout 20m ./...

keyring-test:
	@scripts/keyring-test.sh

smoke: build
	@scripts/smoke.sh $(BIN)

bench:
	$(GO) test -run '^$$' -bench . -benchmem -timeout 30m ./...

fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime=1x $$pkg || exit 1; \
	  done; done

clean:
	rm -rf bin build
