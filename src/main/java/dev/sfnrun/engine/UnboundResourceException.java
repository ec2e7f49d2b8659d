package dev.sfnrun.engine;

/** A Task state whose resource no task function serves: the run cannot start. */
public final class UnboundResourceException extends RuntimeException {
    private final String stateName;
    private final String resource;

    public UnboundResourceException(String stateName, String resource) {
        super("state '" + stateName + "', field Resource: no task function is bound to '" + resource
                + "'. Built-in functions: MockAPIFunction (any Lambda ARN whose function name is MockAPIFunction).",
                null, false, false);
        this.stateName = stateName;
        this.resource = resource;
    }

    public String stateName() {
        return stateName;
    }

    public String resource() {
        return resource;
    }
}
