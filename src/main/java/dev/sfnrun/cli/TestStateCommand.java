package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.server.ApiException;
import dev.sfnrun.server.ApiModel;
import dev.sfnrun.task.load.TaskSetup;
import dev.sfnrun.teststate.TestStateException;
import dev.sfnrun.teststate.TestStateRunner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sfn-run test-state}: AWS's TestState API offline. Builds the request from the options,
 * answers it with {@link TestStateRunner} and prints AWS's response JSON (exit 0), or AWS's
 * refusal as {@code {"exception": {"code", "message"}}} (exit 2).
 */
final class TestStateCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Tests one state as AWS's TestState API does, offline.", "",
        "The state gets an input, a mock, variables, a context object and a state configuration, each a file or "
                + "inline JSON; prints AWS's TestState response JSON."};
    private static final String[] EXAMPLES = {
        "sfn-run test-state --definition state.json --input '{\"a\": 1}' --inspection-level DEBUG",
        "sfn-run test-state --definition machine.asl.json --state-name Charge --mock mock.json --role-arn R"};
    private static final String[] FOOTER = {};

    /** Built through the programmatic API, as the other commands are: no annotation reflection at start-up. */
    final CommandSpec spec;

    String definition;
    String stateName;
    String input;
    String roleArn;
    String variables;
    String context;
    String inspectionLevel;
    String mock;
    String stateConfiguration;
    boolean revealSecrets;
    List<String> tasks = new ArrayList<>();
    List<String> classpath = new ArrayList<>();
    String output;

    TestStateCommand() {
        spec = Specs.command("test-state", this, DESCRIPTION, EXAMPLES, FOOTER);
        spec.addOption(picocli.CommandLine.Model.OptionSpec.builder("--definition").paramLabel("FILE").type(String.class)
                .required(true).description("One state's JSON, or a whole machine with --state-name.").build());
        spec.addOption(Specs.option("--state-name", "NAME", String.class, null, "The state to test in a whole machine."));
        spec.addOption(Specs.option("--input", "FILE|JSON", String.class, null, "The state's input. Default: {}."));
        spec.addOption(Specs.option("--role-arn", "ARN", String.class, null,
                "The execution role (needed for an unmocked Task)."));
        spec.addOption(Specs.option("--variables", "FILE|JSON", String.class, null, "A JSON object of workflow variables."));
        spec.addOption(Specs.option("--context", "FILE|JSON", String.class, null, "The context object the state sees."));
        spec.addOption(Specs.option("--inspection-level", "LEVEL", String.class, null,
                "INFO, DEBUG or TRACE. Default: INFO."));
        spec.addOption(Specs.option("--mock", "FILE|JSON", String.class, null,
                "{\"result\": \"<JSON text>\"} or {\"errorOutput\": {\"error\", \"cause\"}}, optionally \"fieldValidationMode\"."));
        spec.addOption(Specs.option("--state-configuration", "FILE|JSON", String.class, null,
                "retrierRetryCount, errorCausedByState, mapIterationFailureCount, mapItemReaderData."));
        spec.addOption(Specs.flag("Accepted as AWS accepts it (no connection secrets offline).", "--reveal-secrets"));
        spec.addOption(Specs.repeatable("--task", "NAME=SPEC", "Binds an unmocked Task's resource, as for a run."));
        spec.addOption(Specs.repeatable("--classpath", "PATH", "Jars and class folders of task code."));
        spec.addOption(Specs.option("--output", "FORMAT", String.class, "json", "json (the only format)."));
        Specs.helpOptions(spec);
        Specs.exitCodes(spec, ExitCodes.OK, "TestState answered (whatever the status)",
                ExitCodes.CANNOT_START, "TestState refused the request (AWS's error on stdout as "
                        + "{\"exception\": {\"code\", \"message\"}}), a file cannot be read, or a bad option",
                ExitCodes.NOT_FINISHED, ExitCodes.NOT_FINISHED_HELP);
    }

    private void readOptions() {
        definition = Specs.value(spec, "--definition");
        stateName = Specs.value(spec, "--state-name");
        input = Specs.value(spec, "--input");
        roleArn = Specs.value(spec, "--role-arn");
        variables = Specs.value(spec, "--variables");
        context = Specs.value(spec, "--context");
        inspectionLevel = Specs.value(spec, "--inspection-level");
        mock = Specs.value(spec, "--mock");
        stateConfiguration = Specs.value(spec, "--state-configuration");
        revealSecrets = Specs.isSet(spec, "--reveal-secrets");
        List<String> taskValues = Specs.value(spec, "--task");
        tasks = taskValues == null ? List.of() : taskValues;
        List<String> classpathValues = Specs.value(spec, "--classpath");
        classpath = classpathValues == null ? List.of() : classpathValues;
        output = Specs.value(spec, "--output");
    }

    @Override
    public Integer call() {
        readOptions();
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
            ApiModel.get().check("TestState", request); // the request's members checked as serve checks them
            out.println(Json.pretty(new TestStateRunner(setup).run(request)));
            out.flush();
            return ExitCodes.OK;
        } catch (ApiException e) {
            return refused(out, e.code(), e.getMessage());
        } catch (TestStateException e) {
            return refused(out, e.type(), e.getMessage());
        }
    }

    private static int refused(PrintWriter out, String code, String message) {
        ObjectNode refusal = Json.object();
        refusal.putObject("exception").put("code", code).put("message", message);
        out.println(Json.pretty(refusal));
        out.flush();
        return ExitCodes.CANNOT_START;
    }

    private static void putText(ObjectNode request, String field, String value) {
        if (value != null) {
            request.put(field, value);
        }
    }

    /** A FILE|JSON option's value as given: the file it named (null for inline JSON) and its text. */
    private record Given(String file, String text) {
        /** What messages call it: the file, or the option for inline JSON. */
        String name(String option) {
            return file != null ? file : option;
        }
    }

    /** A FILE|JSON option's text (see {@link #given}); null when the option was not given. */
    private static String text(String option, String value) {
        return value == null ? null : given(option, value).text();
    }

    /**
     * A FILE|JSON option's value: the file's content when something of that name exists (read, or
     * refused, as every file of the CLI is: a directory is "is a directory, not a file"; an empty file is
     * not JSON, as for the run's --input), else the value itself as inline JSON.
     */
    private static Given given(String option, String value) {
        if (value.equals("-") || value.length() < 4096 && InputFiles.exists(value)) { // a payload of TestState, limited as AWS limits payloads
            String text = InputFiles.read(value, System.in, dev.sfnrun.io.BoundedFiles.PAYLOAD_BYTES, "test-state's " + option);
            if (text.isBlank()) {
                throw new UsageError(value + ": empty file, expected JSON");
            }
            return new Given(value, text);
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || !looksLikeJson(trimmed)) {
            throw new UsageError(option + " " + value + ": no such file (and not inline JSON)");
        }
        return new Given(null, value);
    }

    private static boolean looksLikeJson(String text) {
        char first = text.charAt(0);
        return first == '{' || first == '[' || first == '"' || first == '-' || Character.isDigit(first)
                || text.equals("true") || text.equals("false") || text.equals("null");
    }

    /** A FILE|JSON option that must hold a JSON object; a problem names the file (and line and column), or the option for inline JSON. */
    private static JsonNode object(String option, String value) {
        Given given = given(option, value);
        JsonNode node = InputFiles.parse(given.name(option), given.text());
        if (!node.isObject()) {
            throw new UsageError(given.file() != null ? given.file() + ": " + option + " must be a JSON object"
                    : option + ": expected a JSON object");
        }
        return node;
    }
}
