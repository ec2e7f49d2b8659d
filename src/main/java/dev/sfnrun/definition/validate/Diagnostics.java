package dev.sfnrun.definition.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the diagnostics of one document, placing each pointer in the text. */
final class Diagnostics {
    private final SourceMap sourceMap;
    private final List<Diagnostic> found = new ArrayList<>();

    Diagnostics(SourceMap sourceMap) {
        this.sourceMap = sourceMap;
    }

    void report(DiagnosticCode code, String pointer, String message) {
        found.add(Diagnostic.of(code, message, pointer, sourceMap.position(pointer)));
    }

    void report(DiagnosticCode code, String pointer, SourceMap.Position position, String message) {
        found.add(Diagnostic.of(code, message, pointer, position));
    }

    void schema(String pointer, String message) {
        report(DiagnosticCode.SCHEMA_VALIDATION_FAILED, pointer, message);
    }

    /** In text order, so the list reads like a compiler's. */
    List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(found);
        list.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return List.copyOf(list);
    }
}
