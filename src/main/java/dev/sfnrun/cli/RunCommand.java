package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Bindings;
import dev.sfnrun.engine.Clock;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.query.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sfn-run DEFINITION [options]}: runs one execution and prints its history and result. */
@Command(name = "sfn-run", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Runs an AWS Step Functions state machine (Amazon States Language) locally",
            "and prints the execution's event history and its output or error, as AWS",
            "would produce them.",
            "",
            "Examples:",
            "  sfn-run definitions/api-error-handling.asl.json --input inputs/429.json",
            "  sfn-run machine.asl.json --input-json '{\"n\": 1}' --time-scale 0 --output json",
            "  sfn-run validate definitions/*.asl.json",
            ""},
        footer = {"", "Exit codes: 0 SUCCEEDED; 1 FAILED, TIMED_OUT or ABORTED; 2 the run could not",
            "start (unreadable or malformed file, invalid definition, unknown option)."})
public final class RunCommand implements Callable<Integer> {
    /** AWS's quota on StartExecution's input: 256 KiB of UTF-8. */
    static final int MAX_INPUT_BYTES = 262_144;

    @Spec
    CommandSpec spec;

    /** Optional to picocli only so that {@code sfn-run validate FILE...} parses; {@link #call} requires it. */
    @Parameters(index = "0", arity = "0..1", paramLabel = "DEFINITION",
            description = "The state machine definition (ASL JSON file).")
    String definition;

    @Option(names = "--no-validate",
            description = "Skip the checks of 'sfn-run validate' before running (the parser's own checks still apply).")
    boolean noValidate;

    @Option(names = "--input", paramLabel = "FILE", description = "Execution input: a JSON file, or - for stdin.")
    String inputFile;

    @Option(names = "--input-json", paramLabel = "JSON", description = "Execution input given inline. Default: {}.")
    String inputJson;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (live history, then the result) or json (one JSON report). Default: ${DEFAULT-VALUE}.")
    OutputFormat output;

    @Option(names = "--time-scale", paramLabel = "N", defaultValue = "1",
            description = "1 waits in real time, 0 never sleeps (virtual time), 0.1 waits a tenth. Default: ${DEFAULT-VALUE}.")
    double timeScale;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "STANDARD",
            description = "STANDARD or EXPRESS (Express has no 25,000-event history limit). Default: ${DEFAULT-VALUE}.")
    ExecutionType type;

    @Option(names = "--name", paramLabel = "NAME", description = "The execution name. Default: a random UUID.")
    String executionName;

    @Option(names = "--state-machine-name", paramLabel = "NAME",
            description = "The state machine name in ARNs. Default: the definition's file name without .asl.json/.json.")
    String stateMachineName;

    @Option(names = "--context", paramLabel = "FILE",
            description = "A JSON object merged over the context object ($$$$), e.g. {\"Execution\": {\"RoleArn\": \"...\"}}.")
    String contextFile;

    @Option(names = "--region", paramLabel = "REGION", defaultValue = "us-east-1",
            description = "The region in ARNs. Default: ${DEFAULT-VALUE}.")
    String region;

    @Option(names = "--account", paramLabel = "ID", defaultValue = "123456789012",
            description = "The account id in ARNs. Default: ${DEFAULT-VALUE}.")
    String account;

    @Option(names = {"-v", "--verbose"}, description = "Text output: show every event's input, output and assigned variables in full.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Text output: print only the final output or error.")
    boolean quiet;

    @Option(names = "--no-color", description = "Never colour the output (colour is also off when stdout is not a terminal or NO_COLOR is set).")
    boolean noColor;

    /** Set by {@link SfnRun} for the real terminal. */
    boolean terminal;

    enum OutputFormat { text, json }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (definition == null) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DEFINITION'");
        }
        if (!(timeScale >= 0)) {
            throw new UsageError("--time-scale must be 0 or a positive number, not " + timeScale);
        }
        String definitionText = InputFiles.read(definition, System.in);
        StateMachine machine = ValidateCommand.loadForRun(definition, definitionText, !noValidate);
        String inputText = inputText();
        JsonNode input = InputFiles.parse(inputFile != null ? inputFile : "--input-json", inputText);
        int inputBytes = inputText.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (inputBytes > MAX_INPUT_BYTES) {
            throw new UsageError((inputFile != null ? inputFile : "--input-json") + ": the execution input is "
                    + inputBytes + " bytes; AWS accepts at most " + MAX_INPUT_BYTES + " (256 KiB)");
        }
        ObjectNode context = null;
        if (contextFile != null) {
            JsonNode node = InputFiles.parse(contextFile, InputFiles.read(contextFile, System.in));
            if (!node.isObject()) {
                throw new UsageError(contextFile + ": the context must be a JSON object");
            }
            context = (ObjectNode) node;
        }
        ExecutionOptions options = ExecutionOptions.defaults()
                .withStateMachineName(stateMachineName != null ? stateMachineName : defaultMachineName())
                .withType(type)
                .withRegionAndAccount(region, account)
                .withClock(Clock.forScale(timeScale))
                .withContextOverrides(context)
                .withRecordHistory(output == OutputFormat.json);
        if (executionName != null) {
            options = options.withExecutionName(executionName);
        }
        try {
            Bindings.check(machine.graph(), options.tasks());
        } catch (dev.sfnrun.engine.UnboundResourceException e) {
            throw new UsageError(definition + ": " + e.getMessage());
        }
        boolean text = output == OutputFormat.text;
        boolean colour = text && terminal && !noColor && System.getenv("NO_COLOR") == null;
        if (text && !quiet) {
            List<ExecutionListener> printer = List.of(new HistoryPrinter(out, colour, verbose));
            options = options.withListeners(printer);
        }
        ExecutionResult result = new Execution(machine, input, inputText, options).run();
        if (text) {
            Summary.print(out, result, quiet, colour);
        } else {
            out.println(Json.compact(JsonReport.of(result)));
        }
        out.flush();
        return result.status() == ExecutionStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private String inputText() {
        if (inputFile != null && inputJson != null) {
            throw new UsageError("give the input either with --input or with --input-json, not both");
        }
        if (inputFile != null) {
            return InputFiles.read(inputFile, System.in);
        }
        return inputJson != null ? inputJson : "{}";
    }

    private String defaultMachineName() {
        String file = Path.of(definition).getFileName().toString();
        for (String suffix : new String[] {".asl.json", ".json", ".asl.yaml"}) {
            if (file.endsWith(suffix)) {
                return file.substring(0, file.length() - suffix.length());
            }
        }
        return file.equals("-") ? "StateMachine" : file;
    }

    static String duration(Duration d) {
        return String.format("%d.%03ds", d.getSeconds(), d.toMillisPart());
    }
}
