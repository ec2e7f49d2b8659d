package dev.sfnrun.suite;

import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.MockConfig;
import dev.sfnrun.task.load.TaskRegistry;
import dev.sfnrun.task.load.TaskSetup;

/**
 * The task bindings of a suite and of each case. The suite's registry (its code and bindings, made
 * once through {@link TaskSetup}) owns the functions; a case's registry borrows them and adds the
 * case's mocks, so cases run side by side each with its own mocked responses. Closing a case's
 * registry never closes a borrowed function: functions that hold resources are lent through a
 * plain delegate, and only the suite's registry closes them.
 */
final class CaseTasks {
    private CaseTasks() {
    }

    /** The suite's registry: built-ins, class path services and bindings; no mocks. */
    static TaskRegistry suiteRegistry(Suite suite) {
        return new TaskSetup(suite.classpath(), suite.tasks(), null, null, suite.stateMachineName(),
                SuiteLoader.REGION, SuiteLoader.ACCOUNT).withHandlers(suite.handlers()).registry();
    }

    /** A case's registry over the suite's: the suite's mock file test case, then the case's own mocks. */
    static TaskRegistry caseRegistry(TaskRegistry shared, Suite suite, TestCase testCase) {
        TaskRegistry registry = TaskRegistry.withBuiltins();
        for (String name : shared.names()) {
            TaskFunction function = shared.find(name);
            registry.bind(name, function instanceof AutoCloseable ? function::invoke : function);
        }
        if (testCase.testCase() != null) {
            MockConfig.apply(suite.mockConfig(), suite.stateMachineName(), testCase.testCase(), registry);
        }
        testCase.mocks().forEach(registry::mock);
        return registry;
    }
}
