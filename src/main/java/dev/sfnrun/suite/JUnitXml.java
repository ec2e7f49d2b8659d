package dev.sfnrun.suite;

import dev.sfnrun.io.XmlText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML as GitHub Actions, GitLab and Jenkins read it: {@code testsuites} with one
 * {@code testsuite} per suite file and one {@code testcase} per case; a failed case has a
 * {@code failure} (message: the first failed expectation; body: every failure with its diff, the path
 * taken and the failing event); a case not run has {@code skipped}. Times in seconds. Characters XML
 * 1.0 cannot hold are written as {@code \\uXXXX}, and line breaks and tabs in attributes as character
 * references ({@code &#10;}), so a case's name reads back as it was written.
 */
public final class JUnitXml {
    private JUnitXml() {
    }

    public static void write(List<CaseResult> results, Instant started, OutputStream stream) throws IOException {
        // by identity, in the order of their first case: a Suite is a record whose hash and equals walk every case
        Map<Suite, List<CaseResult>> bySuite = new IdentityHashMap<>();
        List<Suite> order = new ArrayList<>();
        for (CaseResult result : results) {
            bySuite.computeIfAbsent(result.suite(), s -> {
                order.add(s);
                return new ArrayList<>();
            }).add(result);
        }
        // written by hand: XMLStreamWriter writes a line feed or tab in an attribute as it is, which every
        // parser reads as a space, so cases named "a\nb" and "a b" had one name
        Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
        attribute(writer, "name", "sfn-run test");
        counts(writer, results);
        attribute(writer, "time", seconds(total(results)));
        writer.write(">\n");
        String timestamp = DateTimeFormatter.ISO_LOCAL_DATE_TIME
                .format(started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        int id = 0;
        for (Suite suite : order) {
            List<CaseResult> cases = bySuite.get(suite);
            writer.write("  <testsuite");
            attribute(writer, "name", suite.file());
            attribute(writer, "id", String.valueOf(id++));
            counts(writer, cases);
            attribute(writer, "time", seconds(total(cases)));
            attribute(writer, "timestamp", timestamp);
            attribute(writer, "hostname", "localhost");
            writer.write(">\n");
            for (CaseResult result : cases) {
                testcase(writer, result);
            }
            writer.write("  </testsuite>\n");
        }
        writer.write("</testsuites>\n");
        writer.flush();
    }

    private static void attribute(Writer writer, String name, String value) throws IOException {
        writer.write(' ');
        writer.write(name);
        writer.write("=\"");
        writer.write(XmlText.attribute(value));
        writer.write('"');
    }

    private static void testcase(Writer writer, CaseResult result) throws IOException {
        writer.write("    <testcase");
        attribute(writer, "name", result.testCase().name());
        attribute(writer, "classname", className(result.suite().file()));
        attribute(writer, "time", seconds(result.real()));
        switch (result.verdict()) {
            case PASS -> writer.write("/>\n");
            case SKIP -> {
                writer.write(">\n      <skipped");
                attribute(writer, "message", "not run (filtered out, or after --fail-fast stopped the run)");
                writer.write("/>\n    </testcase>\n");
            }
            case FAIL -> {
                writer.write(">\n      <failure");
                CaseResult.Failure first = result.failures().get(0);
                String message = first.text().lines().findFirst().orElse(first.key());
                attribute(writer, "message", message.length() > 500 ? message.substring(0, 499) + "…" : message);
                attribute(writer, "type", first.key());
                writer.write(">");
                writer.write(XmlText.content(result.failureText()));
                writer.write("</failure>\n    </testcase>\n");
            }
        }
    }

    private static void counts(Writer writer, List<CaseResult> results) throws IOException {
        attribute(writer, "tests", String.valueOf(results.size()));
        attribute(writer, "failures", String.valueOf(TextReport.count(results, CaseResult.Verdict.FAIL)));
        attribute(writer, "errors", "0");
        attribute(writer, "skipped", String.valueOf(TextReport.count(results, CaseResult.Verdict.SKIP)));
    }

    /** "dir/x.sfn-test.yaml" → "dir.x": a class name as report readers group by. */
    static String className(String file) {
        String name = file.replace('\\', '/');
        for (String suffix : SuiteFiles.SUFFIXES) {
            if (name.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        while (name.startsWith("./")) {
            name = name.substring(2);
        }
        return name.replace('/', '.');
    }

    private static Duration total(List<CaseResult> results) {
        return results.stream().map(CaseResult::real).reduce(Duration.ZERO, Duration::plus);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }
}
