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
 * @param root        the function's code root, Lambda's task root ({@code /var/task}): a template's
 *                    {@code CodeUri}, the file's own directory for {@code --task}; the working directory,
 *                    {@code LAMBDA_TASK_ROOT}, on {@code sys.path} / {@code NODE_PATH}, and a Python
 *                    handler's module is named from it ({@code app/handlers/orders.py}: {@code app.handlers.orders})
 */
public record HandlerSpec(Language language, Path file, String function, Map<String, String> environment,
                          Duration timeout, String runtime, String origin, Path root) {
    public enum Language { PYTHON, NODE }

    public HandlerSpec {
        environment = Map.copyOf(environment);
        root = root == null ? file.toAbsolutePath().getParent() : root.toAbsolutePath();
    }

    /** A handler whose code root is its file's directory. */
    public HandlerSpec(Language language, Path file, String function, Map<String, String> environment,
                       Duration timeout, String runtime, String origin) {
        this(language, file, function, environment, timeout, runtime, origin, null);
    }

    /** The handler's module as Lambda names it from the task root: {@code app.handlers.orders}, {@code src/index}. */
    public String module() {
        Path relative = root.relativize(file.toAbsolutePath());
        String path = relative.toString().replace('\\', '/');
        int dot = path.lastIndexOf('.');
        String module = dot > path.lastIndexOf('/') + 1 ? path.substring(0, dot) : path;
        return language == Language.PYTHON ? module.replace('/', '.') : module;
    }
}
