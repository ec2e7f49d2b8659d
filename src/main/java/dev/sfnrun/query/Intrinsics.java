package dev.sfnrun.query;

/** Intrinsic function calls ({@code States.Format(...)} and the rest). */
public final class Intrinsics {
    private Intrinsics() {
    }

    /** Compiles a call such as {@code States.Format('{}', $.a)}; a malformed call is a {@link QuerySyntaxException}. */
    public static ValueExpr compile(String text) {
        throw new QuerySyntaxException("Intrinsic functions are not implemented yet: " + text);
    }
}
