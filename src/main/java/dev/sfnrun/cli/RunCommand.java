package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.Bindings;
import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionStatus;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.ExpressLimits;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.ListenerThread;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.task.load.TaskSetup;
import dev.sfnrun.task.process.HandlerFunctions;
import dev.sfnrun.task.process.HandlerSettings;
import dev.sfnrun.template.LoadedMachine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sfn-run DEFINITION [options]}: runs one execution and prints its history and result. */
public final class RunCommand implements Callable<Integer> {
    /** AWS's quota on StartExecution's input: 256 KiB of UTF-8. */
    static final int MAX_INPUT_BYTES = 262_144;
    /** The smallest non-zero --time-scale, as the message writes it. */
    private static final String MIN_TIME_SCALE_TEXT = "0.000001";
    static final double MIN_TIME_SCALE = Double.parseDouble(MIN_TIME_SCALE_TEXT);

    private static final String[] DESCRIPTION = {
        "Runs an AWS Step Functions state machine (Amazon States Language) locally and prints the execution's "
                + "event history and its output or error, as AWS would produce them."};
    private static final String[] EXAMPLES = {
        "sfn-run definitions/api-error-handling.asl.json --input inputs/429.json",
        "sfn-run machine.asl.json --input-json '{\"n\": 1}' --time-scale 0 --output json",
        "sfn-run validate definitions/*.asl.json",
        "sfn-run order.asl.json --classpath tasks.jar --task Charge=com.example.Charge",
        "sfn-run order.asl.json --mock-config MockConfigFile.json --test-case HappyPath",
        "sfn-run definitions/api-error-handling.asl.json --input inputs/429.json \\",
        "    --task MockAPIFunction=python:definitions/functions/mock_api.py:lambda_handler",
        "sfn-run --template template.yaml --input inputs/200.json"};
    private static final String[] FOOTER = {"", "Run 'sfn-run COMMAND --help' for a command's options."};

    final CommandSpec spec;

    /** Set by {@link SfnRun} for the real terminal. */
    boolean terminal;
    /** Set by {@link SfnRun#main}: Ctrl-C stops the execution (see {@link StopOnSignal}). */
    boolean stopOnSignal;

    // the parsed options, read from the spec by call()
    /** Optional to picocli only so that {@code sfn-run validate FILE...} parses; {@link #call} requires it. */
    private String definition;
    private boolean noValidate;
    private String inputFile;
    private String inputJson;
    private OutputFormat output;
    private double timeScale;
    private ExecutionType type;
    private String executionName;
    private String stateMachineName;
    private String contextFile;
    private String region;
    private String account;
    private List<String> classpath;
    private List<String> taskBindings;
    private String mockConfig;
    private String testCase;
    private Path s3Root;
    private HandlerSettings handlerSettings;
    private boolean verbose;
    private boolean quiet;
    private boolean noColor;
    private DefinitionOptions definitions;

    enum OutputFormat { text, json }

