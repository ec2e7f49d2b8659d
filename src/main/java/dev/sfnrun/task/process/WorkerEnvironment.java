package dev.sfnrun.task.process;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The environment variables a worker gets, as Lambda sets them for a function
 * ({@code AWS_LAMBDA_FUNCTION_NAME}, {@code AWS_REGION}, {@code AWS_LAMBDA_LOG_GROUP_NAME}, ...),
 * over the variables sfn-run itself runs with (so PATH, HOME and AWS credentials reach the
 * handler), then the function's own variables, then {@code --env}.
 */
final class WorkerEnvironment {
    /** Lambda's default memory size. */
    static final String MEMORY_MB = "128";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WorkerEnvironment() {
    }

    static Map<String, String> of(String name, HandlerSpec spec, HandlerSettings settings, String region) {
        Path directory = spec.root();
        String module = spec.module();
        byte[] stream = new byte[16];
        RANDOM.nextBytes(stream);
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", MEMORY_MB);
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + name);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd"))
                + "/[$LATEST]" + HexFormat.of().formatHex(stream));
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        if (spec.runtime() != null) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + spec.runtime());
        }
        env.put("LAMBDA_TASK_ROOT", directory.toString());
        env.put("LAMBDA_RUNTIME_DIR", Bootstraps.root().toString());
        env.put("_HANDLER", module + "." + spec.function());
        env.put("TZ", ":UTC");
        if (spec.language() == HandlerSpec.Language.NODE) {
            String inherited = System.getenv("NODE_PATH");
            env.put("NODE_PATH", directory + (inherited == null || inherited.isEmpty() ? "" : ":" + inherited));
        } else {
            env.put("PYTHONUNBUFFERED", "1");
            // no __pycache__ written into the user's code directory (Lambda's is read-only, so none is written there either)
            env.put("PYTHONDONTWRITEBYTECODE", "1");
        }
        env.putAll(spec.environment());
        env.putAll(settings.environment());
        return env;
    }
}
