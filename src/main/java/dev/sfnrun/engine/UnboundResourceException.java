package dev.sfnrun.engine;

/** A Task state whose resource no task function serves and no mock answers: the run cannot start. */
public final class UnboundResourceException extends RuntimeException {
    private final String stateName;
    private final String resource;
    private final String bindingName;

    public UnboundResourceException(String stateName, String resource, String bindingName) {
        super("state '" + stateName + "', field Resource: no task function is bound to '" + resource + "'. Bind one with "
                + "--task " + bindingName + "=your.Class (with --classpath), list it under META-INF/services, or answer the "
                + "state from a mock file (--mock-config FILE --test-case NAME).", null, false, false);
        this.stateName = stateName;
        this.resource = resource;
        this.bindingName = bindingName;
    }

    public String stateName() {
        return stateName;
    }

    public String resource() {
        return resource;
    }

    /** The name a task function must be bound to for this resource. */
    public String bindingName() {
        return bindingName;
    }
}
