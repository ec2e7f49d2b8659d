package dev.sfnrun.task.load;

import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.builtin.MockApiFunction;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Task functions by name. Binding two functions to one name is an error, never a silent overwrite. */
public final class TaskRegistry {
    private final Map<String, TaskFunction> functions = new LinkedHashMap<>();

    /** A registry holding the built-in functions. */
    public static TaskRegistry withBuiltins() {
        TaskRegistry registry = new TaskRegistry();
        registry.bind(MockApiFunction.NAME, new MockApiFunction());
        return registry;
    }

    public TaskRegistry bind(String name, TaskFunction function) {
        if (functions.putIfAbsent(name, function) != null) {
            throw new IllegalArgumentException("Two task functions are bound to the name '" + name + "'");
        }
        return this;
    }

    public TaskFunction find(String name) {
        return functions.get(name);
    }

    public Set<String> names() {
        return functions.keySet();
    }
}
