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

    /** The lines of {@code --help} that explain the codes. */
    static final String[] HELP = {"", "Exit codes: 0 SUCCEEDED; 1 FAILED, TIMED_OUT or ABORTED; 2 the run could not",
        "start (unreadable or malformed file, invalid definition, bad option, a Task",
        "resource with no function or mock bound to it); 3 the run did not finish or its",
        "result was not delivered (task code called System.exit or Runtime.halt, the",
        "output could not be written, out of memory, an internal error)."};

    private ExitCodes() {
    }
}
