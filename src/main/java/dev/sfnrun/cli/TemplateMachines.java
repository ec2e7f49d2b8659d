package dev.sfnrun.cli;

import dev.sfnrun.suite.SuiteLoader;

/** Where suites with {@code template:} + {@code stateMachine:} get their machine (null: not supported yet). */
final class TemplateMachines {
    private TemplateMachines() {
    }

    static SuiteLoader.MachineSource source() {
        return null;
    }
}
