package dev.sfnrun.error;

/** Passing on what another thread (or a step that must not stop the run) caught. */
public final class Rethrow {
    private Rethrow() {
    }

    /**
     * Throws {@code failure} as it is when it is unchecked (an {@link Error} or a
     * {@link RuntimeException}), else wrapped in an {@link IllegalStateException}; does nothing
     * when it is null.
     */
    public static void ifAny(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }
}
