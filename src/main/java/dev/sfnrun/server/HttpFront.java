package dev.sfnrun.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.sfnrun.query.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS JSON 1.0 over the JDK's HTTP server: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>} and a JSON object body, checked against the service model, handed
 * to the operation; every answer is JSON of {@code application/x-amz-json-1.0}, every failure
 * AWS's error shape, never a stack trace.
 */
final class HttpFront implements HttpHandler {
    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** The largest body read: a 1 MiB definition with every character escaped fits. */
    static final int MAX_BODY = 8 * 1024 * 1024;
    /** At most this much of an oversized body is read (and dropped) before it is refused. */
    static final long MAX_DRAINED = 4L * MAX_BODY;
    private static final Pattern REGION = Pattern.compile("Credential=[^/,]*/[0-9]{8}/([a-z0-9-]{1,40})/");

    private final Router router;
    private final String defaultRegion;
    private final String account;
    private final PrintStream log;
    /** Operations that may hold their thread for long, and the places among them (below the thread count). */
    private static final java.util.Set<String> HOLDING = java.util.Set.of("GetActivityTask", "StartSyncExecution");
    private final java.util.concurrent.Semaphore held;
    private final long holdWaitNanos;

    HttpFront(Router router, String defaultRegion, String account, PrintStream log, ServerLimits limits) {
        this.held = new java.util.concurrent.Semaphore(limits.heldRequests());
        this.holdWaitNanos = limits.holdWait().toNanos();
        this.router = router;
        this.defaultRegion = defaultRegion;
        this.account = account;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        int status = 200;
        ObjectNode body;
        try {
            body = dispatch(exchange);
        } catch (ClientGone e) { // it cannot hear an answer; nothing went wrong here
            exchange.close();
            return;
        } catch (ApiException e) {
            status = e.status();
            body = e.body();
        } catch (JournalStore.JournalException e) { // a full disk, say: nothing was changed, the client may retry
            status = 500;
            body = new ApiException("com.amazon.coral.service#InternalFailure", e.getMessage(), 500).body();
            log.println("sfn-run serve: " + dev.sfnrun.io.Neutral.text(e.getMessage()));
        } catch (Throwable t) { // a fault of ours: the client hears it briefly, the server goes on
            status = 500;
            body = new ApiException("com.amazon.coral.service#InternalFailure", "Internal error: " + t, 500).body();
            log.println("sfn-run serve: internal error: " + dev.sfnrun.io.Neutral.text(String.valueOf(t))); // names data
        }
        byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
        try {
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            exchange.close();
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            throw ApiErrors.unknownOperation();
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String name = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : null;
        Operation operation = router.find(name);
        ObjectNode request = parse(read(exchange));
        if (ApiModel.get().has(name)) {
            ApiModel.get().check(name, request);
        }
        ApiRequest call = new ApiRequest(name, request, region(exchange), account);
        if (!HOLDING.contains(name)) {
            return operation.call(call);
        }
        boolean placed;
        try {
            placed = held.tryAcquire(holdWaitNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            placed = false;
        }
        if (!placed) {
            if (name.equals("GetActivityTask")) { // as a long poll that found no task: the worker polls again
                return Json.object();
            }
            throw ApiErrors.throttling();
        }
        try {
            return operation.call(call);
        } finally {
            held.release();
        }
    }

    private String region(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            Matcher matcher = REGION.matcher(authorization);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return defaultRegion;
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        long declared = -1;
        if (length != null) {
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiErrors.serialization("Invalid Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            if (declared > MAX_BODY) {
                refuseTooLarge(in);
            }
            byte[] bytes;
            try {
                bytes = in.readNBytes(MAX_BODY + 1);
            } catch (IOException e) { // a body framed wrongly (a bad chunk) is the client's fault
                throw ApiErrors.serialization("The request body could not be read: " + e.getMessage());
            }
            if (bytes.length > MAX_BODY) {
                refuseTooLarge(in);
            }
            return bytes;
        }
    }

    /**
     * Refuses an oversized body. Up to {@link #MAX_DRAINED} bytes of it are read and dropped first, so that a
     * client still sending sees the 413 answer rather than a reset connection; a larger body is cut off.
     */
    private static void refuseTooLarge(InputStream in) throws IOException {
        long left = MAX_DRAINED;
        byte[] sink = new byte[64 * 1024];
        int n;
        try {
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException e) { // "connection closed before all data received"
            throw new ClientGone(e);
        }
        throw tooLarge();
    }

    /** The client went away while its request arrived. */
    private static final class ClientGone extends IOException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }

    private static ApiException tooLarge() {
        return new ApiException("com.amazon.coral.service#RequestEntityTooLargeException",
                "Request body is larger than " + MAX_BODY + " bytes", 413);
    }

    private static ObjectNode parse(byte[] bytes) {
        if (bytes.length == 0) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException | RuntimeException e) {
            throw ApiErrors.serialization("The request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiErrors.serialization("The request body must be a JSON object");
        }
        return object;
    }
}
