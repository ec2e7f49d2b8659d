package dev.sfnrun.cli;

import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.suite.SuiteError;
import dev.sfnrun.suite.SuiteException;
import dev.sfnrun.suite.SuiteLoader;
import dev.sfnrun.suite.SuiteMachine;
import dev.sfnrun.template.DefinitionSource;
import dev.sfnrun.template.LoadedMachine;
import dev.sfnrun.template.TemplateException;
import dev.sfnrun.template.TemplateOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where suites with {@code template:} + {@code stateMachine:} get their machine: the template
 * package's loader (the suite package does not depend on another front end; the CLI joins them).
 */
final class TemplateMachines {
    private TemplateMachines() {
    }

    static SuiteLoader.MachineSource source() {
        return TemplateMachines::load;
    }

    private static SuiteLoader.TemplateMachine load(Path file, String shown, String id, Map<String, String> substitutions) {
        try {
            LoadedMachine loaded = DefinitionSource.template(file.toString(), id, TemplateOptions.defaults(), substitutions);
            loaded.requireBound();
            ValidationReport report = loaded.validate();
            if (report.hasErrors()) {
                List<Diagnostic> errors = report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).toList();
                Diagnostic first = errors.get(0);
                throw new SuiteException(new SuiteError(shown + " " + id, first.line(), null, "not a valid definition: "
                        + first.code() + ": " + first.message()
                        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more; see sfn-run validate)" : "")));
            }
            StateMachine machine = DefinitionParser.parse(loaded.definition());
            SuiteMachine suiteMachine = SuiteMachine.of(file.toAbsolutePath().normalize() + "#" + id, shown + " " + id,
                    loaded.name(), machine, loaded.definition());
            return new SuiteLoader.TemplateMachine(suiteMachine, tasks -> loaded.functions().bindings(tasks),
                    tasks -> loaded.functions().handlers(tasks), loaded.reads().stream().map(LoadedMachine.Read::file).toList());
        } catch (TemplateException e) {
            throw new SuiteException(new SuiteError(shown, 0, null, message(e.getMessage(), file.toString())));
        } catch (DefinitionException e) {
            throw new SuiteException(new SuiteError(shown + " " + id, 0, null, e.getMessage()));
        }
    }

    /** The template's message without its own leading "file:" (the suite error names the file). */
    private static String message(String text, String file) {
        String message = text == null ? "cannot load the template" : text;
        message = message.replace("give them with --substitution NAME=VALUE or --substitutions FILE",
                "give them under the suite's 'substitutions'");
        return message.startsWith(file + ":") ? message.substring(file.length() + 1).stripLeading() : message;
    }
}
