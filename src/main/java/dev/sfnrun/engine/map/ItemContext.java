package dev.sfnrun.engine.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;

/** What a Map's ItemSelector sees: the Map state's context object plus {@code Map.Item.Index/Value}. */
final class ItemContext implements EvalContext {
    private final EvalContext state;
    private final int index;
    private final JsonNode value;
    private ObjectNode context;

    ItemContext(EvalContext state, int index, JsonNode value) {
        this.state = state;
        this.index = index;
        this.value = value;
    }

    @Override
    public JsonNode contextObject() {
        if (context == null) {
            JsonNode base = state.contextObject();
            context = base instanceof ObjectNode object ? Json.shallowCopy(object) : Json.object();
            ObjectNode item = Json.object();
            item.put("Index", index);
            item.set("Value", value);
            context.set("Map", Json.object().set("Item", item));
        }
        return context;
    }

    @Override
    public JsonNode variable(String name) {
        return state.variable(name);
    }
}
