package dev.sfnrun.definition;

import dev.sfnrun.query.ValueExpr;

/**
 * The fields every state type shares. {@code assign} and {@code output} are null when absent;
 * {@code output} is the JSONata Output field.
 */
public record StateCommon(String name, String comment, QueryLanguage queryLanguage, Transition transition,
                          DataFlow dataFlow, Assignment assign, ValueExpr output) {
}
