package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.Catcher;
import dev.sfnrun.definition.Retrier;
import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.history.Decision;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retry and Catch for Task, Parallel and Map: runs an attempt, and on an error retries with the
 * first matching retrier's back-off, or hands it to the first matching catcher, or lets it go.
 */
final class ErrorHandler {
    /** One attempt at running the state; returns what the state did. */
    interface Attempt {
        Step run();
    }

    private final Execution execution;

    ErrorHandler(Execution execution) {
        this.execution = execution;
    }

    Step run(StateRun run, List<Retrier> retriers, List<Catcher> catchers, Attempt attempt) {
        return run(run, retriers, catchers, attempt, error -> { });
    }

    /**
     * As {@link #run(StateRun, List, List, Attempt)}, calling {@code givingUp} once the error is
     * not retried, before it is caught or thrown (Map and Parallel write their ...StateFailed then).
     */
    Step run(StateRun run, List<Retrier> retriers, List<Catcher> catchers, Attempt attempt,
             java.util.function.Consumer<StatesError> givingUp) {
        int[] retries = new int[retriers.size()];
        while (true) {
            StatesError error;
            try {
                return attempt.run();
            } catch (StatesError e) {
                error = EvaluationFailures.locate(e, run, execution.log());
            }
            if (ErrorNames.RUNTIME.equals(error.error())) {
                givingUp.accept(error);
                throw error;
            }
            int index = firstMatch(retriers.stream().map(Retrier::errorEquals).toList(), error.error());
            SingleStatePlan plan = execution.plan();
            if (plan != null && index >= 0) {
                // a single-state run reports the retry instead of making it
                Retrier retrier = retriers.get(index);
                if (run.retryCount() < retrier.maxAttempts()) {
                    plan.probe().retrier(index, retrier.delaySeconds(run.retryCount() + 1));
                    throw new RetryWanted(error);
                }
                plan.probe().retrier(index, null);
            } else if (index >= 0 && retries[index] < retriers.get(index).maxAttempts()) {
                retries[index]++;
                Duration delay = delay(retriers.get(index), retries[index]);
                execution.log().decide(new Decision(run.state, Decision.Kind.RETRY, index, null, delay, error.error()));
                execution.sleep(delay);
                run.setRetryCount(run.retryCount() + 1);
                continue;
            }
            givingUp.accept(error);
            int caught = firstMatch(catchers.stream().map(Catcher::errorEquals).toList(), error.error());
            if (caught < 0) {
                throw error;
            }
            if (plan != null) {
                plan.probe().catcher(caught);
                execution.caught(error);
            }
            Catcher catcher = catchers.get(caught);
            JsonNode errorOutput = errorOutput(error);
            JsonNode output = catcher.output() != null ? catcher.output().evaluate(errorOutput, run)
                    : catcher.resultPath().apply(run.input, errorOutput);
            PayloadLimit.checkDepth(output, run.name());
            ObjectNode assigned = catcher.assign() == null ? null : catcher.assign().evaluate(errorOutput, run);
            return new Step(output, catcher.next(), assigned, Decision.Kind.CATCH, caught, error.error());
        }
    }

    static ObjectNode errorOutput(StatesError error) {
        ObjectNode output = Json.object();
        if (error.error() != null) {
            output.put("Error", error.error());
        }
        if (error.cause() != null) {
            output.put("Cause", error.cause());
        }
        return output;
    }

    private static int firstMatch(List<List<String>> lists, String error) {
        for (int i = 0; i < lists.size(); i++) {
            for (String pattern : lists.get(i)) {
                if (ErrorNames.matches(pattern, error)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static Duration delay(Retrier retrier, int retry) {
        double seconds = retrier.delaySeconds(retry);
        if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
