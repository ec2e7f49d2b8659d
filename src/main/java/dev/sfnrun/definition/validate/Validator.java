package dev.sfnrun.definition.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Checks a state machine definition the way AWS's ValidateStateMachineDefinition does and reports
 * every problem found in one pass, each with its pointer, line and column.
 */
public final class Validator {
    private Validator() {
    }

    /** Reads and checks one definition; {@code fileName} is carried into the report for printing. */
    public static ValidationReport validateText(String fileName, String text) {
        try {
            LocatedJson document = LocatedJson.parse(text);
            return new ValidationReport(fileName, validate(document), document.root() == null);
        } catch (LocatedJson.SyntaxException e) {
            DiagnosticCode code = e.tooDeep() ? DiagnosticCode.TOO_DEEPLY_NESTED : DiagnosticCode.INVALID_JSON_DESCRIPTION;
            return new ValidationReport(fileName, List.of(Diagnostic.of(code, e.getMessage(), "", e.position())), true);
        }
    }

    /**
     * The report of a file that could not be read at all (missing, a directory, no permission):
     * one MISSING_DESCRIPTION diagnostic at 1:1, so a CI gate never passes a file it did not see.
     */
    public static ValidationReport unreadable(String fileName, String problem) {
        return new ValidationReport(fileName, List.of(Diagnostic.of(DiagnosticCode.MISSING_DESCRIPTION,
                "Cannot read the definition: " + problem, "", new SourceMap.Position(1, 1))), true);
    }

    /** All diagnostics of a parsed definition, in text order. */
    public static List<Diagnostic> validate(LocatedJson document) {
        Diagnostics out = new Diagnostics(document.sourceMap());
        for (LocatedJson.DuplicateKey duplicate : document.duplicateKeys()) {
            if (Pointer.parent(duplicate.pointer()).endsWith("/States")) {
                out.report(DiagnosticCode.DUPLICATE_STATE_NAME, duplicate.pointer(), duplicate.position(),
                        "Duplicate State name: " + duplicate.name());
            } else {
                out.report(DiagnosticCode.INVALID_JSON_DESCRIPTION, duplicate.pointer(), duplicate.position(),
                        "Duplicate field '" + duplicate.name() + "'");
            }
        }
        JsonNode root = document.root();
        if (root == null) {
            out.report(DiagnosticCode.MISSING_DESCRIPTION, "", "Definition must be a valid JSON object");
        } else if (!root.isObject()) {
            out.schema("", "Definition must be a valid JSON object");
        } else {
            boolean jsonata = root.path("QueryLanguage").asText().equals("JSONata");
            ShapeChecks.check(root, "", Shapes.MACHINE, jsonata, out);
            new StructureChecks(out, jsonata).scope(root, "", Set.of());
        }
        return out.sorted();
    }
}
