package dev.sfnrun.task.load;

import dev.sfnrun.task.TaskContext;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

/**
 * Makes stand-ins for AWS's {@code com.amazonaws.services.lambda.runtime.Context} (and its
 * {@code LambdaLogger}) with {@link Proxy}, answering from the task's context. The logger writes to
 * standard error, where Lambda's logs would go to CloudWatch; identity and client context are null.
 */
final class LambdaContextFactory {
    private static final int MEMORY_MB = 512;

    private final Class<?> contextType;
    private final Class<?> loggerType;
    private final String functionName;
    private final String region;
    private final String account;

    LambdaContextFactory(Class<?> contextType, String functionName, String region, String account) {
        this.contextType = contextType;
        this.loggerType = loggerType(contextType);
        this.functionName = functionName;
        this.region = region;
        this.account = account;
    }

    Object create(TaskContext task) {
        Object logger = loggerType == null ? null : Proxy.newProxyInstance(loggerType.getClassLoader(),
                new Class<?>[] {loggerType}, (proxy, method, args) -> log(proxy, method, args));
        InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
            case "getAwsRequestId" -> task.requestId();
            case "getLogGroupName" -> "/aws/lambda/" + functionName;
            case "getLogStreamName" -> "sfn-run/" + task.executionName();
            case "getFunctionName" -> functionName;
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName;
            case "getRemainingTimeInMillis" -> (int) Math.min(Integer.MAX_VALUE, Math.max(0, task.remainingTime().toMillis()));
            case "getMemoryLimitInMB" -> MEMORY_MB;
            case "getLogger" -> logger;
            case "toString" -> "Context(" + functionName + ", " + task.requestId() + ")";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> defaultValue(method.getReturnType());
        };
        return Proxy.newProxyInstance(contextType.getClassLoader(), new Class<?>[] {contextType}, handler);
    }

    private static Object log(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "log" -> {
                Object message = args == null || args.length == 0 ? "" : args[0];
                System.err.print(message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(message));
                System.err.flush();
                return null;
            }
            case "toString" -> {
                return "LambdaLogger";
            }
            case "hashCode" -> {
                return System.identityHashCode(proxy);
            }
            case "equals" -> {
                return proxy == args[0];
            }
            default -> {
                return defaultValue(method.getReturnType());
            }
        }
    }

    private static Class<?> loggerType(Class<?> contextType) {
        try {
            return contextType.getMethod("getLogger").getReturnType();
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class) {
            return type == long.class ? 0L : type == int.class ? 0 : type == short.class ? (short) 0 : (byte) 0;
        }
        if (type == double.class || type == float.class) {
            return type == double.class ? 0.0 : 0.0f;
        }
        return null;
    }
}
