package dev.sfnrun.task.load;

import dev.sfnrun.task.process.HandlerBinding;
import dev.sfnrun.task.process.HandlerFunction;
import dev.sfnrun.task.process.HandlerSettings;
import dev.sfnrun.task.process.HandlerSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param handlers         Python and Node.js handlers by function name (a template's functions); a
 *                         {@code --task} binding of the same name wins
 * @param handlerSettings  interpreters, workers, environment and timeout of the handlers
 */
public record TaskSetup(List<String> classpath, List<String> bindings, Path mockConfig, String testCase,
                        String stateMachineName, String region, String account, Map<String, HandlerSpec> handlers,
                        HandlerSettings handlerSettings) {
    public TaskSetup {
        classpath = List.copyOf(classpath);
        bindings = List.copyOf(bindings);
        handlers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(handlers));
        java.util.Objects.requireNonNull(handlerSettings, "handlerSettings");
    }

    public TaskSetup(List<String> classpath, List<String> bindings, Path mockConfig, String testCase,
                     String stateMachineName, String region, String account) {
        this(classpath, bindings, mockConfig, testCase, stateMachineName, region, account, Map.of(),
                HandlerSettings.defaults());
    }

    /**
     * This setup with more Python / Node.js handlers, keyed by function name (a template's functions).
     * A name that a {@code --task} binding also binds keeps the binding.
     */
    public TaskSetup withHandlers(Map<String, HandlerSpec> more) {
        Map<String, HandlerSpec> all = new LinkedHashMap<>(handlers);
        all.putAll(more);
        return new TaskSetup(classpath, bindings, mockConfig, testCase, stateMachineName, region, account, all,
                handlerSettings);
    }

    /** This setup with the handlers' interpreters, workers, environment and timeout. */
    public TaskSetup withHandlerSettings(HandlerSettings settings) {
        return new TaskSetup(classpath, bindings, mockConfig, testCase, stateMachineName, region, account, handlers,
                settings);
    }

    /** No code, no bindings, no mocks: the built-in functions only. */
    public static TaskSetup builtinsOnly(String stateMachineName, String region, String account) {
        return new TaskSetup(List.of(), List.of(), null, null, stateMachineName, region, account);
    }

    /**
     * A new registry with the built-ins, the class path's services, the bindings, the handlers and the
     * mocks. No process starts until a handler is first called (or prepared, see
     * {@code HandlerFunctions.prepare}); close the registry to stop the handlers' workers.
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
        Set<String> bound = new HashSet<>();
        try {
            for (String binding : bindings) {
                int equals = binding.indexOf('=');
                String target = equals < 0 ? "" : binding.substring(equals + 1).trim();
                if (equals > 0 && HandlerBinding.isHandler(target)) {
                    String name = binding.substring(0, equals).trim();
                    HandlerSpec spec = HandlerBinding.parse(target, "--task " + binding);
                    registry.bind(name, handler(name, spec));
                    bound.add(name);
                } else {
                    loader.bind(registry, binding);
                    if (equals > 0) {
                        bound.add(binding.substring(0, equals).trim());
                    }
                }
            }
            for (Map.Entry<String, HandlerSpec> entry : handlers.entrySet()) {
                if (!bound.contains(entry.getKey())) {
                    HandlerBinding.check(entry.getValue());
                    registry.bind(entry.getKey(), handler(entry.getKey(), entry.getValue()));
                }
            }
        } catch (RuntimeException e) {
            registry.close();
            throw e;
        }
        if (mockConfig != null) {
            MockConfig.apply(mockConfig, stateMachineName, testCase, registry);
        }
        return registry;
    }

    private HandlerFunction handler(String name, HandlerSpec spec) {
        return new HandlerFunction(ResourceResolver.functionName(name), spec, handlerSettings, region, account);
    }
}
