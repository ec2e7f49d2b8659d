package dev.sfnrun.template;

import java.util.Locale;

/**
 * What {@code Ref} and {@code Fn::GetAtt} of a template resource stand for locally, as
 * {@code sam local} users expect: a name taken from the resource (its name property, else its
 * logical id) and, for {@code Arn} attributes, a well-formed ARN of the resource's type in the
 * run's region and account. The same template always gives the same values.
 */
final class StandIns {
    private final String partition;
    private final String region;
    private final String account;

    StandIns(String region, String account) {
        this.partition = partition(region);
        this.region = region;
        this.account = account;
    }

    static String partition(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    String partition() {
        return partition;
    }

    /** {@code Ref} of a resource of {@code type} named {@code name}. */
    String ref(String type, String name) {
        return switch (type) {
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine",
                 "AWS::StepFunctions::Activity", "AWS::SNS::Topic", "AWS::Lambda::Version", "AWS::Lambda::Alias",
                 "AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion", "AWS::IAM::ManagedPolicy" ->
                    arn(type, name);
            case "AWS::SQS::Queue" -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + name;
            case "AWS::S3::Bucket" -> bucketName(name);
            default -> name;
        };
    }

    /** {@code Fn::GetAtt} of attribute {@code attribute} of a resource of {@code type} named {@code name}. */
    String attribute(String type, String name, String attribute) {
        String lower = attribute.toLowerCase(Locale.ROOT);
        if (type.equals("AWS::SQS::Queue") && attribute.equals("QueueUrl")) {
            return ref(type, name);
        }
        if (type.equals("AWS::S3::Bucket")) {
            String bucket = bucketName(name);
            switch (attribute) {
                case "DomainName": return bucket + ".s3.amazonaws.com";
                case "RegionalDomainName": return bucket + ".s3." + region + ".amazonaws.com";
                case "WebsiteURL": return "http://" + bucket + ".s3-website-" + region + ".amazonaws.com";
                default: break;
            }
        }
        if (type.equals("AWS::DynamoDB::Table") && attribute.equals("StreamArn")) {
            return arn(type, name) + "/stream/1970-01-01T00:00:00.000";
        }
        if (lower.endsWith("arn")) {
            return arn(type, name);
        }
        if (lower.endsWith("name")) {
            return type.equals("AWS::S3::Bucket") ? bucketName(name) : name;
        }
        if (lower.endsWith("id")) {
            return name;
        }
        return name + "." + attribute;
    }

    /** An ARN of a resource of {@code type}; types not listed get {@code arn:<partition>:<service>:<region>:<account>:<kind>/<name>}. */
    String arn(String type, String name) {
        String prefix = "arn:" + partition + ":";
        String at = ":" + region + ":" + account + ":";
        return switch (type) {
            case "AWS::Serverless::Function", "AWS::Lambda::Function" -> prefix + "lambda" + at + "function:" + name;
            case "AWS::Lambda::Version", "AWS::Lambda::Alias" -> prefix + "lambda" + at + "function:" + name;
            case "AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion" -> prefix + "lambda" + at + "layer:" + name + ":1";
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine" ->
                    prefix + "states" + at + "stateMachine:" + name;
            case "AWS::StepFunctions::Activity" -> prefix + "states" + at + "activity:" + name;
            case "AWS::SQS::Queue" -> prefix + "sqs" + at + name;
            case "AWS::SNS::Topic" -> prefix + "sns" + at + name;
            case "AWS::S3::Bucket" -> prefix + "s3:::" + bucketName(name);
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable" -> prefix + "dynamodb" + at + "table/" + name;
            case "AWS::IAM::Role" -> prefix + "iam::" + account + ":role/" + name;
            case "AWS::IAM::ManagedPolicy" -> prefix + "iam::" + account + ":policy/" + name;
            case "AWS::IAM::User" -> prefix + "iam::" + account + ":user/" + name;
            case "AWS::Events::EventBus" -> prefix + "events" + at + "event-bus/" + name;
            case "AWS::Events::Rule" -> prefix + "events" + at + "rule/" + name;
            case "AWS::Logs::LogGroup" -> prefix + "logs" + at + "log-group:" + name + ":*";
            case "AWS::Kinesis::Stream" -> prefix + "kinesis" + at + "stream/" + name;
            case "AWS::KMS::Key" -> prefix + "kms" + at + "key/" + name;
            case "AWS::SecretsManager::Secret" -> prefix + "secretsmanager" + at + "secret:" + name;
            case "AWS::ECS::Cluster" -> prefix + "ecs" + at + "cluster/" + name;
            case "AWS::ECS::TaskDefinition" -> prefix + "ecs" + at + "task-definition/" + name + ":1";
            case "AWS::Glue::Job" -> prefix + "glue" + at + "job/" + name;
            default -> generic(prefix, at, type, name);
        };
    }

    private static String generic(String prefix, String at, String type, String name) {
        String[] parts = type.split("::");
        String service = parts.length >= 2 ? parts[1].toLowerCase(Locale.ROOT) : "unknown";
        String kind = parts.length >= 3 ? parts[2].toLowerCase(Locale.ROOT) : "resource";
        return prefix + service + at + kind + "/" + name;
    }

    /** Bucket names are lower case. */
    private static String bucketName(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
