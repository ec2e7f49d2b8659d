package dev.sfnrun.query;

import com.fasterxml.jackson.databind.JsonNode;

/** What an expression may read besides its input: the context object and the variables in scope. */
public interface EvalContext {
    /** The context object ({@code $$} in JSONPath, {@code $states.context} in JSONata). */
    JsonNode contextObject();

    /** The value of a workflow variable, or {@code null} when it is not defined. */
    JsonNode variable(String name);

    /**
     * The raw input of the state being run ({@code $states.input} for JSONata fields evaluated
     * against a result or an error output), or null outside a state.
     */
    default JsonNode stateInput() {
        return null;
    }

    /** An empty context, for tests and for evaluating constants. */
    EvalContext EMPTY = new EvalContext() {
        @Override
        public JsonNode contextObject() {
            return Json.object();
        }

        @Override
        public JsonNode variable(String name) {
            return null;
        }
    };
}
