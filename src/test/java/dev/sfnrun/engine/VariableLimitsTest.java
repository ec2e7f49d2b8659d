package dev.sfnrun.engine;

import static dev.sfnrun.engine.Runs.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfnrun.history.EventType;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AWS's variable quotas: 256 KiB a variable, 256 KiB an Assign, 10 MiB an execution. */
class VariableLimitsTest {
    /** An input {"s": "aaa…"} whose string's JSON text (with quotes) is {@code bytes} long. */
    private static String input(int bytes) {
        return "{\"s\": \"" + "a".repeat(bytes - 2) + "\"}";
    }

    private static ExecutionResult assign(String assign, String input) {
        return run("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Assign\":" + assign
                + ",\"OutputPath\":null,\"End\":true}}}", input, new TaskRegistry());
    }

    @Test
    void oneVariableOfExactly256KiBIsKept() {
        ExecutionResult result = assign("{\"x.$\":\"$.s\"}", input(262_144 - 16)); // the input itself must fit
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
    }

    @Test
    void twoVariablesOverTheAssignQuotaFailTheState() {
        ExecutionResult result = assign("{\"x.$\":\"$.s\",\"y.$\":\"$.s\"}", input(140_000));
        assertEquals(ExecutionStatus.FAILED, result.status());
        assertEquals("States.DataLimitExceeded", result.error());
        assertEquals("An error occurred while executing the state 'A' (entered at the event id #2). The values "
                + "assigned by the state total 280000 bytes, more than 256 KiB (262144 bytes), the maximum for one "
                + "Assign.", result.cause());
        assertEquals(List.of(EventType.ExecutionStarted, EventType.PassStateEntered, EventType.ExecutionFailed),
                Runs.types(result));
    }

    @Test
    void aVariableOver256KiBFailsTheState() {
        // JSONata joins the 140 kB string to itself: one value of 280 kB (an intrinsic such as States.Array would
        // fail first, with the limit on what an intrinsic function returns)
        ExecutionResult result = run("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":"
                + "\"Pass\",\"Assign\":{\"x\":\"{% $states.input.s & $states.input.s %}\"},\"End\":true}}}",
                input(140_000), new TaskRegistry());
        assertEquals("States.DataLimitExceeded", result.error());
        assertEquals("An error occurred while executing the state 'A' (entered at the event id #2). The value "
                + "assigned to the variable 'x' is larger than 256 KiB (262144 bytes), the maximum size of a "
                + "variable.", result.cause());
    }

    /** 60 Pass states in a row, state i assigning {@code name.apply(i)} the input's string. */
    private static String chain(java.util.function.IntFunction<String> name) {
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            states.append(i == 0 ? "" : ",").append("\"S").append(i).append("\":{\"Type\":\"Pass\",\"Assign\":{\"")
                    .append(name.apply(i)).append(".$\":\"$.s\"},")
                    .append(i == 59 ? "\"End\":true}" : "\"Next\":\"S" + (i + 1) + "\"}");
        }
        return "{\"StartAt\":\"S0\",\"States\":{" + states + "}}";
    }

    @Test
    void theExecutionKeepsAtMost10MiB() {
        // each state keeps 200 kB in a variable of its own: over 10 MiB at the 53rd
        ExecutionResult result = run(chain(i -> "v" + i), input(200_000), new TaskRegistry());
        assertEquals("States.DataLimitExceeded", result.error());
        assertEquals("An error occurred while executing the state 'S52' (entered at the event id #106). The "
                + "variables of the execution would total more than 10 MiB (10485760 bytes), the maximum for one "
                + "execution.", result.cause());
    }

    @Test
    void reassigningAVariableReplacesItsSize() {
        ExecutionResult result = run(chain(i -> "same"), input(200_000), new TaskRegistry());
        assertEquals(ExecutionStatus.SUCCEEDED, result.status(), result.cause());
    }
}
