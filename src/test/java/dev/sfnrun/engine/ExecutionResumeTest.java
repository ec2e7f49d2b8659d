package dev.sfnrun.engine;

import static dev.sfnrun.engine.Runs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The engine as a library: a run that did not succeed gives a ResumePoint, and Execution.resume goes on from it (redrive). */
class ExecutionResumeTest {
    /** Counts calls per input; fails the first call for the inputs listed in {@code failOnce}. */
    static final class Counting {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        int calls(String key) {
            AtomicInteger count = calls.get(key);
            return count == null ? 0 : count.get();
        }

        int call(String key) {
            return calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    static final String PARALLEL = "{\"StartAt\":\"Setup\",\"States\":{"
            + "\"Setup\":{\"Type\":\"Pass\",\"Assign\":{\"count\":5,\"label\":\"kept\"},\"Next\":\"Par\"},"
            + "\"Par\":{\"Type\":\"Parallel\",\"Branches\":["
            + "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"A\",\"End\":true}}},"
            + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Task\",\"Resource\":\"B\",\"End\":true}}},"
            + "{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Task\",\"Resource\":\"C\",\"End\":true}}}],"
            + "\"Next\":\"Report\"},"
            + "\"Report\":{\"Type\":\"Pass\",\"Parameters\":{\"results.$\":\"$\",\"count.$\":\"$count\",\"label.$\":\"$label\","
            + "\"redrives.$\":\"$$.Execution.RedriveCount\"},\"End\":true}}}";

    static ExecutionOptions options(TaskRegistry registry) {
        return ExecutionOptions.defaults().withTasks(registry).withExecutionName("exec-1");
    }

    @Test
    void aRedrivenParallelRerunsOnlyTheBranchThatFailedAndKeepsTheVariables() {
        Counting counts = new Counting();
        TaskRegistry registry = new TaskRegistry()
                .bind("A", (input, context) -> TextNode.valueOf("a" + counts.call("A")))
                .bind("B", (input, context) -> {
                    if (counts.call("B") == 1) {
                        Thread.sleep(300); // the siblings finish first
                        throw new TaskFailure("Broken", "first time");
                    }
                    return TextNode.valueOf("b");
                })
                .bind("C", (input, context) -> TextNode.valueOf("c" + counts.call("C")));
        StateMachine machine = DefinitionParser.parse(json(PARALLEL));
        ResumePoint point = resumePointOf(machine, registry, counts);
        assertEquals("Par", point.stateName());
        assertEquals(json("{\"in\":1}"), point.stateInput());
        assertEquals(json("5"), point.variables().get("count"));
        assertEquals(json("\"kept\""), point.variables().get("label"));
        assertEquals(3, point.childResults().size());
        assertNull(point.childResults().get(1));
        assertEquals(0, point.redriveCount());

        // the point survives JSON (a server keeps it across restarts)
        ResumePoint again = ResumePoint.fromJson(json(point.toJson().toString()));
        assertEquals(point, again);

        int aCalls = counts.calls("A");
        int cCalls = counts.calls("C");
        ExecutionResult redriven = Execution.resume(machine, again, options(registry)).run();
        assertEquals(ExecutionStatus.SUCCEEDED, redriven.status(), redriven.error() + " " + redriven.cause());
        assertEquals(aCalls, counts.calls("A"));
        assertEquals(cCalls, counts.calls("C"));
        assertEquals(json("{\"results\":[\"a" + aCalls + "\",\"b\",\"c" + cCalls + "\"],\"count\":5,\"label\":\"kept\","
                + "\"redrives\":1}"), redriven.output());
        List<HistoryEvent> events = redriven.events();
        HistoryEvent redrivenEvent = events.get(0);
        assertEquals(EventType.ExecutionRedriven, redrivenEvent.type());
        assertEquals(point.lastEventId() + 1, redrivenEvent.id());
        assertEquals(point.lastEventId(), redrivenEvent.previousEventId());
        assertEquals(1, ((Number) redrivenEvent.detail("redriveCount")).intValue());
        List<EventType> types = events.stream().map(HistoryEvent::type).toList();
        assertEquals(List.of(EventType.ExecutionRedriven, EventType.ParallelStateEntered, EventType.ParallelStateStarted,
                EventType.TaskStateEntered, EventType.LambdaFunctionScheduled, EventType.LambdaFunctionStarted,
                EventType.LambdaFunctionSucceeded, EventType.TaskStateExited, EventType.ParallelStateSucceeded,
                EventType.ParallelStateExited, EventType.PassStateEntered, EventType.PassStateExited,
                EventType.ExecutionSucceeded), types);
        assertEquals(redrivenEvent.id(), events.get(1).previousEventId());
        assertEquals("B", events.get(3).stringDetail("name"));
    }

    /** Runs the machine (B failing) and returns its resume point. */
    private static ResumePoint resumePointOf(StateMachine machine, TaskRegistry registry, Counting counts) {
        Execution execution = new Execution(machine, json("{\"in\":1}"), "{\"in\":1}", options(registry));
        ExecutionResult result = execution.run();
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("Broken", result.error());
        ResumePoint point = execution.resumePoint();
        assertNotNull(point);
        assertEquals(result.events().get(result.events().size() - 1).id(), point.lastEventId());
        return point;
    }

    @Test
    void aRedrivenInlineMapRerunsTheFailedAndUnstartedIterationsOnly() {
        Counting counts = new Counting();
        TaskRegistry registry = new TaskRegistry().bind("Item", (input, context) -> {
            String key = input.asText();
            if (counts.call(key) == 1 && key.equals("3")) {
                throw new TaskFailure("Bad", "item 3");
            }
            return TextNode.valueOf("done " + key);
        });
        StateMachine machine = DefinitionParser.parse(json("{\"StartAt\":\"Each\",\"States\":{\"Each\":{\"Type\":\"Map\","
                + "\"MaxConcurrency\":1,\"ItemProcessor\":{\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\","
                + "\"Resource\":\"Item\",\"End\":true}}},\"End\":true}}}"));
        Execution execution = new Execution(machine, json("[\"1\",\"2\",\"3\",\"4\"]"), null, options(registry));
        assertEquals(ExecutionStatus.FAILED, execution.run().status());
        ResumePoint point = execution.resumePoint();
        assertEquals("Each", point.stateName());
        List<String> kept = new ArrayList<>();
        point.childResults().forEach(r -> kept.add(r == null ? null : r.asText()));
        assertEquals(java.util.Arrays.asList("done 1", "done 2", null, null), kept);

        ExecutionResult redriven = Execution.resume(machine, point, options(registry)).run();
        assertEquals(ExecutionStatus.SUCCEEDED, redriven.status());
        assertEquals(json("[\"done 1\",\"done 2\",\"done 3\",\"done 4\"]"), redriven.output());
        assertEquals(1, counts.calls("1"));
        assertEquals(1, counts.calls("2"));
        assertEquals(2, counts.calls("3"));
        assertEquals(1, counts.calls("4"));
        List<Object> started = redriven.events().stream().filter(e -> e.type() == EventType.MapIterationStarted)
                .map(e -> e.detail("index")).map(i -> (Object) ((Number) i).intValue()).toList();
        assertEquals(List.of(2, 3), started);

        // a redrive that fails again gives the next point: redriveCount 1, everything but item 4 kept
        counts.calls.clear();
        TaskRegistry failing = new TaskRegistry().bind("Item", (input, context) -> {
            if (input.asText().equals("4")) {
                throw new TaskFailure("Bad", "item 4");
            }
            return TextNode.valueOf("again " + input.asText());
        });
        Execution second = Execution.resume(machine, point, options(failing));
        assertEquals(ExecutionStatus.FAILED, second.run().status());
        ResumePoint next = second.resumePoint();
        assertEquals(1, next.redriveCount());
        assertEquals("again 3", next.childResults().get(2).asText());
        assertNull(next.childResults().get(3));
        assertEquals(point.startTime(), next.startTime());
    }

    @Test
    void aTopLevelTaskIsRetriedFromItsInputAndASucceededRunHasNoResumePoint() {
        Counting counts = new Counting();
        TaskRegistry registry = new TaskRegistry().bind("Once", (input, context) -> {
            if (counts.call("Once") == 1) {
                throw new TaskFailure("NotYet", null);
            }
            return input;
        });
        StateMachine machine = DefinitionParser.parse(json("{\"StartAt\":\"Shape\",\"States\":{"
                + "\"Shape\":{\"Type\":\"Pass\",\"Parameters\":{\"v.$\":\"$.v\",\"extra\":true},\"Next\":\"T\"},"
                + "\"T\":{\"Type\":\"Task\",\"Resource\":\"Once\",\"End\":true}}}"));
        Execution execution = new Execution(machine, json("{\"v\":7}"), null, options(registry));
        assertEquals(ExecutionStatus.FAILED, execution.run().status());
        ResumePoint point = execution.resumePoint();
        assertEquals("T", point.stateName());
        assertEquals(json("{\"v\":7,\"extra\":true}"), point.stateInput());
        assertNull(point.childResults());
        Execution redriven = Execution.resume(machine, point, options(registry));
        ExecutionResult result = redriven.run();
        assertEquals(json("{\"v\":7,\"extra\":true}"), result.output());
        assertNull(redriven.resumePoint());
    }

    @Test
    void aRedrivenDistributedMapRerunsOnlyTheChildrenThatFailed() {
        Counting counts = new Counting();
        TaskRegistry registry = new TaskRegistry().bind("Item", (input, context) -> {
            String key = input.asText();
            if (counts.call(key) == 1 && (key.equals("b") || key.equals("d"))) {
                throw new TaskFailure("Bad", key);
            }
            return TextNode.valueOf(key.toUpperCase());
        });
        StateMachine machine = DefinitionParser.parse(json("{\"StartAt\":\"Each\",\"States\":{\"Each\":{\"Type\":\"Map\","
                + "\"MaxConcurrency\":1,\"ToleratedFailureCount\":1,\"ItemProcessor\":{\"ProcessorConfig\":{\"Mode\":\"DISTRIBUTED\","
                + "\"ExecutionType\":\"STANDARD\"},\"StartAt\":\"Work\",\"States\":{\"Work\":{\"Type\":\"Task\","
                + "\"Resource\":\"Item\",\"End\":true}}},\"End\":true}}}"));
        Execution execution = new Execution(machine, json("[\"a\",\"b\",\"c\",\"d\",\"e\"]"), null, options(registry));
        ExecutionResult failed = execution.run();
        assertEquals("States.ExceedToleratedFailureThreshold", failed.error());
        ResumePoint point = execution.resumePoint();
        List<String> kept = new ArrayList<>();
        point.childResults().forEach(r -> kept.add(r == null ? null : r.asText()));
        assertEquals(java.util.Arrays.asList("A", null, "C", null, null), kept);

        ExecutionResult redriven = Execution.resume(machine, point, options(registry)).run();
        assertEquals(ExecutionStatus.SUCCEEDED, redriven.status(), redriven.error() + " " + redriven.cause());
        assertEquals(json("[\"A\",\"B\",\"C\",\"D\",\"E\"]"), redriven.output());
        assertEquals(1, counts.calls("a"));
        assertEquals(2, counts.calls("b"));
        assertEquals(1, counts.calls("c"));
        assertEquals(2, counts.calls("d"));
        assertEquals(1, counts.calls("e"));
        assertTrue(redriven.events().stream().anyMatch(e -> e.type() == EventType.MapRunSucceeded));
    }
}
