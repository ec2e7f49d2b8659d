package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.query.ValueExpr;
import java.util.List;

/**
 * A Map state. {@code items} is ItemsPath or JSONata Items (null: the effective input);
 * {@code itemSelector} is ItemSelector or the legacy Parameters; {@code distributed} holds the
 * distributed-mode fields (null for an inline Map); {@code source} keeps the raw definition.
 */
public record MapState(StateCommon common, StateGraph processor, String mode, String executionType,
                       ValueExpr items, ValueExpr itemSelector, Integer maxConcurrency, ValueExpr maxConcurrencyExpr,
                       List<Retrier> retry, List<Catcher> catchers, DistributedConfig distributed,
                       JsonNode source) implements State {
    /** True when the processor runs each item (or batch) as a child execution. */
    public boolean isDistributed() {
        return distributed != null;
    }

    @Override
    public String typeName() {
        return "Map";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitMap(this);
    }
}
