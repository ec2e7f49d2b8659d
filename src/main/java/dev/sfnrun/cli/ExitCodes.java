package dev.sfnrun.cli;

/** The process exit codes (listed in {@code --help} and in the README's "What sfn-run promises"). */
public final class ExitCodes {
    /** The execution succeeded (or every validated file is valid). */
    public static final int OK = 0;
    /** The execution failed, timed out or was aborted (or a validated file has errors). */
    public static final int FAILED = 1;
    /** Nothing ran: unreadable or malformed file, invalid definition, unknown option. */
    public static final int CANNOT_START = 2;
    /**
     * The run did not finish or its result was not delivered: task code ended the process
     * (System.exit, Runtime.halt), the output could not be written (closed pipe, full disk),
     * sfn-run ran out of memory or failed internally, or a shutdown hook blocked the exit.
     */
    public static final int NOT_FINISHED = 3;

    /** The end of the process when a second Ctrl-C does not wait for the stopped run (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    /** {@code --help}'s text for 3 in commands that run executions or task code (run, test, test-state, serve). */
    static final String NOT_FINISHED_HELP = "the run did not finish or its result was not delivered: task code called "
            + "System.exit or Runtime.halt, standard output could not be written (a closed pipe, a full disk), "
            + "out of memory, an internal error";
    /** {@code --help}'s text for 3 in commands that only read and print (validate, graph). */
    static final String NOT_DELIVERED_HELP = "the result was not delivered: standard output could not be written "
            + "(a closed pipe, a full disk), out of memory, an internal error";

    private ExitCodes() {
    }
}
