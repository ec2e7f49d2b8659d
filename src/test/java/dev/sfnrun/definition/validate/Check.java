package dev.sfnrun.definition.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

/** Test helpers: validate a text and compare diagnostics with where a piece of the text starts. */
final class Check {
    private Check() {
    }

    static List<Diagnostic> diagnostics(String text) {
        return Validator.validateText("def.json", text).diagnostics();
    }

    static void valid(String text) {
        List<Diagnostic> found = diagnostics(text);
        assertTrue(found.isEmpty(), () -> "expected no diagnostics, got:\n" + describe(found));
    }

    /** Asserts that {@code text} yields exactly one diagnostic, located where {@code needle} starts. */
    static Diagnostic only(String text, DiagnosticCode code, String pointer, String needle, String message) {
        List<Diagnostic> found = diagnostics(text);
        assertEquals(1, found.size(), () -> "expected one diagnostic, got:\n" + describe(found));
        Diagnostic d = found.get(0);
        assertDiagnostic(text, d, code, pointer, needle, message);
        return d;
    }

    static void assertDiagnostic(String text, Diagnostic d, DiagnosticCode code, String pointer, String needle,
                                 String message) {
        assertEquals(code, d.code(), () -> describe(List.of(d)));
        assertEquals(code.severity(), d.severity());
        assertEquals(pointer, d.pointer(), () -> describe(List.of(d)));
        assertEquals(message, d.message());
        int[] at = position(text, needle);
        assertEquals(at[0] + ":" + at[1], d.line() + ":" + d.column(), () -> "position of " + describe(List.of(d)));
    }

    /** The diagnostic at {@code pointer} among {@code found}. */
    static Diagnostic at(List<Diagnostic> found, String pointer) {
        return found.stream().filter(d -> d.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing at " + pointer + " in:\n" + describe(found)));
    }

    /** Line and column (1-based) of the first occurrence of {@code needle}. */
    static int[] position(String text, String needle) {
        int index = text.indexOf(needle);
        assertTrue(index >= 0, "needle not in text: " + needle);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, index - lineStart + 1};
    }

    static String describe(List<Diagnostic> found) {
        return found.stream().map(d -> d.line() + ":" + d.column() + " " + d.code() + " " + d.pointer() + " " + d.message())
                .collect(Collectors.joining("\n"));
    }
}
