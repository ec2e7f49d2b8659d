package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.validate.Diagnostic;
import dev.sfnrun.definition.validate.Severity;
import dev.sfnrun.query.Json;
import java.util.List;

/**
 * ValidateStateMachineDefinition: the diagnostics of {@code sfn-run validate} in AWS's result
 * shape ({@code result} OK or FAIL, {@code diagnostics}, {@code truncated}); {@code severity}
 * WARNING includes warnings, ERROR (the default) only errors; at most {@code maxResults} (default 100).
 */
final class ValidateOperation {
    private ValidateOperation() {
    }

    static void register(Router router) {
        router.add("ValidateStateMachineDefinition", ValidateOperation::validateStateMachineDefinition);
    }

    private static ObjectNode validateStateMachineDefinition(ApiRequest request) {
        List<Diagnostic> all = Definitions.diagnostics(request.text("definition"));
        boolean warnings = "WARNING".equals(request.text("severity"));
        int max = request.integer("maxResults", 0);
        if (max == 0) {
            max = 100;
        }
        List<Definitions.ExpressProblem> express = express(request, all);
        ObjectNode out = Json.object();
        boolean failed = all.stream().anyMatch(d -> d.severity() == Severity.ERROR) || !express.isEmpty();
        out.put("result", failed ? "FAIL" : "OK");
        ArrayNode list = out.putArray("diagnostics");
        int shown = 0;
        boolean truncated = false;
        for (Diagnostic d : all) {
            if (d.severity() == Severity.WARNING && !warnings) {
                continue;
            }
            if (shown == max) {
                truncated = true;
                break;
            }
            list.addObject().put("severity", d.severity().name()).put("code", d.code().name())
                    .put("message", d.message()).put("location", Definitions.location(d.pointer()));
            shown++;
        }
        for (Definitions.ExpressProblem problem : express) {
            if (shown == max) {
                truncated = true;
                break;
            }
            list.addObject().put("severity", "ERROR").put("code", "SCHEMA_VALIDATION_FAILED")
                    .put("message", problem.message()).put("location", problem.location());
            shown++;
        }
        out.put("truncated", truncated);
        return out;
    }

    /** With {@code type} EXPRESS, what an Express workflow cannot have (a definition that has errors of its own is not looked into). */
    private static List<Definitions.ExpressProblem> express(ApiRequest request, List<Diagnostic> all) {
        if (!"EXPRESS".equals(request.text("type")) || all.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return List.of();
        }
        try {
            return Definitions.expressProblems(dev.sfnrun.definition.DefinitionParser.parse(Json.parse(request.text("definition"))));
        } catch (Exception e) { // the parser's own refusals are the diagnostics' business
            return List.of();
        }
    }
}
