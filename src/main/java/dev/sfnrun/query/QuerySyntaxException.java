package dev.sfnrun.query;

/** A path, template, intrinsic call or expression that cannot be compiled. Raised at load time. */
public final class QuerySyntaxException extends RuntimeException {
    private final boolean unreadable;

    public QuerySyntaxException(String message) {
        this(message, false);
    }

    /**
     * {@code unreadable}: text AWS does not read as a call at all (an illegal escape in a string), which
     * it reports as the field being neither a JSONPath nor an intrinsic call.
     */
    public QuerySyntaxException(String message, boolean unreadable) {
        super(message, null, false, false);
        this.unreadable = unreadable;
    }

    public boolean unreadable() {
        return unreadable;
    }
}
