package dev.sfnrun.query;

/** A JSONPath reference to a workflow variable that has no value. */
public final class UndefinedVariableException extends RuntimeException {
    private final String variable;
    private final String path;

    public UndefinedVariableException(String variable, String path) {
        super("The variable '$" + variable + "' is not defined", null, false, false);
        this.variable = variable;
        this.path = path;
    }

    public String variable() {
        return variable;
    }

    public String path() {
        return path;
    }
}
