# sfn-run: `make run` builds and runs the tutorial example; `make test` runs the whole test suite.
PREFIX ?= $(HOME)/.local
MVN ?= mvn -B -q
SOURCES := $(shell find src/main -type f) pom.xml

.PHONY: build run test install clean conformance

build: target/sfn-run

target/sfn-run: $(SOURCES)
	$(MVN) -DskipTests package
	cat src/main/launcher/sfn-run.sh target/sfn-run-all.jar > target/sfn-run
	chmod +x target/sfn-run

run: target/sfn-run
	target/sfn-run definitions/api-error-handling.asl.json --input inputs/429.json

test:
	$(MVN) verify
	@cat target/surefire-reports/*.txt target/failsafe-reports/*.txt 2>/dev/null | awk -F'[:,] *' \
	  '/^Tests run/ { n += $$2; f += $$4; e += $$6; s += $$8 } END { printf "tests: %d run, %d failed, %d errors, %d skipped\n", n, f, e, s }'

install: target/sfn-run
	install -d $(PREFIX)/bin
	install -m 755 target/sfn-run $(PREFIX)/bin/sfn-run

conformance: target/sfn-run
	../shared/conformance/run

clean:
	rm -rf target
