package dev.sfnrun.teststate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.PassState;
import dev.sfnrun.definition.QueryLanguage;
import dev.sfnrun.definition.State;
import dev.sfnrun.engine.StateProbe;
import dev.sfnrun.query.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TestState's {@code inspectionData}: hears the engine's data-flow steps for the tested state and
 * shows those AWS shows for the state's type and query language (as recorded on AWS: a JSONPath
 * Pass with Result shows no afterInputPath, a Parallel shows only its result steps, a JSONata
 * state shows its input, Arguments and result but no path steps).
 */
final class Inspection implements StateProbe {
    private static final List<String> NUMBERS = List.of("maxConcurrency", "toleratedFailureCount",
            "toleratedFailurePercentage");

    private final Map<String, JsonNode> steps = new LinkedHashMap<>();
    private Integer retryIndex;
    private Double retryBackoff;
    private Integer catchIndex;

    @Override
    public void step(String name, JsonNode value) {
        steps.put(name, value);
    }

    @Override
    public void retrier(int index, Double backoffSeconds) {
        retryIndex = index;
        retryBackoff = backoffSeconds;
    }

    @Override
    public void catcher(int index) {
        catchIndex = index;
    }

    /** The inspection data of {@code state}, whose raw input was {@code input}. */
    ObjectNode toJson(State state, JsonNode input) {
        ObjectNode data = Json.object();
        data.put("input", Json.compact(input));
        for (String field : fields(state)) {
            JsonNode value = steps.get(field);
            if (value == null) {
                continue;
            }
            if (NUMBERS.contains(field)) {
                data.set(field, value);
            } else {
                data.put(field.equals("afterParameters") && jsonata(state) ? "afterArguments" : field, Json.compact(value));
            }
        }
        JsonNode variables = steps.get("variables");
        if (variables != null && variables.size() > 0) {
            data.put("variables", Json.compact(variables));
        }
        if (retryIndex != null || catchIndex != null) {
            ObjectNode details = data.putObject("errorDetails");
            if (catchIndex != null) {
                details.put("catchIndex", catchIndex);
            }
            if (retryIndex != null) {
                details.put("retryIndex", retryIndex);
            }
            if (retryBackoff != null) {
                if (retryBackoff == Math.rint(retryBackoff) && retryBackoff < Integer.MAX_VALUE) {
                    details.put("retryBackoffIntervalSeconds", retryBackoff.intValue());
                } else {
                    details.put("retryBackoffIntervalSeconds", (int) Math.ceil(retryBackoff));
                }
            }
        }
        return data;
    }

    private static boolean jsonata(State state) {
        return state.common().queryLanguage() == QueryLanguage.JSONATA;
    }

    /** The steps AWS shows for the state, in the order it lists them. */
    private static List<String> fields(State state) {
        boolean jsonata = jsonata(state);
        return switch (state.typeName()) {
            case "Task" -> jsonata ? List.of("afterParameters", "result")
                    : List.of("afterInputPath", "afterParameters", "result", "afterResultSelector", "afterResultPath");
            case "Pass" -> jsonata ? List.of()
                    : ((PassState) state).result() != null ? List.of("result", "afterResultSelector", "afterResultPath")
                    : List.of("afterInputPath", "afterParameters", "afterResultSelector", "afterResultPath");
            case "Map" -> jsonata ? NUMBERS
                    : List.of("afterInputPath", "afterItemsPath", "afterResultSelector", "afterResultPath",
                    "maxConcurrency", "toleratedFailureCount", "toleratedFailurePercentage");
            case "Parallel" -> jsonata ? List.of() : List.of("afterResultSelector", "afterResultPath");
            default -> jsonata ? List.of() : List.of("afterInputPath");
        };
    }
}
