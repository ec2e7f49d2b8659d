package dev.sfnrun.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations by name ({@code X-Amz-Target: AWSStepFunctions.<name>}). Adding an operation is
 * one {@link #add} line (also while the server runs); a name not added is AWS's UnknownOperationException.
 */
public final class Router {
    private final Map<String, Operation> operations = new ConcurrentHashMap<>();

    public Router add(String name, Operation operation) {
        operations.put(name, operation);
        return this;
    }

    /** @throws ApiException UnknownOperationException for a name with no operation */
    Operation find(String name) {
        Operation operation = name == null ? null : operations.get(name);
        if (operation == null) {
            throw ApiErrors.unknownOperation();
        }
        return operation;
    }

    public java.util.Set<String> names() {
        return java.util.Set.copyOf(operations.keySet());
    }
}
