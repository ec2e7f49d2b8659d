package dev.sfnrun.task.load;

import java.nio.file.Path;
import java.util.List;

/**
 * What a run's Task resources are bound to, as the command line says it: jars and directories of
 * task code, explicit {@code NAME=...} bindings, and a Step Functions Local mock file with the test
 * case to answer from. Every front end (the CLI, test suites, the server) builds its
 * {@link TaskRegistry} through here, so a binding means the same everywhere.
 *
 * @param classpath        jars and class directories ({@code --classpath}), each possibly an {@code a:b} list
 * @param bindings         {@code NAME=SPEC} bindings ({@code --task}), in order
 * @param mockConfig       the mock file, or null
 * @param testCase         the test case of the mock file, or null
 * @param stateMachineName the state machine's name in the mock file
 * @param region           the region in ARNs
 * @param account          the account in ARNs
 */
public record TaskSetup(List<String> classpath, List<String> bindings, Path mockConfig, String testCase,
                        String stateMachineName, String region, String account) {
    public TaskSetup {
        classpath = List.copyOf(classpath);
        bindings = List.copyOf(bindings);
    }

    /** No code, no bindings, no mocks: the built-in functions only. */
    public static TaskSetup builtinsOnly(String stateMachineName, String region, String account) {
        return new TaskSetup(List.of(), List.of(), null, null, stateMachineName, region, account);
    }

    /**
     * A new registry with the built-ins, the class path's services, the bindings and the mocks.
     *
     * @throws TaskLoadException naming the option or file at fault
     */
    public TaskRegistry registry() {
        if (mockConfig != null && testCase == null) {
            throw new TaskLoadException("--mock-config needs --test-case NAME: the test case whose responses to use");
        }
        if (testCase != null && mockConfig == null) {
            throw new TaskLoadException("--test-case needs a mock file: give it with --mock-config FILE (or SFN_MOCK_CONFIG)");
        }
        TaskRegistry registry = TaskRegistry.withBuiltins();
        TaskLoader loader = TaskLoader.over(classpath, region, account);
        loader.bindServices(registry);
        for (String binding : bindings) {
            loader.bind(registry, binding);
        }
        if (mockConfig != null) {
            MockConfig.apply(mockConfig, stateMachineName, testCase, registry);
        }
        return registry;
    }
}
