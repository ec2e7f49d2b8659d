package dev.sfnrun.task.load;

/**
 * Reads a Task state's Resource: a Lambda function (legacy form: name, partial or full ARN, with
 * or without a qualifier), or a service integration {@code arn:aws:states:::service:action[.pattern]}.
 */
public final class ResourceResolver {
    private ResourceResolver() {
    }

    /** What a resource names. {@code resourceType}/{@code resource} are AWS's event fields for integrations. */
    public record Resolved(Kind kind, String functionName, String resourceType, String resource) {
    }

    public enum Kind { LAMBDA, INTEGRATION, ACTIVITY }

    public static Resolved resolve(String arn) {
        if (arn.startsWith("arn:") && arn.contains(":states:::")) {
            String rest = arn.substring(arn.indexOf(":states:::") + ":states:::".length());
            // "lambda:invoke", "states:startExecution.sync:2", "aws-sdk:s3:getObject"
            int split = rest.indexOf(':', rest.startsWith("aws-sdk:") ? "aws-sdk:".length() : 0);
            String service = split < 0 ? rest : rest.substring(0, split);
            String action = split < 0 ? "" : rest.substring(split + 1);
            return new Resolved(Kind.INTEGRATION, null, service, action);
        }
        String[] parts = arn.split(":");
        if (arn.startsWith("arn:") && parts.length >= 6 && parts[5].equals("activity")) {
            return new Resolved(Kind.ACTIVITY, parts.length > 6 ? parts[6] : "", "activity", arn);
        }
        // Lambda: "name", "name:qualifier", "123456789012:function:name", "arn:aws:lambda:region:acct:function:name[:qualifier]"
        int function = indexOf(parts, "function");
        String name = function >= 0 && function + 1 < parts.length ? parts[function + 1] : parts[0];
        return new Resolved(Kind.LAMBDA, name, "lambda", arn);
    }

    private static int indexOf(String[] parts, String value) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(value)) {
                return i;
            }
        }
        return -1;
    }
}
