package dev.sfnrun.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.graph.FlowGraph;
import dev.sfnrun.definition.graph.FlowGraphs;
import dev.sfnrun.definition.validate.Validator;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TextFormatsTest {
    static final String NESTED = """
            {"StartAt":"Check","States":{
             "Check":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":3,"Next":"Fan"}],"Default":"Each"},
             "Fan":{"Type":"Parallel","Next":"Each","Branches":[
               {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
               {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":1,"End":true}}}],
               "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Oops"}]},
             "Each":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"I","States":{
               "I":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F","End":true}}}},
             "Oops":{"Type":"Fail","Error":"E"},
             "Lost":{"Type":"Pass","Next":"Nowhere"}}}""";

    static FlowGraph graph(String json) throws Exception {
        return FlowGraphs.of(Machines.JSON.readTree(json));
    }

    /** "nX" ids by the label's first line, read back from the mermaid text. */
    private static Map<String, String> mermaidIds(String text) {
        Map<String, String> ids = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*(?:subgraph )?(n\\d+)\\[\"(?:<b>)?([^<\"]+)").matcher(text);
        while (m.find()) {
            ids.put(m.group(2), m.group(1));
        }
        Matcher pseudo = Pattern.compile("(?m)^\\s*(n\\d+)\\(\\[\"(Start|End)\"\\]\\)").matcher(text);
        while (pseudo.find()) {
            ids.putIfAbsent(pseudo.group(2), pseudo.group(1));
        }
        return ids;
    }

    @Test
    void mermaidHasEveryStateEdgeAndCluster() throws Exception {
        String text = Mermaid.of(graph(NESTED));
        assertTrue(text.startsWith("flowchart TD\n"), text);
        Map<String, String> id = mermaidIds(text);
        for (String name : List.of("Check", "Fan", "A", "B", "Each", "I", "Oops", "Lost")) {
            assertTrue(id.containsKey(name), name + " in\n" + text);
        }
        assertTrue(text.contains("subgraph " + id.get("Fan") + "[\"<b>Fan</b><br/>Parallel\"]"), text);
        assertTrue(text.contains("subgraph " + id.get("Each") + "[\"<b>Each</b><br/>Map\"]"), text);
        assertTrue(text.contains("[\"Branch 1\"]") && text.contains("[\"Branch 2\"]"), text);
        assertTrue(text.contains(id.get("Check") + " -- \"$.n #gt; 3\" --> " + id.get("Fan")), text);
        assertTrue(text.contains(id.get("Check") + " -- \"Default\" --> " + id.get("Each")), text);
        assertTrue(text.contains(id.get("Fan") + " -. \"Catch: States.ALL\" .-> " + id.get("Oops")), text);
        assertTrue(text.contains("class " + id.get("Lost") + " unreachable"), text);
        assertTrue(text.contains("[\"Nowhere<br/>missing\"]"), text);
        // subgraphs are closed as often as they are opened
        assertEquals(count(text, "subgraph "), count(text, "\n  end\n") + count(text, "\n    end\n") + count(text, "\n      end\n"));
    }

    @Test
    void mermaidEscapesQuotesAndMarkup() throws Exception {
        String text = Mermaid.of(graph("""
                {"StartAt":"Say \\"hi\\"","States":{"Say \\"hi\\"":{"Type":"Choice","Choices":[
                 {"Variable":"$.a","StringEquals":"<b>|#","Next":"Say \\"hi\\""}],"Default":"Say \\"hi\\""}}}"""));
        assertTrue(text.contains("Say #quot;hi#quot;"), text);
        assertTrue(text.contains("$.a == #quot;#lt;b#gt;#124;#35;#quot;"), text);
        assertTrue(!text.contains("\"hi\""), text);
    }

    @Test
    void mermaidLabelsCannotHoldADirectiveAndShowEntitiesAsWritten() throws Exception {
        // Mermaid takes %%{init: ...}%% anywhere in the text for a directive: a state named so set the diagram's
        // theme and lost those characters from its label; "&amp;" in a name showed as "&"
        String text = Mermaid.of(graph("""
                {"StartAt":"Fetch %%{init: {'theme':'dark'}}%% rows","States":{
                 "Fetch %%{init: {'theme':'dark'}}%% rows":{"Type":"Choice","Choices":[
                   {"Variable":"$.p","StringEquals":"100%","Next":"Plain &amp; name"}],"Default":"Plain &amp; name"},
                 "Plain &amp; name":{"Type":"Pass","End":true}}}"""));
        assertTrue(!text.contains("%") && !text.contains("&"), text);
        assertTrue(text.contains("[\"<b>Fetch #37;#37;{init: {'theme':'dark'}}#37;#37; rows</b><br/>Choice\"]"), text);
        assertTrue(text.contains("[\"<b>Plain #38;amp; name</b><br/>Pass\"]"), text);
        assertTrue(text.contains("-- \"$.p == #quot;100#37;#quot;\" -->"), text);
    }

    @Test
    void dotHasClustersAndCompoundEdges() throws Exception {
        String text = Dot.of(graph(NESTED));
        assertTrue(text.startsWith("digraph StateMachine {\n  compound=true;"), text);
        assertEquals(count(text, "{"), count(text, "}"));
        assertTrue(text.contains("subgraph cluster_"), text);
        assertTrue(text.contains("label=\"Branch 1\""), text);
        Matcher fan = Pattern.compile("(n\\d+) \\[label=\"Fan\\\\nParallel\"").matcher(text);
        assertTrue(fan.find(), text);
        Matcher check = Pattern.compile("(n\\d+) \\[label=\"Check\\\\nChoice\"").matcher(text);
        assertTrue(check.find(), text);
        assertTrue(text.contains(check.group(1) + " -> " + fan.group(1) + " [lhead=cluster_" + fan.group(1)
                + ", label=\"$.n > 3\"];"), text);
        assertTrue(Pattern.compile(fan.group(1) + " -> n\\d+ \\[ltail=cluster_" + fan.group(1)
                + ", label=\"Catch: States.ALL\", style=dashed").matcher(text).find(), text);
        assertTrue(text.contains("label=\"Nowhere\\nmissing\""), text);
        assertTrue(text.contains("label=\"Lost\\nPass\\nunreachable\", style=\"rounded,dashed\""), text);
    }

    @Test
    void svgIsWellFormedWithEveryStateAndEdge() throws Exception {
        FlowGraph graph = graph(NESTED);
        String svg = Svg.of(Layouts.of(graph), Marks.NONE);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList groups = doc.getElementsByTagName("g");
        java.util.Set<String> states = new java.util.HashSet<>();
        java.util.Set<String> edges = new java.util.HashSet<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-state")) {
                states.add(g.getAttribute("data-id"));
            }
            if (g.hasAttribute("data-edge")) {
                edges.add(g.getAttribute("data-edge"));
            }
        }
        assertEquals(graph.nodes().stream().map(FlowGraph.Node::id).collect(java.util.stream.Collectors.toSet()), states);
        assertTrue(edges.contains("Check|CHOICE_RULE|0") && edges.contains("Fan|CATCH|0") && edges.contains("Each/I|END|-1"), edges.toString());
        assertTrue(svg.contains("class=\"node cluster type-Parallel\" data-id=\"Fan\""), svg);
        assertTrue(svg.contains("class=\"node state type-Pass unreachable\" data-id=\"Lost\""), svg);
    }

    @Test
    void svgIsWellFormedForEveryCharacterANameMayHold() throws Exception {
        // U+FFFE and U+FFFF are legal in JSON (and a state name) but not in XML 1.0: the SVG was not well-formed
        String json = """
                {"StartAt":"A\\uffffB","States":{"A\\uffffB":{"Type":"Choice","Choices":[
                  {"Variable":"$.x","StringEquals":"\\ufffe\\u0007","Next":"C\\ud83d\\ude00"}],"Default":"C\\ud83d\\ude00"},
                 "C\\ud83d\\ude00":{"Type":"Pass","End":true}}}""";
        String svg = Svg.of(Layouts.of(graph(json)), Marks.NONE);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        java.util.Set<String> states = new java.util.HashSet<>();
        NodeList groups = doc.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.hasAttribute("data-state")) {
                states.add(g.getAttribute("data-state"));
            }
        }
        assertEquals(java.util.Set.of("A\\uFFFFB", "C\ud83d\ude00"), states);
        assertTrue(svg.contains("$.x == &quot;\\uFFFE\\u0007&quot;"), svg);
        // the page of its own holds the same SVG
        String page = GraphPage.of("A\uffff", svg, List.of("a \ufffe problem"));
        assertTrue(page.contains("<title>A\\uFFFF</title>") && page.contains("<li>a \\uFFFE problem</li>"), page);
        assertEquals("a\\uD800b\\uDC00\ud83d\ude00\\u0001&#13;&#10;&#9;&lt;",
                Escape.xml("a\ud800b\udc00\ud83d\ude00\u0001\r\n\t<"));
    }

    @Test
    void problemsLandOnTheirStates() throws Exception {
        String text = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Gone"},
                 "M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Task","End":true}}}}}}""";
        FlowGraph graph = graph(text);
        var report = Validator.validateText("bad.json", text);
        Map<String, List<String>> problems = Problems.byState(graph, report.diagnostics());
        assertTrue(problems.get("A").stream().anyMatch(p -> p.contains("Gone")), problems.toString());
        assertTrue(problems.containsKey("M/X"), problems.toString());
        String mermaid = Mermaid.of(graph, problems);
        assertTrue(mermaid.contains("⚠ error"), mermaid);
        String svg = Svg.of(Layouts.of(graph, problems), Problems.marks(problems));
        assertTrue(svg.contains("class=\"node state type-Pass invalid\" data-id=\"A\""), svg);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
