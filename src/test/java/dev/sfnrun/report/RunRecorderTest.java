package dev.sfnrun.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The recorder summarises as the run goes: what it keeps, what it counts, and that the two add up. */
class RunRecorderTest {
    record Run(ExecutionResult result, RunRecorder.Recorded recorded, List<HistoryEvent> history) {
    }

    static Run run(String definition, String input) throws Exception {
        StateMachine machine = DefinitionParser.parse(Json.mapper().readTree(definition));
        RunRecorder recorder = new RunRecorder(machine);
        ExecutionOptions options = ExecutionOptions.defaults().withType(ExecutionType.EXPRESS)
                .withClock(Clock.forScale(0)).withRecordHistory(true).withListeners(List.of(recorder));
        ExecutionResult result = new Execution(machine, Json.mapper().readTree(input), input, options).run();
        return new Run(result, recorder.finish(result.stopDate()), result.events());
    }

    /** Every event is a row or counted as hidden; rows are in id order, each once. */
    static void addsUp(Run run) {
        Timeline t = run.recorded().timeline();
        assertEquals(run.history().size(), t.events);
        assertEquals(t.events, t.rows.size() + t.hiddenEvents);
        long last = 0;
        for (Timeline.Row row : t.rows) {
            assertTrue(row.id() > last, "rows in id order");
            last = row.id();
        }
    }

    @Test
    void recordingWhileRunningMakesTheRowsOnAThreadOfItsOwnAsTheyAreMadeInPlace() throws Exception {
        String definition = """
                {"StartAt":"P","States":{
                 "P":{"Type":"Parallel","Next":"M","Branches":[
                   {"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"a":1},"End":true}}},
                   {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}]},
                 "M":{"Type":"Map","ItemsPath":"$[1].items","End":true,"ItemProcessor":{"StartAt":"I","States":{
                   "I":{"Type":"Pass","End":true}}}}}}""";
        StringBuilder items = new StringBuilder("{\"items\":[");
        for (int i = 0; i < 60; i++) { // iterations past KEEP, and rows past KEPT (the last items' states)
            items.append(i == 0 ? "" : ",").append("\"").append("v".repeat(i * 80)).append("\"");
        }
        String input = items.append("]}").toString();
        Run inPlace = run(definition, input);
        assertEquals("SUCCEEDED", inPlace.result().status().name());
        StateMachine machine = DefinitionParser.parse(Json.mapper().readTree(definition));
        RunRecorder recorder = RunRecorder.whileRunning(machine);
        for (HistoryEvent event : inPlace.history()) { // the same events, from two threads in turn (as a run's branches)
            Thread from = new Thread(() -> recorder.onEvent(event));
            from.start();
            from.join();
        }
        Timeline made = recorder.finish(inPlace.result().stopDate()).timeline();
        Timeline expected = inPlace.recorded().timeline();
        assertEquals(expected.rows.size(), made.rows.size());
        assertTrue(made.rows.size() > 2 * Timeline.KEEP, "rows of the execution, the branches and the shown iterations");
        int cut = 0;
        for (int i = 0; i < made.rows.size(); i++) {
            assertEquals(expected.rows.get(i).text(), made.rows.get(i).text(), "row " + i);
            cut += made.rows.get(i).text() == null ? 1 : 0;
        }
        assertTrue(cut > 0, "some rows are too long to keep as text");
        for (Timeline.Row row : made.rows) { // a row with its text lets go of its event; a long row keeps it
            assertEquals(row.text() == null, row.event() != null, "row " + row.id());
        }
        assertEquals(List.copyOf(expected.rowTexts.types.keySet()), List.copyOf(made.rowTexts.types.keySet()));
        assertEquals(List.copyOf(expected.rowTexts.names.keySet()), List.copyOf(made.rowTexts.names.keySet()));
    }

