package dev.sfnrun.suite;

import dev.sfnrun.io.XmlText;
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
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as GitHub Actions, GitLab and Jenkins read it: {@code testsuites} with one
 * {@code testsuite} per suite file and one {@code testcase} per case; a failed case has a
 * {@code failure} (message: the first failed expectation; body: every failure with its diff, the path
 * taken and the failing event); a case not run has {@code skipped}. Times in seconds. Characters XML
 * 1.0 cannot hold are written as {@code \\uXXXX}.
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
        Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "sfn-run test");
            counts(xml, results);
            xml.writeAttribute("time", seconds(total(results)));
            xml.writeCharacters("\n");
            int id = 0;
            for (Suite suite : order) {
                List<CaseResult> cases = bySuite.get(suite);
                xml.writeCharacters("  ");
                xml.writeStartElement("testsuite");
                xml.writeAttribute("name", XmlText.legal(suite.file()));
                xml.writeAttribute("id", String.valueOf(id++));
                counts(xml, cases);
                xml.writeAttribute("time", seconds(total(cases)));
                xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME
                        .format(started.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
                xml.writeAttribute("hostname", "localhost");
                xml.writeCharacters("\n");
                for (CaseResult result : cases) {
                    testcase(xml, result);
                }
                xml.writeCharacters("  ");
                xml.writeEndElement();
                xml.writeCharacters("\n");
            }
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            writer.flush();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException written) { // a full disk: said as it is
                throw written;
            }
            throw new IOException("could not write the JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void testcase(XMLStreamWriter xml, CaseResult result) throws XMLStreamException {
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", XmlText.legal(result.testCase().name()));
        xml.writeAttribute("classname", XmlText.legal(className(result.suite().file())));
        xml.writeAttribute("time", seconds(result.real()));
        switch (result.verdict()) {
            case PASS -> {
                // no children
            }
            case SKIP -> {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", "not run (filtered out, or after --fail-fast stopped the run)");
                xml.writeCharacters("\n    ");
            }
            case FAIL -> {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("failure");
                CaseResult.Failure first = result.failures().get(0);
                String message = first.text().lines().findFirst().orElse(first.key());
                xml.writeAttribute("message", XmlText.legal(message.length() > 500 ? message.substring(0, 499) + "…" : message));
                xml.writeAttribute("type", first.key());
                xml.writeCharacters(XmlText.legal(result.failureText()));
                xml.writeEndElement();
                xml.writeCharacters("\n    ");
            }
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    private static void counts(XMLStreamWriter xml, List<CaseResult> results) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(results.size()));
        xml.writeAttribute("failures", String.valueOf(TextReport.count(results, CaseResult.Verdict.FAIL)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(TextReport.count(results, CaseResult.Verdict.SKIP)));
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
