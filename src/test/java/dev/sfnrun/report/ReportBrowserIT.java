package dev.sfnrun.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.cli.SfnRun;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports and graphs opened in a real headless Chromium: what the page shows, not only what the
 * file holds. Screenshots go to target/screenshots/ for people to look at.
 */
class ReportBrowserIT {
    static final Path OUT = Path.of("target/browser");
    static final Path SHOTS = Path.of("target/screenshots");
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(OUT);
        browser = new WebDriver(1280, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SfnRun.run(args, new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertTrue(exit == 0 || exit == 1, "exit " + exit + ": " + err);
        return out.toString();
    }

    /** Opens a page, checks it loaded with no console error and no request beyond the file itself. */
    static void open(Path file) throws Exception {
        browser.open(file.toAbsolutePath());
        List<String> problems = new ArrayList<>();
        for (String entry : browser.console()) {
            if (entry.startsWith("SEVERE") || entry.startsWith("WARNING")) {
                problems.add(entry);
            }
        }
        assertEquals(List.of(), problems, "console of " + file);
        JsonNode requests = browser.script("return performance.getEntriesByType('resource').map(e => e.name);");
        assertEquals(0, requests.size(), "requests of " + file + ": " + requests);
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    @Test
    void tutorial429Report() throws Exception {
        Path report = OUT.resolve("report-429.html");
        JsonNode history = Json.mapper().readTree(cli("definitions/api-error-handling.asl.json", "--input",
                "inputs/429.json", "--time-scale", "0", "--output", "json", "--report", report.toString()));
        Set<String> entered = new TreeSet<>();
        history.get("events").forEach(e -> {
            if (e.get("type").asText().endsWith("StateEntered")) {
                entered.add(e.get("stateEnteredEventDetails").get("name").asText());
            }
        });
        open(report);
        assertEquals("true", browser.script("return document.body.dataset.ready;").asText());
        // highlighted: exactly the states entered, drawn in the path colour
        assertEquals(entered, strings(browser.script(
                "return [...document.querySelectorAll('.sfn-graph g.node.visited')].map(n => n.dataset.state);")));
        assertEquals("rgb(31, 111, 235)", browser.script("return getComputedStyle(document.querySelector("
                + "'.sfn-graph g.node.visited[data-state=\"OK\"] > rect')).stroke;").asText());
        assertEquals("rgb(37, 99, 235)", browser.script("return getComputedStyle(document.querySelector("
                + "'.sfn-graph g.node[data-state=\"Call API\"] g.badge rect')).fill;").asText());
        assertEquals("×2", browser.script("return document.querySelector("
                + "'.sfn-graph g.node[data-state=\"Call API\"] g.badge text').textContent;").asText());
        // timeline: one lane, spans for each visit, two retries and three failures marked, the wait hatched
        assertEquals(1, browser.script("return document.querySelectorAll('#lanes .lane').length;").asInt());
        assertEquals(5, browser.script("return document.querySelectorAll('#lanes .span').length;").asInt()); // Call API twice, the wait, the pass, OK
        assertEquals(2, browser.script("return document.querySelectorAll('#lanes .mark.retry').length;").asInt());
        assertEquals(3, browser.script("return document.querySelectorAll('#lanes .mark.failure').length;").asInt());
        assertTrue(browser.script("return document.getElementById('clock').textContent;").asText().startsWith("virtual time"));
        browser.fullScreenshot(SHOTS.resolve("report-429.png"), 1280);
        browser.script("window.scrollTo(0, 0);");

        // every event listed; expanding one shows its JSON pretty-printed
        assertEquals(history.get("events").size(), browser.script("return document.querySelectorAll('#event-table tr.event').length;").asInt());
        browser.click("#event-table tr.event[data-type=\"LambdaFunctionFailed\"]");
        String details = browser.script("return document.querySelector('#event-table tr.details pre').textContent;").asText();
        assertTrue(details.contains("\"error\": \"TooManyRequestsException\""), details);
        assertTrue(details.contains("\"errorMessage\": \"429 Too Many Requests\""), details); // the cause, as JSON
        // clicking a state filters the table to it
        browser.click(".sfn-graph g.node[data-state=\"Wait and Try Later\"]");
        JsonNode rows = browser.script("return [...document.querySelectorAll('#event-table tr.event')].map(r => r.dataset.type + ' ' + r.dataset.state);");
        assertEquals(List.of("WaitStateEntered Wait and Try Later", "WaitStateExited Wait and Try Later"),
                Json.mapper().convertValue(rows, List.class));
        assertEquals("Wait and Try Later", browser.script("return document.getElementById('state-filter').value;").asText());
        assertTrue(browser.script("return document.querySelector('.sfn-graph g.node[data-state=\"Wait and Try Later\"]').classList.contains('selected');").asBoolean());
        // filter by type
        browser.script("const f = document.getElementById('state-filter'); f.value = ''; f.dispatchEvent(new Event('change'));"
                + "const t = document.getElementById('type-filter'); t.value = 'LambdaFunctionFailed'; t.dispatchEvent(new Event('change'));");
        assertEquals(3, browser.script("return document.querySelectorAll('#event-table tr.event').length;").asInt());
        browser.screenshot(SHOTS.resolve("report-429-filtered.png"));
    }

    @Test
    void parallelAndMapLanesAndFailedIteration() throws Exception {
        Path definition = OUT.resolve("fanout.asl.json");
        Files.writeString(definition, """
                {"StartAt":"Fan out","States":{
                 "Fan out":{"Type":"Parallel","Next":"Each item","ResultPath":null,"Branches":[
                   {"StartAt":"Quick","States":{"Quick":{"Type":"Pass","End":true}}},
                   {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":2,"End":true}}}]},
                 "Each item":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"Check","States":{
                   "Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":3,"Next":"Reject"}],"Default":"Accept"},
                   "Accept":{"Type":"Pass","End":true},
                   "Reject":{"Type":"Fail","Error":"Three","Cause":"3 is not accepted"}}}}}}""");
        Path report = OUT.resolve("report-fanout.html");
        cli(definition.toString(), "--input-json", "{\"items\":[1,2,3,4]}", "--time-scale", "0", "-q", "--report", report.toString());
        open(report);
        JsonNode lanes = browser.script("return [...document.querySelectorAll('#lanes .lane .name')].map(n => n.textContent);");
        Set<String> names = strings(lanes);
        assertEquals(Set.of("Execution", "Fan out branch 1", "Fan out branch 2", "Each item #0", "Each item #1",
                "Each item #2", "Each item #3"), names);
        assertEquals(Set.of("Execution", "Each item #2"), strings(browser.script(
                "return [...document.querySelectorAll('#lanes .lane.status-failed .name')].map(n => n.textContent);")));
        assertEquals(Set.of("Each item", "Reject"), strings(browser.script(
                "return [...document.querySelectorAll('.sfn-graph g.node.failed')].map(n => n.dataset.state);")));
        assertTrue(browser.script("return document.querySelector('.sfn-graph g.node[data-state=\"Each item\"]').classList.contains('has-failures');").asBoolean());
        assertEquals("FAILED", browser.script("return document.getElementById('status').textContent;").asText());
        assertTrue(browser.script("return document.querySelector('#result .error').textContent;").asText().equals("Three"));
        browser.fullScreenshot(SHOTS.resolve("report-fanout.png"), 1280);
    }

    @Test
    void everyStateCanBeFilteredOnWhateverItsName() throws Exception {
        // a state named "__proto__" was missing from the State filter and clicking it did not filter: the page kept
        // its names in plain objects; a payload's "__proto__" key was dropped from the expanded event likewise
        Path definition = OUT.resolve("proto.asl.json");
        Files.writeString(definition, """
                {"StartAt":"__proto__","States":{
                 "__proto__":{"Type":"Pass","Result":{"__proto__":{"x":1}},"Next":"constructor"},
                 "constructor":{"Type":"Pass","Next":"two\\nlines"},
                 "two\\nlines":{"Type":"Pass","End":true}}}""");
        Path report = OUT.resolve("report-proto.html");
        cli(definition.toString(), "--time-scale", "0", "-q", "--report", report.toString());
        open(report);
        assertEquals(List.of("", "__proto__", "constructor", "two\nlines"), Json.mapper().convertValue(browser.script(
                "return [...document.getElementById('state-filter').options].map(o => o.value);"), List.class));
        for (String state : List.of("__proto__", "constructor", "two\nlines")) {
            browser.script("const n = [...document.querySelectorAll('.sfn-graph g.node[data-state]')]"
                    + ".find(n => n.getAttribute('data-state') === arguments[0]);"
                    + "n.dispatchEvent(new MouseEvent('click', {bubbles: true}));", state);
            assertEquals(state, browser.script("return document.getElementById('state-filter').value;").asText());
            assertEquals("2 of 8 events", browser.script("return document.getElementById('event-count').textContent;").asText());
            assertEquals(Set.of(state), strings(browser.script(
                    "return [...document.querySelectorAll('#event-table tr.event')].map(r => r.dataset.state);")));
            if (state.equals("__proto__")) {
                browser.click("#event-table tr.event[data-type=\"PassStateExited\"]");
                String details = browser.script("return document.querySelector('#event-table tr.details pre').textContent;").asText();
                assertTrue(details.contains("\"__proto__\": {"), details);
            }
        }
    }

    @Test
    void aStateCutShortByASiblingBranchIsAbortedNotFailed() throws Exception {
        // branch 1's Pass still computes when branch 2's Fail state fails the Parallel: the Pass (no aborted event
        // of its own) and its branch were drawn failed
        Path definition = OUT.resolve("parpass.asl.json");
        Files.writeString(definition, """
                {"QueryLanguage":"JSONata","StartAt":"Par","States":{"Par":{"Type":"Parallel","End":true,"Branches":[
                 {"StartAt":"Busy","States":{"Busy":{"Type":"Pass","Output":"{% $count([1..2000000]) %}","End":true}}},
                 {"StartAt":"Boom","States":{"Boom":{"Type":"Fail","Error":"E","Cause":"c"}}}]}}}""");
        Path report = OUT.resolve("report-parpass.html");
        JsonNode history = Json.mapper().readTree(cli(definition.toString(), "--time-scale", "0", "--output", "json",
                "--report", report.toString()));
        boolean busyExited = false;
        for (JsonNode e : history.get("events")) {
            busyExited |= e.get("type").asText().equals("PassStateExited");
        }
        open(report);
        assertEquals(Set.of("Par", "Boom"), strings(browser.script(
                "return [...document.querySelectorAll('.sfn-graph g.node.failed')].map(n => n.dataset.state);")));
        assertEquals(busyExited ? Set.of() : Set.of("Busy"), strings(browser.script(
                "return [...document.querySelectorAll('.sfn-graph g.node.aborted')].map(n => n.dataset.state);")));
        assertEquals(Set.of("Execution", "Par branch 2"), strings(browser.script(
                "return [...document.querySelectorAll('#lanes .lane.status-failed .name')].map(n => n.textContent);")));
        assertEquals(busyExited ? Set.of() : Set.of("Par branch 1"), strings(browser.script(
                "return [...document.querySelectorAll('#lanes .lane.status-aborted .name')].map(n => n.textContent);")));
        assertEquals(busyExited ? Set.of() : Set.of("Busy"), strings(browser.script(
                "return [...document.querySelectorAll('#lanes .span.status-aborted')].map(n => n.dataset.state);")));
        assertEquals("rgb(245, 158, 11)", busyExited ? "rgb(245, 158, 11)" : browser.script(
                "return getComputedStyle(document.querySelector('#lanes .span.status-aborted')).backgroundColor;").asText());
    }

    @Test
    void aLargeMapRunIsSummarised() throws Exception {
        Path definition = OUT.resolve("map100k.asl.json");
        Files.writeString(definition, """
                {"QueryLanguage":"JSONata","StartAt":"Each item","States":{
                 "Each item":{"Type":"Map","Items":"{% [1..100000] %}","Output":"{% {'count': $count($states.result)} %}",
                  "Next":"Done","ItemProcessor":{"StartAt":"Double","States":{
                   "Double":{"Type":"Pass","Output":"{% $states.input * 2 %}","End":true}}}},
                 "Done":{"Type":"Succeed"}}}""");
        Path report = OUT.resolve("report-map100k.html");
        cli(definition.toString(), "--type", "EXPRESS", "--time-scale", "0", "-q", "--report", report.toString());
        assertTrue(Files.size(report) < 200_000, "summarised: " + Files.size(report) + " bytes");
        open(report);
        assertEquals("true", browser.script("return document.body.dataset.ready;").asText());
        assertEquals("SUCCEEDED", browser.script("return document.getElementById('status').textContent;").asText());
        // what is not shown one by one is said, with its counts
        String note = browser.script("return document.getElementById('summarised').textContent;").asText();
        assertTrue(note.contains("99,950 of 100,000 iterations of Each item summarised"), note);
        JsonNode hidden = browser.script("return JSON.parse(document.getElementById('report-data').textContent).hiddenEvents;");
        assertTrue(note.contains(String.format("%,d of", hidden.asInt())), note);
        assertTrue(hidden.asInt() >= 4 * 99_950, hidden.toString());
        // lanes: the execution's, the first 50 iterations, then one summary lane with its counts
        assertEquals(1 + 50 + 1, browser.script("return document.querySelectorAll('#lanes .lane').length;").asInt());
        assertEquals("Each item: 99,950 more iterations",
                browser.script("return document.querySelector('#lanes .lane.summary .name').textContent;").asText());
        assertTrue(browser.script("return document.querySelector('#lanes .lane.summary .track').textContent;").asText()
                .startsWith("99,950 succeeded, 0 failed, 0 aborted"));
        // the graph counts every visit, also of the iterations not drawn
        assertEquals("×100000", browser.script("return document.querySelector("
                + "'.sfn-graph g.node[data-state=\"Double\"] g.badge text').textContent;").asText());
        assertEquals(Set.of("Each item", "Double", "Done"), strings(browser.script(
                "return [...document.querySelectorAll('.sfn-graph g.node.visited')].map(n => n.dataset.state);")));
        // rows come 200 at a time
        assertEquals(200, browser.script("return document.querySelectorAll('#event-table tr.event').length;").asInt());
        browser.script("document.getElementById('timeline').scrollIntoView();");
        browser.screenshot(SHOTS.resolve("report-map100k.png"));
    }

    @Test
    void graphPageOfALargeMachine() throws Exception {
        Path page = OUT.resolve("graph-tutorial.html");
        cli("graph", "definitions/api-error-handling.asl.json", "--format", "html", "-o", page.toString());
        open(page);
        assertEquals(6, browser.script("return document.querySelectorAll('.sfn-graph g.node[data-state]').length;").asInt());
        // text stays inside its box in the real font
        JsonNode overflow = browser.script("""
                return [...document.querySelectorAll('.sfn-graph g.node.state')].filter(g => {
                  const r = g.querySelector('rect').getBBox();
                  return [...g.querySelectorAll(':scope > text')].some(t => t.getBBox().width > r.width);
                }).map(g => g.dataset.id);""");
        assertEquals(0, overflow.size(), overflow.toString());
        browser.fullScreenshot(SHOTS.resolve("graph-tutorial.png"), 1280);
    }
}