    RunCommand() {
        spec = Specs.command("sfn-run", this, DESCRIPTION, EXAMPLES, FOOTER);
        spec.addPositional(Specs.positional("0", "0..1", "DEFINITION", String.class,
                "The state machine definition (ASL JSON, or YAML for *.asl.yaml); - reads JSON from stdin."));
        spec.addOption(Specs.flag("Skip the checks of 'sfn-run validate' before running (the parser's own checks still apply).",
                "--no-validate"));
        spec.addOption(Specs.option("--input", "FILE", String.class, null, "Execution input: a JSON file, or - for stdin."));
        spec.addOption(Specs.option("--input-json", "JSON", String.class, null, "Execution input given inline. Default: {}."));
        spec.addOption(Specs.option("--output", "FORMAT", OutputFormat.class, "text",
                "text (live history, then the result) or json (one JSON report). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--time-scale", "N", double.class, "1",
                "1 waits in real time, 0 never sleeps (virtual time), 0.1 waits a tenth. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--type", "TYPE", ExecutionType.class, "STANDARD",
                "STANDARD or EXPRESS (Express has no 25,000-event history limit). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--name", "NAME", String.class, null, "The execution name. Default: a random UUID."));
        spec.addOption(Specs.option("--state-machine-name", "NAME", String.class, null,
                "The state machine name in ARNs. Default: the definition's file name without .asl.json/.json."));
        spec.addOption(Specs.option("--context", "FILE", String.class, null,
                "A JSON object merged over the context object ($$$$), for example {\"Execution\": {\"RoleArn\": \"...\"}}."));
        spec.addOption(Specs.option("--region", "REGION", String.class, "us-east-1",
                "The region in ARNs. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--account", "ID", String.class, "123456789012",
                "The account id in ARNs. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.repeatable("--classpath", "PATH",
                "Jars and class directories holding task functions (repeatable; also a:b lists). "
                        + "Task functions listed in its META-INF/services are bound by name."));
        spec.addOption(Specs.repeatable("--task", "NAME=CLASS",
                "Binds a resource name to a class: a TaskFunction or an AWS Java Lambda handler "
                        + "(RequestHandler, RequestStreamHandler); or to a Python or Node.js handler:",
                "NAME=python:FILE:FUNCTION",
                "NAME=node:FILE:EXPORT",
                "The name is a Lambda function name, an activity name, a full ARN, or an integration as in "
                        + "dynamodb:putItem. Repeatable."));
        spec.addOption(Specs.option("--mock-config", "FILE", String.class, null,
                "A Step Functions Local mock file, such as MockConfigFile.json. Default: $SFN_MOCK_CONFIG."));
        spec.addOption(Specs.option("--test-case", "NAME", String.class, null,
                "The test case of the mock file whose mocked responses answer the Task states."));
        HandlerOptions.addTo(spec);
        spec.addOption(Specs.option("--s3-root", "DIR", String.class, null,
                "The directory standing for S3 in a distributed Map's ItemReader and ResultWriter:",
                "s3://bucket/key is DIR/bucket/key."));
        DefinitionOptions.addTo(spec);
        spec.addOption(Specs.flag("Text output: show every event's input, output and assigned variables in full.",
                "-v", "--verbose"));
        spec.addOption(Specs.flag("Text output: print only the final output or error.", "-q", "--quiet"));
        spec.addOption(Specs.flag("Never colour the output (colour is also off when stdout is not a terminal, NO_COLOR is set or TERM is dumb).",
                "--no-color"));
        ReportOption.addTo(spec);
        Specs.helpOptions(spec);
        Specs.exitCodes(spec, ExitCodes.OK, "SUCCEEDED",
                ExitCodes.FAILED, "FAILED, TIMED_OUT or ABORTED",
                ExitCodes.CANNOT_START, "nothing ran: unreadable or malformed file, invalid definition, bad option, "
                        + "a Task resource with no function or mock bound to it, or a file named by an option "
                        + "(--report) that could not be written",
                ExitCodes.NOT_FINISHED, ExitCodes.NOT_FINISHED_HELP,
                ExitCodes.INTERRUPTED, "a second Ctrl-C ended the process without waiting for the stopped run");
    }

    /** Copies the parsed values out of the spec. */
    private void readOptions() {
        definition = Specs.positionalValue(spec);
        noValidate = Specs.isSet(spec, "--no-validate");
        inputFile = Specs.value(spec, "--input");
        inputJson = Specs.value(spec, "--input-json");
        output = Specs.value(spec, "--output");
        timeScale = Specs.value(spec, "--time-scale");
        type = Specs.value(spec, "--type");
        executionName = Specs.value(spec, "--name");
        stateMachineName = Specs.value(spec, "--state-machine-name");
        contextFile = Specs.value(spec, "--context");
        region = Specs.value(spec, "--region");
        account = Specs.value(spec, "--account");
        classpath = orEmpty(Specs.value(spec, "--classpath"));
        taskBindings = orEmpty(Specs.value(spec, "--task"));
        mockConfig = Specs.value(spec, "--mock-config");
        testCase = Specs.value(spec, "--test-case");
        handlerSettings = HandlerOptions.read(spec);
        String s3 = Specs.value(spec, "--s3-root");
        s3Root = s3 == null ? null : S3RootOption.path(s3);
        verbose = Specs.isSet(spec, "--verbose");
        quiet = Specs.isSet(spec, "--quiet");
        noColor = Specs.isSet(spec, "--no-color");
        definitions = DefinitionOptions.read(spec);
    }

