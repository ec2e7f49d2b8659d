package dev.sfnrun.task.process;

import static dev.sfnrun.task.process.HandlerRuns.python;
import static dev.sfnrun.task.process.HandlerRuns.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.Runs;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.task.load.TaskSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TaskSetup.withHandlers: a template's functions by name; explicit --task bindings win; nothing starts early. */
class TaskSetupHandlersTest {
    @TempDir
    Path dir;

    @Test
    void explicitBindingsWinOverTemplateHandlersAndEveryResourceFormFindsThem() throws Exception {
        Path fromTemplate = write(dir, "template.py", "def handler(e, c):\n    return 'template'\n");
        Path fromCli = write(dir, "cli.py", "def handler(e, c):\n    return 'cli'\n");
        TaskSetup setup = new TaskSetup(List.of(), List.of("Both=python:" + fromCli + ":handler"), null, null, "M",
                "us-east-1", "123456789012")
                .withHandlers(Map.of("Both", python(fromTemplate, "handler"), "Only", python(fromTemplate, "handler"),
                        "MockAPIFunction", python(fromTemplate, "handler")));
        try (TaskRegistry registry = setup.registry()) {
            HandlerFunction only = assertInstanceOf(HandlerFunction.class, registry.find("Only"));
            assertEquals(0, only.liveWorkers()); // nothing starts before the first call
            assertEquals("\"cli\"", Json.compact(run(registry, "Both")));
            for (String resource : new String[] {"Only", "Only:prod", "123456789012:function:Only",
                "arn:aws:lambda:us-east-1:123456789012:function:Only", "arn:aws:lambda:us-east-1:123456789012:function:Only:7"}) {
                assertEquals("\"template\"", Json.compact(run(registry, resource)), resource);
            }
            assertEquals("\"template\"", Json.compact(run(registry, "MockAPIFunction"))); // replaces the built-in
            assertEquals(1, only.liveWorkers()); // one warm worker served every call
        }
        assertEquals(0, Reaper.liveCount());
    }

    private static com.fasterxml.jackson.databind.JsonNode run(TaskRegistry registry, String functionName) {
        String definition = "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":"
                + "\"arn:aws:states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"" + functionName + "\"},"
                + "\"OutputPath\":\"$.Payload\",\"End\":true}}}";
        return Runs.run(definition, "{}", ExecutionOptions.defaults().withTasks(registry)).output();
    }
}
