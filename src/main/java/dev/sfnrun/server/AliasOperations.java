package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * CreateStateMachineAlias, DescribeStateMachineAlias, UpdateStateMachineAlias,
 * DeleteStateMachineAlias, ListStateMachineAliases, with AWS's recorded validation messages.
 */
final class AliasOperations {
    private static final String NOT_FOUND = "Request references a resource that does not exist.";

    private final Store store;

    AliasOperations(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("CreateStateMachineAlias", this::createStateMachineAlias)
                .add("DescribeStateMachineAlias", this::describeStateMachineAlias)
                .add("UpdateStateMachineAlias", this::updateStateMachineAlias)
                .add("DeleteStateMachineAlias", this::deleteStateMachineAlias)
                .add("ListStateMachineAliases", this::listStateMachineAliases);
    }

    private static ApiException notFound(String arn) {
        return new ApiException("ResourceNotFound", NOT_FOUND).with("resourceName", arn);
    }

    /**
     * The routing configuration, checked as AWS checks it: version ARNs only, distinct, weights
     * adding up to 100, all versions of one existing machine. Returns that machine.
     */
    private StateMachineRecord routing(JsonNode given, List<MachineVersions.Route> into) {
        List<String> arns = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (JsonNode item : given) {
            arns.add(item.path("stateMachineVersionArn").asText());
            weights.add(item.path("weight").asInt());
        }
        String received = "[" + String.join(", ", arns) + "]";
        List<Arns.Arn> parsed = new ArrayList<>();
        for (String arn : arns) {
            Arns.Arn one = Arns.parse(arn);
            if (!one.type().equals("stateMachine") || one.names().length != 2 || !QualifiedArns.isVersion(one.names()[1])) {
                throw invalidRouting("Routing configuration must contain state machine version ARNs. Received: " + received);
            }
            parsed.add(one);
        }
        if (new HashSet<>(arns).size() != arns.size()) {
            throw invalidRouting("Routing configuration must contain distinct state machine version ARNs. Received: " + received);
        }
        if (weights.stream().mapToInt(Integer::intValue).sum() != 100) {
            throw invalidRouting("Sum of routing configuration weights must equal 100. Received: " + weights);
        }
        String base = QualifiedArns.base(parsed.get(0));
        for (Arns.Arn arn : parsed) {
            if (!QualifiedArns.base(arn).equals(base)) {
                throw invalidRouting("Routing configuration must contain state machine version ARNs of the same state "
                        + "machine. Received: " + received);
            }
        }
        StateMachineRecord machine = store.stateMachine(base);
        for (int i = 0; i < parsed.size(); i++) {
            if (machine == null || machine.versions.version(Integer.parseInt(parsed.get(i).names()[1])) == null) {
                throw notFound(arns.get(i));
            }
            into.add(new MachineVersions.Route(arns.get(i), weights.get(i)));
        }
        return machine;
    }

    private static ApiException invalidRouting(String message) {
        return ApiErrors.validation(message).with("reason", "INVALID_ROUTING_CONFIGURATION");
    }

    private ObjectNode createStateMachineAlias(ApiRequest request) {
        String name = request.text("name");
        String description = request.text("description");
        List<MachineVersions.Route> routes = new ArrayList<>();
        StateMachineRecord machine = routing(request.node("routingConfiguration"), routes);
        String arn = machine.arn + ":" + name;
        MachineVersions.Alias alias;
        synchronized (machine) {
            alias = machine.versions.alias(name);
            if (alias != null) {
                if (!alias.routing.equals(routes) || !Objects.equals(alias.description, description)) {
                    throw new ApiException("ConflictException", "Failed to create alias because an alias with the same "
                            + "name and a different routing configuration already exists.");
                }
            } else {
                Instant now = Instant.now();
                alias = new MachineVersions.Alias(arn, name, description, routes, now, now);
                machine.versions.putAlias(alias);
                store.saveStateMachine(machine);
            }
        }
        ObjectNode out = Json.object();
        out.put("stateMachineAliasArn", alias.arn);
        WireJson.putTime(out, "creationDate", alias.creationDate);
        return out;
    }

