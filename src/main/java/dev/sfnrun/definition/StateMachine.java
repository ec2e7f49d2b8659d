package dev.sfnrun.definition;

/** A parsed, compiled state machine definition. Immutable; safe to run many times, concurrently. */
public record StateMachine(StateGraph graph, QueryLanguage queryLanguage, Integer timeoutSeconds, String comment) {
}
