package dev.sfnrun.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.engine.Execution;
import dev.sfnrun.engine.ExecutionOptions;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.time.Clock;
import dev.sfnrun.history.Decision;
import dev.sfnrun.history.EventType;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.history.Payload;
import dev.sfnrun.task.load.TaskRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one case on the engine, in this JVM, and checks its expectations. */
public final class CaseRunner {
    private CaseRunner() {
    }

    /**
     * Runs {@code testCase} with the suite's functions ({@code shared}) and the case's mocks; counts
     * coverage into {@code coverage}. Whatever goes wrong is a failure of the case, never an exception.
     */
    public static CaseResult run(Suite suite, TestCase testCase, TaskRegistry shared, Coverage coverage) {
        long started = System.nanoTime();
        Coverage.Machine counts = coverage.of(suite.machine());
        List<Decision> decisions = new ArrayList<>();
        ExecutionListener recorder = new ExecutionListener() {
            @Override
            public void onEvent(HistoryEvent event) {
            }

            @Override
            public void onDecision(Decision decision) {
                synchronized (decisions) {
                    decisions.add(decision);
                }
            }
        };
        CaseOutcome outcome;
        try (TaskRegistry registry = CaseTasks.caseRegistry(shared, suite, testCase)) {
            ExecutionOptions options = ExecutionOptions.defaults()
                    .withStateMachineName(suite.stateMachineName())
                    .withTasks(registry)
                    .withType(suite.type())
                    .withRegionAndAccount(SuiteLoader.REGION, SuiteLoader.ACCOUNT)
                    .withClock(Clock.forScale(suite.timeScale()))
                    .withContextOverrides(testCase.context())
                    .withRecordHistory(true)
                    .withListeners(List.of(recorder));
            ExecutionResult result = new Execution(suite.machine().machine(), testCase.input(), testCase.inputText(),
                    options).run();
            synchronized (decisions) {
                outcome = outcome(suite.machine(), result, List.copyOf(decisions));
            }
        } catch (Throwable e) { // a case that cannot run fails; the others carry on
            Duration real = Duration.ofNanos(System.nanoTime() - started);
            String message = e.getMessage() == null ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
            return new CaseResult(suite, testCase, CaseResult.Verdict.FAIL,
                    List.of(new CaseResult.Failure("run", "the case could not run: " + message)), null, Duration.ZERO,
                    real, null, null);
        }
        outcome.visits().forEach((id, n) -> {
            for (int i = 0; i < n; i++) {
                counts.entered(id);
            }
        });
        outcome.decisions().forEach(counts::decided);
        List<CaseResult.Failure> failures = new ArrayList<>();
        for (Expectation expectation : testCase.expectations()) {
            String problem;
            try {
                problem = expectation.check(outcome);
            } catch (RuntimeException e) {
                problem = "could not be checked: " + e;
            }
            if (problem != null) {
                failures.add(new CaseResult.Failure(expectation.key(), problem));
            }
        }
        Duration real = Duration.ofNanos(System.nanoTime() - started);
        boolean passed = failures.isEmpty();
        return new CaseResult(suite, testCase, passed ? CaseResult.Verdict.PASS : CaseResult.Verdict.FAIL,
                List.copyOf(failures), outcome, outcome.duration(), real,
                passed ? null : Expectations.arrows(outcome.path()), passed || outcome.result().status() == dev.sfnrun.engine.ExecutionStatus.SUCCEEDED ? null
                        : failingEvent(outcome.events()));
    }

    /** What the history says: the path, visits, state outputs, transitions and the length. */
    static CaseOutcome outcome(SuiteMachine machine, ExecutionResult result, List<Decision> decisions) {
        List<String> path = new ArrayList<>();
        Map<String, Integer> visits = new LinkedHashMap<>();
        Map<String, JsonNode> outputs = new HashMap<>();
        int transitions = count(machine, result, path, visits, outputs);
        Duration duration = result.startDate() == null || result.stopDate() == null ? Duration.ZERO
                : Duration.between(result.startDate(), result.stopDate());
        return new CaseOutcome(result, List.copyOf(path), visits, outputs, transitions, duration, decisions);
    }

    /**
     * Counts the states {@code result}'s history entered into {@code visits} (and the top-level ones
     * into {@code path}, if given) and their outputs; then those of its distributed Maps' child
     * executions, whose events are in no history of the parent's. Returns how many states were entered.
     */
    private static int count(SuiteMachine machine, ExecutionResult result, List<String> path, Map<String, Integer> visits,
                             Map<String, JsonNode> outputs) {
        int transitions = 0;
        for (HistoryEvent event : result.events()) {
            String type = event.type().name();
            if (type.endsWith("StateEntered")) {
                String id = id(machine, event);
                transitions++;
                visits.merge(id, 1, Integer::sum);
                if (path != null && machine.isTopLevel(id)) {
                    path.add(id);
                }
            } else if (type.endsWith("StateExited")) {
                Object output = event.detail("output");
                if (output instanceof Payload payload) {
                    outputs.put(id(machine, event), payload.value());
                }
            }
        }
        for (dev.sfnrun.engine.map.MapRunResult run : result.mapRuns()) {
            for (ExecutionResult child : run.children()) {
                transitions += count(machine, child, null, visits, outputs);
            }
        }
        return transitions;
    }

    private static String id(SuiteMachine machine, HistoryEvent event) {
        String name = event.stringDetail("name");
        String id = name == null ? null : machine.idByName().get(name);
        return id != null ? id : String.valueOf(name);
    }

    /** "#5 LambdaFunctionFailed (Call API): Error: cause": the first failure, or the execution's end. */
    static String failingEvent(List<HistoryEvent> events) {
        Map<Long, HistoryEvent> byId = new HashMap<>();
        HistoryEvent failing = null;
        HistoryEvent end = null;
        for (HistoryEvent event : events) {
            byId.put(event.id(), event);
            String type = event.type().name();
            boolean bad = type.endsWith("Failed") || type.endsWith("TimedOut") || type.equals("EvaluationFailed");
            if (type.startsWith("Execution")) {
                if (bad || event.type() == EventType.ExecutionAborted) {
                    end = event;
                }
            } else if (bad && failing == null) {
                failing = event;
            }
        }
        HistoryEvent shown = failing != null ? failing : end;
        if (shown == null) {
            return null;
        }
        String state = stateOf(shown, byId);
        String error = shown.stringDetail("error");
        String cause = shown.stringDetail("cause");
        return "#" + shown.id() + " " + shown.type().name() + (state == null ? "" : " (" + state + ")")
                + (error == null ? "" : ": " + error) + (cause == null ? "" : ": " + JsonDiff.clip(cause));
    }

    private static String stateOf(HistoryEvent event, Map<Long, HistoryEvent> byId) {
        HistoryEvent at = event;
        for (int steps = 0; at != null && steps < 10_000; steps++) {
            if (at.stateName() != null) {
                return at.stateName();
            }
            String name = at.stringDetail("name");
            if (name != null && at.type().name().contains("State")) {
                return name;
            }
            at = byId.get(at.previousEventId());
        }
        return null;
    }
}
