package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.ValueExpr;
import java.util.List;

/**
 * A Map state. {@code items} is ItemsPath or JSONata Items (null: the effective input);
 * {@code itemSelector} is ItemSelector or the legacy Parameters; {@code source} keeps the raw
 * definition for the distributed-mode fields (ItemReader, ItemBatcher, ResultWriter, ...).
 */
public record MapState(StateCommon common, StateGraph processor, String mode, String executionType,
                       ValueExpr items, ValueExpr itemSelector, Integer maxConcurrency, ValueExpr maxConcurrencyExpr,
                       List<Retrier> retry, List<Catcher> catchers, JsonNode source) implements State {
    @Override
    public String typeName() {
        return "Map";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitMap(this);
    }
}
