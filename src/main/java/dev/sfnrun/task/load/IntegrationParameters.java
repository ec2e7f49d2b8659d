package dev.sfnrun.task.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import java.util.Iterator;
import java.util.Map;

/**
 * The checks an optimized service integration makes on its parameters before the Task is
 * scheduled: a request it cannot build fails with {@code States.Runtime} and no TaskScheduled
 * event, as AWS records it ("The Parameters '...' could not be used to start the Task: [...]").
 */
public final class IntegrationParameters {
    private IntegrationParameters() {
    }

    /** Throws the located-later {@code States.Runtime} error AWS gives for parameters its integration refuses. */
    public static void check(Resolved resolved, JsonNode parameters) {
        if (resolved.kind() != ResourceResolver.Kind.INTEGRATION || parameters == null) {
            return;
        }
        if (resolved.resourceType().equals("apigateway") && resolved.action().equals("invoke")) {
            JsonNode headers = parameters.get("Headers");
            if (headers != null && !headers.isNull() && !isHeaderMap(headers)) {
                throw refused(parameters, "The value of the field 'Headers' has an invalid format");
            }
        }
    }

    /** API Gateway's {@code Headers}: an object whose every value is an array of strings. */
    private static boolean isHeaderMap(JsonNode headers) {
        if (!headers.isObject()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            JsonNode values = it.next().getValue();
            if (!values.isArray()) {
                return false;
            }
            for (JsonNode value : values) {
                if (!value.isTextual()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static StatesError refused(JsonNode parameters, String reason) {
        return StatesError.runtime("The Parameters '" + Json.compact(parameters)
                + "' could not be used to start the Task: [" + reason + "]");
    }
}
