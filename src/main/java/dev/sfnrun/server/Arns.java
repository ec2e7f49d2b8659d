package dev.sfnrun.server;

/**
 * Step Functions ARNs: {@code arn:aws:states:REGION:ACCOUNT:TYPE:NAME[:...]}, made and checked
 * with AWS's InvalidArn messages.
 */
final class Arns {
    private Arns() {
    }

    /** A parsed ARN: its resource type ({@code stateMachine}, {@code execution}, {@code express}, {@code activity}) and the parts after it. */
    record Arn(String text, String region, String account, String type, String[] names) {
        String name() {
            return names[0];
        }
    }

    static String stateMachine(String region, String account, String name) {
        return "arn:aws:states:" + region + ":" + account + ":stateMachine:" + name;
    }

    static String execution(String region, String account, String machine, String name) {
        return "arn:aws:states:" + region + ":" + account + ":execution:" + machine + ":" + name;
    }

    static String activity(String region, String account, String name) {
        return "arn:aws:states:" + region + ":" + account + ":activity:" + name;
    }

    /** @throws ApiException InvalidArn when {@code text} is no Step Functions ARN */
    static Arn parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 7 || !parts[0].equals("arn") || !parts[1].startsWith("aws") || !parts[2].equals("states")
                || parts[3].isEmpty() || parts[4].isEmpty()) {
            throw ApiErrors.invalidArnPrefix(text);
        }
        String[] names = java.util.Arrays.copyOfRange(parts, 6, parts.length);
        for (String name : names) {
            if (name.isEmpty()) {
                throw ApiErrors.invalidArn("Invalid ARN: " + text);
            }
        }
        return new Arn(text, parts[3], parts[4], parts[5], names);
    }

    /** An ARN of one of {@code types}, with {@code minNames} to {@code maxNames} parts after the type. */
    static Arn parse(String text, int minNames, int maxNames, String... types) {
        Arn arn = parse(text);
        if (!java.util.List.of(types).contains(arn.type())) {
            throw ApiErrors.wrongResourceType(arn.type());
        }
        if (arn.names().length < minNames || arn.names().length > maxNames) {
            throw ApiErrors.invalidArn("Invalid ARN: " + text);
        }
        return arn;
    }
}
