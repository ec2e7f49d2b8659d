package dev.sfnrun.engine.map;

import dev.sfnrun.engine.StateRun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.sfnrun.definition.DistributedConfig;
import dev.sfnrun.definition.MapState;
import dev.sfnrun.definition.QueryLanguage;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import dev.sfnrun.query.PathNotFoundException;
import dev.sfnrun.query.UndefinedVariableException;
import dev.sfnrun.query.ValueExpr;
import java.util.function.IntFunction;

/**
 * Every value a Map state computes from its effective input before it runs its items: the items
 * (ItemsPath), each item's input (ItemSelector with {@code $$.Map.Item}), MaxConcurrency and the
 * tolerated failures, with AWS's error texts. This is the one place the Map's query language is
 * applied; a JSONata Map gets its own implementation of these methods.
 */
public class MapInputs {
    private final MapState state;
    private final JsonNode effective;
    private final StateRun run;
    /** {@code $$.Map.Item.Source} of a distributed Map's items; null for an inline Map. */
    private IntFunction<String> itemSource;

    public MapInputs(MapState state, JsonNode effective, StateRun run) {
        this.state = state;
        this.effective = effective;
        this.run = run;
    }

    /** The items: ItemsPath (default $) applied to the effective input; must be an array. */
    public ArrayNode items() {
        String path = text("ItemsPath");
        JsonNode items = effective;
        if (state.items() != null) {
            try {
                items = state.items().evaluate(effective, run);
            } catch (PathNotFoundException | UndefinedVariableException e) {
                throw StatesError.runtime("Invalid path '" + path + "' : " + e.getMessage());
            }
        }
        if (!(items instanceof ArrayNode array)) {
            if (path == null) {
                String cause = "Map state input must be an array but was: " + Json.compact(items);
                // a JSONata Map (no ItemsPath) records the rejected input as an evaluation failure
                throw state.common().queryLanguage() == QueryLanguage.JSONATA
                        ? StatesError.evaluationFailed(cause, null, true)
                        : StatesError.runtime(cause);
            }
            // AWS names a context-object path with one '$' ("$$.Execution.Input" -> "$.Execution.Input")
            String shown = path.startsWith("$$") ? path.substring(1) : path;
            throw StatesError.runtime("Reference path \"" + shown + "\" must point to array.");
        }
        return array;
    }

    /** Sets where a distributed Map's items come from, for {@code $$.Map.Item.Source} ({@link ItemSources}). */
    public void itemSource(IntFunction<String> source) {
        this.itemSource = source;
    }

    /** The input of the iteration (or child execution) of item {@code index}: ItemSelector, or the item itself. */
    JsonNode itemInput(int index, JsonNode item) {
        ValueExpr selector = state.itemSelector();
        return selector == null ? item : notTooDeep(selector.evaluate(effective, new ItemContext(run, index, item,
                itemSource == null ? null : itemSource.apply(index))));
    }

    /**
     * An input the ItemSelector or ItemBatcher made, refused when it nests more than JSON data may
     * ({@code States.DataLimitExceeded}): an item may nest as deep as that already, and they wrap it.
     */
    private JsonNode notTooDeep(JsonNode input) {
        if (dev.sfnrun.query.JsonSize.tooDeep(input)) {
            throw new StatesError(dev.sfnrun.error.ErrorNames.DATA_LIMIT_EXCEEDED, "The state/task '" + state.name()
                    + "' made an item's input nested more than " + dev.sfnrun.query.JsonSize.MAX_DEPTH
                    + " levels deep, the most JSON data may nest.");
        }
        return input;
    }

    /** A batch's input: {"BatchInput": ..., "Items": [...]}, BatchInput evaluated on the effective input. */
    JsonNode batchInput(ArrayNode items) {
        var node = Json.object();
        DistributedConfig.ItemBatcher batcher = state.distributed().itemBatcher();
        if (batcher.batchInput() != null) {
            node.set("BatchInput", batcher.batchInput().evaluate(effective, run));
        }
        node.set("Items", items);
        return notTooDeep(node);
    }

