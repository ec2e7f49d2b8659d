package dev.sfnrun.cli;

import dev.sfnrun.engine.UnboundResourceException;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.io.Utf8Writer;
import dev.sfnrun.task.load.TaskLoadException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The entry point. {@link #run} takes the arguments and the two output streams, so the whole CLI
 * runs in-process (tests) as well as from {@link #main}; it is the one place that maps exceptions
 * to messages and exit codes.
 */
public final class SfnRun {
    private SfnRun() {
    }

    public static void main(String[] args) {
        // stdout carries the product: its failures (a closed pipe, a full disk) are checked, not swallowed
        CheckedOutput stdout = new CheckedOutput(new Utf8Writer(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16)), "standard output");
        PrintWriter out = new PrintWriter(stdout, false);
        PrintWriter err = new PrintWriter(System.err, true);
        ExitGuard.install(System.err, out);
        int code = run(args, System.in, out, err, System.console() != null, true);
        out.flush();
        String failure = stdout.failure();
        if (failure != null) {
            err.println("sfn-run: " + failure);
            code = ExitCodes.NOT_FINISHED;
        }
        err.flush();
        ExitGuard.exit(code, System.err);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
        return run(args, System.in, out, err, terminal);
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, boolean)}, with {@code stdin} as the "-" file of {@code validate}. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, boolean terminal) {
        return run(args, stdin, out, err, terminal, false);
    }

    private static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err, boolean terminal,
                           boolean stopOnSignal) {
        RunCommand command = new RunCommand();
        command.terminal = terminal;
        command.stopOnSignal = stopOnSignal;
        ValidateCommand validate = new ValidateCommand();
        validate.stdin = stdin;
        ServeCommand serve = new ServeCommand();
        serve.stopOnSignal = stopOnSignal;
        CommandLine cli = new CommandLine(command.spec)
                .addSubcommand("validate", new CommandLine(validate.spec))
                .addSubcommand("test-state", new CommandLine(new TestStateCommand().spec))
                .addSubcommand("test", new CommandLine(new TestCommand().spec))
                .addSubcommand("serve", new CommandLine(serve.spec))
                .addSubcommand("graph", new CommandLine(new GraphCommand(stdin).spec))
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(parseResult -> { // an empty file name is refused before any command starts
                    Specs.refuseEmptyNames(parseResult);
                    return new CommandLine.RunLast().execute(parseResult);
                });
        // DEFINITION is optional to picocli (so that "validate" parses as a subcommand); show it as required.
        cli.getCommandSpec().usageMessage().customSynopsis( // short lines: each fits 80 columns whole
                "sfn-run [OPTIONS] DEFINITION",
                "       sfn-run [OPTIONS] --template FILE [--state-machine LOGICAL_ID]",
                "       sfn-run validate [OPTIONS] FILE...",
                "       sfn-run test-state --definition FILE [OPTIONS]",
                "       sfn-run test [OPTIONS] [PATH...]",
                "       sfn-run serve [OPTIONS]",
                "       sfn-run graph [OPTIONS] DEFINITION|--template FILE");
        cli.getCommandSpec().usageMessage().commandListHeading("%nCommands:%n");
        helpWidth(cli, System.getenv("COLUMNS"));
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("sfn-run: " + Neutral.text(String.valueOf(e.getMessage())));
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err); // "Did you mean ...?"
            }
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.CANNOT_START;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof CommandLine.ParameterException) {
                return cli.getParameterExceptionHandler().handleParseException((CommandLine.ParameterException) e, args);
            }
            if (e instanceof ValidateCommand.RefusedDefinition) {
                err.print(Neutral.lines(e.getMessage()));
                err.flush();
                return ExitCodes.CANNOT_START;
            }
            if (e instanceof UsageError || e instanceof UnboundResourceException || e instanceof TaskLoadException) {
                err.println("sfn-run: " + Neutral.lines(String.valueOf(e.getMessage()))); // names are data; one line per unbound state
                return ExitCodes.CANNOT_START;
            }
            return unexpected(e, err);
        });
        try {
            return cli.execute(args);
        } catch (Throwable t) { // an Error from the command (picocli passes Errors on)
            return unexpected(t, err);
        }
    }

    /**
     * The width {@code --help} is wrapped to: {@code COLUMNS} when it is set (55 at least, picocli's
     * smallest), else the terminal's width as picocli detects it (80 when it cannot, or not on a terminal).
     * Examples are never wrapped.
     */
    static void helpWidth(CommandLine cli, String columns) {
        int width = -1;
        try {
            width = columns == null ? -1 : Integer.parseInt(columns.strip());
        } catch (NumberFormatException e) {
            // not a number: as if unset
        }
        if (width > 0) {
            cli.setUsageHelpWidth(Math.max(width, 55));
        } else {
            cli.setUsageHelpAutoWidth(true);
        }
    }

    /**
     * Whether an OutOfMemoryError is Java's limit on one array's length, not the heap's size: the
     * JVM's "Requested array size exceeds VM limit", or the JDK's "Required array length ... is too large".
     */
    static boolean arrayLimit(String message) {
        return message != null && (message.contains("Requested array size exceeds VM limit")
                || message.startsWith("Required array length"));
    }

    /** Any Throwable nobody expected: one line, and the run did not finish. */
    static int unexpected(Throwable t, PrintWriter err) {
        String message;
        if (t instanceof OutOfMemoryError && arrayLimit(t.getMessage())) { // no heap size lifts Java's array limit
            message = "out of memory (" + t.getMessage() + "): the run did not finish; "
                    + "one piece of data was larger than Java can hold (2^31 elements), whatever memory it is given";
        } else if (t instanceof OutOfMemoryError) {
            message = "out of memory (" + t.getMessage() + "): the run did not finish; "
                    + "give Java more with SFN_RUN_JAVA_OPTS=-Xmx2g";
        } else if (t instanceof StackOverflowError) {
            message = "stack overflow (data or expressions nested too deeply): the run did not finish";
        } else if (t instanceof java.io.UncheckedIOException) { // a file sfn-run keeps for itself: a full disk, say
            message = t.getMessage() + ": the run did not finish";
        } else {
            message = "internal error: " + t;
        }
        err.println("sfn-run: " + Neutral.text(message.replaceAll("[\\r\\n]+", " ")));
        err.flush();
        return ExitCodes.NOT_FINISHED;
    }
}
