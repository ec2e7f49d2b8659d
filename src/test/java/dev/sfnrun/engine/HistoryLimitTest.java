package dev.sfnrun.engine;

import dev.sfnrun.engine.time.VirtualClock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HistoryLimitTest {
    /** Counts up to $.limit, four events per round (Pass and Choice, Entered and Exited). */
    private static final String COUNTER = """
            {"StartAt": "Count", "States": {
              "Count": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)", "limit.$": "$.limit"},
                        "Next": "Done?"},
              "Done?": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThanEqualsPath": "$.limit",
                        "Next": "Done"}], "Default": "Count"},
              "Done": {"Type": "Succeed"}}}""";

    private static ExecutionResult run(int limit, ExecutionType type) throws Exception {
        StateMachine machine = DefinitionParser.parse(Json.parse(COUNTER));
        JsonNode input = Json.parse("{\"n\": 0, \"limit\": " + limit + "}");
        ExecutionOptions options = ExecutionOptions.defaults().withType(type)
                .withClock(new VirtualClock(Instant.parse("2024-01-01T00:00:00Z")));
        return new Execution(machine, input, null, options).run();
    }

    @Test
    void aStandardExecutionFailsWhenEvent25000WouldNotEndIt() throws Exception {
        ExecutionResult result = run(10_000, ExecutionType.STANDARD);
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals(ErrorNames.RUNTIME, result.error());
        assertEquals("The execution reached the maximum number of history events (25000).", result.cause());
        assertEquals(25_000, result.events().size());
        HistoryEvent last = result.events().get(24_999);
        assertEquals(EventType.ExecutionFailed, last.type());
        assertEquals(25_000, last.id());
        assertEquals(24_999, last.previousEventId());
    }

    @Test
    void event25000MayBeExecutionSucceeded() throws Exception {
        // 1 ExecutionStarted + 4 per round + Succeed's 2 + ExecutionSucceeded: 4 * 6249 + 4 = 25000
        ExecutionResult result = run(6_249, ExecutionType.STANDARD);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(25_000, result.events().size());
    }

    @Test
    void expressExecutionsHaveNoHistoryLimit() throws Exception {
        ExecutionResult result = run(7_000, ExecutionType.EXPRESS);
        assertEquals(ExecutionStatus.SUCCEEDED, result.status());
        assertEquals(1 + 4 * 7_000 + 3, result.events().size());
    }
}
