package dev.sfnrun.query.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of the function table: a name, how many arguments it takes, and what it computes. */
record IntrinsicFunction(String name, int minArgs, int maxArgs, Body body) {
    /** The computation, given the evaluated arguments. */
    @FunctionalInterface
    interface Body {
        JsonNode apply(Args args);
    }

    static IntrinsicFunction of(String name, int args, Body body) {
        return new IntrinsicFunction(name, args, args, body);
    }

    boolean accepts(int count) {
        return count >= minArgs && count <= maxArgs;
    }
}