    /** MaxConcurrency or MaxConcurrencyPath; 0 means unbounded. */
    public int maxConcurrency() {
        if (state.maxConcurrencyExpr() == null) {
            return state.maxConcurrency() == null ? 0 : state.maxConcurrency();
        }
        long value = integerAt(state.maxConcurrencyExpr(), "MaxConcurrencyPath");
        if (value < 0) {
            throw StatesError.runtime("MaxConcurrency cannot be negative.");
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    /** ToleratedFailureCount(Path); null when neither is given. */
    public Long toleratedFailureCount() {
        DistributedConfig config = state.distributed();
        if (config.toleratedFailureCountPath() == null) {
            return config.toleratedFailureCount() == null ? null : config.toleratedFailureCount().longValue();
        }
        long value = integerAt(config.toleratedFailureCountPath(), "ToleratedFailureCountPath");
        if (value < 0) {
            throw StatesError.runtime("ToleratedFailureCount cannot be negative.");
        }
        return value;
    }

    /** ToleratedFailurePercentage(Path); null when neither is given. */
    public Double toleratedFailurePercentage() {
        DistributedConfig config = state.distributed();
        if (config.toleratedFailurePercentagePath() == null) {
            return config.toleratedFailurePercentage() == null ? null : config.toleratedFailurePercentage().doubleValue();
        }
        String field = "ToleratedFailurePercentagePath";
        JsonNode value = at(config.toleratedFailurePercentagePath(), field);
        double number;
        if (value != null && value.isNumber()) {
            number = value.asDouble();
        } else {
            number = parseDouble(value, field);
        }
        if (number < 0 || number > 100) {
            throw StatesError.runtime("ToleratedFailurePercentage must be between 0 and 100.");
        }
        return number;
    }

    /** ItemBatcher MaxItemsPerBatch(Path); null when not given. */
    Integer maxItemsPerBatch() {
        DistributedConfig.ItemBatcher batcher = state.distributed().itemBatcher();
        return positiveAt(batcher.maxItemsPerBatch(), batcher.maxItemsPerBatchPath(), "MaxItemsPerBatch");
    }

    /** ItemBatcher MaxInputBytesPerBatch(Path); null when not given. */
    Integer maxInputBytesPerBatch() {
        DistributedConfig.ItemBatcher batcher = state.distributed().itemBatcher();
        return positiveAt(batcher.maxInputBytesPerBatch(), batcher.maxInputBytesPerBatchPath(), "MaxInputBytesPerBatch");
    }

    /** ReaderConfig MaxItems(Path); null when not given. */
    Integer maxItems() {
        DistributedConfig.ItemReader reader = state.distributed().itemReader();
        if (reader.maxItemsPath() == null) {
            return reader.maxItems();
        }
        long value = integerAt(reader.maxItemsPath(), "MaxItemsPath");
        return (int) Math.max(Math.min(value, Integer.MAX_VALUE), Integer.MIN_VALUE);
    }

    /** A payload template (ItemReader or ResultWriter Parameters) applied to the effective input. */
    JsonNode evaluate(ValueExpr template) {
        return template == null ? Json.object() : template.evaluate(effective, run);
    }

    private Integer positiveAt(Integer literal, ValueExpr path, String field) {
        if (path == null) {
            return literal;
        }
        long value = integerAt(path, field + "Path");
        if (value < 1) {
            throw StatesError.runtime(field + " must be positive.");
        }
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private JsonNode at(ValueExpr expr, String field) {
        try {
            return expr.evaluate(effective, run);
        } catch (PathNotFoundException | UndefinedVariableException e) {
            throw StatesError.runtime("Invalid path '" + text(field) + "' : " + e.getMessage());
        }
    }

    /** An integer read through a ...Path field, with AWS's text for a value that is not one. */
    private long integerAt(ValueExpr expr, String field) {
        JsonNode value = at(expr, field);
        if (value != null && value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value != null && value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw StatesError.runtime("The " + field + " field refers to value \"" + shown(value)
                + "\" which is not a valid integer: " + text(field));
    }

    private double parseDouble(JsonNode value, String field) {
        if (value != null && value.isTextual()) {
            try {
                return Double.parseDouble(value.asText().trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw StatesError.runtime("The " + field + " field refers to value \"" + shown(value)
                + "\" which is not a valid float: " + text(field));
    }

    private static String shown(JsonNode value) {
        return value == null ? "null" : value.isTextual() ? value.asText() : Json.compact(value);
    }

    /** The text of a field as written in the definition (paths are quoted in causes as written). */
    private String text(String field) {
        JsonNode source = state.source();
        if (source == null) {
            return null;
        }
        JsonNode node = source.get(field);
        if (node == null) {
            node = source.path("ItemReader").path("ReaderConfig").get(field);
        }
        if (node == null) {
            node = source.path("ItemBatcher").get(field);
        }
        return node == null ? null : node.asText();
    }
}
