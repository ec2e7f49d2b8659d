package dev.sfnrun.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The store of a server without {@code --data-dir}: everything in memory, gone when it stops. */
public class MemoryStore implements Store {
    private final Map<String, StateMachineRecord> machines = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ActivityRecord> activities = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final Map<String, List<ExecutionRecord>> byMachine = new ConcurrentHashMap<>();

    @Override
    public void saveStateMachine(StateMachineRecord machine) {
        machines.put(machine.arn, machine);
    }

    @Override
    public void deleteStateMachine(String arn) {
        machines.remove(arn);
    }

    @Override
    public StateMachineRecord stateMachine(String arn) {
        return machines.get(arn);
    }

    @Override
    public List<StateMachineRecord> stateMachines() {
        synchronized (machines) {
            return List.copyOf(machines.values());
        }
    }

    @Override
    public void saveActivity(ActivityRecord activity) {
        activities.put(activity.arn, activity);
    }

    @Override
    public void deleteActivity(String arn) {
        activities.remove(arn);
    }

    @Override
    public ActivityRecord activity(String arn) {
        return activities.get(arn);
    }

    @Override
    public List<ActivityRecord> activities() {
        synchronized (activities) {
            return List.copyOf(activities.values());
        }
    }

    @Override
    public void saveExecution(ExecutionRecord execution) {
        if (executions.putIfAbsent(execution.arn, execution) == null) {
            List<ExecutionRecord> list = byMachine.computeIfAbsent(execution.stateMachineArn,
                    arn -> Collections.synchronizedList(new ArrayList<>()));
            list.add(execution);
        }
    }

    @Override
    public ExecutionRecord execution(String arn) {
        return executions.get(arn);
    }

    @Override
    public List<ExecutionRecord> executions(String stateMachineArn) {
        List<ExecutionRecord> list = byMachine.get(stateMachineArn);
        if (list == null) {
            return List.of();
        }
        List<ExecutionRecord> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        Collections.reverse(copy);
        return copy;
    }

    @Override
    public void close() {
    }
}
