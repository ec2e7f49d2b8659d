package dev.sfnrun.engine;

/**
 * Which task a thread works for: set on the thread that runs a task function and inherited by
 * every thread that code starts, so whatever such a thread does to the process (an exit, say)
 * can be put to its state and resource.
 */
public final class TaskThreads {
    private static final InheritableThreadLocal<String> TASK = new InheritableThreadLocal<>();

    private TaskThreads() {
    }

    /** "state 'Charge' (resource arn:...)" for a thread of task code, else null. */
    public static String current() {
        return TASK.get();
    }

    static void enter(String stateName, String resource) {
        TASK.set("state '" + stateName + "' (resource " + resource + ")");
    }
}
