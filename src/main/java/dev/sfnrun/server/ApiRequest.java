package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request whose members the service model has checked: typed reads of its members, and the
 * region and account its ARNs are made in (the region the client signed for; any credentials are accepted).
 */
public record ApiRequest(String operation, ObjectNode body, String region, String account) {
    public String text(String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    public int integer(String member, int fallback) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? fallback : value.asInt();
    }

    public boolean bool(String member) {
        JsonNode value = body.get(member);
        return value != null && value.asBoolean();
    }

    public JsonNode node(String member) {
        JsonNode value = body.get(member);
        return value == null || value.isNull() ? null : value;
    }
}
