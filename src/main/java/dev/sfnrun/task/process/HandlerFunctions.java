package dev.sfnrun.task.process;

import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.TaskLoadException;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** What front ends do with the handler functions of a registry as a whole. */
public final class HandlerFunctions {
    private HandlerFunctions() {
    }

    /** The distinct handler functions bound in {@code registry}. */
    public static List<HandlerFunction> of(TaskRegistry registry) {
        Set<HandlerFunction> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<HandlerFunction> found = new ArrayList<>();
        for (String name : new java.util.TreeSet<>(registry.names())) {
            TaskFunction function = registry.find(name);
            if (function instanceof HandlerFunction handler && seen.add(handler)) {
                found.add(handler);
            }
        }
        return found;
    }

    /**
     * Loads every handler of the registry (one warm worker each, started together), so that a run
     * is refused before it starts when one cannot load.
     *
     * @throws TaskLoadException for the first handler (by name) that cannot load
     */
    public static void prepare(TaskRegistry registry) {
        List<HandlerFunction> handlers = of(registry);
        if (handlers.size() == 1) {
            handlers.get(0).prepare();
            return;
        }
        List<CompletableFuture<Void>> started = handlers.stream()
                .map(handler -> CompletableFuture.runAsync(handler::prepare)).toList();
        for (CompletableFuture<Void> future : started) {
            try {
                future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof TaskLoadException load) {
                    throw load;
                }
                throw e;
            }
        }
    }
}
