package dev.sfnrun.definition.validate;

import java.util.List;

/**
 * The diagnostics of one file. {@code file} is the name to print ("-" for standard input);
 * {@code unreadable} says the file could not be read or its text is not JSON at all (the CLI's exit
 * code 2), as opposed to JSON that AWS would refuse as a definition.
 */
public record ValidationReport(String file, List<Diagnostic> diagnostics, boolean unreadable) {

    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The report of a file that was read and parsed as JSON. */
    public ValidationReport(String file, List<Diagnostic> diagnostics) {
        this(file, diagnostics, false);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }
}
