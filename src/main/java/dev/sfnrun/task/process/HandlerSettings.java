package dev.sfnrun.task.process;

import java.time.Duration;
import java.util.Map;

/**
 * How a run's Python and Node.js handlers are run: the interpreters, how many warm workers a
 * function may have at once, the environment variables every handler gets, and a timeout that
 * replaces each function's own.
 *
 * @param python      the Python interpreter ({@code --python}; default {@code python3})
 * @param node        the Node.js interpreter ({@code --node}; default {@code node})
 * @param maxWorkers  workers per function at most ({@code --max-workers}; default: the number of cores)
 * @param environment variables for every handler ({@code --env NAME=VALUE}); they win over a function's own
 * @param timeout     the function timeout for every handler ({@code --function-timeout}), or null: each
 *                    function's own ({@link HandlerSpec#timeout()}), else Lambda's default of 3 seconds
 */
public record HandlerSettings(String python, String node, int maxWorkers, Map<String, String> environment,
                              Duration timeout) {
    /** Lambda's default function timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public HandlerSettings {
        environment = Map.copyOf(environment);
        if (maxWorkers < 1) {
            throw new IllegalArgumentException("maxWorkers must be at least 1");
        }
    }

    /** {@code python3}, {@code node}, one worker per core, no extra variables, each function's own timeout. */
    public static HandlerSettings defaults() {
        return new HandlerSettings("python3", "node", Runtime.getRuntime().availableProcessors(), Map.of(), null);
    }

    /** The function timeout for {@code spec}. */
    Duration timeoutFor(HandlerSpec spec) {
        return timeout != null ? timeout : spec.timeout() != null ? spec.timeout() : DEFAULT_TIMEOUT;
    }

    /** The interpreter for {@code language}. */
    String interpreter(HandlerSpec.Language language) {
        return language == HandlerSpec.Language.PYTHON ? python : node;
    }
}
