package dev.sfnrun.engine;

/** The execution ran past its TimeoutSeconds. Not an ASL error: nothing can catch it. */
public final class ExecutionTimeout extends RuntimeException {
    public ExecutionTimeout() {
        super("execution timed out", null, false, false);
    }
}
