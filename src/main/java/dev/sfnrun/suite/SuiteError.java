package dev.sfnrun.suite;

/**
 * A problem with a suite found before anything runs: the file, the line (0 when the problem is not
 * at one place) and the key at fault. Printed as {@code file:line: key: message}.
 */
public record SuiteError(String file, int line, String key, String message) {
    /** The one line printed for it. */
    public String text() {
        return file + (line > 0 ? ":" + line : "") + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + message;
    }
}
