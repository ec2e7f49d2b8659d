package dev.sfnrun.engine;

import dev.sfnrun.engine.time.Clock;

import dev.sfnrun.error.ErrorNames;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.history.Decision;
import dev.sfnrun.history.EventDetails;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Numbers events, hands them to the listeners and (optionally) keeps them. Safe to use from many threads. */
public final class EventLog {
    static final int STANDARD_HISTORY_LIMIT = 25_000;
    static final String HISTORY_LIMIT_CAUSE = "The execution reached the maximum number of history events (25000).";

    private final Clock clock;
    private final List<ExecutionListener> listeners;
    private final List<HistoryEvent> events;
    private final boolean limited;
    private long lastId;
    /** The execution's ending event is written: a thread still finishing an aborted branch writes nothing more. */
    private boolean ended;

    EventLog(Clock clock, List<ExecutionListener> listeners, boolean record) {
        this(clock, listeners, record, false);
    }

    /**
     * @param limited apply AWS's 25,000-event history limit of STANDARD executions: when 24,999
     *                events exist, the next one must end the execution, else the execution fails
     *                with States.Runtime (event 25,000 is then its ExecutionFailed)
     */
    EventLog(Clock clock, List<ExecutionListener> listeners, boolean record, boolean limited) {
        this.clock = clock;
        this.listeners = listeners;
        this.events = record ? new ArrayList<>() : null;
        this.limited = limited;
    }

    /** Appends an event that follows the trail's last event, and moves the trail on to it. */
    public HistoryEvent append(Trail trail, EventType type, EventDetails details) {
        return append(trail, trail.last(), type, details);
    }

    /** Appends an event with an explicit predecessor on a trail, and moves the trail on to it. */
    public HistoryEvent append(Trail trail, long previousEventId, EventType type, EventDetails details) {
        HistoryEvent event = write(trail, previousEventId, type, details == null ? Map.of() : details.build(), null,
                details == null ? null : details.logs());
        trail.moveTo(event.id());
        return event;
    }

    /**
     * Appends an event with an explicit predecessor on behalf of a trail, without moving it
     * (MapIterationSucceeded, MapStateSucceeded: the next event shares their predecessor).
     */
    public HistoryEvent appendBeside(Trail trail, long previousEventId, EventType type, EventDetails details) {
        return write(trail, previousEventId, type, details == null ? Map.of() : details.build());
    }

    /** Closes trails (stopped branches) so that none of them writes another event. */
    synchronized void close(Iterable<Trail> trails) {
        for (Trail trail : trails) {
            trail.markClosed();
        }
    }

    /** Appends an event with an explicit predecessor, leaving every trail as it is. */
    public HistoryEvent appendAfter(long previousEventId, EventType type, EventDetails details) {
        return write(null, previousEventId, type, details == null ? Map.of() : details.build());
    }

    /** As {@link #appendAfter(long, EventType, EventDetails)}, for an event without details of state {@code stateName}. */
    public HistoryEvent appendAfter(long previousEventId, EventType type, String stateName) {
        return write(null, previousEventId, type, Map.of(), stateName);
    }

    private HistoryEvent write(Trail trail, long previous, EventType type, Map<String, Object> details) {
        return write(trail, previous, type, details, null, null);
    }

    private HistoryEvent write(Trail trail, long previous, EventType type, Map<String, Object> details,
                               String stateName) {
        return write(trail, previous, type, details, stateName, null);
    }

    private synchronized HistoryEvent write(Trail trail, long previous, EventType type, Map<String, Object> details,
                                            String stateName, String logs) {
        if (trail != null && trail.isClosed()) {
            throw new BranchAborted();
        }
        if (ended) { // as on AWS, the history ends with the execution: a straggler's event is not written
            return new HistoryEvent(lastId + 1, previous, clock.now(), type, details, stateName, logs);
        }
        if (limited && lastId >= STANDARD_HISTORY_LIMIT - 1 && !endsExecution(type)) {
            throw new StatesError(ErrorNames.RUNTIME, HISTORY_LIMIT_CAUSE);
        }
        ended = endsExecution(type);
        HistoryEvent event = new HistoryEvent(++lastId, previous, clock.now(), type, details, stateName, logs);
        if (events != null) {
            events.add(event);
        }
        for (ExecutionListener listener : listeners) {
            listener.onEvent(event);
        }
        return event;
    }

    /** Hands a decision to the listeners (one at a time, as events). */
    synchronized void decide(Decision decision) {
        for (ExecutionListener listener : listeners) {
            listener.onDecision(decision);
        }
    }

    private static boolean endsExecution(EventType type) {
        return type == EventType.ExecutionSucceeded || type == EventType.ExecutionFailed
                || type == EventType.ExecutionTimedOut || type == EventType.ExecutionAborted;
    }

    /** A redriven run's events follow the earlier run's, whose last event was {@code id}. */
    synchronized void continueAfter(long id) {
        lastId = id;
        ended = false;
    }

    synchronized long count() {
        return lastId;
    }

    synchronized List<HistoryEvent> events() {
        return events == null ? List.of() : List.copyOf(events);
    }
}
