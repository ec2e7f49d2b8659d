package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.DefinitionException;
import dev.sfnrun.definition.DefinitionParser;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.definition.validate.ValidationReport;
import dev.sfnrun.definition.validate.Validator;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.engine.ExpressLimits;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * A definition as CreateStateMachine and UpdateStateMachine take it: the checks of
 * {@code sfn-run validate} (its errors are InvalidDefinition, in AWS's form
 * {@code Invalid State Machine Definition: 'CODE: message at /pointer'}), then the engine's model.
 */
final class Definitions {
    private Definitions() {
    }

    static List<Diagnostic> diagnostics(String definition) {
        return Validator.validateText("definition", definition).diagnostics();
    }

    static StateMachine compile(String definition, ExecutionType type) {
        ValidationReport report = Validator.validateText("definition", definition);
        List<String> errors = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            if (d.severity() == Severity.ERROR) {
                errors.add(d.code().name() + ": " + located(d.message(), d.pointer()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiErrors.invalidDefinition(String.join(", ", errors));
        }
        StateMachine model;
        try {
            JsonNode json = Json.parse(definition);
            model = DefinitionParser.parse(json);
        } catch (DefinitionException e) {
            throw ApiErrors.invalidDefinition("SCHEMA_VALIDATION_FAILED: " + located(e.getMessage(), e.pointer()));
        } catch (Exception e) {
            throw ApiErrors.invalidDefinition("INVALID_JSON_DESCRIPTION: " + e.getMessage());
        }
        if (type == ExecutionType.EXPRESS) {
            List<String> problems = new ArrayList<>();
            for (ExpressProblem problem : expressProblems(model)) {
                problems.add("SCHEMA_VALIDATION_FAILED: " + problem.message() + " at " + problem.location());
            }
            if (!problems.isEmpty()) {
                throw ApiErrors.invalidDefinition(String.join(", ", problems));
            }
        }
        return model;
    }

    /** What an Express workflow cannot have, as AWS words it: the message and the Resource's location. */
    record ExpressProblem(String message, String location) {
    }

    static List<ExpressProblem> expressProblems(StateMachine model) {
        List<ExpressProblem> problems = new ArrayList<>();
        for (String problem : ExpressLimits.unsupported(model.graph())) {
            // "state 'NAME', field Resource: TEXT" as AWS writes it
            int quote = problem.indexOf('\'');
            int end = problem.indexOf("', field Resource: ");
            String text = problem.substring(end + "', field Resource: ".length())
                    .replace("does not support activities", "does not support Activity ARN");
            problems.add(new ExpressProblem(text, "/States/" + problem.substring(quote + 1, end) + "/Resource"));
        }
        return problems;
    }

    /** The location AWS gives a diagnostic: its JSON pointer, "/" for the whole definition. */
    static String location(String pointer) {
        return pointer == null || pointer.isEmpty() ? "/" : pointer;
    }

    private static String located(String message, String pointer) {
        String at = " at " + location(pointer);
        return message.endsWith(at) ? message : message + at;
    }
}
