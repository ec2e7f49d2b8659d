package dev.sfnrun.definition;

/** A definition that cannot be run, with the JSON pointer of the offending field. */
public final class DefinitionException extends RuntimeException {
    private final String pointer;

    public DefinitionException(String pointer, String message) {
        super(message, null, false, false);
        this.pointer = pointer;
    }

    /** Where the problem is, as a JSON pointer such as {@code /States/Call API/Retry/0}. */
    public String pointer() {
        return pointer;
    }
}
