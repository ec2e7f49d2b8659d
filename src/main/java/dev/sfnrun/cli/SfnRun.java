package dev.sfnrun.cli;

import dev.sfnrun.engine.UnboundResourceException;
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
        PrintWriter out = new PrintWriter(System.out, false);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err, System.console() != null);
        out.flush();
        System.exit(code);
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err, boolean terminal) {
        RunCommand command = new RunCommand();
        command.terminal = terminal;
        CommandLine cli = new CommandLine(command)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("sfn-run: " + e.getMessage());
            err.println("Try 'sfn-run --help' for the options.");
            return ExitCodes.CANNOT_START;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageError || e instanceof UnboundResourceException) {
                err.println("sfn-run: " + e.getMessage());
                return ExitCodes.CANNOT_START;
            }
            err.println("sfn-run: internal error: " + e);
            return ExitCodes.CANNOT_START;
        });
        return cli.execute(args);
    }
}
