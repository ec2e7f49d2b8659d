package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.engine.ExecutionType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A state machine: what never changes, its current {@link Revision} (UpdateStateMachine makes a new one) and its tags. */
public final class StateMachineRecord {
    /** What UpdateStateMachine can change; an execution keeps the revision it started with. */
    public record Revision(String definition, StateMachine model, String roleArn, JsonNode loggingConfiguration,
                           JsonNode tracingConfiguration, String revisionId, Instant updateDate) {
    }

    final String arn;
    final String name;
    final ExecutionType type;
    final Instant creationDate;
    private volatile Revision revision;
    final Map<String, String> tags = new LinkedHashMap<>();
    /** Its published versions and aliases. */
    final MachineVersions versions = new MachineVersions();

    StateMachineRecord(String arn, String name, ExecutionType type, Instant creationDate, Revision revision) {
        this.arn = arn;
        this.name = name;
        this.type = type;
        this.creationDate = creationDate;
        this.revision = revision;
    }

    Revision revision() {
        return revision;
    }

    void revise(Revision next) {
        revision = next;
    }
}
