package dev.sfnrun.query;

/** A path, template, intrinsic call or expression that cannot be compiled. Raised at load time. */
public final class QuerySyntaxException extends RuntimeException {
    public QuerySyntaxException(String message) {
        super(message, null, false, false);
    }
}