    /** The machine and alias an alias ARN names, or ResourceNotFound. */
    private record Found(StateMachineRecord machine, MachineVersions.Alias alias) {
    }

    private Found find(String arn) {
        Arns.Arn parsed = Arns.parse(arn, 2, 2, "stateMachine");
        if (QualifiedArns.isVersion(parsed.names()[1])) {
            throw ApiErrors.invalidArn("Invalid ARN: " + arn);
        }
        StateMachineRecord machine = store.stateMachine(QualifiedArns.base(parsed));
        MachineVersions.Alias alias = machine == null ? null : machine.versions.alias(parsed.names()[1]);
        if (alias == null) {
            throw notFound(arn);
        }
        return new Found(machine, alias);
    }

    private ObjectNode describeStateMachineAlias(ApiRequest request) {
        MachineVersions.Alias alias = find(request.text("stateMachineAliasArn")).alias();
        ObjectNode out = Json.object();
        out.put("stateMachineAliasArn", alias.arn);
        out.put("name", alias.name);
        if (alias.description != null) {
            out.put("description", alias.description);
        }
        ArrayNode routing = out.putArray("routingConfiguration");
        for (MachineVersions.Route route : alias.routing) {
            routing.addObject().put("stateMachineVersionArn", route.versionArn()).put("weight", route.weight());
        }
        WireJson.putTime(out, "creationDate", alias.creationDate);
        WireJson.putTime(out, "updateDate", alias.updateDate);
        return out;
    }

    private ObjectNode updateStateMachineAlias(ApiRequest request) {
        Found found = find(request.text("stateMachineAliasArn"));
        String description = request.text("description");
        JsonNode given = request.node("routingConfiguration");
        if (description == null && given == null) {
            throw ApiErrors.validation("Either the description or the RoutingConfiguration must be specified")
                    .with("reason", "MISSING_REQUIRED_PARAMETER");
        }
        List<MachineVersions.Route> routes = new ArrayList<>();
        if (given != null && routing(given, routes) != found.machine()) {
            throw invalidRouting("Routing configuration must contain state machine version ARNs of the alias's state "
                    + "machine. Received: " + routes.stream().map(MachineVersions.Route::versionArn).toList());
        }
        Instant now = Instant.now();
        synchronized (found.machine()) {
            MachineVersions.Alias alias = found.alias();
            if (description != null) {
                alias.description = description;
            }
            if (given != null) {
                alias.routing = List.copyOf(routes);
            }
            alias.updateDate = now;
            store.saveStateMachine(found.machine());
        }
        ObjectNode out = Json.object();
        WireJson.putTime(out, "updateDate", now);
        return out;
    }

    private ObjectNode deleteStateMachineAlias(ApiRequest request) {
        String arn = request.text("stateMachineAliasArn");
        Arns.Arn parsed = Arns.parse(arn, 2, 2, "stateMachine");
        StateMachineRecord machine = store.stateMachine(QualifiedArns.base(parsed));
        if (machine != null) { // deleting an alias that does not exist succeeds, as recorded on AWS
            synchronized (machine) {
                if (machine.versions.deleteAlias(parsed.names()[1])) {
                    store.saveStateMachine(machine);
                }
            }
        }
        return Json.object();
    }

    private ObjectNode listStateMachineAliases(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        Arns.Arn parsed = Arns.parse(arn, 1, 2, "stateMachine");
        StateMachineRecord machine = store.stateMachine(QualifiedArns.base(parsed));
        if (machine == null) {
            throw ApiErrors.stateMachineDoesNotExist(arn);
        }
        List<MachineVersions.Alias> aliases = machine.versions.aliases();
        if (parsed.names().length == 2) { // a version ARN: the aliases routing to it
            List<String> names = machine.versions.aliasesOf(arn);
            aliases = aliases.stream().filter(alias -> names.contains(alias.name)).toList();
        }
        ObjectNode out = Json.object();
        Paging.page(request, aliases, "stateMachineAliases", out, alias -> {
            ObjectNode item = Json.object();
            item.put("stateMachineAliasArn", alias.arn);
            WireJson.putTime(item, "creationDate", alias.creationDate);
            return item;
        });
        return out;
    }
}
