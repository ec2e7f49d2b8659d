package dev.sfnrun.testtasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.HashMap;
import java.util.Map;

/** Hostile: a Lambda handler whose result refers to itself, so it cannot be turned into JSON. */
public final class SelfReference implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> result = new HashMap<>();
        result.put("self", result);
        return result;
    }
}
