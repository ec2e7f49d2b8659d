package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.DiagnosticCode;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A state machine definition ready to run or validate, wherever it came from (a JSON or YAML file,
 * or a SAM / CloudFormation template), with its placeholders substituted and the task functions the
 * template declares.
 *
 * @param source    the file to name in messages ({@code machine.asl.yaml}, {@code template.yaml}, or
 *                  {@code template.yaml Resources.M.Properties.DefinitionString})
 * @param name      the state machine's name (for ARNs): the template's name property or logical id, else the file name
 * @param document  the definition (substituted) with the line and column of each value in {@code source}
 * @param unbound   the {@code ${NAME}} placeholders that had no value, in document order
 * @param functions the Lambda functions the template declares (empty for a plain definition file)
 * @param notes     remarks for the user's error stream (runtime versions, functions that cannot be bound)
 * @param type      the workflow type the source gives (STANDARD or EXPRESS), or null
 * @param reads     the files the definition was read from besides {@code source}'s template (a template's
 *                  {@code DefinitionUri} file), which no output may replace
 */
public record LoadedMachine(String source, String name, LocatedJson document, List<Placeholders.Unbound> unbound,
                            TemplateFunctions functions, List<String> notes, String type, List<Read> reads) {
    public LoadedMachine {
        unbound = List.copyOf(unbound);
        notes = List.copyOf(notes);
        reads = List.copyOf(reads);
    }

    /** A file the definition was read from: what it is, for messages, and where it is. */
    public record Read(String what, java.nio.file.Path file) {
    }

    /** A machine whose source is one file, or a template alone. */
    public LoadedMachine(String source, String name, LocatedJson document, List<Placeholders.Unbound> unbound,
                         TemplateFunctions functions, List<String> notes, String type) {
        this(source, name, document, unbound, functions, notes, type, List.of());
    }

    /** A machine whose workflow type its source does not say ({@code type} null). */
    public LoadedMachine(String source, String name, LocatedJson document, List<Placeholders.Unbound> unbound,
                         TemplateFunctions functions, List<String> notes) {
        this(source, name, document, unbound, functions, notes, null);
    }

    /** The definition as a JSON tree. */
    public JsonNode definition() {
        return document.root();
    }

    /** The definition as JSON text (the form the engine and AWS take). */
    public String definitionText() {
        return Json.compact(document.root());
    }

    /** The names of the unbound placeholders, each once, in document order. */
    public List<String> unboundNames() {
        Set<String> names = new LinkedHashSet<>();
        unbound.forEach(placeholder -> names.add(placeholder.name()));
        return List.copyOf(names);
    }

    /**
     * Throws when a placeholder has no value: a run cannot guess it.
     *
     * @throws TemplateException one line listing every unbound placeholder
     */
    public void requireBound() {
        if (!unbound.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String name : unboundNames()) {
                names.append(names.length() == 0 ? "" : ", ").append("${").append(name).append('}');
            }
            throw new TemplateException(source + ": placeholders without a value: " + names
                    + "; give them with --substitution NAME=VALUE or --substitutions FILE");
        }
    }

    /**
     * The checks of {@code sfn-run validate}: each unbound placeholder is a warning naming it
     * ({@link DiagnosticCode#UNBOUND_PLACEHOLDER}), and everything else is checked as if it were bound
     * (a value holding a placeholder is not judged).
     */
    public ValidationReport validate() {
        Set<String> placeholderPointers = new HashSet<>();
        unbound.forEach(placeholder -> placeholderPointers.add(placeholder.pointer()));
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (Diagnostic diagnostic : Validator.validate(document)) {
            if (!placeholderPointers.contains(diagnostic.pointer())) {
                diagnostics.add(diagnostic);
            }
        }
        for (Placeholders.Unbound placeholder : unbound) {
            SourceMap.Position at = document.sourceMap().position(placeholder.pointer());
            diagnostics.add(new Diagnostic(DiagnosticCode.UNBOUND_PLACEHOLDER.severity(), DiagnosticCode.UNBOUND_PLACEHOLDER,
                    "Placeholder ${" + placeholder.name() + "} has no value (checked as if bound); give it with"
                            + " --substitution " + placeholder.name() + "=VALUE or --substitutions FILE",
                    placeholder.pointer(), at.line(), at.column()));
        }
        diagnostics.sort(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        return new ValidationReport(source, diagnostics, document.root() == null);
    }
}
