package dev.sfnrun.template;

import java.util.Map;

/**
 * How a template's values resolve locally: the pseudo parameters' region, account and stack name,
 * and values for the template's Parameters ({@code --parameter-overrides Name=Value}).
 */
public record TemplateOptions(String region, String account, String stackName, Map<String, String> parameterOverrides) {
    public static final String DEFAULT_STACK_NAME = "sfn-run-local";

    public TemplateOptions {
        parameterOverrides = Map.copyOf(parameterOverrides);
        stackName = stackName == null ? DEFAULT_STACK_NAME : stackName;
    }

    public static TemplateOptions defaults() {
        return new TemplateOptions("us-east-1", "123456789012", null, Map.of());
    }
}
