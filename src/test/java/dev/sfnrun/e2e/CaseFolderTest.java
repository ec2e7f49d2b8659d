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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every folder under {@code src/test/resources/cases/} through the engine: {@code definition.json},
 * {@code input.json}, and {@code expected.json} = {"status", "output", "error", "cause", "events": [types...]}
 * (output, error and cause must equal the result's, null meaning absent; null events are not checked).
 * Event types are compared in order, or as a multiset with the same first and last event when the
 * definition runs anything concurrently (a Parallel, or a Map whose MaxConcurrency is not 1).
 * Adding a case is adding a folder.
 */
class CaseFolderTest {
    static final Path CASES = Path.of("src/test/resources/cases");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(CASES)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(!folders.isEmpty(), "no case folders under " + CASES);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)));
    }

    private static void run(Path folder) throws IOException {
        JsonNode definition = Json.parse(Files.readString(folder.resolve("definition.json")));
        StateMachine machine = DefinitionParser.parse(definition);
        String inputText = Files.readString(folder.resolve("input.json"));
        JsonNode expected = Json.parse(Files.readString(folder.resolve("expected.json")));
        ExecutionOptions options = ExecutionOptions.defaults().withStateMachineName("Case")
                .withS3Root(folder.resolve("s3"));
        ExecutionResult result = new Execution(machine, Json.parse(inputText), inputText, options).run();
        String name = folder.getFileName().toString();
        assertEquals(expected.path("status").asText(), result.status().name(), name + ": status (" + result.error()
                + ": " + result.cause() + ")");
        JsonNode output = expected.get("output");
        assertEquals(output == null || output.isNull() ? null : output, result.output(), name + ": output");
        assertEquals(text(expected.get("error")), result.error(), name + ": error");
        assertEquals(text(expected.get("cause")), result.cause(), name + ": cause");
        JsonNode events = expected.get("events");
        if (events != null && !events.isNull()) {
            List<String> want = Json.MAPPER.convertValue(events, Json.MAPPER.getTypeFactory()
                    .constructCollectionType(List.class, String.class));
            List<String> have = result.events().stream().map(HistoryEvent::type).map(Enum::name).toList();
            if (concurrent(definition)) {
                // branches and iterations at the same (virtual) time interleave in any order, as on AWS
                assertEquals(sorted(want), sorted(have), name + ": event types (in any order)");
                assertEquals(want.get(0), have.get(0), name + ": first event");
                assertEquals(want.get(want.size() - 1), have.get(have.size() - 1), name + ": last event");
            } else {
                assertEquals(want, have, name + ": event types");
            }
        }
    }

    /** A Parallel state, or a Map whose MaxConcurrency is not 1, anywhere in the definition. */
    static boolean concurrent(JsonNode node) {
        if (node.isObject()) {
            String type = node.path("Type").asText();
            if (type.equals("Parallel") || (type.equals("Map") && node.path("MaxConcurrency").asInt(0) != 1)) {
                return true;
            }
        }
        for (JsonNode child : node) {
            if (concurrent(child)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
