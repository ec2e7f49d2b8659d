package dev.sfnrun.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Random machines of Maps, Parallels, Waits, Choices and Fails (which fail for some items, so that
 * Maps and Parallels stop and abort what runs in them), recorded for a report: recording never fails,
 * every event is a row or counted as hidden, and every state's entries and aborts are counted.
 */
class RecorderProperties {
    @Property(tries = 60)
    void everyRandomRunIsRecordedWhole(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        ObjectNode machine = scope(random, 0, "");
        ObjectNode input = Json.mapper().createObjectNode().put("v", random.nextInt(70));
        ArrayNode items = input.putArray("items");
        int n = new int[] {3, 20, 60}[random.nextInt(3)];
        for (int i = 0; i < n; i++) {
            items.add(i);
        }
        RunRecorderTest.Run run = RunRecorderTest.run(machine.toString(), input.toString()); // finish() rethrows a failure
        try {
            RunRecorderTest.addsUp(run);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " in " + machine + " with " + input, e);
        }
        Timeline t = run.recorded().timeline();
        Map<String, Integer> entered = new HashMap<>();
        Map<String, Integer> aborted = new HashMap<>();
        for (HistoryEvent event : run.history()) {
            String type = event.type().name();
            if (type.endsWith("StateEntered")) {
                entered.merge(String.valueOf(event.detail("name")), 1, Integer::sum);
            } else if (type.endsWith("StateAborted")) {
                aborted.merge(Timeline.stateName(event), 1, Integer::sum);
            }
        }
        entered.forEach((state, times) -> assertEquals(times, t.visits.get(state)[0], state + " in " + machine + " with " + input));
        // each abort event ends its state's span (more are counted for what ran inside an aborted Map or Parallel)
        aborted.forEach((state, times) -> assertTrue(t.visits.get(state)[2] >= times, state + " in " + machine + " with " + input));
    }

    /** A scope of one to three states; Maps and Parallels nest two deep at most. */
    private static ObjectNode scope(Random random, int depth, String prefix) {
        ObjectNode scope = Json.mapper().createObjectNode();
        ObjectNode states = Json.mapper().createObjectNode();
        int n = 1 + random.nextInt(3);
        scope.put("StartAt", prefix + "S0");
        for (int i = 0; i < n; i++) {
            String name = prefix + "S" + i;
            String next = i + 1 < n ? prefix + "S" + (i + 1) : null;
            ObjectNode state = states.putObject(name);
            int kind = random.nextInt(depth < 2 ? 6 : 4);
            switch (kind) {
                case 0 -> state.put("Type", "Wait").put("Seconds", new int[] {0, 1, 3, 5}[random.nextInt(4)]);
                case 1 -> state.put("Type", "Pass");
                case 2, 3 -> { // a Choice that fails or goes on, by the item's value
                    String end = next != null ? next : name + "End";
                    state.put("Type", "Choice").put("Default", end);
                    ObjectNode rule = state.putArray("Choices").addObject().put("Variable", "$.v");
                    if (kind == 2) {
                        rule.put("NumericEquals", random.nextInt(70)).put("Next", name + "F");
                        states.putObject(name + "F").put("Type", "Fail").put("Error", "E" + name);
                    } else {
                        rule.put("NumericGreaterThan", random.nextInt(70)).put("Next", end);
                    }
                    if (next == null) {
                        states.putObject(name + "End").put("Type", "Succeed");
                    }
                    continue;
                }
                case 4 -> {
                    state.put("Type", "Map").put("ItemsPath", "$.items").putNull("ResultPath");
                    state.putObject("ItemSelector").put("v.$", "$$.Map.Item.Value").put("items.$", "$.items");
                    state.set("ItemProcessor", scope(random, depth + 1, name));
                    if (random.nextBoolean()) {
                        state.put("MaxConcurrency", new int[] {1, 3, 10}[random.nextInt(3)]);
                    }
                }
                default -> {
                    state.put("Type", "Parallel").putNull("ResultPath");
                    ArrayNode branches = state.putArray("Branches");
                    for (int b = 0; b < 2 + random.nextInt(2); b++) {
                        branches.add(scope(random, depth + 1, name + "B" + b));
                    }
                }
            }
            if (kind >= 4 && random.nextInt(3) == 0) { // caught, so that the run goes on after it
                String to = next != null ? next : name + "End";
                state.putArray("Catch").addObject().put("Next", to).putNull("ResultPath").putArray("ErrorEquals")
                        .add("States.ALL");
                if (next == null) {
                    states.putObject(name + "End").put("Type", "Succeed");
                }
            }
            if (next != null) {
                state.put("Next", next);
            } else {
                state.put("End", true);
            }
        }
        scope.set("States", states);
        return scope;
    }
}
