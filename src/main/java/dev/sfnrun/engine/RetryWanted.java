package dev.sfnrun.engine;

import dev.sfnrun.error.StatesError;

/** Thrown in a single-state run when a retrier would retry: the run ends there, RETRIABLE. */
final class RetryWanted extends RuntimeException {
    final StatesError error;

    RetryWanted(StatesError error) {
        super(null, null, false, false);
        this.error = error;
    }
}
