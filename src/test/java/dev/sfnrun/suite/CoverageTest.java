package dev.sfnrun.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coverage counting on Choice rules and Default, Retry and Catch clauses by index, Map and Parallel inner states. */
class CoverageTest {
    @TempDir
    Path dir;

    private static final String ALL_CASES = """
            definition: flow.asl.json
            cases:
              - name: default, the task succeeds
                input: {kind: other}
                mocks: {Work: {Return: 1}}
              - name: busy twice over, then caught
                input: {kind: other}
                mocks: {Work: {Throw: {Error: Busy}}}
                expect: {status: FAILED, error: GaveUp, visits: {Work: 1}}
              - name: flaky, retried once, then caught by States.ALL
                input: {kind: other}
                mocks: {Work: [{Throw: {Error: Flaky}}, {Throw: {Error: Flaky}}]}
                expect: {path: [Route, Work, Broken], duration: "PT5S..PT6S"}
              - name: map
                input: {kind: map, items: [{v: 1}]}
              - name: parallel
                input: {kind: par}
            """;

    private static List<String> uncovered(JsonNode measure) {
        List<String> out = new ArrayList<>();
        measure.get("items").forEach(item -> {
            if (!item.get("covered").asBoolean()) {
                out.add(item.has("description") ? item.get("description").asText() : item.get("id").asText());
            }
        });
        return out;
    }

    @Test
    void everyKindOfTransitionIsCounted() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("flow.sfn-test.yaml", ALL_CASES);
        SuiteFixture.Run run = fixture.test(fixture.path("flow.sfn-test.yaml"), "--coverage-json",
                fixture.path("coverage.json"), "--min-coverage", "states=100,transitions=100", "--coverage");
        assertEquals(0, run.exit(), run.out() + run.err());
        JsonNode machine = Json.mapper().readTree(Files.readString(dir.resolve("coverage.json"))).get("machines").get(0);
        assertEquals(10, machine.get("states").get("total").asInt());
        assertEquals(10, machine.get("states").get("covered").asInt());
        assertEquals(15, machine.get("transitions").get("total").asInt());
        assertEquals(15, machine.get("transitions").get("covered").asInt());
        List<String> descriptions = new ArrayList<>();
        machine.get("transitions").get("items").forEach(i -> descriptions.add(i.get("description").asText()
                + " ×" + i.get("taken").asInt()));
        assertEquals(List.of(
                "Route → Each (Choices[0]: $.kind == \"map\") ×1",
                "Route → Both (Choices[1]: $.kind == \"par\") ×1",
                "Route → Work (Default) ×3",
                "Work → End ×1",
                "Work (Retry[0]: retry Busy ×2, 1s, backoff 2.0) ×2",
                "Work (Retry[1]: retry Flaky ×1, 5s, backoff 2.0) ×1",
                "Work → Gave Up (Catch[0]: Busy) ×1",
                "Work → Broken (Catch[1]: States.ALL) ×1",
                "Broken → End ×1",
                "Each → End ×1",
                "Both → End ×1",
                "Each/Double → Each/Done ×1",
                "Each/Done → End ×1",
                "Both/Left → End ×1",
                "Both/Right → End ×1"), descriptions);
        assertTrue(run.out().contains("flow.asl.json"), run.out());
        assertTrue(run.out().contains("10/10 100.0%") && run.out().contains("15/15 100.0%"), run.out());
    }

    @Test
    void uncoveredItemsAreNamedAndTheFloorFailsTheRun() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("flow.sfn-test.yaml", ALL_CASES);
        SuiteFixture.Run run = fixture.test(fixture.path("flow.sfn-test.yaml"), "--filter", "map|busy",
                "--min-coverage", "states=50,transitions=90", "--coverage", "--coverage-json", fixture.path("c.json"));
        assertEquals(1, run.exit(), run.out() + run.err());
        JsonNode machine = Json.mapper().readTree(Files.readString(dir.resolve("c.json"))).get("machines").get(0);
        assertEquals(List.of("Broken", "Both", "Both/Left", "Both/Right"), uncovered(machine.get("states")));
        assertEquals(6, machine.get("states").get("covered").asInt());
        assertEquals(7, machine.get("transitions").get("covered").asInt());
        assertTrue(run.out().contains("states not entered:     Broken; Both; Both/Left; Both/Right"), run.out());
        assertTrue(run.out().contains("coverage below the floor: " + fixture.path("flow.asl.json")
                + ": transitions 7/15 46.6% is below 90%; not taken: Route → Both (Choices[1]: $.kind == \"par\"); "
                + "Work → End; Work (Retry[1]: retry Flaky ×1, 5s, backoff 2.0); Work → Broken (Catch[1]: States.ALL); "
                + "Broken → End; Both → End; Both/Left → End; Both/Right → End" + System.lineSeparator()), run.out());
        assertTrue(!run.out().contains("states 6/10"), "states reach their floor: " + run.out());
        assertTrue(run.out().endsWith("2 passed, 0 failed, 3 skipped" + System.lineSeparator()), run.out());
    }

    @Test
    void oneFloorForBothAndBadFloors() throws Exception {
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("flow.sfn-test.yaml", ALL_CASES);
        SuiteFixture.Run run = fixture.test(fixture.path("flow.sfn-test.yaml"), "--filter", "parallel", "--min-coverage", "40");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains(": states 4/10 40.0% is below 40") == false, run.out());
        assertTrue(run.out().contains(": transitions 4/15 26.6% is below 40%"), run.out());
        SuiteFixture.Run bad = fixture.test(fixture.path("flow.sfn-test.yaml"), "--min-coverage", "states=101");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--min-coverage 'states=101': expected states=PERCENT,transitions=PERCENT"), bad.err());
    }

    @Test
    void aFloorIsComparedWithTheRealRatioNotTheShownPercentage() throws Exception {
        // 2 of 3 states is 66.67 %, shown as 66.6%: a floor of 66.65 failed the run ("66.6% is below 66.65%")
        SuiteFixture fixture = new SuiteFixture(dir);
        fixture.write("m.asl.json", """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":1,"Next":"A"}],
                 "Default":"B"},"A":{"Type":"Succeed"},"B":{"Type":"Succeed"}}}""");
        fixture.write("s.sfn-test.yaml", "definition: m.asl.json\ncases:\n  - name: default\n    input: {x: 0}\n");
        SuiteFixture.Run reached = fixture.test(fixture.path("s.sfn-test.yaml"), "--min-coverage", "states=66.65,transitions=0",
                "--coverage");
        assertEquals(0, reached.exit(), reached.out());
        assertTrue(reached.out().contains("2/3 66.6%"), "the shown percentage is still cut to one decimal: " + reached.out());
        SuiteFixture.Run below = fixture.test(fixture.path("s.sfn-test.yaml"), "--min-coverage", "states=66.67,transitions=0");
        assertEquals(1, below.exit(), below.out());
        assertTrue(below.out().contains("states 2/3 66.6% is below 66.67%; not entered: A"), below.out());
        assertEquals(false, CoverageReport.Floors.below(2, 3, 66.66));
        assertEquals(true, CoverageReport.Floors.below(2, 3, 66.67));
        assertEquals(false, CoverageReport.Floors.below(7, 8, 87.5));
        assertEquals(false, CoverageReport.Floors.below(0, 0, 100));
    }
}
