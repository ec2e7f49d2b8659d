package dev.sfnrun.cli;

/** The process exit codes. */
public final class ExitCodes {
    /** The execution succeeded (or every validated file is valid). */
    public static final int OK = 0;
    /** The execution failed, timed out or was aborted (or a validated file has errors). */
    public static final int FAILED = 1;
    /** Nothing ran: unreadable or malformed file, invalid definition, unknown option. */
    public static final int CANNOT_START = 2;

    private ExitCodes() {
    }
}
