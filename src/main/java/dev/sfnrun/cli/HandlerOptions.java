package dev.sfnrun.cli;

import dev.sfnrun.task.process.HandlerSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options of Python and Node.js handlers ({@code --task NAME=python:FILE:FUNCTION}): the
 * interpreters, workers per function, extra environment variables and the function timeout.
 */
final class HandlerOptions {
    private HandlerOptions() {
    }

    static void addTo(CommandSpec spec) {
        spec.addOption(Specs.option("--python", "PATH", String.class, "python3",
                "The Python interpreter of python: handlers. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--node", "PATH", String.class, "node",
                "The Node.js interpreter of node: handlers. Default: ${DEFAULT-VALUE}."));
        spec.addOption(Specs.option("--max-workers", "N", Integer.class, null,
                "Warm worker processes per handler function at most (concurrent calls of Map and Parallel). "
                        + "Default: the number of cores."));
        spec.addOption(Specs.repeatable("--env", "NAME=VALUE",
                "An environment variable for every handler, over Lambda's own and the function's (repeatable)."));
        spec.addOption(Specs.option("--function-timeout", "SECONDS", Double.class, null,
                "The handlers' function timeout (Sandbox.Timedout after it), over each function's own. "
                        + "Default: the function's Timeout, else 3 as on Lambda."));
    }

    static HandlerSettings read(CommandSpec spec) {
        String python = Specs.value(spec, "--python");
        String node = Specs.value(spec, "--node");
        Integer maxWorkers = Specs.value(spec, "--max-workers");
        if (maxWorkers != null && maxWorkers < 1) {
            throw new UsageError("--max-workers must be at least 1, not " + maxWorkers);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> variables = Specs.value(spec, "--env");
        for (String variable : variables == null ? List.<String>of() : variables) {
            int equals = variable.indexOf('=');
            if (equals <= 0) {
                throw new UsageError("--env " + variable + ": expected NAME=VALUE");
            }
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        }
        Double seconds = Specs.value(spec, "--function-timeout");
        if (seconds != null && !(seconds > 0 && seconds <= 900)) {
            throw new UsageError("--function-timeout must be more than 0 and at most 900 seconds (Lambda's limit), not "
                    + seconds);
        }
        Duration timeout = seconds == null ? null : Duration.ofNanos(Math.round(seconds * 1e9));
        return new HandlerSettings(python, node,
                maxWorkers != null ? maxWorkers : Runtime.getRuntime().availableProcessors(), environment, timeout);
    }
}
