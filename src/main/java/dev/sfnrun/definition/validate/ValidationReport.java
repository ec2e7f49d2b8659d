package dev.sfnrun.definition.validate;

import java.util.List;

/** The diagnostics of one file. {@code file} is the name to print ("-" for standard input). */
public record ValidationReport(String file, List<Diagnostic> diagnostics) {

    public ValidationReport {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }

    /** Whether the text could not be read as JSON at all (the CLI's exit code 2). */
    public boolean unreadable() {
        return diagnostics.stream().anyMatch(d -> d.code() == DiagnosticCode.INVALID_JSON_DESCRIPTION
                || d.code() == DiagnosticCode.MISSING_DESCRIPTION || d.code() == DiagnosticCode.TOO_DEEPLY_NESTED);
    }
}
