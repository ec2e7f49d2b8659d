package dev.sfnrun.engine;

import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;

/**
 * Locates an error raised while processing a state's data (adds the state and its Entered event
 * id to the cause) and, for a JSONata evaluation failure, writes AWS's {@code EvaluationFailed}
 * event. Every place that catches a state's errors (the graph runner, Retry/Catch, Map, Parallel)
 * locates them through here, exactly once.
 */
final class EvaluationFailures {
    private EvaluationFailures() {
    }

    static StatesError locate(StatesError error, StateRun run, EventLog log) {
        if (!error.isLocated()) {
            return error;
        }
        if (run.single) {
            return new StatesError(error.error(), error.cause());
        }
        StatesError located = error.locate(run.name(), run.enteredEventId);
        StatesError.Evaluation evaluation = located.evaluation();
        if (evaluation != null) {
            long previous = evaluation.beforeState() ? run.enteredPreviousId : run.trail.last();
            HistoryEvent event = log.appendAfter(previous, EventType.EvaluationFailed, EventDetails.create()
                    .error(located.error(), located.cause())
                    .put("location", evaluation.location())
                    .put("state", run.name()));
            run.trail.moveTo(event.id());
        }
        return located;
    }
}
