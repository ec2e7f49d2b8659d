package dev.sfnrun.definition;

/** A Succeed state. */
public record SucceedState(StateCommon common) implements State {
    @Override
    public String typeName() {
        return "Succeed";
    }

    @Override
    public <R> R accept(StateVisitor<R> visitor) {
        return visitor.visitSucceed(this);
    }
}
