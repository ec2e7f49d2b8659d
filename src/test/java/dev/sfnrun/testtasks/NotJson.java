package dev.sfnrun.testtasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Hostile: a Lambda handler whose result JSON cannot carry exactly: the number in the input's
 * "kind" (infinity, nan) or a string with a lone surrogate.
 */
public final class NotJson implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> result = new LinkedHashMap<>();
        switch (String.valueOf(input.get("kind"))) {
            case "infinity" -> result.put("x", Double.POSITIVE_INFINITY);
            case "nan" -> result.put("x", Double.NaN);
            default -> result.put("x", "a\ud800b");
        }
        return result;
    }
}
