package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;

/**
 * What a Map's ItemSelector sees: the Map state's context object plus {@code Map.Item.Index/Value},
 * and for a distributed Map {@code Map.Item.Source}, where the item came from ({@code STATE_DATA},
 * or the S3 object or bucket it was read from).
 */
final class ItemContext implements EvalContext {
    private final EvalContext state;
    private final int index;
    private final JsonNode value;
    private final String source;
    private ObjectNode context;

    ItemContext(EvalContext state, int index, JsonNode value, String source) {
        this.state = state;
        this.index = index;
        this.value = value;
        this.source = source;
    }

    @Override
    public JsonNode contextObject() {
        if (context == null) {
            JsonNode base = state.contextObject();
            context = base instanceof ObjectNode object ? Json.shallowCopy(object) : Json.object();
            ObjectNode item = Json.object();
            item.put("Index", index);
            item.set("Value", value);
            if (source != null) {
                item.put("Source", source);
            }
            context.set("Map", Json.object().set("Item", item));
        }
        return context;
    }

    @Override
    public JsonNode variable(String name) {
        return state.variable(name);
    }
}
