package dev.sfnrun.task.process;

import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.Runs;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.task.load.TaskSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Test helper: handler files in a directory, a registry binding them, and runs through the engine. */
final class HandlerRuns {
    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private HandlerRuns() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    static HandlerSpec python(Path file, String function) {
        return new HandlerSpec(HandlerSpec.Language.PYTHON, file, function, Map.of(), null, null, "test " + file.getFileName());
    }

    static HandlerSpec node(Path file, String function) {
        return new HandlerSpec(HandlerSpec.Language.NODE, file, function, Map.of(), null, null, "test " + file.getFileName());
    }

    static HandlerSpec withTimeout(HandlerSpec spec, Duration timeout) {
        return new HandlerSpec(spec.language(), spec.file(), spec.function(), spec.environment(), timeout, spec.runtime(),
                spec.origin());
    }

    static TaskRegistry registry(Map<String, HandlerSpec> handlers) {
        return registry(handlers, HandlerSettings.defaults());
    }

    static TaskRegistry registry(Map<String, HandlerSpec> handlers, HandlerSettings settings) {
        return TaskSetup.builtinsOnly("M", "us-east-1", "123456789012").withHandlers(handlers)
                .withHandlerSettings(settings).registry();
    }

    static ExecutionResult run(String definition, String input, TaskRegistry registry) {
        return Runs.run(definition, input, ExecutionOptions.defaults().withTasks(registry).withRecordHistory(true));
    }

    /** One Task state calling the function {@code name} by its ARN. */
    static String task(String name) {
        return Runs.task(ARN + name, "");
    }

    static HistoryEvent last(ExecutionResult result, EventType type) {
        List<HistoryEvent> events = result.events().stream().filter(e -> e.type() == type).toList();
        if (events.isEmpty()) {
            throw new AssertionError("no " + type + " in " + Runs.types(result));
        }
        return events.get(events.size() - 1);
    }
}
