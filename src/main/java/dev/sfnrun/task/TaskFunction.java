package dev.sfnrun.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Code that serves a Task state's resource: the effective input in (after InputPath and
 * Parameters), the result out (before ResultSelector, ResultPath and OutputPath).
 *
 * <p>Failing: throw {@link TaskFailure} to fail with an exact error name and cause, which is what
 * Retry and Catch match. Any other exception fails the task with the exception's simple class name
 * as the error ({@code IllegalStateException}) and a Lambda-style cause
 * ({@code {"errorMessage": "...", "errorType": "..."}}). An {@link Error} (OutOfMemoryError,
 * StackOverflowError) fails the task the way a crashing Lambda does ({@code Lambda.Unknown}); the
 * runner carries on.
 *
 * <p>Threads: each invocation runs on its own worker thread, so a Task's TimeoutSeconds can end
 * it. On timeout the worker is interrupted and then abandoned; it is a daemon thread and cannot
 * keep the process alive, but code that ignores interruption keeps running until it returns.
 *
 * <p>Finding functions: bind an instance through {@code TaskRegistry.bind(name, function)}, name
 * a class with {@code --task NAME=fully.qualified.Class}, or list the class in
 * {@code META-INF/services/dev.sfnrun.task.TaskFunction} of a jar or directory given with
 * {@code --classpath}; such a class is bound to the name in its {@link TaskName} annotation, or
 * else to its simple class name. Classes need a public no-argument constructor.
 *
 * <p>Which name serves which resource: a Lambda resource (function name, partial or full ARN,
 * with or without version or alias) and {@code arn:aws:states:::lambda:invoke}'s
 * {@code FunctionName} use the function name ({@code arn:aws:lambda:us-east-1:123456789012:function:Greet:prod}
 * → {@code Greet}); other integrations use the resource ARN as written, or its
 * {@code service:action} part without the integration pattern ({@code dynamodb:putItem},
 * {@code aws-sdk:s3:getObject}, {@code sqs:sendMessage}); activities use the activity name.
 */
@FunctionalInterface
public interface TaskFunction {
    /**
     * Runs one invocation.
     *
     * @param input   the effective input; for {@code lambda:invoke}, the {@code Payload}
     * @param context the call: state, execution, attempt, task token, remaining time, heartbeat
     * @return the result (null is JSON null); for a {@code .waitForTaskToken} task, the response
     *         of the call that hands the token on (the task's result comes through
     *         {@link TaskContext#callback()})
     */
    JsonNode invoke(JsonNode input, TaskContext context) throws Exception;
}
