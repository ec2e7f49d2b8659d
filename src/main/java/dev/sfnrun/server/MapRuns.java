package dev.sfnrun.server;

import dev.sfnrun.engine.map.MapRunControl;
import dev.sfnrun.history.Decision;
import dev.sfnrun.history.ExecutionListener;
import dev.sfnrun.history.HistoryEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Map Runs of the server's executions, as the engine's distributed Map runner hands them over
 * (a {@link MapRunControl.Listener} among each execution's listeners): by ARN, and per execution.
 * In memory only.
 */
final class MapRuns {
    /** A Map Run and the execution that ran it. */
    record Entry(MapRunControl run, String executionArn) {
        /** The state machine of its child executions: {@code ...:stateMachine:Parent/Label}. */
        String stateMachineArn() {
            String arn = run.mapRunArn();
            return arn.substring(0, arn.lastIndexOf(':')).replace(":mapRun:", ":stateMachine:");
        }
    }

    private final Map<String, Entry> byArn = new ConcurrentHashMap<>();
    private final Map<String, List<Entry>> byExecution = new ConcurrentHashMap<>();

    Entry find(String mapRunArn) {
        return byArn.get(mapRunArn);
    }

    /** An execution's Map Runs, newest first. */
    List<Entry> of(String executionArn) {
        List<Entry> list = byExecution.get(executionArn);
        if (list == null) {
            return List.of();
        }
        List<Entry> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        Collections.reverse(copy);
        return copy;
    }

    private void add(Entry entry) {
        byArn.put(entry.run().mapRunArn(), entry);
        byExecution.computeIfAbsent(entry.executionArn(), arn -> Collections.synchronizedList(new ArrayList<>())).add(entry);
    }

    /** {@code listener}, also told of the Map Runs of the execution {@code executionArn}. */
    ExecutionListener watching(ExecutionListener listener, String executionArn) {
        return new Watcher(listener, executionArn);
    }

    private final class Watcher implements ExecutionListener, MapRunControl.Listener {
        private final ExecutionListener listener;
        private final String executionArn;

        Watcher(ExecutionListener listener, String executionArn) {
            this.listener = listener;
            this.executionArn = executionArn;
        }

        @Override
        public void onEvent(HistoryEvent event) {
            listener.onEvent(event);
        }

        @Override
        public void onDecision(Decision decision) {
            listener.onDecision(decision);
        }

        @Override
        public void mapRunStarted(MapRunControl run) {
            add(new Entry(run, executionArn));
        }
    }
}
