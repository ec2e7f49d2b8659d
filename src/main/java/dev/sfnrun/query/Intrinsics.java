package dev.sfnrun.query;

import dev.sfnrun.query.intrinsic.IntrinsicParser;

/** Intrinsic function calls ({@code States.Format(...)} and the rest). */
public final class Intrinsics {
    private Intrinsics() {
    }

    /** Compiles a call such as {@code States.Format('{}', $.a)}; a malformed call is a {@link QuerySyntaxException}. */
    public static ValueExpr compile(String text) {
        return compile(text, text);
    }

    /**
     * Compiles a call used by the definition field {@code field} (e.g. {@code "greeting.$"} or
     * {@code "CausePath"}), which failure messages name when a path argument matches nothing.
     */
    public static ValueExpr compile(String text, String field) {
        return IntrinsicParser.parse(text, field);
    }
}
