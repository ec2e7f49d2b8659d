package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.query.Json;
import java.time.Instant;
import java.util.UUID;

/** CreateStateMachine, DescribeStateMachine, UpdateStateMachine, DeleteStateMachine, ListStateMachines, DescribeStateMachineForExecution. */
final class StateMachineOperations {
    private final Store store;

    StateMachineOperations(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("CreateStateMachine", this::createStateMachine)
                .add("DescribeStateMachine", this::describeStateMachine)
                .add("UpdateStateMachine", this::updateStateMachine)
                .add("DeleteStateMachine", this::deleteStateMachine)
                .add("ListStateMachines", this::listStateMachines)
                .add("DescribeStateMachineForExecution", this::describeStateMachineForExecution);
    }

    /** The state machine an ARN names (a version or alias suffix is not supported: not found). */
    StateMachineRecord find(String arnText) {
        Arns.parse(arnText, 1, 2, "stateMachine");
        StateMachineRecord machine = store.stateMachine(arnText);
        if (machine == null) {
            throw ApiErrors.stateMachineDoesNotExist(arnText);
        }
        return machine;
    }

    private ObjectNode createStateMachine(ApiRequest request) {
        String name = request.text("name");
        if (!ResourceNames.isValid(name, ResourceNames.MAX_NAME)) {
            throw ApiErrors.invalidName(name);
        }
        String roleArn = request.text("roleArn");
        checkRole(roleArn);
        ExecutionType type = ExecutionType.valueOf(request.text("type") == null ? "STANDARD" : request.text("type"));
        if (request.text("versionDescription") != null && !request.bool("publish")) {
            throw ApiErrors.validation("Version description can only be set when publish is true");
        }
        checkLogging(request.node("loggingConfiguration"));
        String definition = request.text("definition");
        StateMachine model = Definitions.compile(definition, type);
        String arn = Arns.stateMachine(request.region(), request.account(), name);
        Instant now = Instant.now();
        StateMachineRecord created = new StateMachineRecord(arn, name, type, now, new StateMachineRecord.Revision(
                definition, model, roleArn, logging(request.node("loggingConfiguration")),
                tracing(request.node("tracingConfiguration")), UUID.randomUUID().toString(), now));
        Tags.apply(created.tags, request.node("tags"), arn);
        StateMachineRecord existing;
        synchronized (store) {
            existing = store.stateMachine(arn);
            if (existing == null) {
                MachineVersions.Version version = request.bool("publish")
                        ? VersionOperations.publish(created, request.text("versionDescription")) : null;
                store.saveStateMachine(created);
                return created(created, version);
            }
            StateMachineRecord.Revision same = existing.revision();
            // AWS: creating the same machine again is idempotent; anything different is a conflict
            if (existing.type != type || !same.definition().equals(definition) || !same.roleArn().equals(roleArn)) {
                throw ApiErrors.stateMachineAlreadyExists(arn);
            }
        }
        if (!request.bool("publish")) {
            return created(existing, null);
        }
        // with publish, the answer names the version holding the revision, published now if none does
        // (as UpdateStateMachine's); the machine's lock is taken outside the store's, as UpdateStateMachine takes them
        synchronized (existing) {
            MachineVersions.Version version = VersionOperations.publish(existing, request.text("versionDescription"));
            store.saveStateMachine(existing);
            return created(existing, version);
        }
    }

