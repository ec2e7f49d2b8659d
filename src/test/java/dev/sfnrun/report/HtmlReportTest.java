package dev.sfnrun.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.cli.SfnRun;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports written through the CLI: the highlighted path is the history's, the data is complete. */
class HtmlReportTest {
    static final String TUTORIAL = "definitions/api-error-handling.asl.json";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, String html) {
    }

    Run run(String definition, String... args) throws Exception {
        Path report = dir.resolve("report.html");
        Files.deleteIfExists(report);
        List<String> all = new java.util.ArrayList<>(List.of(definition, "--time-scale", "0", "--output", "json",
                "--report", report.toString()));
        all.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SfnRun.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true), false);
        return new Run(exit, out.toString(), err.toString(), Files.exists(report) ? Files.readString(report) : null);
    }

    private static Set<String> entered(JsonNode report) {
        Set<String> names = new LinkedHashSet<>();
        report.get("events").forEach(e -> {
            if (e.get("type").asText().endsWith("StateEntered")) {
                names.add(e.get("stateEnteredEventDetails").get("name").asText());
            }
        });
        return names;
    }

    @Test
    void tutorialReportsHighlightExactlyTheStatesEntered() throws Exception {
        for (String input : List.of("200", "429", "503", "999")) {
            Run run = run(TUTORIAL, "--input", "inputs/" + input + ".json");
            JsonNode history = Json.mapper().readTree(run.out());
            Set<String> entered = entered(history);
            assertEquals(entered, ReportFiles.statesWith(run.html(), "visited"), input);
            JsonNode data = ReportFiles.data(run.html());
            assertEquals(history.get("status").asText(), data.get("execution").get("status").asText());
            assertEquals(history.get("events").size(), data.get("events").size(), input);
            Set<String> taken = ReportFiles.edgesWith(run.html(), "taken");
            switch (input) {
                case "200" -> {
                    assertEquals(Set.of("Call API", "OK"), entered);
                    assertEquals(Set.of("(start)|START|-1", "Call API|NEXT|-1", "OK|END|-1"), taken);
                    assertTrue(ReportFiles.statesWith(run.html(), "failed").isEmpty());
                }
                case "429" -> {
                    assertEquals(Set.of("Call API", "Wait and Try Later", "Change to 200", "OK"), entered);
                    assertEquals(Set.of("(start)|START|-1", "Call API|CATCH|0", "Wait and Try Later|NEXT|-1",
                            "Change to 200|NEXT|-1", "Call API|NEXT|-1", "OK|END|-1"), taken);
                    assertEquals(Set.of("Call API"), ReportFiles.statesWith(run.html(), "caught"));
                    assertEquals(Set.of("Call API"), ReportFiles.statesWith(run.html(), "retried"));
                    assertEquals(2, data.get("states").get("Call API").get("visits").asInt());
                    // two failures retried, then the third caught; the wait shows as a Wait span
                    long retries = 0;
                    for (JsonNode mark : data.get("marks")) {
                        retries += mark.get(2).asText().equals("retry") ? 1 : 0;
                    }
                    assertEquals(2, retries);
                    assertTrue(data.get("execution").get("clock").asText().startsWith("virtual time"));
                }
                case "503" -> {
                    assertEquals(Set.of("Server Unavailable"), ReportFiles.statesWith(run.html(), "failed"));
                    assertTrue(taken.contains("Call API|CATCH|1"), taken.toString());
                }
                default -> {
                    assertEquals(Set.of("Catch All"), ReportFiles.statesWith(run.html(), "failed"));
                    assertTrue(taken.contains("Call API|CATCH|2"), taken.toString());
                    assertEquals("An error of unknown type occurred", data.get("execution").get("error").asText());
                }
            }
            assertFalse(run.html().contains("src=\"http") || run.html().contains("href=\"http"), "no outside resources");
            assertTrue(run.html().contains("default-src 'none'"));
        }
    }

    @Test
    void rowsTooLongToKeepAsTextAreWrittenWithTheirTypesAndStates() throws Exception {
        Path definition = dir.resolve("big.asl.json");
        Files.writeString(definition, """
                {"StartAt":"Short","States":{
                 "Short":{"Type":"Pass","Result":"small","ResultPath":"$.note","Next":"Big"},
                 "Big":{"Type":"Pass","End":true}}}""");
        String big = "b".repeat(2 * EventRows.KEPT);
        Run run = run(definition.toString(), "--input-json", "{\"big\":\"" + big + "\"}");
        assertEquals(0, run.exit(), run.err());
        JsonNode data = ReportFiles.data(run.html());
        List<String> types = new java.util.ArrayList<>();
        data.get("types").forEach(t -> types.add(t.asText()));
        List<String> names = new java.util.ArrayList<>();
        data.get("names").forEach(n -> names.add(n.asText()));
        List<String> rows = new java.util.ArrayList<>();
        for (JsonNode row : data.get("events")) { // [id, id - previous, ms, type, state, lane, details]
            rows.add(row.get(0).asInt() + " " + types.get(row.get(3).asInt()) + " "
                    + (row.get(4).asInt() < 0 ? "-" : names.get(row.get(4).asInt())));
            assertTrue(row.get(6).toString().contains(big.substring(0, 100)), row.toString()); // every payload is big
        }
        assertEquals(List.of("1 ExecutionStarted -", "2 PassStateEntered Short", "3 PassStateExited Short",
                "4 PassStateEntered Big", "5 PassStateExited Big", "6 ExecutionSucceeded -"), rows);
    }

    @Test
    void parallelBranchesAndMapIterationsAreLanes() throws Exception {
        Path definition = dir.resolve("pm.asl.json");
        Files.writeString(definition, """
                {"StartAt":"P","States":{
                 "P":{"Type":"Parallel","Next":"M","ResultPath":null,"Branches":[
                   {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                   {"StartAt":"B","States":{"B":{"Type":"Wait","Seconds":2,"End":true}}}]},
                 "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"I","States":{
                   "I":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":3,"Next":"Bad"}],"Default":"Good"},
                   "Good":{"Type":"Pass","End":true},
                   "Bad":{"Type":"Fail","Error":"Three"}}}}}}""");
        Run run = run(definition.toString(), "--input-json", "{\"items\":[1,2,3]}");
        assertEquals(1, run.exit(), run.err());
        JsonNode data = ReportFiles.data(run.html());
        List<String> labels = new java.util.ArrayList<>();
        data.get("lanes").forEach(l -> labels.add(l.get(3).asText() + ":" + l.get(6).asText()));
        // branches run at once: their lanes come in any order (the iterations one by one, so that #0 and #1
        // have ended, not been aborted, when #2 fails)
        java.util.Collections.sort(labels);
        assertEquals(List.of("Execution:failed", "M #0:ok", "M #1:ok", "M #2:failed", "P branch 1:ok", "P branch 2:ok"),
                labels);
        assertEquals(Set.of("P", "A", "B", "M", "I", "Good", "Bad"), ReportFiles.statesWith(run.html(), "visited"));
        assertEquals(Set.of("M", "Bad"), ReportFiles.statesWith(run.html(), "failed"));
        assertTrue(ReportFiles.statesWith(run.html(), "has-failures").contains("M"));
        // the B wait spans 2 s of virtual time in branch 2's lane
        boolean waited = false;
        for (JsonNode span : data.get("spans")) {
            if (span.get(1).asText().equals("B")) {
                int lane = span.get(0).asInt();
                JsonNode laneRow = null;
                for (JsonNode l : data.get("lanes")) {
                    laneRow = l.get(0).asInt() == lane ? l : laneRow;
                }
                assertEquals("P branch 2", laneRow.get(3).asText());
                assertEquals(2000, span.get(4).asLong() - span.get(3).asLong());
                waited = true;
            }
        }
        assertTrue(waited);
        assertTrue(ReportFiles.edgesWith(run.html(), "taken").containsAll(
                Set.of("M/I|CHOICE_RULE|0", "M/I|CHOICE_DEFAULT|-1", "P/A|END|-1")));
    }

    @Test
    void manyIterationsAreSummarised() throws Exception {
        Path definition = dir.resolve("big.asl.json");
        Files.writeString(definition, """
                {"QueryLanguage":"JSONata","StartAt":"M","States":{
                 "M":{"Type":"Map","Items":"{% [1..300] %}","End":true,"ItemProcessor":{"StartAt":"I","States":{
                   "I":{"Type":"Pass","End":true}}}}}}""");
        Run run = run(definition.toString(), "--type", "EXPRESS");
        assertEquals(0, run.exit(), run.err());
        JsonNode data = ReportFiles.data(run.html());
        assertEquals(1 + Timeline.KEEP, data.get("lanes").size());
        JsonNode summary = data.get("summaries").get(0);
        assertEquals(300 - Timeline.KEEP, summary.get("count").asInt());
        assertEquals(300 - Timeline.KEEP, summary.get("succeeded").asInt());
        assertTrue(data.get("hiddenEvents").asInt() >= 4 * (300 - Timeline.KEEP), data.get("hiddenEvents").toString());
        assertEquals(300, data.get("states").get("M/I").get("visits").asInt());
    }

    @Test
    void distributedMapChildrenAreCountedFromTheEnginesDecisions() throws Exception {
        Path definition = dir.resolve("dmap.asl.json");
        Files.writeString(definition, """
                {"StartAt":"Fan","States":{
                 "Fan":{"Type":"Map","ItemsPath":"$.items","ToleratedFailureCount":5,"End":true,"ItemProcessor":{
                   "ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Check","States":{
                   "Check":{"Type":"Choice","Choices":[{"Variable":"$","NumericGreaterThan":7,"Next":"Bad"}],"Default":"Work"},
                   "Work":{"Type":"Pass","Next":"Done"},
                   "Done":{"Type":"Succeed"},
                   "Bad":{"Type":"Fail","Error":"TooBig"}}}}}}""");
        Run run = run(definition.toString(), "--input-json", "{\"items\":[1,2,3,4,5,6,7,8,9,10]}");
        assertEquals(0, run.exit(), run.err()); // 3 of 10 children failed: tolerated
        JsonNode states = ReportFiles.data(run.html()).get("states");
        assertEquals(10, states.get("Fan/Check").get("visits").asInt());
        assertEquals(7, states.get("Fan/Work").get("visits").asInt());
        assertEquals(7, states.get("Fan/Done").get("visits").asInt());
        assertEquals(3, states.get("Fan/Bad").get("visits").asInt());
        assertEquals(Set.of("Fan", "Check", "Work", "Done", "Bad"), ReportFiles.statesWith(run.html(), "visited"));
        assertEquals(Set.of("Bad"), ReportFiles.statesWith(run.html(), "failed"));
        assertEquals(Set.of("Fan"), ReportFiles.statesWith(run.html(), "has-failures"));
        assertTrue(run.html().contains("3 child executions failed or stopped"));
        assertTrue(ReportFiles.edgesWith(run.html(), "taken").containsAll(
                Set.of("Fan/Check|CHOICE_RULE|0", "Fan/Check|CHOICE_DEFAULT|-1", "Fan/Work|NEXT|-1")));
    }

    @Test
    void unwritableReportIsAnErrorAfterTheRun() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("file"), "in the way");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String report = dir.resolve("file/dir/r.html").toString();
        int exit = SfnRun.run(new String[] {TUTORIAL, "--input", "inputs/200.json", "--time-scale", "0", "--report", report},
                new PrintWriter(out, true), new PrintWriter(err, true), false);
        assertEquals(2, exit);
        assertEquals("sfn-run: " + report + ": cannot write: " + dir.resolve("file") + " is not a directory\n", err.toString());
        assertTrue(out.toString().contains("ExecutionSucceeded") || out.toString().contains("SUCCEEDED"), out.toString());
    }

    @Test
    void theReportsMissingDirectoriesAreMade() throws Exception {
        java.nio.file.Path report = dir.resolve("reports/today/r.html");
        int exit = SfnRun.run(new String[] {TUTORIAL, "--input", "inputs/200.json", "--time-scale", "0", "-q", "--report",
            report.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), false);
        assertEquals(0, exit);
        assertTrue(java.nio.file.Files.readString(report).startsWith("<!DOCTYPE html>"));
    }
}
