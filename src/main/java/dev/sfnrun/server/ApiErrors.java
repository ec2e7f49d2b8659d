package dev.sfnrun.server;

/** The errors of the API with AWS's recorded messages (../shared/sfn-api-errors.json). */
final class ApiErrors {
    private ApiErrors() {
    }

    static ApiException invalidArnPrefix(String arn) {
        return new ApiException("InvalidArn", "Invalid Arn: 'Invalid ARN prefix: " + arn + "'");
    }

    static ApiException invalidArn(String reason) {
        return new ApiException("InvalidArn", "Invalid Arn: '" + reason + "'");
    }

    static ApiException wrongResourceType(String type) {
        return invalidArn("Resource type not valid in this context: " + type);
    }

    static ApiException stateMachineDoesNotExist(String arn) {
        return new ApiException("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
    }

    static ApiException stateMachineAlreadyExists(String arn) {
        return new ApiException("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
    }

    static ApiException executionDoesNotExist(String arn) {
        return new ApiException("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
    }

    static ApiException executionAlreadyExists(String arn) {
        return new ApiException("ExecutionAlreadyExists", "Execution Already Exists: '" + arn + "'");
    }

    static ApiException activityDoesNotExist(String arn) {
        return new ApiException("ActivityDoesNotExist", "Activity Does Not Exist: '" + arn + "'");
    }

    static ApiException invalidName(String name) {
        return new ApiException("InvalidName", "Invalid Name: '" + name + "'");
    }

    static ApiException invalidDefinition(String detail) {
        return new ApiException("InvalidDefinition", "Invalid State Machine Definition: '" + detail + "'");
    }

    static ApiException invalidInput(String detail) {
        return new ApiException("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + detail + "'");
    }

    static ApiException invalidToken(String detail) {
        return new ApiException("InvalidToken", "Invalid Token: '" + detail + "'");
    }

    static ApiException typeNotSupported() {
        return new ApiException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
    }

    static ApiException resourceNotFound(String arn) {
        return new ApiException("ResourceNotFound", "Resource not found: '" + arn + "'").with("resourceName", arn);
    }

    static ApiException validation(String message) {
        return new ApiException("com.amazon.coral.validate#ValidationException", message, 400);
    }

    /** One ValidationException listing broken constraints in AWS's words: {@code 2 validation errors detected: ...; ...}. */
    static ApiException validation(java.util.List<String> problems) {
        return validation(problems.size() + (problems.size() == 1 ? " validation error" : " validation errors")
                + " detected: " + String.join("; ", problems));
    }

    static ApiException serialization(String message) {
        return new ApiException("com.amazon.coral.service#SerializationException", message, 400);
    }

    /** AWS's documented text (the API reference's; no answer recorded). */
    static ApiException executionLimitExceeded() {
        return new ApiException("ExecutionLimitExceeded", "The maximum number of running executions has been reached. "
                + "Running executions must end or be stopped before a new execution can be started.");
    }

    /** AWS's throttling answer, which the SDKs retry with back-off. */
    static ApiException throttling() {
        return new ApiException("com.amazon.coral.availability#ThrottlingException", "Rate exceeded", 400);
    }

    static ApiException unknownOperation() {
        return new ApiException("com.amazon.coral.service#UnknownOperationException", null, 400);
    }
}
