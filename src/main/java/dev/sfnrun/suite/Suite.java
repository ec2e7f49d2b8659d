package dev.sfnrun.suite;

import dev.sfnrun.task.process.HandlerSpec;
import java.util.Map;

import dev.sfnrun.engine.ExecutionType;
import java.nio.file.Path;
import java.util.List;

/**
 * A suite file, loaded and checked.
 *
 * @param file             the file as the user named it (reports show this)
 * @param machine          the machine under test
 * @param type             STANDARD or EXPRESS
 * @param stateMachineName the name in ARNs and in the mock file
 * @param classpath        jars and class directories of task code (as {@code --classpath})
 * @param tasks            task bindings (as {@code --task NAME=SPEC})
 * @param mockConfig       a Step Functions Local mock file, or null
 * @param timeScale        the time scale of each execution (0: virtual time)
 * @param cases            the cases, in file order
 * @param handlers         Python and Node.js handlers of the suite's template, by function name
 * @param reads            the files the suite names (definition or template, mock file, case inputs)
 */
public record Suite(String file, SuiteMachine machine, ExecutionType type, String stateMachineName,
                    List<String> classpath, List<String> tasks, Path mockConfig, double timeScale,
                    List<TestCase> cases, Map<String, HandlerSpec> handlers, List<Path> reads) {
    public Suite {
        classpath = List.copyOf(classpath);
        tasks = List.copyOf(tasks);
        cases = List.copyOf(cases);
        handlers = Map.copyOf(handlers);
        reads = List.copyOf(reads);
    }

    /** "dir/x.sfn-test.yaml/case name", what --filter matches. */
    public String qualifiedName(TestCase testCase) {
        return file + "/" + testCase.name();
    }
}
