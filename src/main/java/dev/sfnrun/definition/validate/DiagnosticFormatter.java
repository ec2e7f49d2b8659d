package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.io.Neutral;
import dev.sfnrun.query.Json;
import java.util.List;
import java.util.Locale;

/** Prints reports as compiler-style lines or as JSON for tools. */
public final class DiagnosticFormatter {
    private DiagnosticFormatter() {
    }

    /** One line per diagnostic: {@code file:line:col: error CODE: message}, each ending in a newline. */
    public static String text(ValidationReport report) {
        StringBuilder lines = new StringBuilder();
        for (Diagnostic d : report.diagnostics()) { // file names and messages quote data: neutral for a terminal
            lines.append(Neutral.text(report.file())).append(':').append(d.line()).append(':').append(d.column()).append(": ")
                    .append(d.severity().name().toLowerCase(Locale.ROOT)).append(' ').append(d.code()).append(": ")
                    .append(Neutral.text(d.message())).append('\n');
        }
        return lines.toString();
    }

    /** A JSON array with one object per diagnostic of all reports: severity, code, message, pointer, line, column, file. */
    public static ArrayNode json(List<ValidationReport> reports) {
        ArrayNode array = Json.array();
        for (ValidationReport report : reports) {
            for (Diagnostic d : report.diagnostics()) {
                ObjectNode object = array.addObject();
                object.put("severity", d.severity().name());
                object.put("code", d.code().name());
                object.put("message", d.message());
                object.put("pointer", d.pointer());
                object.put("line", d.line());
                object.put("column", d.column());
                object.put("file", report.file());
            }
        }
        return array;
    }
}
