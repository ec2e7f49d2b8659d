package dev.sfnrun.task.load;

/** User task code or a mock file that cannot be loaded: the run does not start. */
public final class TaskLoadException extends RuntimeException {
    public TaskLoadException(String message) {
        super(message, null, false, false);
    }

    public TaskLoadException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
