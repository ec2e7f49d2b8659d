package dev.sfnrun.server;

import dev.sfnrun.history.HistoryEvent;
import java.util.List;

/**
 * Where the server keeps its state machines, activities and executions: in memory, or also in a
 * journal on disk ({@code --data-dir}). The operations read and write only through here.
 */
public interface Store extends AutoCloseable {
    /** Adds or replaces (after an update or a change of tags). */
    void saveStateMachine(StateMachineRecord machine);

    void deleteStateMachine(String arn);

    StateMachineRecord stateMachine(String arn);

    /** In order of creation. */
    List<StateMachineRecord> stateMachines();

    void saveActivity(ActivityRecord activity);

    void deleteActivity(String arn);

    ActivityRecord activity(String arn);

    List<ActivityRecord> activities();

    /** Records an execution when it starts and again whenever it ends. */
    void saveExecution(ExecutionRecord execution);

    /** An event of a running execution, as it is written (the record holds it already). */
    default void eventAdded(ExecutionRecord execution, HistoryEvent event) {
    }

    ExecutionRecord execution(String arn);

    /** A state machine's executions, newest first. */
    List<ExecutionRecord> executions(String stateMachineArn);

    @Override
    void close();
}
