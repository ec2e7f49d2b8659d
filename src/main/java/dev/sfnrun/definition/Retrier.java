package dev.sfnrun.definition;

import java.util.List;

/** One entry of a state's Retry field, with AWS's defaults filled in. */
public record Retrier(List<String> errorEquals, double intervalSeconds, int maxAttempts, double backoffRate,
                      Double maxDelaySeconds, JitterStrategy jitterStrategy) {
    public static final double DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public enum JitterStrategy { FULL, NONE }

    /**
     * The delay before retry number {@code retry} (1, 2, ...) by this retrier, in seconds, before
     * jitter: IntervalSeconds × BackoffRate^(retry−1), capped by MaxDelaySeconds.
     */
    public double delaySeconds(int retry) {
        double delay = intervalSeconds * Math.pow(backoffRate, retry - 1);
        return maxDelaySeconds == null ? delay : Math.min(delay, maxDelaySeconds);
    }
}
