package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateMachine;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.query.Json;
import dev.sfnrun.task.TaskContext;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.WorkerTaskFunction;
import dev.sfnrun.task.load.MockConfig;
import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import dev.sfnrun.task.load.TaskLoadException;
import dev.sfnrun.task.load.TaskRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * What the server's executions call: the functions bound on the command line (one registry for
 * the server's life, closed when it stops), Step Functions Local's mocks selected per execution,
 * and the server's own answers to {@code .waitForTaskToken} tasks and activities, which hand
 * their token to {@link TaskTokens} (and, for an activity, the task to its queue).
 */
final class ServerTasks implements AutoCloseable {
    private final TaskRegistry shared;
    private final Path mockConfig;
    private final TaskTokens tokens;
    private final ActivityQueues activities;
    /** One registry per state machine revision and test case. */
    private final Map<Object, TaskRegistry> registries = new ConcurrentHashMap<>();

    ServerTasks(TaskRegistry shared, Path mockConfig, TaskTokens tokens, ActivityQueues activities) {
        this.shared = shared;
        this.mockConfig = mockConfig;
        this.tokens = tokens;
        this.activities = activities;
    }

    /**
     * The registry for executions of {@code revision} answering from {@code testCase} (or null).
     *
     * @throws ApiException when the mock file has no such test case
     */
    TaskRegistry registry(StateMachineRecord machine, StateMachineRecord.Revision revision, String testCase) {
        Key key = new Key(revision, testCase);
        TaskRegistry found = registries.get(key);
        if (found != null) {
            return found;
        }
        TaskRegistry registry = build(machine, revision.model(), testCase);
        registries.put(key, registry);
        return registry;
    }

    /** A revision by identity (its model's own hashCode walks the whole definition) and a test case. */
    private static final class Key {
        private final StateMachineRecord.Revision revision;
        private final String testCase;

        Key(StateMachineRecord.Revision revision, String testCase) {
            this.revision = revision;
            this.testCase = testCase;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.revision == revision && java.util.Objects.equals(key.testCase, testCase);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(revision) * 31 + java.util.Objects.hashCode(testCase);
        }
    }

    private TaskRegistry build(StateMachineRecord machine, StateMachine model, String testCase) {
        TaskRegistry registry = new TaskRegistry();
        String executionPrefix = machine.arn.replace(":stateMachine:", ":execution:") + ":";
        for (TaskState task : model.graph().tasks(true)) {
            Resolved resolved = ResourceResolver.resolve(task.resource());
            boolean activity = resolved.kind() == ResourceResolver.Kind.ACTIVITY;
            if ((activity || resolved.waitForTaskToken()) && registry.find(task.resource()) == null) {
                TaskFunction own = shared.find(task.resource());
                if (own == null && !activity) {
                    own = shared.find(resolved.bindingName());
                }
                registry.bind(task.resource(), activity ? activityTask(task.resource(), executionPrefix)
                        : tokenTask(own, executionPrefix));
            }
        }
        for (String name : shared.names()) {
            if (registry.find(name) == null) {
                registry.bind(name, shared.find(name));
            }
        }
        if (testCase != null) {
            if (mockConfig == null) {
                throw ApiErrors.validation("No mock file is configured for test case '" + testCase
                        + "': start the server with --mock-config FILE or SFN_MOCK_CONFIG");
            }
            try {
                MockConfig.apply(mockConfig, machine.name, testCase, registry);
            } catch (TaskLoadException e) {
                throw ApiErrors.validation(e.getMessage());
            }
        }
        return registry;
    }

    /** A {@code .waitForTaskToken} call: its token is registered, then the bound function (if any) is called. */
    private TaskFunction tokenTask(TaskFunction own, String executionPrefix) {
        return (JsonNode input, TaskContext context) -> {
            tokens.register(context.taskToken(), executionPrefix + context.executionName(), context);
            return own != null ? own.invoke(input, context) : Json.object();
        };
    }

    /**
     * An activity task: queued for a worker, started when one takes it (GetActivityTask), then waits
     * for SendTaskSuccess/Failure (or its timeout).
     */
    private TaskFunction activityTask(String activityArn, String executionPrefix) {
        return (WorkerTaskFunction) (JsonNode input, TaskContext context) -> {
            tokens.register(context.taskToken(), executionPrefix + context.executionName(), context);
            activities.offer(activityArn, new ActivityQueues.Work(context.taskToken(), Json.compact(input), context));
            new CountDownLatch(1).await(); // the answer ends the call; the engine interrupts this wait
            return null;
        };
    }

    @Override
    public void close() {
        shared.close();
    }
}
