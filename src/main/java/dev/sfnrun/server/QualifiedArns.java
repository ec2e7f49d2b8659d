package dev.sfnrun.server;

import java.util.concurrent.ThreadLocalRandom;

/**
 * State machine ARNs with a qualifier: {@code ...:stateMachine:Name:3} names version 3,
 * {@code ...:stateMachine:Name:PROD} the alias PROD. StartExecution and StartSyncExecution run
 * what they name (an alias picks one of its versions by weight, as AWS routes).
 */
final class QualifiedArns {
    private QualifiedArns() {
    }

    /** What an execution runs: the machine, the revision, and the version and alias it came through (or null). */
    record Target(StateMachineRecord machine, StateMachineRecord.Revision revision, String versionArn, String aliasArn) {
        static Target latest(StateMachineRecord machine) {
            return new Target(machine, machine.revision(), null, null);
        }
    }

    static boolean isVersion(String qualifier) {
        return !qualifier.isEmpty() && qualifier.length() <= 9 && qualifier.chars().allMatch(Character::isDigit);
    }

    /** The unqualified ARN of a qualified one. */
    static String base(Arns.Arn arn) {
        String text = arn.text();
        return arn.names().length == 1 ? text : text.substring(0, text.lastIndexOf(':'));
    }

    /** @throws ApiException InvalidArn, or StateMachineDoesNotExist naming the ARN as given */
    static Target resolve(Store store, String text) {
        Arns.Arn arn = Arns.parse(text, 1, 2, "stateMachine");
        StateMachineRecord machine = store.stateMachine(base(arn));
        if (machine == null) {
            throw ApiErrors.stateMachineDoesNotExist(text);
        }
        if (arn.names().length == 1) {
            return Target.latest(machine);
        }
        String qualifier = arn.names()[1];
        if (isVersion(qualifier)) {
            MachineVersions.Version version = machine.versions.version(Integer.parseInt(qualifier));
            if (version == null) {
                throw ApiErrors.stateMachineDoesNotExist(text);
            }
            return new Target(machine, version.revision(), version.arn(), null);
        }
        MachineVersions.Alias alias = machine.versions.alias(qualifier);
        if (alias == null) {
            throw ApiErrors.stateMachineDoesNotExist(text);
        }
        String versionArn = route(alias);
        MachineVersions.Version version = machine.versions.version(
                Integer.parseInt(versionArn.substring(versionArn.lastIndexOf(':') + 1)));
        if (version == null) { // cannot happen: a version an alias routes to cannot be deleted
            throw ApiErrors.stateMachineDoesNotExist(versionArn);
        }
        return new Target(machine, version.revision(), version.arn(), alias.arn);
    }

    /** One of the alias's versions, each chosen with the probability of its weight (in percent). */
    static String route(MachineVersions.Alias alias) {
        java.util.List<MachineVersions.Route> routing = alias.routing;
        int pick = ThreadLocalRandom.current().nextInt(100);
        int sum = 0;
        for (MachineVersions.Route route : routing) {
            sum += route.weight();
            if (pick < sum) {
                return route.versionArn();
            }
        }
        return routing.get(routing.size() - 1).versionArn();
    }
}