    /** {@code --report}. */
    private ReportOption report;

    /** An execution or state machine name as AWS accepts it (null: not given). */
    private static void checkName(String option, String name) {
        if (name != null && !ResourceNames.isValid(name, ResourceNames.MAX_NAME)) {
            throw new UsageError(option + " '" + name + "': " + ResourceNames.rule(ResourceNames.MAX_NAME));
        }
    }

    /** Nothing runs when the definition has problems: one line for each, naming the file. */
    private static void refuse(String source, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new UsageError(String.join(System.lineSeparator() + "sfn-run: ",
                    problems.stream().map(problem -> source + ": " + problem.stripTrailing()).toList()));
        }
    }

    /** no-color.org: NO_COLOR turns colour off when it is set to a non-empty value. */
    private static boolean hasText(String value) {
        return value != null && !value.isEmpty();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    @Override
    public Integer call() {
        readOptions();
        PrintWriter out = spec.commandLine().getOut();
        if (definition == null && !definitions.hasTemplate()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'DEFINITION'");
        }
        if (!(timeScale == 0 || timeScale >= MIN_TIME_SCALE && Double.isFinite(timeScale))) {
            // below the minimum, AWS's default task timeout (99,999,999 s) would be over in an instant
            throw new UsageError("--time-scale must be 0 (virtual time) or a finite number from "
                    + MIN_TIME_SCALE_TEXT + " up, not " + timeScale);
        }
        ArnOptions.check(region, account);
        checkName("--name", executionName);
        checkName("--state-machine-name", stateMachineName);
        if (quiet && verbose) {
            throw new UsageError("--quiet and --verbose do not go together: choose one");
        }
        if (java.util.stream.Stream.of(definition, inputFile, contextFile).filter("-"::equals).count() > 1) {
            throw new UsageError("stdin (-) can be read once: give the definition, --input and --context but one of"
                    + " them as -, the others as files");
        }
        List<OutputFiles.Read> reads = new ArrayList<>(definitions.reads(definition));
        reads.add(new OutputFiles.Read("the execution input", inputFile));
        reads.add(new OutputFiles.Read("the context file", contextFile));
        reads.add(new OutputFiles.Read("the mock file", mockFile()));
        report = ReportOption.read(spec);
        report.notOver(reads);
        LoadedMachine loaded = definitions.load(definition, System.in, region, account, !noValidate);
        report.notOver(DefinitionOptions.reads(loaded)); // a template's DefinitionUri file
        report.notOver(TaskCodeFiles.of(taskBindings, classpath, loaded.functions().handlers(taskBindings).values()));
        if (loaded.type() != null && !spec.commandLine().getParseResult().hasMatchedOption("--type")) {
            type = ExecutionType.valueOf(loaded.type()); // the template's Type / StateMachineType
        }
        report.startPicture(loaded.definition()); // laid out while the definition is checked and the run goes
        DefinitionOptions.printNotes(loaded, taskBindings, handlerSettings, spec.commandLine().getErr());
        StateMachine machine = ValidateCommand.loadForRun(loaded, !noValidate);
        String inputText = inputText();
        JsonNode input = InputFiles.parse(inputFile != null ? inputFile : "--input-json", inputText);
        int inputBytes = inputText.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (inputBytes > MAX_INPUT_BYTES) {
            throw new UsageError((inputFile != null ? inputFile : "--input-json") + ": the execution input is "
                    + inputBytes + " bytes; AWS accepts at most " + MAX_INPUT_BYTES + " (256 KiB)");
        }
        ObjectNode context = null;
        if (contextFile != null) {
            JsonNode node = InputFiles.parse(contextFile, InputFiles.read(contextFile, System.in,
                    dev.sfnrun.io.BoundedFiles.PAYLOAD_BYTES, "a context file"));
            if (!node.isObject()) {
                throw new UsageError(contextFile + ": the context must be a JSON object");
            }
            context = (ObjectNode) node;
        }
        String machineName = stateMachineName != null ? stateMachineName : loaded.name();
        try (TaskRegistry tasks = tasks(machineName, loaded)) {
            return run(machine, loaded, input, inputText, context, machineName, tasks, out);
        }
    }

    private Integer run(StateMachine machine, LoadedMachine loaded, JsonNode input, String inputText, ObjectNode context,
                        String machineName, TaskRegistry tasks, PrintWriter out) {
        ExecutionOptions options = ExecutionOptions.defaults()
                .withStateMachineName(machineName)
                .withTasks(tasks)
                .withType(type)
                .withRegionAndAccount(region, account)
                .withClock(Clock.forScale(timeScale))
                .withContextOverrides(context)
                .withRecordHistory(output == OutputFormat.json)
                .withS3Root(s3Root);
        if (executionName != null) {
            options = options.withExecutionName(executionName);
        }
        if (type == ExecutionType.EXPRESS) { // refused by AWS when an Express state machine is created
            refuse(loaded.source(), ExpressLimits.unsupported(machine.graph()));
        }
        refuse(loaded.source(), Bindings.unbound(machine.graph(), options.tasks()).stream().map(Exception::getMessage).toList());
        HandlerFunctions.prepare(tasks);
        boolean text = output == OutputFormat.text;
        boolean colour = text && terminal && !noColor && !hasText(System.getenv("NO_COLOR"))
                && !"dumb".equals(System.getenv("TERM")); // a terminal that says it cannot show escapes
        // a history that can no longer be shown (the reader of a pipe has gone, the disk is full) stops the run:
        // the result cannot be delivered, and a long or waiting run would go on for nothing
        java.util.concurrent.atomic.AtomicReference<Execution> running = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable shown = () -> {
            if (out.checkError()) { // flushes, then says whether any write failed
                Execution execution = running.get();
                if (execution != null) {
                    execution.stop();
                }
            }
        };
        try (ListenerThread printer = text && !quiet
                ? new ListenerThread(new HistoryPrinter(out, colour, verbose), "sfn-run history printer", shown) : null;
             JsonEvents events = text ? null : new JsonEvents()) { // --output json: the events as they come
            if (printer != null) {
                options = options.withListeners(List.of(printer));
            }
            return run(machine, loaded, events == null ? options : options.withListeners(List.of(events)), events,
                    printer, running, input, inputText, text, colour, out);
        }
    }

    private Integer run(StateMachine machine, LoadedMachine loaded, ExecutionOptions options, JsonEvents events,
                        ListenerThread printer, java.util.concurrent.atomic.AtomicReference<Execution> running,
                        JsonNode input, String inputText, boolean text, boolean colour, PrintWriter out) {
        options = report.listenTo(options, machine);
        Execution execution = new Execution(machine, input, inputText, options);
        running.set(execution);
        ExecutionResult result;
        if (stopOnSignal) {
            try (StopOnSignal signals = new StopOnSignal(execution)) {
                result = execution.run();
            }
        } else {
            result = execution.run();
        }
        if (printer != null) {
            printer.close(); // the whole history before the summary
        }
        if (text) {
            Summary.print(out, result, quiet, colour);
        } else {
            try {
                JsonReport.write(out, result, events);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            out.println();
        }
        out.flush();
        report.write(loaded, result, timeScale);
        return result.status() == ExecutionStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The registry of task functions and mocks the options ask for. */
    private TaskRegistry tasks(String machineName, LoadedMachine loaded) {
        String mockFile = mockFile();
        return new TaskSetup(classpath, loaded.functions().bindings(taskBindings), mockFile == null ? null : Path.of(mockFile), testCase,
                machineName, region, account).withHandlers(loaded.functions().handlers(taskBindings))
                .withHandlerSettings(handlerSettings).registry();
    }

    /** The mock file: --mock-config, else $SFN_MOCK_CONFIG with --test-case; null for none. */
    private String mockFile() {
        return mockConfig != null ? mockConfig : testCase != null ? System.getenv("SFN_MOCK_CONFIG") : null;
    }

    private String inputText() {
        if (inputFile != null && inputJson != null) {
            throw new UsageError("give the input either with --input or with --input-json, not both");
        }
        if (inputFile != null) {
            return InputFiles.read(inputFile, System.in, MAX_INPUT_BYTES, "an execution input");
        }
        return inputJson != null ? inputJson : "{}";
    }

    static String duration(Duration d) {
        return String.format("%d.%03ds", d.getSeconds(), d.toMillisPart());
    }
}
