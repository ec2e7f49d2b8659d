package dev.sfnrun.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.DiagnosticCode;
import dev.sfnrun.definition.validate.DiagnosticFormatter;
import dev.sfnrun.definition.validate.LocatedJson;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.query.Json;
import dev.sfnrun.template.LoadedMachine;
import dev.sfnrun.template.TemplateException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code sfn-run validate FILE...}: checks definitions the way AWS's ValidateStateMachineDefinition does. */
final class ValidateCommand implements Callable<Integer> {
    private static final String[] DESCRIPTION = {
        "Checks definitions as AWS would, before you deploy them.", "",
        "As AWS's ValidateStateMachineDefinition does, for definition files or a template's state machines. Prints every problem with its file, line and column; every file is checked even when one fails."};
    private static final String[] EXAMPLES = {
        "sfn-run validate definitions/*.asl.json",
        "cat machine.asl.json | sfn-run validate - --output json",
        "sfn-run validate --template template.yaml",
        "sfn-run validate machine.asl.yaml --substitution TableName=Orders"};
    private static final String[] FOOTER = {};

    final CommandSpec spec;

    // the parsed options, read from the spec by call()
    private List<String> files;
    private Format output;
    private boolean strict;

    enum Format { text, json }

    /** Standard input, replaced by tests. */
    InputStream stdin = System.in;

    ValidateCommand() {
        spec = Specs.command("validate", this, DESCRIPTION, EXAMPLES, FOOTER);
        spec.addPositional(Specs.positional("0..*", "0..*", "FILE", List.class,
                "Definition files to check: JSON, or YAML for *.asl.yaml files; - reads standard input."));
        spec.addOption(Specs.option("--output", "FORMAT", Format.class, "text",
                "text (file:line:col: severity CODE: message) or json (one JSON object). Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.flag("Treat warnings as errors: exit 1 when any file has a warning.", "--strict"));
        DefinitionOptions.addTo(spec);
        Specs.helpOptions(spec);
        Specs.exitCodes(spec, ExitCodes.OK, "every file is valid (warnings allowed unless --strict)",
                ExitCodes.FAILED, "a file has an error (or, with --strict, a warning)",
                ExitCodes.CANNOT_START, "a file cannot be read or is not JSON, or a bad option",
                ExitCodes.NOT_FINISHED, ExitCodes.NOT_DELIVERED_HELP);
    }

    @Override
    public Integer call() {
        files = Specs.positionalValue(spec);
        output = Specs.value(spec, "--output");
        strict = Specs.isSet(spec, "--strict");
        DefinitionOptions definitions = DefinitionOptions.read(spec);
        if ((files == null || files.isEmpty()) && !definitions.hasTemplate()) {
            throw new ParameterException(spec.commandLine(), "Missing required parameter: 'FILE'");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<ValidationReport> reports = new ArrayList<>();
        if (definitions.hasTemplate()) {
            reports.addAll(checkTemplate(definitions));
        }
        for (String file : files == null ? List.<String>of() : files) {
            reports.add(check(file, definitions));
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

    private ValidationReport check(String file, DefinitionOptions definitions) {
        String text;
        try {
            text = InputFiles.read(file, stdin);
        } catch (UsageError e) {
            String message = e.getMessage();
            return Validator.unreadable(file, message.startsWith(file + ": ")
                    ? message.substring(file.length() + 2) : message);
        }
        try {
            LoadedMachine machine = definitions.loadFile(file, text);
            return machine == null ? Validator.validateText(file, text) : machine.validate();
        } catch (TemplateException e) { // YAML that does not parse
            return refused(file, DiagnosticCode.INVALID_JSON_DESCRIPTION, e);
        }
    }

    /**
     * Each state machine of the template; a template that cannot be read is one INVALID_TEMPLATE
     * error, and so is each machine that cannot be loaded, the others checked all the same.
     */
    private static List<ValidationReport> checkTemplate(DefinitionOptions definitions) {
        List<java.util.function.Supplier<LoadedMachine>> machines;
        try {
            machines = definitions.loadEach();
        } catch (TemplateException e) {
            return List.of(refused(definitions.template(), DiagnosticCode.INVALID_TEMPLATE, e));
        }
        List<ValidationReport> reports = new java.util.ArrayList<>();
        for (java.util.function.Supplier<LoadedMachine> machine : machines) {
            try {
                reports.add(machine.get().validate());
            } catch (TemplateException e) {
                reports.add(refused(definitions.template(), DiagnosticCode.INVALID_TEMPLATE, e));
            }
        }
        return reports;
    }

    /** A file that cannot be checked: one error at the place the exception names (the message's own "file:" prefix dropped). */
    private static ValidationReport refused(String file, DiagnosticCode code, TemplateException e) {
        String message = e.getMessage();
        SourceMap.Position at = e.position();
        for (String prefix : new String[] {file + ":" + at.line() + ":" + at.column() + ": ", file + ": "}) {
            if (message.startsWith(prefix)) {
                message = message.substring(prefix.length());
                break;
            }
        }
        return new ValidationReport(file, List.of(new Diagnostic(code.severity(), code, message, "", at.line(),
                at.column())), true);
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
            refuseErrors(name, Validator.validateText(name, text));
        }
        JsonNode json = InputFiles.parse(name, text);
        try {
            return DefinitionParser.parse(json);
        } catch (DefinitionException e) {
            throw refusal(name, e, place(text, e.pointer()));
        }
    }

    /**
     * As {@link #loadForRun(String, String, boolean)} for a definition loaded from a YAML file, a
     * template or with substitutions: a placeholder left without a value refuses the run too.
     */
    static StateMachine loadForRun(LoadedMachine machine, boolean validate) {
        try {
            machine.requireBound();
        } catch (TemplateException e) {
            throw new UsageError(e.getMessage());
        }
        if (validate) {
            refuseErrors(machine.source(), machine.validate());
        }
        try {
            return DefinitionParser.parse(machine.definition());
        } catch (DefinitionException e) {
            SourceMap.Position at = machine.document().sourceMap().position(e.pointer());
            throw refusal(machine.source(), e, at.line() + ":" + at.column());
        }
    }

    private static void refuseErrors(String name, ValidationReport report) {
        if (report.hasErrors()) {
            ValidationReport errors = new ValidationReport(name, report.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).toList());
            long count = errors.diagnostics().size();
            throw new RefusedDefinition(DiagnosticFormatter.text(errors) + "sfn-run: " + name + " is not a valid"
                    + " definition (" + count + (count == 1 ? " error" : " errors")
                    + "), not running it; --no-validate skips these checks\n");
        }
    }

    private static RefusedDefinition refusal(String name, DefinitionException e, String place) {
        String message = e.getMessage();
        String at = " at " + e.pointer();
        if (message.endsWith(at)) { // a message that names the place already
            message = message.substring(0, message.length() - at.length());
        }
        return new RefusedDefinition(name + ":" + place + ": error: " + message
                + (e.pointer().isEmpty() ? "" : " (at " + e.pointer() + ")") + "\n");
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
