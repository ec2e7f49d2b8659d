package dev.sfnrun.task.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.error.StatesError;
import dev.sfnrun.query.Json;
import org.junit.jupiter.api.Test;

class LambdaInvokeTest {
    private static JsonNode json(String text) throws Exception {
        return Json.parse(text);
    }

    @Test
    void theRequestNamesTheFunctionInAnyForm() throws Exception {
        var request = LambdaInvoke.request(json("{\"FunctionName\":\"arn:aws:lambda:us-east-1:1:function:Greet:prod\","
                + "\"Payload\":{\"a\":1}}"));
        assertEquals("Greet", request.functionName());
        assertEquals("prod", request.qualifier());
        assertEquals(json("{\"a\":1}"), request.payload());
        assertEquals("v3", LambdaInvoke.request(json("{\"FunctionName\":\"Greet\",\"Qualifier\":\"v3\"}")).qualifier());
    }

    @Test
    void payloadRules() throws Exception {
        assertEquals(json("{}"), LambdaInvoke.request(json("{\"FunctionName\":\"F\"}")).payload());
        assertEquals(json("{}"), LambdaInvoke.request(json("{\"FunctionName\":\"F\",\"Payload\":null}")).payload());
        assertEquals(json("[1,2]"), LambdaInvoke.request(json("{\"FunctionName\":\"F\",\"Payload\":\"[1,2]\"}")).payload());
        StatesError notJson = assertThrows(StatesError.class,
                () -> LambdaInvoke.request(json("{\"FunctionName\":\"F\",\"Payload\":\"Hello\"}")));
        assertEquals("Lambda.InvalidRequestContentException", notJson.error());
        StatesError noName = assertThrows(StatesError.class, () -> LambdaInvoke.request(json("{\"Payload\":{}}")));
        assertEquals("States.Runtime", noName.error());
    }

    @Test
    void theResponseHasAwsShape() throws Exception {
        var request = LambdaInvoke.request(json("{\"FunctionName\":\"F\"}"));
        JsonNode response = LambdaInvoke.response(request, json("{\"é\":1}"), "req-1");
        assertEquals(json("[\"ExecutedVersion\",\"Payload\",\"SdkHttpMetadata\",\"SdkResponseMetadata\",\"StatusCode\"]"),
                Json.mapper().valueToTree(iterable(response.fieldNames())));
        assertEquals("8", response.at("/SdkHttpMetadata/HttpHeaders/Content-Length").asText(), "bytes of {\"é\":1}");
        assertEquals("req-1", response.at("/SdkResponseMetadata/RequestId").asText());
        assertEquals("application/json", response.at("/SdkHttpMetadata/AllHttpHeaders/Content-Type/0").asText());
        assertTrue(response.at("/SdkHttpMetadata/HttpHeaders/Date").asText().endsWith(" GMT"));
        assertFalse(response.has("LogResult"));
        var async = LambdaInvoke.request(json("{\"FunctionName\":\"F\",\"InvocationType\":\"Event\"}"));
        JsonNode accepted = LambdaInvoke.response(async, json("{}"), "req-2");
        assertEquals(202, accepted.get("StatusCode").asInt());
        assertEquals("", accepted.get("Payload").asText());
    }

    @Test
    void aTailLogIsTheLast4KbOfTheCallsLog() throws Exception {
        var request = LambdaInvoke.request(json("{\"FunctionName\":\"F\",\"LogType\":\"Tail\"}"));
        String printed = "x".repeat(5000) + "\nlast line";
        String log = new String(java.util.Base64.getDecoder().decode(
                LambdaInvoke.response(request, json("1"), "r-1", printed).get("LogResult").asText()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(4096, log.length());
        assertTrue(log.endsWith("x\nlast line\nEND RequestId: r-1\nREPORT RequestId: r-1\n"), log);
    }

    @Test
    void theExecutedVersionIsTheVersionAskedFor() throws Exception {
        assertEquals("$LATEST", LambdaInvoke.response(LambdaInvoke.request(json("{\"FunctionName\":\"F\"}")),
                json("{}"), "r").get("ExecutedVersion").asText());
        assertEquals("7", LambdaInvoke.response(LambdaInvoke.request(json("{\"FunctionName\":\"F:7\"}")),
                json("{}"), "r").get("ExecutedVersion").asText());
        assertEquals("3", LambdaInvoke.response(LambdaInvoke.request(
                json("{\"FunctionName\":\"arn:aws:lambda:us-east-1:123456789012:function:F:3\"}")),
                json("{}"), "r").get("ExecutedVersion").asText());
        assertEquals("$LATEST", LambdaInvoke.response(LambdaInvoke.request(json("{\"FunctionName\":\"F:prod\"}")),
                json("{}"), "r").get("ExecutedVersion").asText());
    }

    @Test
    void notFoundIsLambdasError() {
        StatesError error = LambdaInvoke.notFound("Nope", null, "eu-west-1", "111111111111");
        assertEquals("Lambda.ResourceNotFoundException", error.error());
        assertTrue(error.cause().startsWith("Function not found: arn:aws:lambda:eu-west-1:111111111111:function:Nope:$LATEST "
                + "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "));
    }

    private static java.util.List<String> iterable(java.util.Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
