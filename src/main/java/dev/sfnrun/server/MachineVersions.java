package dev.sfnrun.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A state machine's published versions (numbered from 1, a number never given twice, even after
 * a deletion) and its aliases (in order of creation). Kept with its {@link StateMachineRecord}, so a
 * journal line of the machine carries them and DeleteStateMachine deletes them too, as on AWS.
 * Callers synchronize on this object.
 */
final class MachineVersions {
    /** A published version: a fixed {@link StateMachineRecord.Revision} with its number and description. */
    record Version(String arn, int number, StateMachineRecord.Revision revision, String description, Instant creationDate) {
    }

    /** One entry of an alias's routing configuration. */
    record Route(String versionArn, int weight) {
    }

    /** An alias: a name routing executions to one or two versions by weight. */
    static final class Alias {
        final String arn;
        final String name;
        final Instant creationDate;
        volatile String description;
        volatile List<Route> routing;
        volatile Instant updateDate;

        Alias(String arn, String name, String description, List<Route> routing, Instant creationDate, Instant updateDate) {
            this.arn = arn;
            this.name = name;
            this.description = description;
            this.routing = List.copyOf(routing);
            this.creationDate = creationDate;
            this.updateDate = updateDate;
        }
    }

    /** Ascending by number. */
    private final List<Version> versions = new ArrayList<>();
    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private int lastNumber;

    synchronized Version latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    synchronized Version publish(String machineArn, StateMachineRecord.Revision revision, String description, Instant now) {
        int number = ++lastNumber;
        Version version = new Version(machineArn + ":" + number, number, revision, description, now);
        versions.add(version);
        return version;
    }

    /** Restores a version of the journal. */
    synchronized void restore(Version version, int last) {
        versions.add(version);
        lastNumber = Math.max(last, Math.max(lastNumber, version.number()));
    }

    synchronized void restoreLast(int last) {
        lastNumber = Math.max(lastNumber, last);
    }

    synchronized int lastNumber() {
        return lastNumber;
    }

    synchronized Version version(int number) {
        for (Version version : versions) {
            if (version.number() == number) {
                return version;
            }
        }
        return null;
    }

    synchronized boolean delete(int number) {
        return versions.removeIf(version -> version.number() == number);
    }

    /** Newest first, as ListStateMachineVersions answers. */
    synchronized List<Version> newestFirst() {
        List<Version> list = new ArrayList<>(versions);
        java.util.Collections.reverse(list);
        return list;
    }

    synchronized Alias alias(String name) {
        return aliases.get(name);
    }

    synchronized void putAlias(Alias alias) {
        aliases.put(alias.name, alias);
    }

    synchronized boolean deleteAlias(String name) {
        return aliases.remove(name) != null;
    }

    synchronized List<Alias> aliases() {
        return List.copyOf(aliases.values());
    }

    /** The names of the aliases that route to a version. */
    synchronized List<String> aliasesOf(String versionArn) {
        List<String> names = new ArrayList<>();
        for (Alias alias : aliases.values()) {
            if (alias.routing.stream().anyMatch(route -> route.versionArn().equals(versionArn))) {
                names.add(alias.name);
            }
        }
        return names;
    }
}