    @Test
    void whatRecordingAnEventThrowsDoesNotReachTheRunAndIsThrownByClose() throws Exception {
        Run run = run("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", "{}");
        RunRecorder recorder = RunRecorder.whileRunning(DefinitionParser.parse(Json.mapper().readTree("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""")));
        recorder.finish(null); // a finished timeline refuses events
        recorder.onEvent(run.history().get(0)); // does not throw at the run
        recorder.onEvent(run.history().get(1));
        IllegalStateException thrown = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                recorder::close);
        assertEquals("the timeline is finished", thrown.getMessage());
    }

    @Test
    void everyDecisionOfALoopIsCountedOnItsEdge() throws Exception {
        Run run = run("""
                {"StartAt":"Init","States":{
                 "Init":{"Type":"Pass","Result":0,"ResultPath":"$.i","Next":"Check"},
                 "Check":{"Type":"Choice","Choices":[
                   {"Variable":"$.i","NumericLessThan":10,"Next":"Low"},
                   {"Variable":"$.i","NumericLessThan":30,"Next":"High"}],"Default":"Done"},
                 "Low":{"Type":"Pass","Next":"Step"},
                 "High":{"Type":"Pass","Next":"Step"},
                 "Step":{"Type":"Pass","Parameters":{"i.$":"States.MathAdd($.i, 1)"},"Next":"Check"},
                 "Done":{"Type":"Succeed"}}}""", "{}");
        assertEquals("SUCCEEDED", run.result().status().name());
        java.util.Map<String, Integer> edges = run.recorded().edges();
        assertEquals(1, edges.get("Init|NEXT|-1"));
        assertEquals(10, edges.get("Check|CHOICE_RULE|0"));
        assertEquals(20, edges.get("Check|CHOICE_RULE|1"));
        assertEquals(1, edges.get("Check|CHOICE_DEFAULT|-1"));
        assertEquals(10, edges.get("Low|NEXT|-1"));
        assertEquals(20, edges.get("High|NEXT|-1"));
        assertEquals(30, edges.get("Step|NEXT|-1"));
        assertEquals(31, run.recorded().decided().get("Check"));
    }

    @Test
    void iterationsPastKeepAreCountedNotKept() throws Exception {
        Run run = run("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{
                 "M":{"Type":"Map","Items":"{% [1..1000] %}","Output":"{% $count($states.result) %}","End":true,
                  "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Next":"J"},"J":{"Type":"Pass","End":true}}}}}}""",
                "{}");
        assertEquals("SUCCEEDED", run.result().status().name());
        addsUp(run);
        Timeline t = run.recorded().timeline();
        assertEquals(1 + Timeline.KEEP, t.lanes.size());
        assertEquals(1, t.summaries.size());
        Timeline.Summary s = t.summaries.get(0);
        assertEquals(1000 - Timeline.KEEP, s.count());
        assertEquals(1000 - Timeline.KEEP, s.succeeded());
        assertEquals(0, s.lane());
        assertEquals("M", s.map());
        // each iteration: started, 2 × entered/exited, succeeded
        assertEquals((1000 - Timeline.KEEP) * 6, t.hiddenEvents);
        assertEquals(1000, t.visits.get("I")[0]);
        assertEquals(1000, t.visits.get("J")[0]);
        assertEquals(1000, t.children.get("M")[0]);
        assertEquals(0, t.children.get("M")[1]);
        assertEquals(1000, run.recorded().decided().get("M/J"));
        // spans: the Map's own and two per shown iteration
        assertEquals(1 + 2 * Timeline.KEEP, t.spans.size());
    }

    @Test
    void aFailedIterationPastKeepIsShownWithItsEvents() throws Exception {
        Run run = run("""
                {"StartAt":"M","States":{
                 "M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":1,"End":true,"ItemProcessor":{"StartAt":"I","States":{
                   "I":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":200,"Next":"Bad"}],"Default":"Good"},
                   "Good":{"Type":"Pass","End":true},
                   "Bad":{"Type":"Fail","Error":"TwoHundred","Cause":"200 is not accepted"}}}}}}""",
                "{\"items\":" + range(300) + "}");
        assertEquals("FAILED", run.result().status().name());
        addsUp(run);
        Timeline t = run.recorded().timeline();
        Set<String> labels = new HashSet<>();
        t.lanes.forEach(l -> labels.add(l.label() + ":" + l.status()));
        assertTrue(labels.contains("M #200:failed"), labels.toString());
        assertEquals("failed", t.lanes.get(0).status()); // the execution's own lane; it said "ok"
        assertTrue(labels.contains("M #49:ok") && !labels.contains("M #50:ok"), labels.toString());
        assertEquals(1 + Timeline.KEEP + 1, t.lanes.size());
        Timeline.Summary s = t.summaries.get(0);
        assertEquals(150, s.count()); // #50 .. #199; #201.. never started
        assertEquals(150, s.succeeded());
        // the failed iteration's events are rows, its Fail state a failed span
        int failedLane = t.lanes.stream().filter(l -> l.label().equals("M #200")).findFirst().orElseThrow().index();
        List<String> rows = new ArrayList<>();
        t.rows.stream().filter(r -> r.lane() == failedLane).forEach(r -> rows.add(r.type().name()));
        assertEquals(List.of("MapIterationStarted", "ChoiceStateEntered", "ChoiceStateExited", "FailStateEntered",
                "MapIterationFailed"), rows);
        assertTrue(t.spans.stream().anyMatch(sp -> sp.lane() == failedLane && sp.state().equals("Bad")
                && sp.status().equals("failed")));
        assertEquals(1, t.visits.get("Bad")[0]);
        assertEquals(1, t.visits.get("Bad")[1]);
        assertEquals(201, t.visits.get("I")[0]);
        assertEquals(201, t.children.get("M")[0]);
        assertEquals(1, t.children.get("M")[1]);
    }

    @Test
    void anAbortedIterationEndsInItsOwnLaneThoughItsEndFollowsTheFailedOnesEvent() throws Exception {
        // #55 fails while the others wait: each abort follows #55's last event, not one of its own iteration's
        Run run = run("""
                {"StartAt":"M","States":{
                 "M":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"I","States":{
                   "I":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":55,"Next":"Bad"}],"Default":"Wait"},
                   "Wait":{"Type":"Wait","Seconds":5,"End":true},
                   "Bad":{"Type":"Fail","Error":"FiftyFive"}}}}}}""",
                "{\"items\":" + range(60) + "}");
        assertEquals("FAILED", run.result().status().name());
        long failedLast = run.history().stream().filter(e -> e.type().name().equals("FailStateEntered"))
                .findFirst().orElseThrow().id();
        List<Integer> aborted = new ArrayList<>();
        List<Integer> succeeded = new ArrayList<>();
        int started = 0;
        for (HistoryEvent e : run.history()) {
            switch (e.type().name()) {
                case "MapIterationAborted" -> {
                    assertEquals(failedLast, e.previousEventId());
                    aborted.add((Integer) e.detail("index"));
                }
                case "MapIterationSucceeded" -> succeeded.add((Integer) e.detail("index"));
                case "MapIterationStarted" -> started++;
                default -> { }
            }
        }
        assertTrue(aborted.stream().anyMatch(i -> i < Timeline.KEEP) && aborted.stream().anyMatch(i -> i >= Timeline.KEEP),
                aborted.toString());
        addsUp(run);
        Timeline t = run.recorded().timeline();
        Set<String> labels = new HashSet<>();
        t.lanes.forEach(l -> labels.add(l.label() + ":" + l.status()));
        for (int i = 0; i < Timeline.KEEP; i++) {
            String status = aborted.contains(i) ? "aborted" : succeeded.contains(i) ? "ok" : "?";
            assertTrue(labels.contains("M #" + i + ":" + status), i + " " + labels);
        }
        // past KEEP, the iterations that did not succeed are shown too: the failed one and the aborted ones
        long abortedPastKeep = aborted.stream().filter(i -> i >= Timeline.KEEP).count();
        aborted.stream().filter(i -> i >= Timeline.KEEP)
                .forEach(i -> assertTrue(labels.contains("M #" + i + ":aborted"), i + " " + labels));
        assertTrue(labels.contains("M #55:failed"), labels.toString());
        assertEquals(1 + Timeline.KEEP + abortedPastKeep + 1, t.lanes.size());
        // a summary only of the iterations past KEEP that succeeded (none, if none did)
        assertEquals(succeeded.stream().filter(i -> i >= Timeline.KEEP).count(),
                t.summaries.stream().mapToLong(Timeline.Summary::count).sum());
        assertTrue(t.summaries.stream().allMatch(x -> x.succeeded() == x.count()), t.summaries.toString());
        assertEquals(started, t.children.get("M")[0]);
        assertEquals(started - succeeded.size(), t.children.get("M")[1]);
        // each aborted iteration's Wait was aborted in its own lane, with its WaitStateAborted row there
        assertEquals(aborted.size(), t.visits.get("Wait")[2]);
        assertEquals(0, t.visits.get("Wait")[1]);
        for (Timeline.Lane lane : t.lanes) {
            if (lane.status().equals("aborted")) {
                assertTrue(t.spans.stream().anyMatch(sp -> sp.lane() == lane.index() && sp.state().equals("Wait")
                        && sp.status().equals("aborted")), lane.label());
                List<String> rows = new ArrayList<>();
                t.rows.stream().filter(r -> r.lane() == lane.index()).forEach(r -> rows.add(r.type().name()));
                assertEquals(List.of("MapIterationStarted", "ChoiceStateEntered", "ChoiceStateExited", "WaitStateEntered",
                        "MapIterationAborted", "WaitStateAborted"), rows, lane.label());
            }
        }
    }

    @Test
    void theAbortsOfSummarisedIterationsAreCountedAsAbortedVisits() throws Exception {
        // the Map fails three times (#100 fails while the later ones wait, and these are aborted), caught each
        // time: past KEEP failed iterations shown, the aborted ones are summarised
        Run run = run("""
                {"QueryLanguage":"JSONata","StartAt":"Init","States":{
                 "Init":{"Type":"Pass","Assign":{"n":0},"Next":"M"},
                 "M":{"Type":"Map","Items":"{% [0..299] %}","End":true,
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Again"}],
                  "ItemProcessor":{"StartAt":"I","States":{
                   "I":{"Type":"Choice","Choices":[{"Condition":"{% $states.input < 50 %}","Next":"Quick"},
                     {"Condition":"{% $states.input = 100 %}","Next":"Short"}],"Default":"Wait"},
                   "Quick":{"Type":"Pass","End":true},
                   "Short":{"Type":"Wait","Seconds":1,"Next":"Bad"},
                   "Wait":{"Type":"Wait","Seconds":5,"End":true},
                   "Bad":{"Type":"Fail","Error":"Bad"}}}},
                 "Again":{"Type":"Choice","Choices":[{"Condition":"{% $n < 2 %}","Next":"Count"}],"Default":"Done"},
                 "Count":{"Type":"Pass","Assign":{"n":"{% $n + 1 %}"},"Next":"M"},
                 "Done":{"Type":"Succeed"}}}""", "{}");
        assertEquals("SUCCEEDED", run.result().status().name(), run.result().cause());
        long abortedWaits = run.history().stream().filter(e -> e.type().name().equals("WaitStateAborted")).count();
        addsUp(run);
        Timeline t = run.recorded().timeline();
        long summarisedAborts = t.summaries.stream().mapToLong(Timeline.Summary::aborted).sum();
        assertTrue(summarisedAborts > 0, t.summaries.toString());
        assertEquals(3, t.visits.get("Bad")[0]);
        assertEquals(abortedWaits, t.visits.get("Wait")[2]);
        assertEquals(0, t.visits.get("Wait")[1]);
    }

    @Test
    void theStatesOfOtherBranchesAbortedByAFailedBranchEndAbortedInTheirOwnLanes() throws Exception {
        // branch 3 fails: the states running in branches 1 and 2 are aborted (their events follow branch 3's
        // last event), and so is what runs inside them (branch 1's Map iterations, branch 2's Parallel)
        Run run = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                 {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
                   "ItemProcessor":{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":5,"End":true}}}}}},
                 {"StartAt":"Q","States":{"Q":{"Type":"Parallel","End":true,"Branches":[
                   {"StartAt":"W2","States":{"W2":{"Type":"Wait","Seconds":5,"End":true}}}]}}},
                 {"StartAt":"X","States":{"X":{"Type":"Wait","Seconds":1,"Next":"F"},"F":{"Type":"Fail","Error":"E"}}}]}}}""",
                "{\"items\":[1,2]}");
        assertEquals("FAILED", run.result().status().name());
        addsUp(run);
        Timeline t = run.recorded().timeline();
        Map<String, String> lanes = new HashMap<>();
        t.lanes.stream().filter(l -> l.parent() >= 0).forEach(l -> lanes.put(l.label(), l.status()));
        assertEquals(Map.of("P branch 1", "aborted", "P branch 2", "aborted", "P branch 3", "failed",
                "M #0", "aborted", "M #1", "aborted", "Q branch 1", "aborted"), lanes);
        Map<String, String> spans = new HashMap<>();
        t.spans.forEach(sp -> spans.put(sp.state(), sp.status()));
        assertEquals(Map.of("P", "failed", "M", "aborted", "W", "aborted", "Q", "aborted", "W2", "aborted", "X", "ok",
                "F", "failed"), spans);
        assertEquals(2, t.visits.get("W")[2]);
        assertEquals(0, t.visits.get("W")[1]);
        assertEquals(1, t.visits.get("M")[2]);
        assertEquals(1, t.visits.get("W2")[2]);
        // each branch's abort is a row of its own lane
        for (String state : List.of("M", "Q")) {
            int lane = t.spans.stream().filter(sp -> sp.state().equals(state)).findFirst().orElseThrow().lane();
            assertTrue(t.rows.stream().anyMatch(r -> r.lane() == lane && r.type().name().endsWith("StateAborted")), state);
        }
    }

    @Test
    void theIterationsOfAMapAbortedWithItsBranchEndAbortedPastKeepToo() throws Exception {
        // branch 2 fails while branch 1's Map waits in all its iterations: the Map is aborted and with it every
        // iteration that had started, shown like aborted iterations past KEEP are
        Run run = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                 {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","End":true,
                   "ItemProcessor":{"StartAt":"I","States":{
                     "I":{"Type":"Choice","Choices":[{"Variable":"$","NumericLessThan":30,"Next":"Quick"}],"Default":"W"},
                     "Quick":{"Type":"Pass","End":true},
                     "W":{"Type":"Wait","Seconds":5,"End":true}}}}}},
                 {"StartAt":"X","States":{"X":{"Type":"Wait","Seconds":1,"Next":"F"},"F":{"Type":"Fail","Error":"E"}}}]}}}""",
                "{\"items\":" + range(100) + "}");
        assertEquals("FAILED", run.result().status().name());
        // the iterations waiting when the Map was aborted: started, never succeeded (no event ends them)
        Set<Object> waiting = new HashSet<>();
        run.history().stream().filter(e -> e.type().name().equals("MapIterationStarted"))
                .forEach(e -> waiting.add(e.detail("index")));
        run.history().stream().filter(e -> e.type().name().equals("MapIterationSucceeded"))
                .forEach(e -> waiting.remove(e.detail("index")));
        assertTrue(waiting.stream().anyMatch(i -> (Integer) i >= Timeline.KEEP), "iterations past KEEP waited: " + waiting);
        addsUp(run);
        Timeline t = run.recorded().timeline();
        Set<String> abortedLanes = new HashSet<>();
        t.lanes.stream().filter(l -> l.status().equals("aborted") && l.kind().equals("iteration"))
                .forEach(l -> abortedLanes.add(l.label()));
        Set<String> expected = new HashSet<>();
        waiting.forEach(i -> expected.add("M #" + i));
        assertEquals(expected, abortedLanes);
        assertEquals(waiting.size(), t.visits.get("W")[2]);
        assertEquals(0, t.visits.get("W")[1]);
        assertEquals(waiting.size(), t.spans.stream().filter(sp -> sp.state().equals("W") && sp.status().equals("aborted"))
                .count());
    }

    @Test
    void aMapAbortedInsideASummarisedIterationIsRecorded() throws Exception {
        // outer iteration #55's inner Map fails: the outer Map aborts the other outer iterations, each with its
        // inner Map, some of them already summarised with the iterations inside them (the report's recording
        // threw here once: an inner iteration let go with its summarised outer one was aborted again)
        Run run = run("""
                {"StartAt":"Outer","States":{"Outer":{"Type":"Map","ItemsPath":"$.items",
                  "ItemSelector":{"o.$":"$$.Map.Item.Value","inner":[0,1,2]},"End":true,
                  "ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Map","ItemsPath":"$.inner","End":true,
                    "ItemSelector":{"o.$":"$.o","i.$":"$$.Map.Item.Value"},
                    "ItemProcessor":{"StartAt":"C","States":{
                      "C":{"Type":"Choice","Choices":[{"And":[{"Variable":"$.o","NumericEquals":55},
                        {"Variable":"$.i","NumericEquals":1}],"Next":"F"}],"Default":"W"},
                      "W":{"Type":"Wait","Seconds":3,"End":true},
                      "F":{"Type":"Fail","Error":"Inner","Cause":"55/1"}}}}}}}}}""",
                "{\"items\":" + range(60) + "}");
        assertEquals("FAILED", run.result().status().name());
        addsUp(run);
        Timeline t = run.recorded().timeline();
        assertEquals(1, t.visits.get("F")[0]);
        assertTrue(t.visits.get("Inner")[2] > 0, "inner Maps aborted: " + t.visits.get("Inner")[2]);
        assertTrue(t.lanes.stream().anyMatch(l -> l.label().equals("Outer #55") && l.status().equals("failed")),
                t.lanes.toString());
    }

    @Test
    void lanesInsideSummarisedIterationsAreCounted() throws Exception {
        Run run = run("""
                {"QueryLanguage":"JSONata","StartAt":"Outer","States":{
                 "Outer":{"Type":"Map","Items":"{% [1..60] %}","Output":"{% 0 %}","End":true,"ItemProcessor":{"StartAt":"P","States":{
                   "P":{"Type":"Parallel","End":true,"Branches":[
                     {"StartAt":"Inner","States":{"Inner":{"Type":"Map","Items":"{% [1..3] %}","End":true,
                        "ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","End":true}}}}}},
                     {"StartAt":"Y","States":{"Y":{"Type":"Pass","End":true}}}]}}}}}}""", "{}");
        assertEquals("SUCCEEDED", run.result().status().name(), run.result().cause());
        addsUp(run);
        Timeline t = run.recorded().timeline();
        assertEquals(60, t.children.get("Outer")[0]);
        assertEquals(120, t.children.get("P")[0]); // two branches per iteration, shown or not
        assertEquals(180, t.children.get("Inner")[0]);
        assertEquals(180, t.visits.get("X")[0]);
        // shown: the execution, 50 iterations with 2 branches and 3 inner iterations each
        assertEquals(1 + 50 * (1 + 2 + 3), t.lanes.size());
        assertEquals(10, t.summaries.stream().filter(s -> s.map().equals("Outer")).findFirst().orElseThrow().count());
        assertEquals(0, t.hiddenEvents % 10, "10 alike iterations hidden");
        assertTrue(t.hiddenEvents > 10 * 10);
    }

    static String range(int n) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append(i);
        }
        return out.append(']').toString();
    }

    @Test
    void whatATimeoutCutShortIsAbortedUntilTheEndNotFailed() throws Exception {
        // the Wait inside the branch was a zero-length span ending at its start, marked failed (red)
        Run run = run("{\"StartAt\": \"P\", \"TimeoutSeconds\": 1, \"States\": {\"P\": {\"Type\": \"Parallel\", \"End\": true,"
                + " \"Branches\": [{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 100, \"End\": true}}}]}}}",
                "{}");
        assertEquals(dev.sfnrun.engine.ExecutionStatus.TIMED_OUT, run.result().status());
        Timeline t = run.recorded().timeline();
        assertEquals(2, t.spans.size());
        for (Timeline.Span span : t.spans) {
            assertEquals("aborted", span.status(), span.toString());
            assertEquals(1000, span.end(), span.toString());
        }
        assertEquals("aborted", t.lanes.get(1).status());
        assertEquals("aborted", t.lanes.get(0).status()); // the execution's own lane
        assertEquals(1000, t.lanes.get(1).end());
        assertEquals(0, t.visits.get("W")[1]);
        assertEquals(1, t.visits.get("W")[2]);
        addsUp(run);
    }

    @Test
    void aPassStateOpenInAnAbortedIterationWasAbortedNotFailed() {
        // an iteration aborted between a Pass state's entry and exit (a race of the run) showed the Pass as failed
        java.time.Instant t = java.time.Instant.parse("2024-01-01T00:00:00Z");
        Timeline timeline = new Timeline(name -> null);
        Object[][] events = {
            {1, 0, "ExecutionStarted", Map.of()},
            {2, 1, "MapStateEntered", Map.of("name", "M")},
            {3, 2, "MapStateStarted", Map.of("length", 2)},
            {4, 3, "MapIterationStarted", Map.of("name", "M", "index", 0)},
            {5, 3, "MapIterationStarted", Map.of("name", "M", "index", 1)},
            {6, 4, "FailStateEntered", Map.of("name", "Reject")},
            {7, 5, "PassStateEntered", Map.of("name", "Accept")},
            {8, 6, "MapIterationFailed", Map.of("name", "M", "index", 0)},
            {9, 8, "MapIterationAborted", Map.of("name", "M", "index", 1)},
            {10, 9, "MapStateFailed", Map.of()},
            {11, 10, "ExecutionFailed", Map.of("error", "Three")},
        };
        for (Object[] e : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) e[3];
            timeline.add(new dev.sfnrun.history.HistoryEvent((Integer) e[0], (Integer) e[1], t,
                    dev.sfnrun.history.EventType.valueOf((String) e[2]), details));
        }
        timeline.finish(t);
        Timeline.Span accept = timeline.spans.stream().filter(sp -> sp.state().equals("Accept")).findFirst().orElseThrow();
        assertEquals("aborted", accept.status());
        assertEquals(0, timeline.visits.get("Accept")[1]);
        assertEquals(1, timeline.visits.get("Accept")[2]);
        assertEquals(1, timeline.visits.get("Reject")[1]);
    }

    /** A timeline of these events ({id, previous id, type, details}), all at one instant, finished. */
    private static Timeline timelineOf(Object[][] events) {
        java.time.Instant t = java.time.Instant.parse("2024-01-01T00:00:00Z");
        Timeline timeline = new Timeline(name -> switch (name) {
            case "Busy", "Boom" -> new Timeline.BranchOf.Branch("Par", name.equals("Busy") ? 0 : 1);
            default -> null;
        });
        for (Object[] e : events) {
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) e[3];
            timeline.add(new dev.sfnrun.history.HistoryEvent((Integer) e[0], (Integer) e[1], t,
                    dev.sfnrun.history.EventType.valueOf((String) e[2]), details));
        }
        timeline.finish(t);
        return timeline;
    }

    private static Map<String, String> laneStatuses(Timeline t) {
        Map<String, String> lanes = new HashMap<>();
        t.lanes.forEach(l -> lanes.put(l.label(), l.status()));
        return lanes;
    }

    private static Map<String, String> spanStatuses(Timeline t) {
        Map<String, String> spans = new HashMap<>();
        t.spans.forEach(sp -> spans.put(sp.state(), sp.status()));
        return spans;
    }

    @Test
    void aPassStateOpenInABranchCutByASiblingsFailureWasAbortedNotFailed() {
        // the history of a Parallel whose branch 1 is a Pass still computing when branch 2's Fail state fails it:
        // a Pass has no aborted event, and it was shown failed (red) with its branch
        Timeline t = timelineOf(new Object[][] {
            {1, 0, "ExecutionStarted", Map.of()},
            {2, 0, "ParallelStateEntered", Map.of("name", "Par")},
            {3, 2, "ParallelStateStarted", Map.of()},
            {4, 3, "PassStateEntered", Map.of("name", "Busy")},
            {5, 3, "FailStateEntered", Map.of("name", "Boom")},
            {6, 5, "ParallelStateFailed", Map.of()},
            {7, 6, "ExecutionFailed", Map.of("error", "E")},
        });
        assertEquals(Map.of("Execution", "failed", "Par branch 1", "aborted", "Par branch 2", "failed"), laneStatuses(t));
        assertEquals(Map.of("Par", "failed", "Busy", "aborted", "Boom", "failed"), spanStatuses(t));
        assertEquals(List.of(1, 0, 1), List.of(t.visits.get("Busy")[0], t.visits.get("Busy")[1], t.visits.get("Busy")[2]));
        assertEquals(1, t.visits.get("Boom")[1]);
        assertEquals(1, t.visits.get("Par")[1]);
        assertEquals(2, t.children.get("Par")[1], "both branches ended other than ok");
    }

    @Test
    void aPassStateOpenInABranchCutByASiblingsFailureInsideAMapIterationWasAbortedToo() {
        // the same Parallel in a Map's iteration (shown, then one past KEEP and so summarised would count it the same)
        Timeline t = timelineOf(new Object[][] {
            {1, 0, "ExecutionStarted", Map.of()},
            {2, 1, "MapStateEntered", Map.of("name", "M")},
            {3, 2, "MapStateStarted", Map.of("length", 1)},
            {4, 3, "MapIterationStarted", Map.of("name", "M", "index", 0)},
            {5, 4, "ParallelStateEntered", Map.of("name", "Par")},
            {6, 5, "ParallelStateStarted", Map.of()},
            {7, 6, "PassStateEntered", Map.of("name", "Busy")},
            {8, 6, "FailStateEntered", Map.of("name", "Boom")},
            {9, 8, "ParallelStateFailed", Map.of()},
            {10, 9, "MapIterationFailed", Map.of("name", "M", "index", 0)},
            {11, 10, "MapStateFailed", Map.of()},
            {12, 11, "ExecutionFailed", Map.of("error", "E")},
        });
        assertEquals(Map.of("Execution", "failed", "M #0", "failed", "Par branch 1", "aborted", "Par branch 2", "failed"),
                laneStatuses(t));
        assertEquals(Map.of("M", "failed", "Par", "failed", "Busy", "aborted", "Boom", "failed"), spanStatuses(t));
        assertEquals(0, t.visits.get("Busy")[1]);
        assertEquals(1, t.visits.get("Busy")[2]);
    }

    @Test
    void aPassStateThatFailsItsBranchIsFailedAndTheSiblingStillRunningIsAborted() {
        // branch 2's Pass fails (a JSONata error) while branch 1's Pass still computes; the Parallel's failure
        // follows branch 2's event, so only that branch and its Pass are failed
        Timeline t = timelineOf(new Object[][] {
            {1, 0, "ExecutionStarted", Map.of()},
            {2, 0, "ParallelStateEntered", Map.of("name", "Par")},
            {3, 2, "ParallelStateStarted", Map.of()},
            {4, 3, "PassStateEntered", Map.of("name", "Busy")},
            {5, 3, "PassStateEntered", Map.of("name", "Boom")},
            {6, 5, "EvaluationFailed", Map.of("error", "States.QueryEvaluationError")},
            {7, 6, "ParallelStateFailed", Map.of()},
            {8, 7, "ExecutionFailed", Map.of("error", "States.QueryEvaluationError")},
        });
        assertEquals(Map.of("Execution", "failed", "Par branch 1", "aborted", "Par branch 2", "failed"), laneStatuses(t));
        assertEquals(Map.of("Par", "failed", "Busy", "aborted", "Boom", "failed"), spanStatuses(t));
    }
}
