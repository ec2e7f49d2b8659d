package dev.sfnrun.testtasks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A Java Lambda handler whose result has a field left null. */
public final class PartialHandler implements RequestHandler<Map<String, Object>, PartialHandler.Result> {
    public static final class Result {
        public String present = "yes";
        public String missing;
    }

    @Override
    public Result handleRequest(Map<String, Object> input, Context context) {
        return new Result();
    }
}
