package dev.sfnrun.task.load;

import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.builtin.MockApiFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Task functions by name, and mocked responses by state name. Binding two functions to one name
 * is an error, never a silent overwrite.
 */
public final class TaskRegistry {
    private final Map<String, TaskFunction> functions = new LinkedHashMap<>();
    private final Map<String, MockedResponse> mocks = new LinkedHashMap<>();

    /** A registry holding the built-in functions. */
    public static TaskRegistry withBuiltins() {
        TaskRegistry registry = new TaskRegistry();
        registry.bind(MockApiFunction.NAME, new MockApiFunction());
        return registry;
    }

    /**
     * Binds a function to a name: a Lambda function name, an integration's {@code service:action}
     * ({@code dynamodb:putItem}), an activity name, or a full resource ARN.
     *
     * @throws IllegalArgumentException when the name is already bound
     */
    public TaskRegistry bind(String name, TaskFunction function) {
        if (functions.putIfAbsent(name, function) != null) {
            throw new IllegalArgumentException("Two task functions are bound to the name '" + name + "': "
                    + describe(functions.get(name)) + " and " + describe(function));
        }
        return this;
    }

    /** Answers the Task state of this name with mocked responses instead of calling its resource. */
    public TaskRegistry mock(String stateName, MockedResponse response) {
        mocks.put(stateName, response);
        return this;
    }

    public TaskFunction find(String name) {
        return functions.get(name);
    }

    /** The function serving a resource: bound to the ARN as written, else to its binding name. */
    public TaskFunction find(ResourceResolver.Resolved resource) {
        TaskFunction byArn = functions.get(resource.arn());
        return byArn != null ? byArn : functions.get(resource.bindingName());
    }

    public MockedResponse mockFor(String stateName) {
        return mocks.get(stateName);
    }

    public Set<String> names() {
        return functions.keySet();
    }

    private static String describe(TaskFunction function) {
        return function instanceof LambdaHandlerFunction handler ? handler.handlerClass().getName()
                : function.getClass().getName();
    }
}
