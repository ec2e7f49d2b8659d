package dev.sfnrun.suite;

import java.util.List;

/** One or more {@link SuiteError}s: nothing runs. */
public final class SuiteException extends RuntimeException {
    private final List<SuiteError> errors;

    public SuiteException(List<SuiteError> errors) {
        super(errors.isEmpty() ? "suite error" : errors.get(0).text(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public SuiteException(SuiteError error) {
        this(List.of(error));
    }

    public List<SuiteError> errors() {
        return errors;
    }
}