    private static ObjectNode created(StateMachineRecord machine, MachineVersions.Version version) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", machine.arn);
        WireJson.putTime(out, "creationDate", machine.creationDate);
        if (version != null) {
            out.put("stateMachineVersionArn", version.arn());
        }
        return out;
    }

    private ObjectNode describeStateMachine(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        Arns.Arn parsed = Arns.parse(arn, 1, 2, "stateMachine");
        if (parsed.names().length == 2) { // a version ARN: that version (an alias ARN names no state machine here)
            StateMachineRecord machine = store.stateMachine(QualifiedArns.base(parsed));
            MachineVersions.Version version = machine == null || !QualifiedArns.isVersion(parsed.names()[1]) ? null
                    : machine.versions.version(Integer.parseInt(parsed.names()[1]));
            if (version == null) {
                throw ApiErrors.stateMachineDoesNotExist(arn);
            }
            ObjectNode out = describe(machine, version.revision());
            out.put("stateMachineArn", version.arn());
            WireJson.putTime(out, "creationDate", version.creationDate());
            if (version.description() != null) {
                out.put("description", version.description());
            }
            return out;
        }
        StateMachineRecord machine = find(arn);
        return describe(machine, machine.revision());
    }

    static ObjectNode describe(StateMachineRecord machine, StateMachineRecord.Revision revision) {
        ObjectNode out = Json.object();
        out.put("stateMachineArn", machine.arn);
        out.put("name", machine.name);
        out.put("status", "ACTIVE");
        out.put("definition", revision.definition());
        out.put("roleArn", revision.roleArn());
        out.put("type", machine.type.name());
        WireJson.putTime(out, "creationDate", machine.creationDate);
        out.set("loggingConfiguration", revision.loggingConfiguration());
        out.set("tracingConfiguration", revision.tracingConfiguration());
        out.put("revisionId", revision.revisionId());
        return out;
    }

    private ObjectNode updateStateMachine(ApiRequest request) {
        StateMachineRecord machine = find(request.text("stateMachineArn"));
        String definition = request.text("definition");
        String roleArn = request.text("roleArn");
        JsonNode logging = request.node("loggingConfiguration");
        JsonNode tracing = request.node("tracingConfiguration");
        if (definition == null && roleArn == null && logging == null && tracing == null) {
            throw new ApiException("MissingRequiredParameter", "Either the definition, the role ARN, the "
                    + "LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        if (request.text("versionDescription") != null && !request.bool("publish")) {
            throw ApiErrors.validation("Version description can only be set when publish is true");
        }
        if (roleArn != null) {
            checkRole(roleArn);
        }
        checkLogging(logging);
        Instant now = Instant.now();
        MachineVersions.Version version = null;
        synchronized (machine) {
            StateMachineRecord.Revision old = machine.revision();
            StateMachine model = definition == null ? old.model() : Definitions.compile(definition, machine.type);
            StateMachineRecord.Revision next = new StateMachineRecord.Revision(definition == null ? old.definition()
                    : definition, model, roleArn == null ? old.roleArn() : roleArn,
                    logging == null ? old.loggingConfiguration() : logging(logging),
                    tracing == null ? old.tracingConfiguration() : tracing(tracing), UUID.randomUUID().toString(), now);
            if (!sameContent(old, next)) { // an update that changes nothing makes no new revision, as on AWS
                machine.revise(next);
            }
            if (request.bool("publish")) {
                version = VersionOperations.publish(machine, request.text("versionDescription"));
            }
            try {
                store.saveStateMachine(machine);
            } catch (JournalStore.JournalException e) { // not kept, so not made (a version published is kept)
                machine.revise(old);
                throw e;
            }
        }
        ObjectNode out = Json.object();
        WireJson.putTime(out, "updateDate", now);
        out.put("revisionId", machine.revision().revisionId());
        if (version != null) {
            out.put("stateMachineVersionArn", version.arn());
        }
        return out;
    }

    private static boolean sameContent(StateMachineRecord.Revision a, StateMachineRecord.Revision b) {
        return a.definition().equals(b.definition()) && a.roleArn().equals(b.roleArn())
                && java.util.Objects.equals(a.loggingConfiguration(), b.loggingConfiguration())
                && java.util.Objects.equals(a.tracingConfiguration(), b.tracingConfiguration());
    }

    private ObjectNode deleteStateMachine(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        Arns.parse(arn, 1, 2, "stateMachine");
        store.deleteStateMachine(arn); // deleting a machine that does not exist succeeds, as on AWS
        return Json.object();
    }

    private ObjectNode listStateMachines(ApiRequest request) {
        ObjectNode out = Json.object();
        // the machines of the region and account the request was signed for, as each AWS region keeps its own
        String here = Arns.stateMachine(request.region(), request.account(), "");
        Paging.page(request, store.stateMachines().stream().filter(machine -> machine.arn.startsWith(here)).toList(),
                "stateMachines", out, machine -> {
            ObjectNode item = Json.object();
            item.put("stateMachineArn", machine.arn);
            item.put("name", machine.name);
            item.put("type", machine.type.name());
            WireJson.putTime(item, "creationDate", machine.creationDate);
            return item;
        });
        return out;
    }

    private ObjectNode describeStateMachineForExecution(ApiRequest request) {
        String arn = request.text("executionArn");
        Arns.parse(arn, 2, 2, "execution");
        ExecutionRecord execution = store.execution(arn);
        if (execution == null) {
            throw ApiErrors.executionDoesNotExist(arn);
        }
        StateMachineRecord machine = store.stateMachine(execution.stateMachineArn);
        StateMachineRecord owner = machine != null ? machine : new StateMachineRecord(execution.stateMachineArn,
                execution.stateMachineArn.substring(execution.stateMachineArn.lastIndexOf(':') + 1),
                ExecutionType.STANDARD, execution.startDate, execution.revision);
        ObjectNode out = describe(owner, execution.revision);
        out.remove("status");
        out.remove("type");
        out.remove("creationDate");
        WireJson.putTime(out, "updateDate", execution.revision.updateDate());
        return out;
    }

    private static void checkRole(String roleArn) {
        if (!roleArn.startsWith("arn:")) {
            throw ApiErrors.invalidArnPrefix(roleArn);
        }
    }

    private static void checkLogging(JsonNode logging) {
        if (logging == null) {
            return;
        }
        String level = logging.path("level").asText("OFF");
        int destinations = logging.path("destinations").size();
        if (!level.equals("OFF") && destinations != 1 || destinations > 1) {
            throw new ApiException("InvalidLoggingConfiguration",
                    "Invalid Logging Configuration: Must specify exactly one Log Destination.");
        }
    }

    private static JsonNode logging(JsonNode given) {
        ObjectNode out = Json.object();
        out.put("level", given == null ? "OFF" : given.path("level").asText("OFF"));
        out.put("includeExecutionData", given != null && given.path("includeExecutionData").asBoolean());
        if (given != null && given.has("destinations")) {
            out.set("destinations", given.get("destinations"));
        }
        return out;
    }

    private static JsonNode tracing(JsonNode given) {
        return Json.object().put("enabled", given != null && given.path("enabled").asBoolean());
    }
}
