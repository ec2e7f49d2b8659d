package dev.sfnrun.task.load;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFailure;
import dev.sfnrun.task.TaskFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;

/**
 * Runs an unchanged AWS Java Lambda handler ({@code com.amazonaws.services.lambda.runtime.RequestHandler}
 * or {@code RequestStreamHandler}) through reflection, so sfn-run needs no compile-time dependency on
 * aws-lambda-java-core: the interfaces come from the user's classpath. The input is converted to the
 * handler's declared type with Jackson, the handler gets a {@code Context} stand-in, and exceptions are
 * named as the Java runtime names them.
 */
public final class LambdaHandlerFunction implements TaskFunction {
    static final String REQUEST_HANDLER = "com.amazonaws.services.lambda.runtime.RequestHandler";
    static final String STREAM_HANDLER = "com.amazonaws.services.lambda.runtime.RequestStreamHandler";
    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";

    /**
     * Set up as the Java runtime's serializer is: unknown input fields are ignored (a state's
     * input usually has more fields than the handler's type) and null fields are left out of
     * the output.
     */
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Class<?> handlerClass;
    private final Object handler;
    private final Method method;
    private final boolean stream;
    private final JavaType inputType;
    private final LambdaContextFactory contexts;

    private LambdaHandlerFunction(Class<?> handlerClass, Object handler, Method method, boolean stream,
                                  LambdaContextFactory contexts) {
        this.handlerClass = handlerClass;
        this.handler = handler;
        this.method = method;
        this.stream = stream;
        this.inputType = stream ? null : MAPPER.getTypeFactory().constructType(method.getGenericParameterTypes()[0]);
        this.contexts = contexts;
    }

    /** True when the class implements one of AWS's handler interfaces (as loaded by its own class loader). */
    public static boolean isHandler(Class<?> type) {
        return implementsNamed(type, REQUEST_HANDLER) || implementsNamed(type, STREAM_HANDLER);
    }

    /** An adapter for a handler class; {@code functionName} names it in the Context stand-in. */
    public static LambdaHandlerFunction of(Class<?> type, String functionName, String region, String account) {
        if (!isHandler(type)) {
            throw new TaskLoadException(type.getName() + " implements neither " + REQUEST_HANDLER + " nor " + STREAM_HANDLER);
        }
        boolean stream = implementsNamed(type, STREAM_HANDLER);
        Class<?> context;
        try {
            context = Class.forName(CONTEXT, false, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new TaskLoadException(type.getName() + ": " + CONTEXT + " is not on the classpath", e);
        }
        Method method = handleRequest(type, stream, context);
        Object instance;
        try {
            instance = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new TaskLoadException(type.getName() + ": cannot create the handler (a public no-argument "
                    + "constructor is needed): " + rootMessage(e), e);
        }
        return new LambdaHandlerFunction(type, instance, method, stream,
                new LambdaContextFactory(context, functionName, region, account));
    }

    public Class<?> handlerClass() {
        return handlerClass;
    }

    @Override
    public JsonNode invoke(JsonNode input, TaskContext context) throws Exception {
        Object lambdaContext = contexts.create(context);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(handlerClass.getClassLoader());
        try {
            if (stream) {
                InputStream in = new ByteArrayInputStream(Json.compact(input).getBytes(StandardCharsets.UTF_8));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                call(in, out, lambdaContext);
                String text = out.toString(StandardCharsets.UTF_8).trim();
                return text.isEmpty() ? NullNode.getInstance() : Json.parse(text);
            }
            Object argument;
            try {
                argument = MAPPER.convertValue(input, inputType);
            } catch (IllegalArgumentException e) {
                // the input does not fit the handler's type: named, as the runtime's, by Jackson's exception
                throw LambdaErrors.javaRuntimeFailure(e.getCause() != null ? e.getCause() : e);
            }
            Object result = call(argument, lambdaContext);
            return result == null ? NullNode.getInstance() : toJson(result);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** The handler's result as JSON; one that cannot be (a cycle, a type Jackson refuses) fails the task clearly. */
    private static JsonNode toJson(Object result) throws TaskFailure {
        String problem;
        try {
            JsonNode tree = MAPPER.valueToTree(result);
            problem = tree == null ? null : Json.unrepresentable(tree); // NaN, Infinity, a lone surrogate
            if (problem == null) {
                return tree;
            }
        } catch (StackOverflowError e) {
            problem = "it refers to itself (a cycle) or is nested too deeply";
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage());
            problem = message.contains("cycle") ? "it refers to itself (a cycle)" : message.lines().findFirst().orElse(message);
        }
        throw LambdaErrors.javaRuntimeFailure(new IllegalArgumentException(
                "the handler's result (" + result.getClass().getName() + ") cannot be serialized to JSON: " + problem));
    }

    private Object call(Object... arguments) throws Exception {
        try {
            return method.invoke(handler, arguments);
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof Error error) {
                throw error;
            }
            throw LambdaErrors.javaRuntimeFailure(thrown);
        }
    }

    /** The handler's own handleRequest (not the erased bridge), whose first parameter type is the input type. */
    private static Method handleRequest(Class<?> type, boolean stream, Class<?> context) {
        Method found = null;
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                Class<?>[] params = m.getParameterTypes();
                boolean shape = m.getName().equals("handleRequest") && !m.isBridge() && !m.isSynthetic()
                        && !Modifier.isStatic(m.getModifiers())
                        && (stream ? params.length == 3 && params[0] == InputStream.class && params[1] == OutputStream.class
                        && params[2] == context : params.length == 2 && params[1] == context);
                if (shape && found == null) {
                    found = m;
                }
            }
        }
        if (found == null) {
            throw new TaskLoadException(type.getName() + ": no handleRequest method found");
        }
        found.setAccessible(true);
        return found;
    }

    private static boolean implementsNamed(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals(name) || implementsNamed(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
