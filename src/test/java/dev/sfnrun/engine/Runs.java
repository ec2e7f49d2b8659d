package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.List;

/** Test helper: runs a definition given as JSON text with a registry, in virtual time. */
public final class Runs {
    private Runs() {
    }

    public static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ExecutionResult run(String definition, String input, TaskRegistry registry) {
        return run(definition, input, ExecutionOptions.defaults().withTasks(registry));
    }

    public static ExecutionResult run(String definition, String input, ExecutionOptions options) {
        var machine = DefinitionParser.parse(json(definition));
        Bindings.check(machine.graph(), options.tasks());
        return new Execution(machine, json(input), input, options.withExecutionName("exec-1")).run();
    }

    public static List<EventType> types(ExecutionResult result) {
        return result.events().stream().map(HistoryEvent::type).toList();
    }

    public static HistoryEvent first(ExecutionResult result, EventType type) {
        return result.events().stream().filter(e -> e.type() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types(result)));
    }

    /** One Task state calling {@code resource}, with extra fields for the state. */
    public static String task(String resource, String extra) {
        return "{\"StartAt\":\"T\",\"States\":{\"T\":{\"Type\":\"Task\",\"Resource\":\"" + resource + "\""
                + (extra.isEmpty() ? "" : "," + extra) + ",\"End\":true}}}";
    }
}
