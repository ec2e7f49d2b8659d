package dev.sfnrun.task.process;

import static dev.sfnrun.task.process.HandlerRuns.node;
import static dev.sfnrun.task.process.HandlerRuns.python;
import static dev.sfnrun.task.process.HandlerRuns.registry;
import static dev.sfnrun.task.process.HandlerRuns.run;
import static dev.sfnrun.task.process.HandlerRuns.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Map iterations calling one handler: as many warm workers as run at once, up to --max-workers, one call each at a time. */
class HandlerConcurrencyTest {
    private static final String MAP = """
            {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":%d,"ItemsPath":"$.items",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Call","States":{
                "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Work","End":true}}},
              "End":true}}}""";

    @TempDir
    Path dir;

    @Test
    void concurrentCallsGetMoreWorkersUpToTheLimitEachServingOneCallAtATime() throws Exception {
        Path file = write(dir, "work.py", """
                import os, time
                loads = 0
                busy = False
                loads += 1
                def handler(event, context):
                    global busy
                    assert not busy, "two calls at once in one worker"
                    busy = True
                    time.sleep(0.3)
                    busy = False
                    return {"pid": os.getpid(), "loads": loads, "item": event}
                """);
        HandlerSettings two = new HandlerSettings("python3", "node", 2, Map.of(), null);
        try (var registry = registry(Map.of("Work", python(file, "handler")), two)) {
            ExecutionResult result = run(MAP.formatted(4), "{\"items\":[0,1,2,3,4,5,6,7]}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status(), String.valueOf(result.cause()));
            Set<Long> pids = new HashSet<>();
            for (int i = 0; i < 8; i++) {
                JsonNode out = result.output().get(i);
                assertEquals(i, out.get("item").asInt());
                assertEquals(1, out.get("loads").asInt()); // module code ran once per worker
                pids.add(out.get("pid").asLong());
            }
            assertEquals(2, pids.size(), "two workers served eight calls: " + pids);
        }
    }

    @Test
    void nodeWorkersToo() throws Exception {
        Path file = write(dir, "work.mjs", """
                let busy = false;
                export const handler = async (event) => {
                  if (busy) throw new Error('two calls at once in one worker');
                  busy = true;
                  await new Promise((resolve) => setTimeout(resolve, 200));
                  busy = false;
                  return {pid: process.pid, item: event};
                };
                """);
        HandlerSettings three = new HandlerSettings("python3", "node", 3, Map.of(), null);
        try (var registry = registry(Map.of("Work", node(file, "handler")), three)) {
            ExecutionResult result = run(MAP.formatted(0), "{\"items\":[0,1,2,3,4,5,6,7,8]}", registry);
            assertEquals(ExecutionStatus.SUCCEEDED, result.status(), String.valueOf(result.cause()));
            Set<Long> pids = new HashSet<>();
            result.output().forEach(out -> pids.add(out.get("pid").asLong()));
            assertTrue(pids.size() >= 2 && pids.size() <= 3, "at most three workers: " + pids);
            HandlerFunction work = (HandlerFunction) registry.find("Work");
            assertEquals(pids.size(), work.liveWorkers());
        }
        assertEquals(0, Reaper.liveCount(), "closing the registry stops every worker");
    }
}
