package dev.sfnrun.engine;

/** A Task state whose resource no task function serves and no mock answers: the run cannot start. */
public final class UnboundResourceException extends RuntimeException {
    private final String stateName;
    private final String resource;
    private final String bindingName;

    public UnboundResourceException(String stateName, String resource, String bindingName) {
        this(stateName, "Resource", resource, bindingName);
    }

    /**
     * @param field     the field that names what is missing: {@code Resource}, or for
     *                  {@code lambda:invoke} {@code Parameters.FunctionName} / {@code Arguments.FunctionName}
     * @param named     what that field names
     */
    public UnboundResourceException(String stateName, String field, String named, String bindingName) {
        super("state '" + stateName + "', field " + field + ": no task function is bound to '" + named + "'. Bind one with "
                + "--task " + bindingName + "=your.Class (with --classpath), list it under META-INF/services, or answer the "
                + "state from a mock file (--mock-config FILE --test-case NAME).", null, false, false);
        this.stateName = stateName;
        this.resource = named;
        this.bindingName = bindingName;
    }

    public String stateName() {
        return stateName;
    }

    /** What has no function: the Task's resource, or the FunctionName of a {@code lambda:invoke}. */
    public String resource() {
        return resource;
    }

    /** The name a task function must be bound to for this resource. */
    public String bindingName() {
        return bindingName;
    }
}
