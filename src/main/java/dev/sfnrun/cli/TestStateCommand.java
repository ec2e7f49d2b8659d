package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskSetup;
import dev.sfnrun.teststate.TestStateException;
import dev.sfnrun.teststate.TestStateRunner;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sfn-run test-state}: AWS's TestState API offline. Builds the request from the options,
 * answers it with {@link TestStateRunner} and prints AWS's response JSON (exit 0), or AWS's
 * refusal as {@code {"exception": {"code", "message"}}} (exit 2).
 */
@Command(name = "test-state", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tests one state as AWS's TestState API does, offline: with a mock, variables, a context",
            "object and a state configuration; prints AWS's TestState response JSON.", "",
            "Examples:",
            "  sfn-run test-state --definition state.json --input '{\"a\": 1}' --inspection-level DEBUG",
            "  sfn-run test-state --definition machine.asl.json --state-name Charge --mock mock.json --role-arn R", ""},
        footer = {"", "Exit codes: 0 TestState answered (whatever the status); 2 TestState refused the request",
            "(AWS's error on stdout as {\"exception\": {\"code\", \"message\"}}) or a file cannot be read."})
final class TestStateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--definition", required = true, paramLabel = "FILE",
            description = "One state's JSON, or a whole machine with --state-name.")
    String definition;

    @Option(names = "--state-name", paramLabel = "NAME", description = "The state to test in a whole machine.")
    String stateName;

    @Option(names = "--input", paramLabel = "FILE|JSON", description = "The state's input. Default: {}.")
    String input;

    @Option(names = "--role-arn", paramLabel = "ARN", description = "The execution role (needed for an unmocked Task).")
    String roleArn;

    @Option(names = "--variables", paramLabel = "FILE|JSON", description = "A JSON object of workflow variables.")
    String variables;

    @Option(names = "--context", paramLabel = "FILE|JSON", description = "The context object the state sees.")
    String context;

    @Option(names = "--inspection-level", paramLabel = "LEVEL", description = "INFO, DEBUG or TRACE. Default: INFO.")
    String inspectionLevel;

    @Option(names = "--mock", paramLabel = "FILE|JSON",
            description = "{\"result\": \"<JSON text>\"} or {\"errorOutput\": {\"error\", \"cause\"}}, optionally \"fieldValidationMode\".")
    String mock;

    @Option(names = "--state-configuration", paramLabel = "FILE|JSON",
            description = "retrierRetryCount, errorCausedByState, mapIterationFailureCount, mapItemReaderData.")
    String stateConfiguration;

    @Option(names = "--reveal-secrets", description = "Accepted as AWS accepts it (no connection secrets offline).")
    boolean revealSecrets;

    @Option(names = "--task", paramLabel = "NAME=SPEC", description = "Binds an unmocked Task's resource, as for a run.")
    List<String> tasks = new ArrayList<>();

    @Option(names = "--classpath", paramLabel = "PATH", description = "Jars and class folders of task code.")
    List<String> classpath = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "json", description = "json (the only format).")
    String output;

    @Override
    public Integer call() {
        if (!output.equals("json")) {
            throw new UsageError("--output: test-state prints JSON only (--output json)");
        }
        ObjectNode request = Json.object();
        request.put("definition", InputFiles.read(definition, System.in));
        putText(request, "stateName", stateName);
        putText(request, "input", text("--input", input));
        putText(request, "roleArn", roleArn);
        putText(request, "variables", text("--variables", variables));
        putText(request, "context", text("--context", context));
        putText(request, "inspectionLevel", inspectionLevel == null ? null : inspectionLevel.toUpperCase(java.util.Locale.ROOT));
        if (mock != null) {
            request.set("mock", object("--mock", mock));
        }
        if (stateConfiguration != null) {
            request.set("stateConfiguration", object("--state-configuration", stateConfiguration));
        }
        if (revealSecrets) {
            request.put("revealSecrets", true);
        }
        PrintWriter out = spec.commandLine().getOut();
        TaskSetup setup = new TaskSetup(classpath, tasks, null, null, "StateMachine", "us-east-1", "123456789012");
        try {
            out.println(Json.pretty(new TestStateRunner(setup).run(request)));
            out.flush();
            return ExitCodes.OK;
        } catch (TestStateException e) {
            ObjectNode refusal = Json.object();
            refusal.putObject("exception").put("code", e.type()).put("message", e.getMessage());
            out.println(Json.pretty(refusal));
            out.flush();
            return ExitCodes.CANNOT_START;
        }
    }

    private static void putText(ObjectNode request, String field, String value) {
        if (value != null) {
            request.put(field, value);
        }
    }

    /** A FILE|JSON option's text: the file's content when a file of that name exists, else the value itself. */
    private static String text(String option, String value) {
        if (value == null) {
            return null;
        }
        if (value.equals("-") || isFile(value)) {
            return InputFiles.read(value, System.in);
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || !looksLikeJson(trimmed)) {
            throw new UsageError(option + " " + value + ": no such file (and not inline JSON)");
        }
        return value;
    }

    private static boolean isFile(String value) {
        try {
            return value.length() < 4096 && Files.isRegularFile(Path.of(value));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static boolean looksLikeJson(String text) {
        char first = text.charAt(0);
        return first == '{' || first == '[' || first == '"' || first == '-' || Character.isDigit(first)
                || text.equals("true") || text.equals("false") || text.equals("null");
    }

    private static JsonNode object(String option, String value) {
        String text = text(option, value);
        JsonNode node = InputFiles.parse(option, text);
        if (!node.isObject()) {
            throw new UsageError(option + ": expected a JSON object");
        }
        return node;
    }
}
