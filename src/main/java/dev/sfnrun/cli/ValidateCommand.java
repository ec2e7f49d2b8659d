package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.validate.DiagnosticFormatter;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.query.Json;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code sfn-run validate FILE...}: checks definitions the way AWS's ValidateStateMachineDefinition does. */
final class ValidateCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Checks state machine definitions as AWS would, before you deploy them.",
        "Prints every problem with its file, line and column; every file is",
        "checked even when one fails.",
        "",
        "Examples:",
        "  sfn-run validate definitions/*.asl.json",
        "  cat machine.asl.json | sfn-run validate - --output json",
        ""};
    private static final String[] FOOTER = {"", "Exit codes: 0 every file is valid (warnings allowed unless --strict);",
        "1 a file has an error (or, with --strict, a warning); 2 a file cannot be",
        "read or is not JSON."};

    final CommandSpec spec;

    // the parsed options, read from the spec by call()
    private List<String> files;
    private Format output;
    private boolean strict;

    enum Format { text, json }

    /** Standard input, replaced by tests. */
    InputStream stdin = System.in;

    ValidateCommand() {
        spec = Specs.command("validate", this, DESCRIPTION, FOOTER);
        spec.addPositional(Specs.positional("0..*", "1..*", "FILE", List.class,
                "Definition files to check; - reads standard input."));
        spec.addOption(Specs.option("--output", "FORMAT", Format.class, "text",
                "text (file:line:col: severity CODE: message) or json (one JSON object). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.flag("Treat warnings as errors: exit 1 when any file has a warning.", "--strict"));
        Specs.helpOptions(spec);
    }

    @Override
    public Integer call() {
        files = Specs.positionalValue(spec);
        output = Specs.value(spec, "--output");
        strict = Specs.isSet(spec, "--strict");
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationReport> reports = new ArrayList<>();
        for (String file : files) {
            reports.add(check(file));
        }
        int code = exitCode(reports, strict);
        if (output == Format.json) {
            out.println(Json.compact(json(reports)));
        } else {
            for (ValidationReport report : reports) {
                out.print(DiagnosticFormatter.text(report));
            }
            out.flush(); // every diagnostic line is out before the summary on the other stream
            spec.commandLine().getErr().println(summary(reports, strict));
        }
        out.flush();
        return code;
    }

    private ValidationReport check(String file) {
        String text;
        try {
            text = InputFiles.read(file, stdin);
        } catch (UsageError e) {
            String message = e.getMessage();
            return Validator.unreadable(file, message.startsWith(file + ": ")
                    ? message.substring(file.length() + 2) : message);
        }
        return Validator.validateText(file, text);
    }

    static int exitCode(List<ValidationReport> reports, boolean strict) {
        if (reports.stream().anyMatch(ValidationReport::unreadable)) {
            return ExitCodes.CANNOT_START;
        }
        boolean failed = reports.stream().anyMatch(r -> r.hasErrors() || strict && r.hasWarnings());
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static long count(ValidationReport report, Severity severity) {
        return report.diagnostics().stream().filter(d -> d.severity() == severity).count();
    }

    private static String summary(List<ValidationReport> reports, boolean strict) {
        long errors = reports.stream().mapToLong(r -> count(r, Severity.ERROR)).sum();
        long warnings = reports.stream().mapToLong(r -> count(r, Severity.WARNING)).sum();
        long invalid = reports.stream().filter(r -> r.hasErrors() || strict && r.hasWarnings()).count();
        return reports.size() + (reports.size() == 1 ? " file" : " files") + " checked, " + invalid + " invalid: "
                + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
    }

    /** {@code {"valid", "files": [{"file", "valid", "errors", "warnings"}], "diagnostics": [...]}}. */
    private ObjectNode json(List<ValidationReport> reports) {
        ObjectNode root = Json.object();
        root.put("valid", exitCode(reports, strict) == ExitCodes.OK);
        ArrayNode files = root.putArray("files");
        for (ValidationReport report : reports) {
            ObjectNode file = files.addObject();
            file.put("file", report.file());
            file.put("valid", !report.hasErrors() && !(strict && report.hasWarnings()));
            file.put("errors", count(report, Severity.ERROR));
            file.put("warnings", count(report, Severity.WARNING));
        }
        root.set("diagnostics", DiagnosticFormatter.json(reports));
        return root;
    }

    /**
     * Loads the definition of {@code sfn-run DEFINITION}: first the validator's checks (unless
     * {@code validate} is false), then {@link DefinitionParser}. Any ERROR, and any parser error
     * placed by line and column, ends the run with a {@link RefusedDefinition} (exit code 2).
     */
    static StateMachine loadForRun(String name, String text, boolean validate) {
        if (validate) {
            ValidationReport report = Validator.validateText(name, text);
            if (report.hasErrors()) {
                ValidationReport errors = new ValidationReport(name, report.diagnostics().stream()
                        .filter(d -> d.severity() == Severity.ERROR).toList());
                long count = errors.diagnostics().size();
                throw new RefusedDefinition(DiagnosticFormatter.text(errors) + "sfn-run: " + name + " is not a valid"
                        + " definition (" + count + (count == 1 ? " error" : " errors")
                        + "), not running it; --no-validate skips these checks\n");
            }
        }
        JsonNode json = InputFiles.parse(name, text);
        try {
            return DefinitionParser.parse(json);
        } catch (DefinitionException e) {
            String message = e.getMessage();
            String at = " at " + e.pointer();
            if (message.endsWith(at)) { // a message that names the place already
                message = message.substring(0, message.length() - at.length());
            }
            throw new RefusedDefinition(name + ":" + place(text, e.pointer()) + ": error: " + message
                    + (e.pointer().isEmpty() ? "" : " (at " + e.pointer() + ")") + "\n");
        }
    }

    /** "line:column" of {@code pointer} in {@code text} (1:1 when the text has no such place). */
    private static String place(String text, String pointer) {
        try {
            SourceMap.Position at = LocatedJson.parse(text).sourceMap().position(pointer);
            return at.line() + ":" + at.column();
        } catch (LocatedJson.SyntaxException e) {
            return "1:1";
        }
    }

    /** A definition the run refuses; the message is the complete text to print on stderr. */
    static final class RefusedDefinition extends RuntimeException {
        RefusedDefinition(String report) {
            super(report, null, false, false);
        }
    }
}
