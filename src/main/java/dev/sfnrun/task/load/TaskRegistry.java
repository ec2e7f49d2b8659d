package dev.sfnrun.task.load;

import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.builtin.MockApiFunction;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Task functions by name, and mocked responses by Task state name: what a run's resources are
 * bound to. Binding two functions to one name is an error, never a silent overwrite; only a
 * built-in function may be replaced by the user's own of the same name.
 *
 * <p>Names: a Lambda function name ({@code Greet}, or {@code Greet:prod} for one version or alias),
 * an integration's {@code service:action} ({@code dynamodb:putItem}, {@code aws-sdk:s3:getObject}),
 * an activity name, or a full resource ARN as written in the definition.
 *
 * <p>A registry may own resources (worker processes of Python and Node.js handlers): every front end
 * closes the registries it makes, and closing one closes each bound function that is
 * {@link AutoCloseable}, once, even when it is bound under several names.
 */
public final class TaskRegistry implements AutoCloseable {
    private final Map<String, TaskFunction> functions = new LinkedHashMap<>();
    private final Set<String> builtins = new HashSet<>();
    private final Map<String, MockedResponse> mocks = new LinkedHashMap<>();

    /** A registry holding the built-in functions. */
    public static TaskRegistry withBuiltins() {
        TaskRegistry registry = new TaskRegistry();
        registry.bind(MockApiFunction.NAME, new MockApiFunction());
        registry.builtins.add(MockApiFunction.NAME);
        return registry;
    }

    /**
     * Binds a function to a name.
     *
     * @throws TaskLoadException when the name is already bound (other than to a built-in)
     */
    public synchronized TaskRegistry bind(String name, TaskFunction function) {
        if (name == null || name.isBlank()) {
            throw new TaskLoadException("A task function needs a name to be bound to");
        }
        TaskFunction existing = functions.get(name);
        if (existing != null && !builtins.remove(name)) {
            throw new TaskLoadException("Two task functions are bound to the name '" + name + "': "
                    + describe(existing) + " and " + describe(function));
        }
        functions.put(name, function);
        return this;
    }

    /** Answers the Task state of this name with mocked responses instead of calling its resource. */
    public synchronized TaskRegistry mock(String stateName, MockedResponse response) {
        mocks.put(stateName, response);
        return this;
    }

    public synchronized TaskFunction find(String name) {
        return functions.get(name);
    }

    public synchronized MockedResponse mockFor(String stateName) {
        return mocks.get(stateName);
    }

    public synchronized Set<String> names() {
        return Set.copyOf(functions.keySet());
    }

    /** Closes every bound function that holds resources; the first failure is rethrown after all are closed. */
    @Override
    public void close() {
        Set<AutoCloseable> closeables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        synchronized (this) {
            for (TaskFunction function : functions.values()) {
                if (function instanceof AutoCloseable closeable) {
                    closeables.add(closeable);
                }
            }
        }
        RuntimeException failure = null;
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new TaskLoadException("Could not release a task function: " + e.getMessage());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String describe(TaskFunction function) {
        return function instanceof LambdaHandlerFunction handler ? handler.handlerClass().getName()
                : function.getClass().getName();
    }
}
