package dev.sfnrun.engine;

/** A single-state run's plan does not fit what the state computed (e.g. more failed Map iterations than items). */
public final class PlanRejected extends RuntimeException {
    public PlanRejected(String message) {
        super(message);
    }
}
