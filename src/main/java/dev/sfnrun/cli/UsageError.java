package dev.sfnrun.cli;

/** A problem before anything runs, reported as one line on stderr with exit code 2. */
final class UsageError extends RuntimeException {
    UsageError(String message) {
        super(message, null, false, false);
    }
}
