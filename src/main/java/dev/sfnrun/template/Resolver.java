package dev.sfnrun.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.validate.SourceMap;
import dev.sfnrun.query.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves CloudFormation's intrinsic functions in a template's values, as {@code sam local} does:
 * {@code Ref} and {@code Fn::GetAtt} of resources give {@link StandIns}; pseudo parameters come from
 * the options; Parameters from {@code --parameter-overrides} or their {@code Default}. What cannot be
 * resolved locally ({@code Fn::ImportValue}, a reference to nothing) is a {@link TemplateException}
 * naming the template path of the value.
 */
final class Resolver {
    /**
     * How deep a value may nest, counting its objects and lists, its intrinsic functions and the resource
     * names and conditions they refer to, and theirs: the template reader's own limit, so that a value
     * the reader accepts (an inline definition 400 levels deep) is never refused for its nesting alone.
     */
    private static final int MAX_DEPTH = YamlReader.MAX_DEPTH;
    /**
     * The longest string an intrinsic function may build (Fn::Sub, Fn::Join, Fn::Base64,
     * Fn::ToJsonString): 1 MiB, CloudFormation's template limit and Step Functions' definition limit, so
     * that names referring to names twice over ({@code !Sub "${R1}${R1}"}) cannot double without end.
     */
    static final int MAX_STRING = 1 << 20;

    private final String label;
    private final ObjectNode root;
    private final SourceMap sourceMap;
    private final TemplateOptions options;
    private final StandIns standIns;
    private final Map<String, JsonNode> parameterValues = new HashMap<>();
    private final Map<String, Boolean> conditionValues = new HashMap<>();
    private final Map<String, String> resourceNames = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();

    Resolver(String label, ObjectNode root, SourceMap sourceMap, TemplateOptions options) {
        this.label = label;
        this.sourceMap = sourceMap;
        this.root = root;
        this.options = options;
        this.standIns = new StandIns(options.region(), options.account());
    }

