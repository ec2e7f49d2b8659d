package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One operation of the API: a checked request in, the output members out (or an {@link ApiException}). */
@FunctionalInterface
public interface Operation {
    ObjectNode call(ApiRequest request);
}
