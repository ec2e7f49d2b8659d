package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.query.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A machine's versions and aliases in its journal line ({@code --data-dir}), and back. */
final class VersionJournal {
    private VersionJournal() {
    }

    static ObjectNode write(MachineVersions versions) {
        ObjectNode node = Json.object();
        synchronized (versions) {
            node.put("lastNumber", versions.lastNumber());
            ArrayNode list = node.putArray("versions");
            for (MachineVersions.Version version : versions.newestFirst()) {
                ObjectNode item = list.addObject().put("number", version.number()).put("description", version.description());
                WireJson.putTime(item, "creationDate", version.creationDate());
                item.set("revision", JournalStore.revision(version.revision()));
            }
            ArrayNode aliases = node.putArray("aliases");
            for (MachineVersions.Alias alias : versions.aliases()) {
                ObjectNode item = aliases.addObject().put("name", alias.name).put("description", alias.description);
                WireJson.putTime(item, "creationDate", alias.creationDate);
                WireJson.putTime(item, "updateDate", alias.updateDate);
                ArrayNode routing = item.putArray("routing");
                alias.routing.forEach(route -> routing.addObject().put("stateMachineVersionArn", route.versionArn())
                        .put("weight", route.weight()));
            }
        }
        return node;
    }

    static void read(StateMachineRecord machine, JsonNode node) {
        if (node == null || !node.isObject()) {
            return;
        }
        List<JsonNode> versions = new ArrayList<>();
        node.path("versions").forEach(versions::add);
        java.util.Collections.reverse(versions); // ascending
        for (JsonNode item : versions) {
            int number = item.get("number").asInt();
            machine.versions.restore(new MachineVersions.Version(machine.arn + ":" + number, number,
                    JournalStore.revision(item.get("revision"), machine.type), text(item, "description"),
                    instant(item.get("creationDate"))), number);
        }
        machine.versions.restoreLast(node.path("lastNumber").asInt());
        for (JsonNode item : node.path("aliases")) {
            List<MachineVersions.Route> routing = new ArrayList<>();
            item.path("routing").forEach(route -> routing.add(new MachineVersions.Route(
                    route.get("stateMachineVersionArn").asText(), route.get("weight").asInt())));
            String name = item.get("name").asText();
            machine.versions.putAlias(new MachineVersions.Alias(machine.arn + ":" + name, name, text(item, "description"),
                    routing, instant(item.get("creationDate")), instant(item.get("updateDate"))));
        }
    }

    private static String text(JsonNode node, String member) {
        return node.hasNonNull(member) ? node.get(member).asText() : null;
    }

    private static Instant instant(JsonNode node) {
        BigDecimal seconds = node.decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
}
