package dev.sfnrun.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** A Pass state; {@code result} is its Result field, or null. */
public record PassState(StateCommon common, JsonNode result) implements State {
    @Override
    public String typeName() {
        return "Pass";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitPass(this);
    }
}