    TemplateException error(String pointer, String message) {
        String last = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (last.equals("Ref") || last.startsWith("Fn::")) { // the path of the value, not of its function
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return new TemplateException(label + ": " + Pointers.dotted(pointer) + ": " + message,
                sourceMap == null ? null : sourceMap.position(pointer));
    }

    JsonNode resources() {
        return root.path("Resources");
    }

    /** The resource's type, or null when the template has no such resource. */
    String typeOf(String logicalId) {
        JsonNode resource = resources().get(logicalId);
        return resource == null ? null : resource.path("Type").asText(null);
    }

    /**
     * {@code node} with every intrinsic function replaced by its value; {@code pointer} is where
     * {@code node} sits in the template. A property that resolves to {@code AWS::NoValue} is dropped.
     */
    JsonNode resolve(JsonNode node, String pointer) {
        JsonNode value = resolve(node, pointer, 0);
        if (textSize(value, SourceFiles.MAX_BYTES) > SourceFiles.MAX_BYTES) { // the same long name referred to over and over
            throw error(pointer, "the value resolves to more than " + SourceFiles.MAX_BYTES + " characters of text (16 MiB,"
                    + " the most sfn-run reads from a file)");
        }
        return value.isMissingNode() ? Json.NODES.nullNode() : value;
    }

    private JsonNode resolve(JsonNode node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw tooDeep(pointer);
        }
        if (node.isObject()) {
            if (node.size() == 1) {
                String key = node.fieldNames().next();
                if (key.equals("Ref") || key.startsWith("Fn::")) {
                    return intrinsic(key, node.get(key), Pointers.child(pointer, key), depth);
                }
            }
            ObjectNode copy = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = resolve(field.getValue(), Pointers.child(pointer, field.getKey()), depth + 1);
                if (!value.isMissingNode()) {
                    copy.set(field.getKey(), value);
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.array();
            for (int i = 0; i < node.size(); i++) {
                JsonNode value = resolve(node.get(i), Pointers.child(pointer, i), depth + 1);
                if (!value.isMissingNode()) {
                    copy.add(value);
                }
            }
            return copy;
        }
        return node;
    }

    /**
     * The depth counts along references too (a Ref to a resource whose name refers to the next one, a
     * condition of a condition), so a chain of thousands is an error, never a stack overflow.
     */
    private TemplateException tooDeep(String pointer) {
        List<String> segments = Pointers.segments(pointer);
        String value = "";
        for (String segment : segments) { // the value holding the intrinsics, not a place inside them
            if (segment.equals("Ref") || segment.startsWith("Fn::")) {
                break;
            }
            value = Pointers.child(value, segment);
        }
        return error(value, "nested more than " + MAX_DEPTH + " levels deep (counting its mappings and lists, its"
                + " intrinsic functions and the resource names and conditions they refer to, and theirs)");
    }

    /** A resolved value that must be text (a string, number or boolean). */
    String text(JsonNode node, String pointer) {
        JsonNode value = resolve(node, pointer);
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw error(pointer, "expected a string, found " + describe(value));
    }

    private static String describe(JsonNode value) {
        return value.isArray() ? "a list" : value.isObject() ? "a mapping"
                : value.isNull() || value.isMissingNode() ? "nothing" : value.toString();
    }

    private JsonNode intrinsic(String name, JsonNode arg, String pointer, int depth) {
        return switch (name) {
            case "Ref" -> ref(textArg(arg, pointer, depth), pointer, depth);
            case "Fn::GetAtt" -> getAtt(arg, pointer, depth);
            case "Fn::Sub" -> Json.NODES.textNode(sub(arg, pointer, depth));
            case "Fn::Join" -> Json.NODES.textNode(join(arg, pointer, depth));
            case "Fn::Select" -> select(arg, pointer, depth);
            case "Fn::Split" -> split(arg, pointer, depth);
            case "Fn::If" -> ifThen(arg, pointer, depth);
            case "Fn::FindInMap" -> findInMap(arg, pointer, depth);
            case "Fn::Base64" -> Json.NODES.textNode(bounded(Base64.getEncoder().encodeToString(
                    textArg(arg, pointer, depth).getBytes(StandardCharsets.UTF_8)), pointer, name));
            case "Fn::GetAZs" -> {
                ArrayNode zones = Json.array();
                for (String zone : new String[] {"a", "b", "c"}) {
                    zones.add(options.region() + zone);
                }
                yield zones;
            }
            case "Fn::ToJsonString" -> {
                JsonNode value = resolve(arg, pointer, depth + 1);
                if (textSize(value, MAX_STRING) > MAX_STRING) { // measured before it is written out
                    throw tooLong(pointer, name);
                }
                yield Json.NODES.textNode(bounded(Json.compact(value), pointer, name));
            }
            case "Fn::Length" -> Json.NODES.numberNode(list(arg, pointer, depth).size());
            case "Fn::ImportValue" -> throw error(pointer, "Fn::ImportValue reads another stack's exports, which"
                    + " cannot be resolved locally; pass the value as a template parameter instead");
            default -> throw error(pointer, name + " cannot be resolved locally");
        };
    }

    /** {@code text}, unless it is longer than {@link #MAX_STRING}. */
    private String bounded(String text, String pointer, String function) {
        if (text.length() > MAX_STRING) {
            throw tooLong(pointer, function);
        }
        return text;
    }

    /** Appends {@code text} to a string being built, which must stay within {@link #MAX_STRING}. */
    private void append(StringBuilder out, CharSequence text, int start, int end, String pointer, String function) {
        if (out.length() + (end - start) > MAX_STRING) {
            throw tooLong(pointer, function);
        }
        out.append(text, start, end);
    }

    private void append(StringBuilder out, CharSequence text, String pointer, String function) {
        append(out, text, 0, text.length(), pointer, function);
    }

    private TemplateException tooLong(String pointer, String function) {
        return error(pointer, function + " builds a string of more than " + MAX_STRING + " characters (1 MiB, the most"
                + " a CloudFormation template or a state machine definition holds)");
    }

    /** The characters of the strings (and keys) in {@code value}, counted up to a little past {@code limit}. */
    static long textSize(JsonNode value, long limit) {
        if (value.isTextual()) {
            return value.asText().length();
        }
        long size = 2;
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext() && size <= limit) {
                Map.Entry<String, JsonNode> field = fields.next();
                size += field.getKey().length() + 4 + textSize(field.getValue(), limit - size);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size() && size <= limit; i++) {
                size += 1 + textSize(value.get(i), limit - size);
            }
        } else {
            size = value.toString().length();
        }
        return size;
    }

    private String textArg(JsonNode arg, String pointer, int depth) {
        JsonNode value = resolve(arg, pointer, depth + 1);
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw error(pointer, "expected a string, found " + describe(value));
    }

    private ArrayNode list(JsonNode arg, String pointer, int depth) {
        JsonNode value = resolve(arg, pointer, depth + 1);
        if (!value.isArray()) {
            throw error(pointer, "expected a list, found " + describe(value));
        }
        return (ArrayNode) value;
    }

    private JsonNode argument(JsonNode arg, int index, int count, String pointer, String function) {
        if (!arg.isArray() || arg.size() != count) {
            throw error(pointer, function + " takes a list of " + count + " values");
        }
        return arg.get(index);
    }

    // ---- Ref and Fn::GetAtt

    private JsonNode ref(String name, String pointer, int depth) {
        JsonNode parameter = root.path("Parameters").get(name);
        if (parameter != null) {
            return parameter(name, parameter);
        }
        switch (name) {
            case "AWS::Region": return Json.NODES.textNode(options.region());
            case "AWS::AccountId": return Json.NODES.textNode(options.account());
            case "AWS::Partition": return Json.NODES.textNode(standIns.partition());
            case "AWS::StackName": return Json.NODES.textNode(options.stackName());
            case "AWS::StackId": return Json.NODES.textNode("arn:" + standIns.partition() + ":cloudformation:"
                    + options.region() + ":" + options.account() + ":stack/" + options.stackName()
                    + "/00000000-0000-0000-0000-000000000000");
            case "AWS::URLSuffix": return Json.NODES.textNode(standIns.partition().equals("aws-cn")
                    ? "amazonaws.com.cn" : "amazonaws.com");
            case "AWS::NoValue": return MissingNode.getInstance();
            case "AWS::NotificationARNs": return Json.array();
            default: break;
        }
        String type = resourceType(name);
        if (type == null) {
            String generated = samGenerated(name, pointer, depth);
            if (generated != null) {
                return Json.NODES.textNode(generated);
            }
            throw error(pointer, "Ref to '" + name + "', which is not a parameter, pseudo parameter or resource of the template");
        }
        notCreated(name, "Ref to", pointer, depth);
        return Json.NODES.textNode(standIns.ref(type, resourceName(name, depth)));
    }

    private JsonNode getAtt(JsonNode arg, String pointer, int depth) {
        String logicalId;
        String attribute;
        if (arg.isTextual() && arg.asText().contains(".")) {
            int dot = arg.asText().indexOf('.');
            logicalId = arg.asText().substring(0, dot);
            attribute = arg.asText().substring(dot + 1);
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual()) {
            logicalId = arg.get(0).asText();
            attribute = textArg(arg.get(1), Pointers.child(pointer, 1), depth);
        } else {
            throw error(pointer, "Fn::GetAtt takes [LogicalId, Attribute] or LogicalId.Attribute");
        }
        String type = resourceType(logicalId);
        if (type == null) {
            throw error(pointer, "Fn::GetAtt of '" + logicalId + "', which is not a resource of the template");
        }
        notCreated(logicalId, "Fn::GetAtt of", pointer, depth);
        return Json.NODES.textNode(standIns.attribute(type, resourceName(logicalId, depth), attribute));
    }

    /**
     * The ARN of the alias or version SAM makes for a function or state machine with AutoPublishAlias,
     * by its referenceable property ({@code Fn.Alias}, {@code Fn.Version}) or its generated logical id
     * ({@code FnAliaslive}, {@code FnVersion} and a hash): {@code ...:function:Fn:live}, {@code ...:function:Fn:1}
     * (version 1 standing for the one published); null when {@code name} is neither.
     */
    private String samGenerated(String name, String pointer, int depth) {
        Iterator<Map.Entry<String, JsonNode>> resources = resources().fields();
        while (resources.hasNext()) {
            Map.Entry<String, JsonNode> resource = resources.next();
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            boolean function = type.equals("AWS::Serverless::Function");
            if (!name.startsWith(id) || !function && !type.equals("AWS::Serverless::StateMachine")) {
                continue;
            }
            String rest = name.substring(id.length());
            boolean version = rest.equals(".Version") || rest.matches("Version[0-9a-f]+");
            if (!version && !rest.equals(".Alias") && !rest.startsWith("Alias")) {
                continue;
            }
            String alias = autoPublishAlias(id, resource.getValue(), type, depth);
            if (alias == null || !version && !rest.equals(".Alias") && !rest.equals("Alias" + alias)) {
                continue;
            }
            notCreated(id, "Ref to", pointer, depth);
            String qualified = resourceName(id, depth) + ":" + (version ? "1" : alias);
            return function ? standIns.arn("AWS::Lambda::Alias", qualified)
                    : standIns.arn("AWS::StepFunctions::StateMachine", qualified);
        }
        return null;
    }

    /** The resource's AutoPublishAlias (SAM's Globals too), or null. */
    private String autoPublishAlias(String id, JsonNode resource, String type, int depth) {
        String at = "/Resources/" + id + "/Properties/AutoPublishAlias";
        JsonNode value = resource.path("Properties").get("AutoPublishAlias");
        if (value == null && type.equals("AWS::Serverless::Function")) {
            at = "/Globals/Function/AutoPublishAlias";
            value = root.path("Globals").path("Function").get("AutoPublishAlias");
        }
        Template.Property given = value == null ? null : present(new Template.Property(value, at), depth);
        return given == null ? null : textArg(given.value(), given.pointer(), depth);
    }

    /**
     * The condition that keeps a resource from being created (its {@code Condition} is false under
     * these parameters, or that of the function or state machine SAM makes it for), or null when it is created.
     */
    String conditionAgainst(String logicalId) {
        return conditionAgainst(logicalId, 0);
    }

    private String conditionAgainst(String logicalId, int depth) {
        JsonNode resource = resources().get(logicalId);
        if (resource == null) {
            String owner = generatedFor(logicalId);
            return owner == null ? null : conditionAgainst(owner, depth);
        }
        JsonNode condition = resource.get("Condition");
        if (condition == null) {
            return null;
        }
        String at = "/Resources/" + logicalId + "/Condition";
        if (!condition.isTextual()) {
            throw error(at, "expected the name of a condition of the template's Conditions");
        }
        return condition(condition.asText(), at, depth + 1) ? null : condition.asText();
    }

    /** As CloudFormation, a reference to a resource its condition leaves out is an error (unless an Fn::If avoids it). */
    private void notCreated(String logicalId, String what, String pointer, int depth) {
        String condition = conditionAgainst(logicalId, depth);
        if (condition != null) {
            throw error(pointer, what + " '" + logicalId + "', which is not created: its Condition " + condition
                    + " is false under these parameters (guard the reference with Fn::If [" + condition + ", ...])");
        }
    }

    /** The logical id of the SAM function or state machine for which SAM makes {@code logicalId} (its role), or null. */
    private String generatedFor(String logicalId) {
        if (logicalId.endsWith("Role")) {
            String owner = logicalId.substring(0, logicalId.length() - "Role".length());
            String type = typeOf(owner);
            if ("AWS::Serverless::Function".equals(type) || "AWS::Serverless::StateMachine".equals(type)) {
                return owner;
            }
        }
        return null;
    }

    /** The type of a resource, counting the IAM roles SAM makes for its functions and state machines. */
    private String resourceType(String logicalId) {
        String type = typeOf(logicalId);
        return type == null && generatedFor(logicalId) != null ? "AWS::IAM::Role" : type;
    }

    /** The physical name standing for a resource: its name property when it has one, else its logical id. */
    String resourceName(String logicalId) {
        return resourceName(logicalId, 0);
    }

    private String resourceName(String logicalId, int depth) {
        String known = resourceNames.get(logicalId);
        if (known != null) { // each name is resolved once: names that refer to names twice over stay linear
            return known;
        }
        String name = nameOf(logicalId, depth);
        resourceNames.put(logicalId, name);
        return name;
    }

    private String nameOf(String logicalId, int depth) {
        JsonNode resource = resources().get(logicalId);
        if (resource == null || resource.path("Type").asText().equals("AWS::Events::Rule")) {
            return logicalId;
        }
        JsonNode properties = resource.path("Properties");
        for (String property : new String[] {"FunctionName", "StateMachineName", "Name", "TableName", "QueueName",
            "TopicName", "BucketName", "RoleName", "LogGroupName", "StreamName"}) {
            JsonNode value = properties.get(property);
            if (value == null) {
                continue;
            }
            String at = "/Resources/" + logicalId + "/Properties/" + property;
            if (!resolving.add(at)) {
                throw error(at, "refers to itself");
            }
            try {
                Template.Property given = present(new Template.Property(value, at), depth);
                if (given != null) { // !If [C, name, !Ref AWS::NoValue]: no name, so the logical id
                    return textArg(given.value(), given.pointer(), depth); // one level deeper than the reference
                }
            } finally {
                resolving.remove(at);
            }
        }
        return logicalId;
    }

    /**
     * A property as CloudFormation sees it: an {@code Fn::If} is the branch its condition chooses (its
     * value and pointer), and {@code AWS::NoValue} there removes the property (null), as CloudFormation
     * removes it.
     */
    Template.Property present(Template.Property property) {
        return present(property, 0);
    }

    private Template.Property present(Template.Property property, int depth) {
        Template.Property at = property;
        while (true) {
            JsonNode value = at.value();
            if (value.isObject() && value.size() == 1 && value.path("Ref").asText().equals("AWS::NoValue")) {
                return null;
            }
            JsonNode arg = value.isObject() && value.size() == 1 ? value.get("Fn::If") : null;
            if (arg == null || !arg.isArray() || arg.size() != 3 || !arg.get(0).isTextual()) {
                return at; // anything else is resolved, and reported, as a value
            }
            String ifAt = Pointers.child(at.pointer(), "Fn::If");
            int branch = condition(arg.get(0).asText(), Pointers.child(ifAt, 0), depth + 1) ? 1 : 2;
            at = new Template.Property(arg.get(branch), Pointers.child(ifAt, branch));
        }
    }

    private JsonNode parameter(String name, JsonNode parameter) {
        JsonNode known = parameterValues.get(name);
        if (known != null) {
            return known;
        }
        String pointer = "/Parameters/" + name;
        String type = parameter.path("Type").asText("String");
        String text = options.parameterOverrides().get(name);
        if (text == null) {
            JsonNode fallback = parameter.get("Default");
            if (fallback == null) {
                throw error(pointer, "the parameter has no Default; give its value with --parameter-overrides "
                        + name + "=VALUE");
            }
            if (fallback.isArray()) {
                StringBuilder joined = new StringBuilder();
                fallback.forEach(item -> joined.append(joined.length() == 0 ? "" : ",").append(item.asText()));
                text = joined.toString();
            } else {
                text = fallback.asText();
            }
            if (type.startsWith("AWS::SSM::Parameter::Value")) {
                throw error(pointer, "the value comes from SSM Parameter Store, which cannot be read locally;"
                        + " give it with --parameter-overrides " + name + "=VALUE");
            }
        }
        if (type.equals("Number") || type.equals("List<Number>")) { // CloudFormation refuses the stack otherwise
            for (String number : type.equals("Number") ? new String[] {text} : text.split(",", -1)) {
                try {
                    new java.math.BigDecimal(number.strip());
                } catch (NumberFormatException e) {
                    throw error(pointer, "Parameter '" + name + "' must be a number. (its value is '" + text + "')");
                }
            }
        }
        JsonNode allowed = parameter.get("AllowedValues");
        if (allowed != null && allowed.isArray() && !type.startsWith("List") && !type.equals("CommaDelimitedList")) {
            boolean ok = false;
            for (JsonNode value : allowed) {
                ok |= value.asText().equals(text);
            }
            if (!ok) {
                throw error(pointer, "'" + text + "' is not one of the AllowedValues " + allowed);
            }
        }
        JsonNode value;
        if (type.equals("CommaDelimitedList") || type.startsWith("List<")) {
            ArrayNode items = Json.array();
            for (String item : text.split(",", -1)) {
                items.add(item.strip());
            }
            value = items;
        } else {
            value = Json.NODES.textNode(text);
        }
        parameterValues.put(name, value);
        return value;
    }

    // ---- Fn::Sub, Fn::Join and the others

    private String sub(JsonNode arg, String pointer, int depth) {
        String text;
        JsonNode variables = null;
        String variablesAt = null;
        if (arg.isTextual()) {
            text = arg.asText();
        } else if (arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isObject()) {
            text = arg.get(0).asText();
            variables = arg.get(1);
            variablesAt = Pointers.child(pointer, 1);
        } else {
            throw error(pointer, "Fn::Sub takes a string or [string, {Name: value}]");
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = text.indexOf("${", at);
            if (start < 0) {
                append(out, text, at, text.length(), pointer, "Fn::Sub");
                return out.toString();
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                append(out, text, at, text.length(), pointer, "Fn::Sub");
                return out.toString();
            }
            append(out, text, at, start, pointer, "Fn::Sub");
            String name = text.substring(start + 2, end);
            if (name.startsWith("!")) { // ${!Literal} is written as ${Literal}
                append(out, "${" + name.substring(1) + "}", pointer, "Fn::Sub");
            } else if (variables != null && variables.has(name.strip())) {
                append(out, textArg(variables.get(name.strip()), Pointers.child(variablesAt, name.strip()), depth), pointer,
                        "Fn::Sub");
            } else {
                String reference = name.strip();
                int dot = reference.indexOf('.');
                String generated = dot > 0 && typeOf(reference) == null ? samGenerated(reference, pointer, depth) : null;
                JsonNode value = generated != null ? Json.NODES.textNode(generated) : dot > 0 && !reference.startsWith("AWS::")
                        ? getAtt(Json.NODES.textNode(reference), pointer, depth)
                        : ref(reference, pointer, depth);
                if (!value.isValueNode()) {
                    throw error(pointer, "${" + reference + "} is " + describe(value) + ", not a string");
                }
                append(out, value.asText(), pointer, "Fn::Sub");
            }
            at = end + 1;
        }
    }

    private String join(JsonNode arg, String pointer, int depth) {
        String delimiter = textArg(argument(arg, 0, 2, pointer, "Fn::Join"), Pointers.child(pointer, 0), depth);
        ArrayNode items = list(arg.get(1), Pointers.child(pointer, 1), depth);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw error(Pointers.child(Pointers.child(pointer, 1), i), "Fn::Join joins strings, found " + describe(item));
            }
            append(out, i == 0 ? "" : delimiter, pointer, "Fn::Join");
            append(out, item.asText(), pointer, "Fn::Join");
        }
        return out.toString();
    }

    private JsonNode select(JsonNode arg, String pointer, int depth) {
        String index = textArg(argument(arg, 0, 2, pointer, "Fn::Select"), Pointers.child(pointer, 0), depth);
        ArrayNode items = list(arg.get(1), Pointers.child(pointer, 1), depth);
        try {
            int i = Integer.parseInt(index);
            if (i >= 0 && i < items.size()) {
                return items.get(i);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(pointer, "Fn::Select index " + index + " is not within the list of " + items.size());
    }

    private JsonNode split(JsonNode arg, String pointer, int depth) {
        String delimiter = textArg(argument(arg, 0, 2, pointer, "Fn::Split"), Pointers.child(pointer, 0), depth);
        String text = textArg(arg.get(1), Pointers.child(pointer, 1), depth);
        ArrayNode parts = Json.array();
        int at = 0;
        while (!delimiter.isEmpty()) {
            int next = text.indexOf(delimiter, at);
            if (next < 0) {
                break;
            }
            parts.add(text.substring(at, next));
            at = next + delimiter.length();
        }
        parts.add(text.substring(at));
        return parts;
    }

    private JsonNode findInMap(JsonNode arg, String pointer, int depth) {
        if (!arg.isArray() || arg.size() < 3) {
            throw error(pointer, "Fn::FindInMap takes [MapName, TopLevelKey, SecondLevelKey]");
        }
        String map = textArg(arg.get(0), Pointers.child(pointer, 0), depth);
        String top = textArg(arg.get(1), Pointers.child(pointer, 1), depth);
        String second = textArg(arg.get(2), Pointers.child(pointer, 2), depth);
        JsonNode value = root.path("Mappings").path(map).path(top).path(second);
        if (value.isMissingNode()) {
            throw error(pointer, "Mappings." + map + "." + top + "." + second + " is not in the template");
        }
        return value;
    }

    private JsonNode ifThen(JsonNode arg, String pointer, int depth) {
        if (!arg.isArray() || arg.size() != 3 || !arg.get(0).isTextual()) {
            throw error(pointer, "Fn::If takes [ConditionName, ValueIfTrue, ValueIfFalse]");
        }
        boolean which = condition(arg.get(0).asText(), Pointers.child(pointer, 0), depth + 1);
        int branch = which ? 1 : 2;
        return resolve(arg.get(branch), Pointers.child(pointer, branch), depth + 1);
    }

    /** The value of the template's condition {@code name}. */
    private boolean condition(String name, String pointer, int depth) {
        Boolean known = conditionValues.get(name);
        if (known != null) {
            return known;
        }
        JsonNode definition = root.path("Conditions").get(name);
        if (definition == null) {
            throw error(pointer, "no condition '" + name + "' in the template's Conditions");
        }
        String at = "/Conditions/" + name;
        if (!resolving.add(at)) {
            throw error(at, "the condition refers to itself");
        }
        try {
            boolean value = evaluate(definition, at, depth + 1);
            conditionValues.put(name, value);
            return value;
        } finally {
            resolving.remove(at);
        }
    }

    private boolean evaluate(JsonNode node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw error(pointer, "conditions nested more than " + MAX_DEPTH + " levels deep (counting the conditions"
                    + " they refer to, and theirs)");
        }
        if (node.isObject() && node.size() == 1) {
            String key = node.fieldNames().next();
            JsonNode arg = node.get(key);
            String at = Pointers.child(pointer, key);
            switch (key) {
                case "Condition":
                    return condition(arg.asText(), at, depth + 1);
                case "Fn::Equals": {
                    JsonNode a = resolve(argument(arg, 0, 2, at, key), Pointers.child(at, 0), depth + 1);
                    JsonNode b = resolve(arg.get(1), Pointers.child(at, 1), depth + 1);
                    return a.isValueNode() && b.isValueNode() ? a.asText().equals(b.asText()) : a.equals(b);
                }
                case "Fn::Not":
                    return !evaluate(argument(arg, 0, 1, at, key), Pointers.child(at, 0), depth + 1);
                case "Fn::And", "Fn::Or": {
                    if (!arg.isArray() || arg.isEmpty()) {
                        throw error(at, key + " takes a list of conditions");
                    }
                    boolean and = key.equals("Fn::And");
                    boolean result = and;
                    for (int i = 0; i < arg.size(); i++) {
                        boolean value = evaluate(arg.get(i), Pointers.child(at, i), depth + 1);
                        result = and ? result && value : result || value;
                    }
                    return result;
                }
                default:
                    break;
            }
        }
        JsonNode value = resolve(node, pointer, depth + 1);
        if (value.isBoolean() || value.isTextual() && (value.asText().equals("true") || value.asText().equals("false"))) {
            return value.asText().equals("true");
        }
        throw error(pointer, "expected a condition (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition)");
    }
}
