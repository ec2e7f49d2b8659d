package dev.sfnrun.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfnrun.definition.StateGraph;
import dev.sfnrun.definition.TaskState;
import dev.sfnrun.query.PayloadTemplate;
import dev.sfnrun.query.jsonata.JsonataTemplate;
import dev.sfnrun.task.TaskFunction;
import dev.sfnrun.task.load.ResourceResolver;
import dev.sfnrun.task.load.ResourceResolver.Resolved;
import dev.sfnrun.task.load.TaskRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the task function for a resource, and checks before a run that every Task state has one
 * (or a mocked response).
 *
 * <p>Lookup: a function bound to the resource ARN as written wins; else a Lambda resource uses
 * its function name ({@code Greet} for {@code arn:aws:lambda:us-east-1:123456789012:function:Greet:prod}),
 * with {@code Greet:prod} tried first; {@code lambda:invoke} uses its {@code FunctionName} the same way;
 * an activity its name; another integration its {@code service:action} without the pattern
 * ({@code dynamodb:putItem}, {@code aws-sdk:s3:getObject}).
 */
public final class Bindings {
    private Bindings() {
    }

    static TaskFunction find(TaskRegistry registry, Resolved resolved) {
        TaskFunction byArn = registry.find(resolved.arn());
        if (byArn != null) {
            return byArn;
        }
        if (resolved.kind() == ResourceResolver.Kind.LAMBDA) {
            return function(registry, resolved.functionName(), ResourceResolver.qualifier(resolved.arn()));
        }
        return registry.find(resolved.bindingName());
    }

    /** A Lambda function by name: {@code name:qualifier} first, then {@code name}. */
    static TaskFunction function(TaskRegistry registry, String name, String qualifier) {
        if (qualifier != null) {
            TaskFunction qualified = registry.find(name + ":" + qualifier);
            if (qualified != null) {
                return qualified;
            }
        }
        return registry.find(name);
    }

    /**
     * Throws {@link UnboundResourceException} for the first Task state (in Parallel branches and Map
     * processors too) that has neither a mocked response nor a function. A {@code lambda:invoke}
     * whose FunctionName is computed at run time is checked when it runs (Lambda's
     * ResourceNotFoundException, as on AWS).
     */
    public static void check(StateGraph graph, TaskRegistry registry) {
        List<UnboundResourceException> unbound = unbound(graph, registry);
        if (!unbound.isEmpty()) {
            throw unbound.get(0);
        }
    }

    /** Every Task state that {@link #check} would refuse, in the order of the definition (branches where they stand). */
    public static List<UnboundResourceException> unbound(StateGraph graph, TaskRegistry registry) {
        List<UnboundResourceException> found = new ArrayList<>();
        for (TaskState task : graph.tasks(true)) {
            if (registry.mockFor(task.name()) == null) {
                try {
                    checkTask(task, registry);
                } catch (UnboundResourceException e) {
                    found.add(e);
                }
            }
        }
        return found;
    }

    private static void checkTask(TaskState task, TaskRegistry registry) {
        Resolved resolved = ResourceResolver.resolve(task.resource());
        if (resolved.isLambdaInvoke()) {
            JsonNode name = literalFunctionName(task);
            if (name != null && function(registry, ResourceResolver.functionName(name.asText()),
                    ResourceResolver.qualifier(name.asText())) == null && registry.find(name.asText()) == null) {
                String field = (task.common().dataFlow().parameters() != null ? "Parameters" : "Arguments") + ".FunctionName";
                throw new UnboundResourceException(task.name(), field, name.asText(),
                        ResourceResolver.functionName(name.asText()));
            }
            return;
        }
        if (find(registry, resolved) == null) {
            throw new UnboundResourceException(task.name(), task.resource(), resolved.bindingName());
        }
    }

    /** The FunctionName written literally in Parameters/Arguments, or null when it is computed. */
    private static JsonNode literalFunctionName(TaskState task) {
        Object parameters = task.common().dataFlow().parameters();
        if (parameters == null) {
            parameters = task.arguments();
        }
        JsonNode name = null;
        if (parameters instanceof PayloadTemplate template) {
            name = template.literal().get("FunctionName");
        } else if (parameters instanceof JsonataTemplate template) {
            name = template.literalMember("FunctionName");
        }
        return name != null && name.isTextual() ? name : null;
    }
}
