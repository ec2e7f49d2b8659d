package dev.sfnrun.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.load.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every folder under {@code src/test/resources/cases/} in-process with virtual time:
 * {@code definition.json}, {@code input.json} and {@code expected.json}, which holds either
 * {@code status}, {@code output}, {@code error}, {@code cause} and {@code events} (event type
 * names in order), or {@code definitionError} (a text the load-time message must contain).
 *
 * <p>Task functions for the cases: {@code Echo} returns its input; {@code Boom} fails with the
 * input's {@code error} and {@code cause} members.
 */
class CaseFolderTest {
    private static final Path CASES = Path.of("src/test/resources/cases");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(CASES)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)));
    }

    private static void run(Path folder) throws IOException {
        JsonNode definition = Json.parse(Files.readString(folder.resolve("definition.json")));
        JsonNode expected = Json.parse(Files.readString(folder.resolve("expected.json")));
        if (expected.has("definitionError")) {
            DefinitionException e = assertThrows(DefinitionException.class, () -> DefinitionParser.parse(definition));
            String want = expected.get("definitionError").asText();
            assertTrue(e.getMessage().contains(want), () -> "message '" + e.getMessage() + "' lacks '" + want + "'");
            return;
        }
        Path inputFile = folder.resolve("input.json");
        String inputText = Files.exists(inputFile) ? Files.readString(inputFile) : "{}";
        StateMachine machine = DefinitionParser.parse(definition);
        ExecutionOptions options = ExecutionOptions.defaults().withExecutionName("case").withTasks(tasks());
        ExecutionResult result = new Execution(machine, Json.parse(inputText), inputText, options).run();

        assertEquals(expected.path("status").asText(), result.status().name(), "status");
        // Compared as text: a number from JSONata is a decimal node where parsed JSON has a double.
        assertEquals(Json.compact(orNull(expected.get("output"))), Json.compact(orNull(result.output())), "output");
        assertEquals(text(expected.get("error")), result.error(), "error");
        assertEquals(text(expected.get("cause")), result.cause(), "cause");
        if (expected.has("events") && !expected.get("events").isNull()) {
            List<String> types = new ArrayList<>();
            expected.get("events").forEach(type -> types.add(type.asText()));
            assertEquals(types, result.events().stream().map(HistoryEvent::type).map(Enum::name).toList(), "events");
        }
    }

    static TaskRegistry tasks() {
        return TaskRegistry.withBuiltins()
                .bind("Echo", (input, context) -> input)
                .bind("Boom", (input, context) -> {
                    throw new TaskFailure(input.path("error").asText("Boom"), input.path("cause").asText(null));
                });
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null ? NullNode.getInstance() : node;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
