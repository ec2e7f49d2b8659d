package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.time.Instant;
import java.util.List;

/**
 * PublishStateMachineVersion, ListStateMachineVersions, DeleteStateMachineVersion, and the
 * publishing of CreateStateMachine / UpdateStateMachine with {@code publish: true}.
 */
final class VersionOperations {
    private final Store store;

    VersionOperations(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("PublishStateMachineVersion", this::publishStateMachineVersion)
                .add("ListStateMachineVersions", this::listStateMachineVersions)
                .add("DeleteStateMachineVersion", this::deleteStateMachineVersion);
    }

    /**
     * Publishes the machine's current revision; when the newest version already holds that revision,
     * that version is the answer (AWS publishes a revision once). The caller saves the machine.
     */
    static MachineVersions.Version publish(StateMachineRecord machine, String description) {
        synchronized (machine.versions) {
            StateMachineRecord.Revision current = machine.revision();
            MachineVersions.Version latest = machine.versions.latest();
            if (latest != null && latest.revision().revisionId().equals(current.revisionId())) {
                return latest;
            }
            return machine.versions.publish(machine.arn, current, description, Instant.now());
        }
    }

    private ObjectNode publishStateMachineVersion(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        Arns.parse(arn, 1, 1, "stateMachine");
        StateMachineRecord machine = store.stateMachine(arn);
        if (machine == null) {
            throw ApiErrors.stateMachineDoesNotExist(arn);
        }
        MachineVersions.Version version;
        synchronized (machine) {
            String expected = request.text("revisionId");
            String current = machine.revision().revisionId();
            if (expected != null && !expected.equals(current)) {
                throw new ApiException("ConflictException", "Failed to publish the State Machine version for revision "
                        + expected + ". The current State Machine revision is " + current + ".");
            }
            version = publish(machine, request.text("description"));
            store.saveStateMachine(machine);
        }
        ObjectNode out = Json.object();
        WireJson.putTime(out, "creationDate", version.creationDate());
        out.put("stateMachineVersionArn", version.arn());
        return out;
    }

    private ObjectNode listStateMachineVersions(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        Arns.parse(arn, 1, 1, "stateMachine");
        StateMachineRecord machine = store.stateMachine(arn);
        List<MachineVersions.Version> versions = machine == null ? List.of() : machine.versions.newestFirst();
        ObjectNode out = Json.object();
        Paging.page(request, versions, "stateMachineVersions", out, version -> {
            ObjectNode item = Json.object();
            item.put("stateMachineVersionArn", version.arn());
            WireJson.putTime(item, "creationDate", version.creationDate());
            return item;
        });
        return out;
    }

    private ObjectNode deleteStateMachineVersion(ApiRequest request) {
        String arn = request.text("stateMachineVersionArn");
        Arns.Arn parsed = Arns.parse(arn, 2, 2, "stateMachine");
        if (!QualifiedArns.isVersion(parsed.names()[1])) {
            throw ApiErrors.invalidArn("Invalid ARN: " + arn);
        }
        StateMachineRecord machine = store.stateMachine(QualifiedArns.base(parsed));
        if (machine == null) {
            return Json.object(); // deleting what does not exist succeeds, as on AWS
        }
        synchronized (machine) {
            List<String> aliases = machine.versions.aliasesOf(arn);
            if (!aliases.isEmpty()) {
                throw new ApiException("ConflictException", "Version to be deleted must not be referenced by an alias. "
                        + "Current list of aliases referencing this version: [" + String.join(", ", aliases) + "]");
            }
            if (machine.versions.delete(Integer.parseInt(parsed.names()[1]))) {
                store.saveStateMachine(machine);
            }
        }
        return Json.object();
    }
}
