package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.JsonPath;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.ReferencePath;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;

/**
 * The JSONPath data-flow fields of a state, compiled: InputPath, Parameters, ResultSelector,
 * ResultPath and OutputPath. A field a state type does not have is left at its default.
 */
public record DataFlow(PathSpec inputPath, ValueExpr parameters, ValueExpr resultSelector,
                       ResultPathSpec resultPath, PathSpec outputPath) {
    public static final DataFlow DEFAULT = new DataFlow(PathSpec.ROOT, null, null, ResultPathSpec.ROOT, PathSpec.ROOT);

    /**
     * InputPath or OutputPath: {@code $} by default; JSON {@code null} gives {@code {}}.
     */
    public record PathSpec(JsonPath path, boolean isNull) {
        public static final PathSpec ROOT = new PathSpec(null, false);
        public static final PathSpec NULL = new PathSpec(null, true);

        public JsonNode apply(JsonNode input, EvalContext context) {
            if (isNull) {
                return Json.object();
            }
            if (path == null) {
                return input;
            }
            try {
                return path.evaluate(input, context);
            } catch (PathNotFoundException e) {
                throw StatesError.runtime("Invalid path '" + path.text() + "' : " + e.getMessage());
            } catch (UndefinedVariableException e) {
                throw StatesError.runtime("Invalid path '" + path.text() + "' : " + e.getMessage());
            }
        }
    }

    /** ResultPath: {@code $} by default (the result replaces the input); JSON null discards the result. */
    public record ResultPathSpec(ReferencePath path, boolean discard) {
        public static final ResultPathSpec ROOT = new ResultPathSpec(null, false);
        public static final ResultPathSpec DISCARD = new ResultPathSpec(null, true);

        public JsonNode apply(JsonNode rawInput, JsonNode result) {
            if (discard) {
                return rawInput;
            }
            if (path == null || path.isRoot()) {
                return result;
            }
            return path.place(rawInput, result);
        }
    }
}
