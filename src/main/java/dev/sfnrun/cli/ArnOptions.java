package dev.sfnrun.cli;

import java.util.regex.Pattern;

/** {@code --region} and {@code --account}, which go into every ARN: refused unless they have AWS's form. */
final class ArnOptions {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    private ArnOptions() {
    }

    static void check(String region, String account) {
        if (!REGION.matcher(region).matches()) {
            throw new UsageError("--region '" + region + "': not an AWS region name (as us-east-1 or eu-west-2)");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new UsageError("--account '" + account + "': an AWS account id is 12 digits (as 123456789012)");
        }
    }
}
