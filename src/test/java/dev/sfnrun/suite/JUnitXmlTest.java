package dev.sfnrun.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** --junit: well-formed XML 1.0 that a strict parser accepts and the JUnit schema's shape validates. */
class JUnitXmlTest {
    @TempDir
    Path dir;

    private static final String SUITE = """
            definition: tutorial.asl.json
            cases:
              - name: passes <&> "quoted"
                input: {statuscode: "200"}
                expect: {status: SUCCEEDED}
              - name: fails with control characters
                input: {statuscode: "200"}
                mocks: {Call API: {Return: "x"}}
                expect: {output: "bell \\u0007 and nul \\u0000 and ]]> and \\ud83d\\ude00"}
              - name: skipped by the filter
                input: {statuscode: "200"}
            """;

    /** Parses strictly: no DTD, every warning and error fatal. */
    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setNamespaceAware(true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return builder.parse(new ByteArrayInputStream(xml));
    }

    @Test
    void theShapeReportReadersExpect() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("api.sfn-test.yaml", SUITE);
        fixture.write("sub/other.sfn-test.json", "{\"definition\": \"../tutorial.asl.json\", \"cases\": "
                + "[{\"name\": \"503\", \"input\": {\"statuscode\": \"503\"}, \"expect\": {\"status\": \"FAILED\"}}]}");
        SuiteFixture.Run run = fixture.test(dir.toString(), "--junit", fixture.path("out/junit.xml"), "--filter", "/(passes|fails|503)");
        assertEquals(1, run.exit(), run.err());
        byte[] xml = Files.readAllBytes(dir.resolve("out/junit.xml"));

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(new StreamSource(Path.of("src/test/resources/suite/junit.xsd").toFile()))
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));

        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals("4", root.getAttribute("tests"));
        assertEquals("1", root.getAttribute("failures"));
        assertEquals("1", root.getAttribute("skipped"));
        NodeList suites = root.getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        Element api = (Element) suites.item(0);
        assertEquals(dir.resolve("api.sfn-test.yaml").toString(), api.getAttribute("name"));
        NodeList cases = api.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element first = (Element) cases.item(0);
        assertEquals("passes <&> \"quoted\"", first.getAttribute("name"));
        assertTrue(first.getAttribute("classname").endsWith(".api"), first.getAttribute("classname"));
        assertEquals(0, first.getChildNodes().getLength());
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("output", failure.getAttribute("type"));
        assertEquals("output: 1 difference", failure.getAttribute("message"));
        String body = failure.getTextContent();
        assertTrue(body.contains("bell \\u0007 and nul \\u0000 and ]]> and \ud83d\ude00"), body);
        assertTrue(body.contains("path taken: Call API → OK"), body);
        assertEquals(1, ((Element) cases.item(2)).getElementsByTagName("skipped").getLength());
        Element other = (Element) suites.item(1);
        assertEquals("1", other.getAttribute("tests"));
        assertEquals("0", other.getAttribute("failures"));
    }

    @Test
    void xmlCleaningKeepsLegalTextAndEscapesTheRest() {
        assertEquals("a\tb\nc", dev.sfnrun.io.XmlText.legal("a\tb\nc"));
        assertEquals("\\u0001x\\uFFFE\\uD800", dev.sfnrun.io.XmlText.legal("\u0001x\uFFFE\uD800"));
        assertEquals("\ud83d\ude00", dev.sfnrun.io.XmlText.legal("\ud83d\ude00"));
        assertEquals("definitions.api", JUnitXml.className("./definitions/api.sfn-test.yml"));
    }

    @Test
    void casesAreGroupedBySuiteWithoutHashingTheSuitesCases() throws Exception {
        // a Suite is a record: hashing one hashes every case's input; grouping by it made --junit quadratic
        int[] hashed = {0};
        class CountingInput extends com.fasterxml.jackson.databind.node.ObjectNode {
            CountingInput() {
                super(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance);
            }

            @Override
            public int hashCode() {
                hashed[0]++;
                return super.hashCode();
            }

            @Override
            public boolean equals(Object o) {
                hashed[0]++;
                return super.equals(o);
            }
        }
        java.util.List<CaseResult> results = new java.util.ArrayList<>();
        for (String file : java.util.List.of("b.sfn-test.yaml", "a.sfn-test.yaml")) {
            java.util.List<TestCase> cases = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                cases.add(new TestCase("c" + i, new CountingInput(), "{}", java.util.Map.of(), null, null, java.util.List.of()));
            }
            Suite suite = new Suite(file, null, dev.sfnrun.engine.ExecutionType.EXPRESS, "m", java.util.List.of(),
                    java.util.List.of(), null, 0, cases, java.util.Map.of(), java.util.List.of());
            for (TestCase testCase : cases) {
                results.add(new CaseResult(suite, testCase, CaseResult.Verdict.PASS, java.util.List.of(), null,
                        java.time.Duration.ZERO, java.time.Duration.ofMillis(1), null, null));
            }
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JUnitXml.write(results, java.time.Instant.parse("2026-01-01T00:00:00Z"), out);
        assertEquals(0, hashed[0], "case inputs hashed or compared while grouping");
        NodeList suites = parse(out.toByteArray()).getElementsByTagName("testsuite");
        assertEquals(2, suites.getLength());
        assertEquals("b.sfn-test.yaml", ((Element) suites.item(0)).getAttribute("name"), "in the order of their first case");
        assertEquals("300", ((Element) suites.item(0)).getAttribute("tests"));
        assertEquals("a.sfn-test.yaml", ((Element) suites.item(1)).getAttribute("name"));
        assertEquals(300, ((Element) suites.item(1)).getElementsByTagName("testcase").getLength());
    }

    @Test
    void lineBreaksAndTabsInNamesReadBackAsWritten() throws Exception {
        // written as they are in attributes, a parser reads them as spaces: three cases had one name
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("api.sfn-test.yaml", """
                definition: tutorial.asl.json
                cases:
                  - name: "a\\nb"
                    input: {statuscode: "200"}
                    expect: {status: FAILED}
                  - name: "a b"
                    input: {statuscode: "200"}
                    expect: {status: FAILED}
                  - name: "a\\tb"
                    input: {statuscode: "200"}
                    expect: {status: FAILED}
                  - name: "a\\r\\nb"
                    input: {statuscode: "200"}
                    expect: {status: FAILED}
                """);
        SuiteFixture.Run run = fixture.test(dir.toString(), "--junit", fixture.path("junit.xml"));
        assertEquals(1, run.exit(), run.err());
        byte[] xml = Files.readAllBytes(dir.resolve("junit.xml"));
        NodeList cases = parse(xml).getElementsByTagName("testcase");
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertEquals(java.util.List.of("a\nb", "a b", "a\tb", "a\r\nb"), names);
        String text = new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("name=\"a&#10;b\"") && text.contains("name=\"a&#9;b\""), text);
        assertEquals("a&#13;&#10;b&#9;&lt;&amp;&quot;&#39;&gt;\\uFFFF", dev.sfnrun.io.XmlText.attribute("a\r\nb\t<&\"'>\uffff"));
        assertEquals("a&#13;\nb\t&lt;", dev.sfnrun.io.XmlText.content("a\r\nb\t<"));
    }
}
