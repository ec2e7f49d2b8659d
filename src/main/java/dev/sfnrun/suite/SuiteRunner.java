package dev.sfnrun.suite;

import dev.sfnrun.task.load.TaskRegistry;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs the cases of loaded suites, {@code parallel} at a time, and hands each result on in suite
 * and case order as soon as it and those before it are done.
 */
public final class SuiteRunner {
    /**
     * @param parallel how many cases run at once
     * @param filter   a regular expression found in {@code suite-file/case-name}, or null for all
     * @param failFast after the first failure, start no more cases (the rest are skipped)
     */
    public record Options(int parallel, Pattern filter, boolean failFast) {
    }

    private SuiteRunner() {
    }

    /** Runs every selected case; {@code onResult} sees each result (skipped ones too) in order. */
    public static List<CaseResult> run(List<Suite> suites, Options options, Coverage coverage,
                                       Consumer<CaseResult> onResult) {
        coverage.include(suites);
        Map<Suite, TaskRegistry> registries = new IdentityHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.parallel()), daemonThreads());
        List<CaseResult> results = new ArrayList<>();
        try {
            for (Suite suite : suites) {
                registries.put(suite, CaseTasks.suiteRegistry(suite));
            }
            List<Future<CaseResult>> futures = new ArrayList<>();
            for (Suite suite : suites) {
                TaskRegistry shared = registries.get(suite);
                for (TestCase testCase : suite.cases()) {
                    if (options.filter() != null && !options.filter().matcher(suite.qualifiedName(testCase)).find()) {
                        futures.add(java.util.concurrent.CompletableFuture.completedFuture(CaseResult.skipped(suite, testCase)));
                        continue;
                    }
                    futures.add(pool.submit(() -> {
                        if (stop.get()) {
                            return CaseResult.skipped(suite, testCase);
                        }
                        CaseResult result = CaseRunner.run(suite, testCase, shared, coverage);
                        if (options.failFast() && result.verdict() == CaseResult.Verdict.FAIL) {
                            stop.set(true);
                        }
                        return result;
                    }));
                }
            }
            for (Future<CaseResult> future : futures) {
                CaseResult result = get(future);
                results.add(result);
                onResult.accept(result);
            }
        } finally {
            pool.shutdownNow();
            for (TaskRegistry registry : registries.values()) {
                registry.close();
            }
        }
        return results;
    }

    private static CaseResult get(Future<CaseResult> future) {
        while (true) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running the cases", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a case's runner failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sfn-run-case-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
