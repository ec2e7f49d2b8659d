package dev.sfnrun.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every folder under {@code src/test/resources/cases}: {@code definition.json}, an optional
 * {@code input.json} (default {@code {}}) and {@code expected.json} with {@code status}, the event
 * types in order ({@code events}) and, where given, {@code output}, {@code error} and {@code cause}
 * (an explicit null means "absent"). Runs in-process with virtual time and three test functions
 * besides the built-ins: {@code Echo} returns its input, {@code Raise} fails with the input's
 * {@code error} and {@code cause}, {@code FlakyThenEcho} fails with {@code Flaky} until its retry
 * count reaches the input's {@code failures}, then echoes.
 */
class CaseFolderTest {
    static final Path CASES = Path.of("src/test/resources/cases");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(CASES)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 10, "expected the case folders under " + CASES);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)));
    }

    static TaskRegistry testFunctions() {
        return TaskRegistry.withBuiltins()
                .bind("Echo", (input, context) -> input)
                .bind("Raise", (input, context) -> {
                    throw new TaskFailure(text(input, "error"), text(input, "cause"));
                })
                .bind("FlakyThenEcho", (input, context) -> {
                    if (context.retryCount() < input.path("failures").asInt()) {
                        throw new TaskFailure("Flaky", "attempt " + (context.retryCount() + 1));
                    }
                    return input;
                });
    }

    private static String text(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void run(Path folder) throws IOException {
        JsonNode definition = Json.MAPPER.readTree(Files.readString(folder.resolve("definition.json")));
        Path inputFile = folder.resolve("input.json");
        String inputText = Files.exists(inputFile) ? Files.readString(inputFile).strip() : "{}";
        JsonNode expected = Json.MAPPER.readTree(Files.readString(folder.resolve("expected.json")));

        StateMachine machine = DefinitionParser.parse(definition);
        ExecutionOptions options = ExecutionOptions.defaults().withExecutionName("case").withTasks(testFunctions());
        ExecutionResult result = new Execution(machine, Json.MAPPER.readTree(inputText), inputText, options).run();

        assertEquals(expected.get("status").asText(), result.status().name(), "status");
        if (expected.has("output")) {
            JsonNode want = expected.get("output");
            assertEquals(want.isNull() ? null : want, result.output(), "output");
        }
        if (expected.has("error")) {
            assertEquals(nullable(expected.get("error")), result.error(), "error");
        }
        if (expected.has("cause")) {
            assertEquals(nullable(expected.get("cause")), result.cause(), "cause");
        }
        List<String> wantEvents = Json.MAPPER.convertValue(expected.get("events"),
                Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
        List<String> gotEvents = result.events().stream().map(HistoryEvent::type).map(Enum::name).toList();
        assertEquals(wantEvents, gotEvents, "event types");
    }

    private static String nullable(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
