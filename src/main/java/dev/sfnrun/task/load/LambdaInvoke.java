package dev.sfnrun.task.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The optimized Lambda integration {@code arn:aws:states:::lambda:invoke}: reads the Invoke request
 * (the state's effective parameters) and builds the result AWS returns ({@code ExecutedVersion},
 * {@code Payload}, {@code SdkHttpMetadata}, {@code SdkResponseMetadata}, {@code StatusCode}).
 */
public final class LambdaInvoke {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);

    private LambdaInvoke() {
    }

    /**
     * The Invoke request's fields that matter locally: {@code async} for an {@code InvocationType} that
     * answers without the function's result ({@code Event}: 202, the function run on its own;
     * {@code DryRun}: 204, the function not run).
     */
    public record Request(String functionName, String qualifier, JsonNode payload, boolean tailLog, boolean async,
                          boolean dryRun) {
    }

    /**
     * Reads the request. A missing or null {@code Payload} gives the function {@code {}} (Lambda's
     * empty event); a string {@code Payload} is sent as raw bytes, so it reaches the function as the
     * JSON it spells ({@code "0"} arrives as the number 0).
     */
    public static Request request(JsonNode parameters) {
        JsonNode name = parameters == null ? null : parameters.get("FunctionName");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            throw StatesError.runtime("The Parameters '" + (parameters == null ? "null"
                    : Json.compact(parameters)) + "' could not be used to start the Task: [The field 'FunctionName' is required]");
        }
        String qualifier = parameters.path("Qualifier").isTextual() ? parameters.get("Qualifier").asText()
                : ResourceResolver.qualifier(name.asText());
        JsonNode payload = parameters.get("Payload");
        if (payload == null || payload.isNull()) {
            payload = Json.object();
        } else if (payload.isTextual()) {
            payload = rawPayload(payload.asText());
        }
        String type = parameters.path("InvocationType").asText();
        return new Request(ResourceResolver.functionName(name.asText()), qualifier, payload,
                "Tail".equals(parameters.path("LogType").asText()), type.equals("Event") || type.equals("DryRun"),
                type.equals("DryRun"));
    }

    private static JsonNode rawPayload(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new StatesError("Lambda.InvalidRequestContentException", "Could not parse request body into json: "
                    + "Could not parse payload into json: Unrecognized token '" + text + "' (Service: AWSLambda; "
                    + "Status Code: 400; Error Code: InvalidRequestContentException; Request ID: " + UUID.randomUUID()
                    + "; Proxy: null)");
        }
    }

    /** How much of the end of a call's log {@code LogType: Tail} returns. */
    static final int TAIL_BYTES = 4096;

    /** Lambda's answer when no function of that name exists. */
    public static StatesError notFound(String functionName, String qualifier, String region, String account) {
        String arn = "arn:aws:lambda:" + region + ":" + account + ":function:" + functionName + ":"
                + (qualifier == null ? "$LATEST" : qualifier);
        return new StatesError("Lambda.ResourceNotFoundException", "Function not found: " + arn
                + " (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
                + UUID.randomUUID() + "; Proxy: null)");
    }

    /**
     * The version that ran: a version number given as the qualifier runs that version; an alias
     * names a version only AWS knows, so sfn-run, which runs the one function it has, says $LATEST.
     */
    static String executedVersion(Request request) {
        String qualifier = request.qualifier();
        return qualifier != null && qualifier.matches("\\d+") ? qualifier : "$LATEST";
    }

    /** The task result for a function that returned {@code payload}. */
    public static ObjectNode response(Request request, JsonNode payload, String requestId) {
        return response(request, payload, requestId, null);
    }

    /**
     * The task result for a function that returned {@code payload} having printed {@code logs} (a
     * Python or Node.js handler's output; null for none): with {@code LogType: Tail}, {@code LogResult}
     * is the base64 of the call's log as Lambda writes it (START, what the function printed, END,
     * REPORT), its last 4 KB.
     */
    public static ObjectNode response(Request request, JsonNode payload, String requestId, String logs) {
        ObjectNode result = Json.object();
        Map<String, String> headers = new LinkedHashMap<>();
        int status = request.dryRun() ? 204 : request.async() ? 202 : 200;
        String body = request.async() ? "" : Json.compact(payload);
        if (!request.async()) {
            result.put("ExecutedVersion", executedVersion(request));
        }
        String log = null;
        if (request.tailLog() && !request.async()) {
            String printed = logs == null || logs.isEmpty() ? "" : logs.endsWith("\n") ? logs : logs + "\n";
            byte[] bytes = ("START RequestId: " + requestId + " Version: $LATEST\n" + printed
                    + "END RequestId: " + requestId + "\n"
                    + "REPORT RequestId: " + requestId + "\n").getBytes(StandardCharsets.UTF_8);
            if (bytes.length > TAIL_BYTES) { // Lambda's tail: the last 4 KB
                bytes = Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES, bytes.length);
            }
            log = Base64.getEncoder().encodeToString(bytes);
            result.put("LogResult", log);
            headers.put("X-Amz-Log-Result", log);
        }
        if (request.async()) {
            result.put("Payload", "");
        } else {
            result.set("Payload", payload);
            headers.put("X-Amz-Executed-Version", "$LATEST");
        }
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("Connection", "keep-alive");
        headers.put("x-amzn-RequestId", requestId);
        headers.put("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        headers.put("Date", HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)));
        headers.put("X-Amzn-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 24) + ";Sampled=0");
        headers.put("Content-Type", "application/json");
        ObjectNode http = result.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        headers.forEach((key, value) -> {
            ArrayNode values = all.putArray(key);
            values.add(value);
        });
        ObjectNode single = http.putObject("HttpHeaders");
        headers.keySet().stream().sorted(String.CASE_INSENSITIVE_ORDER).forEach(key -> single.put(key, headers.get(key)));
        http.put("HttpStatusCode", status);
        result.putObject("SdkResponseMetadata").put("RequestId", requestId);
        result.put("StatusCode", status);
        return result;
    }
}
