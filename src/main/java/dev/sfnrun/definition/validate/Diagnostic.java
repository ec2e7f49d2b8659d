package dev.sfnrun.definition.validate;

/**
 * One problem in a definition: AWS's severity, code and (where known) wording, the JSON pointer of
 * the offending value ({@code /States/A/Retry/0/ErrorEquals/0}, {@code ""} for the whole document)
 * and its 1-based line and column in the text.
 */
public record Diagnostic(Severity severity, DiagnosticCode code, String message, String pointer, int line, int column) {

    static Diagnostic of(DiagnosticCode code, String message, String pointer, SourceMap.Position position) {
        return new Diagnostic(code.severity(), code, message, pointer, position.line(), position.column());
    }
}
