package dev.sfnrun.query;

/**
 * A definite path that matched nothing. The message is Jayway JsonPath's (which AWS quotes), e.g.
 * {@code No results for path: $['x']} or {@code Missing property in path $['no']}; callers turn it
 * into the States error and cause text of the field that used the path.
 */
public final class PathNotFoundException extends RuntimeException {
    private final String path;

    public PathNotFoundException(String path, String message) {
        super(message, null, false, false);
        this.path = path;
    }

    /** The path as written in the definition. */
    public String path() {
        return path;
    }
}
