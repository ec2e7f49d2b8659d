package dev.sfnrun.definition;

import java.util.Map;

/** A set of states and where to start: the top level, a Parallel branch, or a Map item processor. */
public record StateGraph(String startAt, Map<String, State> states) {
    public State start() {
        return states.get(startAt);
    }

    public State state(String name) {
        return states.get(name);
    }
}
