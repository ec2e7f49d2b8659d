package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import java.time.Duration;
import java.time.Instant;

/**
 * One run of a state machine: {@link #run()} walks the states from StartAt, emitting history
 * events to the listeners, and returns how it ended. Use a new Execution for each run.
 */
public final class Execution {
    private final StateMachine machine;
    private final ExecutionOptions options;
    private final JsonNode input;
    private final String inputText;
    private final Clock clock;
    private final EventLog log;
    private Instant deadline;
    private Instant start;
    private ContextObject context;

    /**
     * @param inputText the input as the caller wrote it (shown verbatim in ExecutionStarted), or null
     */
    public Execution(StateMachine machine, JsonNode input, String inputText, ExecutionOptions options) {
        this.machine = machine;
        this.options = options;
        this.input = input;
        this.inputText = inputText;
        this.clock = options.clock();
        this.log = new EventLog(clock, options.listeners(), options.recordHistory());
    }

    public ExecutionResult run() {
        start = clock.now();
        if (machine.timeoutSeconds() != null) {
            deadline = start.plusSeconds(machine.timeoutSeconds());
        }
        context = new ContextObject(options, input, start);
        log.appendAfter(0, EventType.ExecutionStarted, EventDetails.create()
                .payload("input", new Payload(input, inputText))
                .put("roleArn", options.roleArn()));
        Trail trail = new Trail(0);
        GraphRunner runner = new GraphRunner(this);
        try {
            JsonNode output = runner.run(machine.graph(), input, new Scope(null), trail);
            log.append(trail, EventType.ExecutionSucceeded, EventDetails.create().output(output));
            return result(ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (StatesError e) {
            log.append(trail, EventType.ExecutionFailed, EventDetails.create().error(e.error(), e.cause()));
            return result(ExecutionStatus.FAILED, null, e.error(), e.cause());
        } catch (ExecutionTimeout e) {
            log.append(trail, EventType.ExecutionTimedOut, EventDetails.create());
            return result(ExecutionStatus.TIMED_OUT, null, null, null);
        }
    }

    private ExecutionResult result(ExecutionStatus status, JsonNode output, String error, String cause) {
        return new ExecutionResult(status, output, error, cause, start, clock.now(), options.executionArn(), inputText,
                log.events());
    }

    ExecutionOptions options() {
        return options;
    }

    ContextObject context() {
        return context;
    }

    EventLog log() {
        return log;
    }

    Clock clock() {
        return clock;
    }

    /** Waits on the execution's clock; past the execution's deadline the execution times out. */
    void sleep(Duration duration) {
        if (deadline != null && clock.now().plus(duration).isAfter(deadline)) {
            sleepUninterrupted(Duration.between(clock.now(), deadline));
            throw new ExecutionTimeout();
        }
        sleepUninterrupted(duration);
    }

    private void sleepUninterrupted(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            clock.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionTimeout();
        }
    }

    /** Time left before the execution's own TimeoutSeconds, or null when it has none. */
    Duration untilDeadline() {
        if (deadline == null) {
            return null;
        }
        Duration left = Duration.between(clock.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Throws when the execution has run past its deadline. */
    void checkDeadline() {
        if (deadline != null && clock.now().isAfter(deadline)) {
            throw new ExecutionTimeout();
        }
    }

    /** The recorded events so far (empty when history recording is off). */
    public java.util.List<HistoryEvent> events() {
        return log.events();
    }
}
