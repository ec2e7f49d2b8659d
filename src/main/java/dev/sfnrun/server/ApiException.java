package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;

/**
 * An error answer of the API: AWS's error shape ({@code __type}, {@code message}, and any extra
 * members such as ValidationException's {@code reason}), sent with HTTP 400 as every recorded
 * Step Functions error was.
 */
public final class ApiException extends RuntimeException {
    private static final String SERVICE = "com.amazonaws.swf.service.v2.model#";

    private final String type;
    private final int status;
    private final ObjectNode extra = Json.object();

    /** An error of Step Functions' own model, such as {@code ExecutionDoesNotExist}. */
    public ApiException(String code, String message) {
        this(SERVICE + code, message, 400);
    }

    /**
     * An error by the code clients read: ValidationException is the protocol's
     * ({@code com.amazon.coral.validate#}), any other Step Functions' own.
     */
    public static ApiException named(String code, String message) {
        return code.equals("ValidationException") ? new ApiException("com.amazon.coral.validate#" + code, message, 400)
                : new ApiException(code, message);
    }

    /** An error with a full shape id (the protocol's own: {@code com.amazon.coral.service#...}). */
    ApiException(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
    }

    ApiException with(String member, String value) {
        extra.put(member, value);
        return this;
    }

    /** The code clients read: the shape name after the '#'. */
    public String code() {
        return type.substring(type.indexOf('#') + 1);
    }

    int status() {
        return status;
    }

    ObjectNode body() {
        ObjectNode body = Json.object();
        body.put("__type", type);
        body.put("message", getMessage());
        body.setAll(extra);
        return body;
    }
}
