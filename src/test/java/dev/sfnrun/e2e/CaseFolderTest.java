package dev.sfnrun.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.time.VirtualClock;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.QuerySyntaxException;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.load.TaskRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every folder under {@code src/test/resources/cases/} in-process on virtual time and compares
 * the result with its {@code expected.json}: {@code status}, {@code output}, {@code error},
 * {@code cause} and the event types in order. Adding a case is adding a folder.
 *
 * <p>A folder holds {@code definition.json}, {@code input.json} (optional, default {}) and
 * {@code expected.json}; an optional {@code options.json} may set {@code name} (execution name),
 * {@code stateMachineName}, {@code type} (EXPRESS) and {@code context} (fields merged over $$).
 * A folder {@code s3/} is the root of local "S3" for ItemReader and ResultWriter. Event types of
 * a definition that runs anything concurrently are compared as a multiset with the same first and
 * last event, since branches at the same instant interleave in any order (as on AWS); events a branch
 * may not reach when another branch fails first are listed in {@code "mayBeMissing"} (each at most as
 * many times as it may be missing).
 * A case whose definition must be rejected at load has {@code "loadError": "text"}, found in the
 * message or the JSON pointer of the offending field.
 *
 * <p>Test task functions, bound by Lambda function name ({@code arn:aws:lambda:...:function:NAME}):
 * {@code Echo} returns its input; {@code Fail} fails with the input's {@code error}/{@code cause};
 * {@code FailOnce} fails with {@code Flaky} on its first attempt; {@code FlakyThenEcho} fails with
 * {@code Flaky} (cause "attempt N") until its retry count reaches the input's {@code failures}, then echoes; {@code Huge} returns a string of
 * 300,000 characters; {@code RetryCount} returns the attempt number. The integration
 * {@code f} (called through {@code lambda:invoke.waitForTaskToken}) sends its input back at once as the token's success.
 */
class CaseFolderTest {
    private static final Path CASES = Path.of("src/test/resources/cases");
    /** The execution starts here, so timestamps in outputs are fixed. */
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> list = Files.list(CASES)) {
            list.filter(Files::isDirectory).sorted().forEach(folders::add);
        }
        assertFalse(folders.isEmpty(), "no case folders under " + CASES);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(),
                () -> runCase(folder)));
    }

    private static void runCase(Path folder) throws IOException {
        JsonNode expected = read(folder.resolve("expected.json"));
        JsonNode definition = read(folder.resolve("definition.json"));
        if (expected.has("loadError")) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> DefinitionParser.parse(definition));
            assertTrue(e instanceof DefinitionException || e instanceof QuerySyntaxException,
                    "unexpected exception " + e);
            String wanted = expected.get("loadError").asText();
            String message = e instanceof DefinitionException d ? e.getMessage() + " (at " + d.pointer() + ")" : e.getMessage();
            assertTrue(message.contains(wanted), "message '" + message + "' lacks '" + wanted + "'");
            return;
        }
        StateMachine machine = DefinitionParser.parse(definition);
        Path inputFile = folder.resolve("input.json");
        String inputText = Files.exists(inputFile) ? Files.readString(inputFile) : "{}";
        JsonNode input = Json.parse(inputText);
        ExecutionOptions options = options(folder);
        ExecutionResult result = new Execution(machine, input, inputText, options).run();

        assertEquals(expected.get("status").asText(), result.status().name(), "status");
        // Compared as text: a number from JSONata is a decimal node where parsed JSON has a double.
        JsonNode wantedOutput = expected.path("output").isMissingNode() ? Json.NODES.nullNode() : expected.get("output");
        assertEquals(Json.compact(wantedOutput), Json.compact(result.output() == null ? Json.NODES.nullNode() : result.output()),
                "output");
        assertEquals(text(expected.get("error")), result.error(), "error");
        assertEquals(text(expected.get("cause")), result.cause(), "cause");
        if (expected.hasNonNull("events")) {
            List<String> wanted = new ArrayList<>();
            expected.get("events").forEach(type -> wanted.add(type.asText()));
            List<String> actual = result.events().stream().map(HistoryEvent::type).map(Enum::name).toList();
            if (concurrent(definition)) {
                // branches and iterations at the same (virtual) time interleave in any order, as on AWS;
                // "mayBeMissing" lists events of a branch that another branch's failure may stop before it
                // writes them (AWS does not define which comes first)
                List<String> missing = new ArrayList<>(wanted);
                actual.forEach(missing::remove);
                List<String> mayBeMissing = new ArrayList<>();
                expected.path("mayBeMissing").forEach(type -> mayBeMissing.add(type.asText()));
                List<String> unexplained = new ArrayList<>(missing);
                mayBeMissing.forEach(unexplained::remove);
                List<String> present = new ArrayList<>(wanted);
                missing.forEach(present::remove);
                assertTrue(unexplained.isEmpty(), "events missing (not listed as mayBeMissing): " + unexplained
                        + " in " + actual);
                assertEquals(sorted(present), sorted(actual), "event types (in any order)");
                assertEquals(wanted.get(0), actual.get(0), "first event");
                assertEquals(wanted.get(wanted.size() - 1), actual.get(actual.size() - 1), "last event");
            } else {
                assertEquals(wanted, actual, "event types");
            }
        }
    }

    private static ExecutionOptions options(Path folder) throws IOException {
        ExecutionOptions options = ExecutionOptions.defaults()
                .withStateMachineName("CaseMachine")
                .withExecutionName("case-execution")
                .withClock(new VirtualClock(START))
                .withTasks(testTasks())
                .withS3Root(folder.resolve("s3"));
        Path file = folder.resolve("options.json");
        if (!Files.exists(file)) {
            return options;
        }
        JsonNode given = read(file);
        if (given.has("name")) {
            options = options.withExecutionName(given.get("name").asText());
        }
        if (given.has("stateMachineName")) {
            options = options.withStateMachineName(given.get("stateMachineName").asText());
        }
        if (given.has("type")) {
            options = options.withType(ExecutionType.valueOf(given.get("type").asText()));
        }
        if (given.has("context")) {
            options = options.withContextOverrides((ObjectNode) given.get("context"));
        }
        return options;
    }

    static TaskRegistry testTasks() {
        return TaskRegistry.withBuiltins()
                .bind("Echo", (input, context) -> input)
                .bind("Fail", (input, context) -> {
                    throw new TaskFailure(input.path("error").asText("Boom"), input.path("cause").asText("it broke"));
                })
                .bind("FailOnce", (input, context) -> {
                    if (context.retryCount() == 0) {
                        throw new TaskFailure("Flaky", "first attempt fails");
                    }
                    return input;
                })
                .bind("Boom", (input, context) -> {
                    throw new TaskFailure(input.path("error").asText("Boom"), input.path("cause").asText(null));
                })
                .bind("FlakyThenEcho", (input, context) -> {
                    if (context.retryCount() < input.path("failures").asInt()) {
                        throw new TaskFailure("Flaky", "attempt " + (context.retryCount() + 1));
                    }
                    return input;
                })
                .bind("Huge", (input, context) -> TextNode.valueOf("x".repeat(300_000)))
                .bind("RetryCount", (input, context) -> Json.NODES.numberNode(context.retryCount()))
                .bind("f", (input, context) -> {
                    // answers its own token at once (SendTaskSuccess) with {"token": <the token>}
                    context.callback().success(Json.object().put("token", context.taskToken()));
                    return input;
                });
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

    private static JsonNode read(Path file) throws IOException {
        return Json.parse(Files.readString(file));
    }
}
