package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.State;
import dev.sfnrun.query.EvalContext;
import dev.sfnrun.query.Json;
import java.time.Instant;

/**
 * One visit of one state: its raw input, its Entered event, the trail its events follow, and the
 * context expressions see. The context object is built only if an expression asks for it.
 */
public final class StateRun implements EvalContext {
    final State state;
    final JsonNode input;
    final long enteredEventId;
    /** The previousEventId of the Entered event (where an EvaluationFailed event chains). */
    final long enteredPreviousId;
    final Instant enteredTime;
    public final Trail trail;
    public final Scope scope;
    private final ContextObject context;
    private int retryCount;
    /** Part of a single-state run: errors are not prefixed with the state's location. */
    boolean single;
    private String taskToken;
    /**
     * The results a redrive keeps of this state's branches or iterations (a resumed Parallel or Map,
     * its first attempt only; null otherwise). Taken once by {@link #takeSeeds}.
     */
    JsonNode[] seeds;
    /** This attempt's branch or iteration results so far (null entries: not finished), for a redrive. */
    volatile JsonNode[] childResults;
    private ObjectNode contextObject;

    StateRun(State state, JsonNode input, long enteredEventId, Instant enteredTime, Trail trail, Scope scope,
             ContextObject context) {
        this(state, input, enteredEventId, enteredEventId - 1, enteredTime, trail, scope, context);
    }

    StateRun(State state, JsonNode input, long enteredEventId, long enteredPreviousId, Instant enteredTime, Trail trail,
             Scope scope, ContextObject context) {
        this.state = state;
        this.input = input;
        this.enteredEventId = enteredEventId;
        this.enteredPreviousId = enteredPreviousId;
        this.enteredTime = enteredTime;
        this.trail = trail;
        this.scope = scope;
        this.context = context;
    }

    /**
     * The array an attempt of a Parallel or Map with {@code size} children fills with their
     * results: the kept results of a redriven run's first attempt (when they fit), else empty.
     * It is also this run's {@link #childResults}.
     */
    JsonNode[] takeSeeds(int size) {
        JsonNode[] results = seeds != null && seeds.length == size ? seeds.clone() : new JsonNode[size];
        seeds = null;
        childResults = results;
        return results;
    }

    String name() {
        return state.name();
    }

    int retryCount() {
        return retryCount;
    }

    void setRetryCount(int count) {
        retryCount = count;
        contextObject = null;
    }

    void setTaskToken(String token) {
        taskToken = token;
        contextObject = null;
    }

    @Override
    public JsonNode contextObject() {
        if (contextObject == null && single && context.given() != null) {
            contextObject = context.given();
            if (taskToken != null && !contextObject.has("Task")) {
                ObjectNode copy = Json.shallowCopy(contextObject);
                copy.set("Task", Json.object().put("Token", taskToken));
                contextObject = copy;
            }
        }
        if (contextObject == null) {
            contextObject = context.forState(this);
        }
        return contextObject;
    }

    /** The $$.State object. */
    ObjectNode stateObject() {
        ObjectNode node = Json.object();
        node.put("Name", state.name());
        node.put("EnteredTime", ContextObject.timestamp(enteredTime));
        if (state instanceof dev.sfnrun.definition.TaskState || single) {
            node.put("RetryCount", retryCount);
        }
        return node;
    }

    String taskToken() {
        return taskToken;
    }

    @Override
    public JsonNode stateInput() {
        return input;
    }

    @Override
    public JsonNode variable(String name) {
        return scope.get(name);
    }
}
