package dev.sfnrun.definition.validate;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The actions (with their integration patterns) of the optimized integrations whose whole list is
 * small and documented: a Task {@code Resource} naming another action of one of these services
 * cannot be created on AWS ({@code The resource provided arn:aws:states:::dynamodb:query is not
 * recognized ...}, recorded). Services not listed here are not judged: an action of theirs passes.
 */
final class OptimizedIntegrations {
    private static final Pattern OPTIMIZED = Pattern.compile("arn:[a-z0-9-]+:states:::([a-z0-9-]+):(.+)");
    private static final Map<String, Set<String>> ACTIONS = Map.of(
            "dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem"),
            "sqs", Set.of("sendMessage", "sendMessage.waitForTaskToken"),
            "sns", Set.of("publish", "publish.waitForTaskToken"),
            "lambda", Set.of("invoke", "invoke.waitForTaskToken"),
            "events", Set.of("putEvents", "putEvents.waitForTaskToken"),
            "apigateway", Set.of("invoke", "invoke.waitForTaskToken"),
            "states", Set.of("startExecution", "startExecution.sync", "startExecution.sync:2",
                    "startExecution.waitForTaskToken"));

    private OptimizedIntegrations() {
    }

    /** Whether {@code resource} names an action (with its pattern) that its optimized service does not have. */
    static boolean unrecognized(String resource) {
        Matcher matcher = OPTIMIZED.matcher(resource);
        if (!matcher.matches()) {
            return false;
        }
        Set<String> actions = ACTIONS.get(matcher.group(1));
        return actions != null && !actions.contains(matcher.group(2));
    }
}
