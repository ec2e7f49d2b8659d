package dev.sfnrun.history;

import dev.sfnrun.definition.State;
import java.time.Duration;

/**
 * Which way the engine went when a state finished or failed: not an AWS history event, but what
 * coverage, TestState's inspection data and pictures need to know and the history does not say
 * (which Choice rule matched, which Retry or Catch clause took an error).
 *
 * @param state the state (the model's own instance: one per state of the definition, shared by
 *              every Map iteration and branch that runs it)
 * @param kind  the kind of transition
 * @param index the Choice rule, Retry or Catch clause's index in its list; -1 for the other kinds
 * @param next  the state entered next, or null at the end of the graph (and for a retry)
 * @param delay the back-off before a retry; null for the other kinds
 * @param error the error a Retry or Catch clause took; null for the other kinds
 */
public record Decision(State state, Kind kind, int index, String next, Duration delay, String error) {
    public enum Kind {
        /** the state's Next */
        NEXT,
        /** End, or a Succeed state */
        END,
        /** a Choice rule matched ({@code index}) */
        CHOICE_RULE,
        /** no Choice rule matched: Default */
        CHOICE_DEFAULT,
        /** a Retry clause ({@code index}) retries the state */
        RETRY,
        /** a Catch clause ({@code index}) caught the state's error */
        CATCH
    }
}
