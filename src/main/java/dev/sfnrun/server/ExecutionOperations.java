package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.engine.ExecutionResult;
import dev.sfnrun.engine.ExecutionType;
import dev.sfnrun.history.HistoryEvent;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * StartExecution, StartSyncExecution, DescribeExecution, GetExecutionHistory, ListExecutions,
 * StopExecution.
 */
final class ExecutionOperations {
    private final Store store;
    private final StateMachineOperations machines;
    private final ExecutionService executions;

    ExecutionOperations(Store store, StateMachineOperations machines, ExecutionService executions) {
        this.store = store;
        this.machines = machines;
        this.executions = executions;
    }

    void register(Router router) {
        router.add("StartExecution", this::startExecution)
                .add("StartSyncExecution", this::startSyncExecution)
                .add("DescribeExecution", this::describeExecution)
                .add("GetExecutionHistory", this::getExecutionHistory)
                .add("ListExecutions", this::listExecutions)
                .add("StopExecution", this::stopExecution);
    }

    /** The state machine ARN and Step Functions Local's test case after a '#'. */
    private record Target(QualifiedArns.Target qualified, String testCase) {
        StateMachineRecord machine() {
            return qualified.machine();
        }
    }

    /** The machine (or the version, or an alias's version) a StartExecution names. */
    private Target target(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        int hash = arn.indexOf('#');
        String testCase = hash < 0 ? null : arn.substring(hash + 1);
        return new Target(QualifiedArns.resolve(store, hash < 0 ? arn : arn.substring(0, hash)), testCase);
    }

    private static String name(ApiRequest request) {
        String name = request.text("name");
        if (name == null) {
            return UUID.randomUUID().toString();
        }
        if (!ResourceNames.isValid(name, ResourceNames.MAX_NAME)) {
            throw ApiErrors.invalidName(name);
        }
        return name;
    }

    private static String inputText(ApiRequest request) {
        String text = request.text("input");
        return text == null ? "{}" : text;
    }

