# sfn-run: `make run` builds and runs the tutorial example; `make test` runs the whole test suite.
PREFIX ?= $(HOME)/.local
MVN ?= mvn -B -q
SOURCES := $(shell find src/main -type f) pom.xml

.PHONY: build run test install clean conformance bench jmh pictures

build: target/sfn-run

target/sfn-run: $(SOURCES)
	$(MVN) -DskipTests package
	cat src/main/launcher/sfn-run.sh target/sfn-run-all.jar > target/sfn-run
	chmod +x target/sfn-run
	sh src/main/launcher/cds-archive.sh target/sfn-run

run: target/sfn-run
	target/sfn-run definitions/api-error-handling.asl.json --input inputs/429.json

# installs python3, node, chromium and chromium-driver first when missing (the tests run them)
test:
	sh src/test/setup/test-tools.sh
	$(MVN) verify
	@cat target/surefire-reports/*.txt target/failsafe-reports/*.txt 2>/dev/null | awk -F'[:,] *' \
	  '/^Tests run/ { n += $$2; f += $$4; e += $$6; s += $$8 } END { printf "tests: %d run, %d failed, %d errors, %d skipped\n", n, f, e, s }'

install: target/sfn-run
	install -d $(PREFIX)/bin
	install -m 755 target/sfn-run $(PREFIX)/bin/sfn-run
	sh src/main/launcher/cds-archive.sh $(PREFIX)/bin/sfn-run

# whole-CLI timings (medians) against the targets in the README's Performance section; BENCH_ARGS="-n 21 -k startup"
bench: target/sfn-run
	src/bench/run $(BENCH_ARGS)

# in-process transitions per second (JMH, the -Pjmh profile); JMH_ARGS="-f 1 -wi 2 -i 3" for a quick look
jmh:
	$(MVN) -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh.classpath
	java -cp target/classes:target/jmh-classes:$$(cat target/jmh.classpath) org.openjdk.jmh.Main $(JMH_ARGS)

conformance: target/sfn-run
	../shared/conformance/run

clean:
	rm -rf target

# the README's pictures: the tutorial's 429 run report and its graph, screenshots by headless Chromium
pictures: target/sfn-run
	mkdir -p target/pictures src/site/images
	target/sfn-run definitions/api-error-handling.asl.json --input inputs/429.json --time-scale 0 -q --report target/pictures/report-429.html
	target/sfn-run graph definitions/api-error-handling.asl.json --format html -o target/pictures/graph.html
	sh src/site/screenshot.sh target/pictures/report-429.html src/site/images/report.png 1200 1500
	sh src/site/screenshot.sh target/pictures/graph.html src/site/images/graph.png 900 560
