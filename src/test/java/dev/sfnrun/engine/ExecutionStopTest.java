package dev.sfnrun.engine;

import dev.sfnrun.engine.time.ScaledClock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Execution#stop()}: what Ctrl-C does to a run, as StopExecution does on AWS. */
class ExecutionStopTest {
    private static ExecutionResult runAndStop(String definition, long afterMillis) throws Exception {
        Execution execution = new Execution(DefinitionParser.parse(Json.parse(definition)), Json.parse("{}"), "{}",
                ExecutionOptions.defaults().withClock(new ScaledClock(1)));
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(afterMillis);
            } catch (InterruptedException e) {
                return;
            }
            execution.stop();
        });
        stopper.start();
        long start = System.nanoTime();
        ExecutionResult result = execution.run();
        stopper.join();
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the run ended soon after the stop");
        return result;
    }

    private static List<EventType> types(ExecutionResult result) {
        return result.events().stream().map(HistoryEvent::type).toList();
    }

    @Test
    void aStoppedWaitEndsTheRunAborted() throws Exception {
        ExecutionResult result = runAndStop("{\"StartAt\":\"W\",\"States\":{\"W\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}", 200);
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertEquals(List.of(EventType.ExecutionStarted, EventType.WaitStateEntered, EventType.ExecutionAborted),
                types(result));
        HistoryEvent aborted = result.events().get(2);
        assertEquals(result.events().get(1).id(), aborted.previousEventId());
        assertEquals(null, result.error());
    }

    @Test
    void aStoppedParallelEndsTheRunAbortedAndLeavesNoBranchThread() throws Exception {
        ExecutionResult result = runAndStop("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Parallel\",\"End\":true,"
                + "\"Branches\":[{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}},"
                + "{\"StartAt\":\"B\",\"States\":{\"B\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}]}}}", 200);
        assertEquals(ExecutionStatus.ABORTED, result.status());
        assertEquals(EventType.ExecutionAborted, types(result).get(types(result).size() - 1));
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("sfn-run-branch-") && t.isAlive()), "no branch thread survives");
    }
}