    private static JsonNode input(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            String message = e.getMessage() == null ? "Invalid execution input." : e.getMessage();
            int newline = message.indexOf('\n');
            throw ApiErrors.invalidInput(newline < 0 ? message : message.substring(0, newline));
        }
    }

    private ObjectNode startExecution(ApiRequest request) {
        Target target = target(request);
        String name = name(request);
        String text = inputText(request);
        JsonNode input = input(text);
        ObjectNode out = Json.object();
        if (target.machine().type == ExecutionType.EXPRESS) {
            // Express: run and forgotten, as AWS keeps no history of it
            String arn = express(target.machine(), name);
            java.time.Instant start = java.time.Instant.now();
            Thread thread = new Thread(() -> executions.runSync(target.qualified(), name, text, input, target.testCase(),
                    request.region(), request.account()), "sfn-run-express");
            thread.setDaemon(true);
            try {
                thread.start();
            } catch (OutOfMemoryError e) { // the system has no thread left to give
                throw ApiErrors.executionLimitExceeded();
            }
            out.put("executionArn", arn);
            WireJson.putTime(out, "startDate", start);
            return out;
        }
        ExecutionService.Started started = executions.start(target.qualified(), name, text, input, target.testCase(),
                request.region(), request.account());
        out.put("executionArn", started.record().arn);
        WireJson.putTime(out, "startDate", started.record().startDate);
        return out;
    }

    private static String express(StateMachineRecord machine, String name) {
        return machine.arn.replace(":stateMachine:", ":express:") + ":" + name + ":" + UUID.randomUUID();
    }

    private ObjectNode startSyncExecution(ApiRequest request) {
        Target target = target(request);
        if (target.machine().type != ExecutionType.EXPRESS) {
            throw ApiErrors.typeNotSupported();
        }
        String name = name(request);
        String text = inputText(request);
        JsonNode input = input(text);
        ExecutionResult result = executions.runSync(target.qualified(), name, text, input, target.testCase(),
                request.region(), request.account());
        boolean metadataOnly = "METADATA_ONLY".equals(request.text("includedData"));
        ObjectNode out = Json.object();
        out.put("executionArn", express(target.machine(), name));
        out.put("stateMachineArn", target.machine().arn);
        out.put("name", name);
        WireJson.putTime(out, "startDate", result.startDate());
        WireJson.putTime(out, "stopDate", result.stopDate());
        out.put("status", result.status().name());
        if (result.error() != null) {
            out.put("error", result.error());
        }
        if (result.cause() != null) {
            out.put("cause", result.cause());
        }
        data(out, "input", text, metadataOnly);
        if (result.output() != null) {
            data(out, "output", Json.compact(result.output()), metadataOnly);
        }
        long millis = java.time.Duration.between(result.startDate(), result.stopDate()).toMillis();
        out.putObject("billingDetails").put("billedMemoryUsedInMB", 64)
                .put("billedDurationInMilliseconds", Math.max(100, (millis + 99) / 100 * 100));
        return out;
    }

    /** stateMachineVersionArn and stateMachineAliasArn of an execution started through them. */
    private static void putQualifiers(ObjectNode out, String versionArn, String aliasArn) {
        if (versionArn != null) {
            out.put("stateMachineVersionArn", versionArn);
        }
        if (aliasArn != null) {
            out.put("stateMachineAliasArn", aliasArn);
        }
    }

    private static void data(ObjectNode out, String member, String text, boolean metadataOnly) {
        if (!metadataOnly) {
            out.put(member, text);
        }
        out.putObject(member + "Details").put("included", !metadataOnly);
    }

    ExecutionRecord find(String arn) {
        Arns.parse(arn, 2, 2, "execution");
        ExecutionRecord record = store.execution(arn);
        if (record == null) {
            throw ApiErrors.executionDoesNotExist(arn);
        }
        return record;
    }

    private ObjectNode describeExecution(ApiRequest request) {
        ExecutionRecord record = find(request.text("executionArn"));
        boolean metadataOnly = "METADATA_ONLY".equals(request.text("includedData"));
        ObjectNode out = Json.object();
        out.put("executionArn", record.arn);
        out.put("stateMachineArn", record.stateMachineArn);
        out.put("name", record.name);
        ExecutionRecord.Status status = record.status();
        out.put("status", status.name());
        WireJson.putTime(out, "startDate", record.startDate);
        WireJson.putTime(out, "stopDate", record.stopDate());
        data(out, "input", record.input, metadataOnly);
        if (record.output() != null) {
            data(out, "output", record.output(), metadataOnly);
        }
        if (record.error() != null) {
            out.put("error", record.error());
        }
        if (record.cause() != null) {
            out.put("cause", record.cause());
        }
        putQualifiers(out, record.versionArn(), record.aliasArn());
        out.put("redriveCount", record.redriveCount());
        WireJson.putTime(out, "redriveDate", record.redriveDate());
        String reason = Redrive.notRedrivable(record);
        out.put("redriveStatus", reason == null ? "REDRIVABLE" : "NOT_REDRIVABLE");
        if (reason != null) {
            out.put("redriveStatusReason", reason);
        }
        return out;
    }

    private ObjectNode getExecutionHistory(ApiRequest request) {
        ExecutionRecord record = find(request.text("executionArn"));
        boolean includeData = request.node("includeExecutionData") == null || request.bool("includeExecutionData");
        List<HistoryEvent> events = new ArrayList<>(record.events());
        if (request.bool("reverseOrder")) {
            Collections.reverse(events);
        }
        ObjectNode out = Json.object();
        Paging.page(request, events, "events", out, event -> WireJson.event(event, includeData));
        return out;
    }

    private ObjectNode listExecutions(ApiRequest request) {
        String arn = request.text("stateMachineArn");
        if (arn == null) {
            if (request.text("mapRunArn") != null) {
                throw ApiErrors.resourceNotFound(request.text("mapRunArn"));
            }
            throw ApiErrors.validation("Must provide a StateMachine ARN or MapRun ARN");
        }
        Arns.Arn parsed = Arns.parse(arn, 1, 2, "stateMachine");
        StateMachineRecord machine = machines.find(QualifiedArns.base(parsed));
        // a version or alias ARN: the executions started through it
        String qualifiedArn = parsed.names().length == 2 ? arn : null;
        boolean byVersion = qualifiedArn != null && QualifiedArns.isVersion(parsed.names()[1]);
        if (machine.type == ExecutionType.EXPRESS) {
            throw ApiErrors.typeNotSupported();
        }
        String status = request.text("statusFilter");
        String redrive = request.text("redriveFilter");
        List<ExecutionRecord> list = new ArrayList<>();
        for (ExecutionRecord record : store.executions(machine.arn)) {
            if (qualifiedArn != null && !qualifiedArn.equals(byVersion ? record.versionArn() : record.aliasArn())) {
                continue;
            }
            if (status != null && !record.status().name().equals(status)) {
                continue;
            }
            if (redrive != null && (record.redriveCount() > 0) != redrive.equals("REDRIVEN")) {
                continue;
            }
            list.add(record);
        }
        ObjectNode out = Json.object();
        Paging.page(request, list, "executions", out, record -> {
            ObjectNode item = Json.object();
            item.put("executionArn", record.arn);
            item.put("stateMachineArn", record.stateMachineArn);
            item.put("name", record.name);
            item.put("status", record.status().name());
            putQualifiers(item, record.versionArn(), record.aliasArn());
            WireJson.putTime(item, "startDate", record.startDate);
            WireJson.putTime(item, "stopDate", record.stopDate());
            item.put("redriveCount", record.redriveCount());
            WireJson.putTime(item, "redriveDate", record.redriveDate());
            return item;
        }, record -> record.arn);
        return out;
    }

    private ObjectNode stopExecution(ApiRequest request) {
        ExecutionRecord record = find(request.text("executionArn"));
        executions.stop(record, request.text("error"), request.text("cause"));
        ObjectNode out = Json.object();
        WireJson.putTime(out, "stopDate", record.stopDate() == null ? java.time.Instant.now() : record.stopDate());
        return out;
    }
}
