package dev.sfnrun.task.load;

/**
 * Reads a Task state's Resource: a Lambda function (legacy form: name, partial or full ARN, with
 * or without a version or alias), an activity, or a service integration
 * {@code arn:aws:states:::service:action[.pattern]}.
 */
public final class ResourceResolver {
    private static final String INTEGRATION = ":states:::";
    private static final String WAIT_FOR_TASK_TOKEN = ".waitForTaskToken";

    private ResourceResolver() {
    }

    /**
     * What a resource names. {@code resourceType}/{@code resource} are AWS's event fields for
     * integrations ({@code lambda}/{@code invoke.waitForTaskToken}); {@code bindingName} is the
     * name a task function is looked up by.
     */
    public record Resolved(Kind kind, String arn, String functionName, String resourceType, String resource) {
        /** True for {@code arn:aws:states:::lambda:invoke} and {@code lambda:invoke.waitForTaskToken}. */
        public boolean isLambdaInvoke() {
            return kind == Kind.INTEGRATION && resourceType.equals("lambda") && action().equals("invoke");
        }

        public boolean waitForTaskToken() {
            return kind == Kind.INTEGRATION && resource.endsWith(WAIT_FOR_TASK_TOKEN);
        }

        /** The integration's API action without its pattern ({@code startExecution.sync:2} → {@code startExecution}). */
        public String action() {
            int dot = resource.indexOf('.');
            return dot < 0 ? resource : resource.substring(0, dot);
        }

        /** The name a task function is bound to: function name, activity name, or {@code service:action}. */
        public String bindingName() {
            return switch (kind) {
                case LAMBDA, ACTIVITY -> functionName;
                case INTEGRATION -> action().isEmpty() ? resourceType : resourceType + ":" + action();
            };
        }
    }

    public enum Kind { LAMBDA, INTEGRATION, ACTIVITY }

    public static Resolved resolve(String arn) {
        int integration = arn.indexOf(INTEGRATION);
        if (arn.startsWith("arn:") && integration >= 0) {
            String rest = arn.substring(integration + INTEGRATION.length());
            // "lambda:invoke", "states:startExecution.sync:2", "aws-sdk:s3:getObject"
            int split = rest.indexOf(':', rest.startsWith("aws-sdk:") ? "aws-sdk:".length() : 0);
            String service = split < 0 ? rest : rest.substring(0, split);
            String action = split < 0 ? "" : rest.substring(split + 1);
            return new Resolved(Kind.INTEGRATION, arn, null, service, action);
        }
        String[] parts = arn.split(":");
        if (arn.startsWith("arn:") && parts.length >= 7 && parts[5].equals("activity")) {
            return new Resolved(Kind.ACTIVITY, arn, parts[6], "activity", arn);
        }
        return new Resolved(Kind.LAMBDA, arn, functionName(arn), "lambda", arn);
    }

    /**
     * The function name in any form Lambda accepts: {@code name}, {@code name:qualifier},
     * {@code 123456789012:function:name[:qualifier]},
     * {@code arn:aws:lambda:region:account:function:name[:qualifier]}.
     */
    public static String functionName(String reference) {
        String[] parts = reference.split(":");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("function")) {
                return parts[i + 1];
            }
        }
        return parts[0];
    }

    /** The version or alias after the function name, or null. */
    public static String qualifier(String reference) {
        String[] parts = reference.split(":");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].equals("function")) {
                return i + 2 < parts.length ? parts[i + 2] : null;
            }
        }
        return parts.length == 2 ? parts[1] : null;
    }
}
