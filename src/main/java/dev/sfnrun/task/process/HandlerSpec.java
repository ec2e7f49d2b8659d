package dev.sfnrun.task.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Lambda handler written in Python or Node.js, as a binding names it: from the command line
 * ({@code --task NAME=python:FILE:FUNCTION}) or from a SAM / CloudFormation template's function.
 *
 * @param language    the runtime family
 * @param file        the source file ({@code app.py}, {@code index.mjs}, ...)
 * @param function    the handler: a Python function or a Node.js export
 * @param environment the function's own environment variables (the template's {@code Environment.Variables}, {@code --env})
 * @param timeout     the function's timeout (the template's {@code Timeout}); null for the default
 * @param runtime     the runtime the template names ({@code python3.12}, {@code nodejs20.x}), or null
 * @param origin      where the binding was made, for messages ({@code --task MockAPIFunction},
 *                    {@code template.yaml Resources.MockAPIFunction})
 */
public record HandlerSpec(Language language, Path file, String function, Map<String, String> environment,
                          Duration timeout, String runtime, String origin) {
    public enum Language { PYTHON, NODE }

    public HandlerSpec {
        environment = Map.copyOf(environment);
    }
}
