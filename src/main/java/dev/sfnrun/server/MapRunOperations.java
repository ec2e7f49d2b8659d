package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.engine.map.MapRunControl;
import dev.sfnrun.query.Json;

/** ListMapRuns, DescribeMapRun, UpdateMapRun: the distributed Map Runs of the server's executions. */
final class MapRunOperations {
    private final ExecutionOperations executions;
    private final MapRuns mapRuns;

    MapRunOperations(ExecutionOperations executions, MapRuns mapRuns) {
        this.executions = executions;
        this.mapRuns = mapRuns;
    }

    void register(Router router) {
        router.add("ListMapRuns", this::listMapRuns)
                .add("DescribeMapRun", this::describeMapRun)
                .add("UpdateMapRun", this::updateMapRun);
    }

    private MapRuns.Entry find(String arn) {
        Arns.parse(arn, 2, 2, "mapRun");
        MapRuns.Entry entry = mapRuns.find(arn);
        if (entry == null) {
            throw ApiErrors.resourceNotFound(arn);
        }
        return entry;
    }

    private ObjectNode listMapRuns(ApiRequest request) {
        ExecutionRecord execution = executions.find(request.text("executionArn"));
        ObjectNode out = Json.object();
        Paging.page(request, mapRuns.of(execution.arn), "mapRuns", out, entry -> {
            ObjectNode item = Json.object();
            item.put("executionArn", entry.executionArn());
            item.put("mapRunArn", entry.run().mapRunArn());
            item.put("stateMachineArn", entry.stateMachineArn());
            WireJson.putTime(item, "startDate", entry.run().startDate());
            WireJson.putTime(item, "stopDate", entry.run().stopDate());
            return item;
        });
        return out;
    }

    private ObjectNode describeMapRun(ApiRequest request) {
        MapRuns.Entry entry = find(request.text("mapRunArn"));
        MapRunControl run = entry.run();
        ObjectNode out = Json.object();
        out.put("mapRunArn", run.mapRunArn());
        out.put("executionArn", entry.executionArn());
        out.put("status", run.status());
        WireJson.putTime(out, "startDate", run.startDate());
        WireJson.putTime(out, "stopDate", run.stopDate());
        out.put("maxConcurrency", run.maxConcurrency());
        out.put("toleratedFailurePercentage", run.toleratedFailurePercentage() == null ? 0.0
                : run.toleratedFailurePercentage().floatValue());
        out.put("toleratedFailureCount", run.toleratedFailureCount() == null ? 0 : run.toleratedFailureCount());
        out.set("itemCounts", counts(run.itemCounts()));
        out.set("executionCounts", counts(run.executionCounts()));
        return out;
    }

    private static ObjectNode counts(MapRunControl.Counts counts) {
        return Json.object().put("pending", counts.pending()).put("running", counts.running())
                .put("succeeded", counts.succeeded()).put("failed", counts.failed()).put("timedOut", counts.timedOut())
                .put("aborted", counts.aborted()).put("total", counts.total()).put("resultsWritten", counts.resultsWritten());
    }

    private ObjectNode updateMapRun(ApiRequest request) {
        MapRuns.Entry entry = find(request.text("mapRunArn"));
        JsonNode concurrency = request.node("maxConcurrency");
        JsonNode count = request.node("toleratedFailureCount");
        JsonNode percentage = request.node("toleratedFailurePercentage");
        if (concurrency == null && count == null && percentage == null) {
            throw ApiErrors.validation("Must provide at least one of maxConcurrency, toleratedFailurePercentage or "
                    + "toleratedFailureCount").with("reason", "MISSING_REQUIRED_PARAMETER");
        }
        if (!entry.run().status().equals("RUNNING")) {
            throw ApiErrors.validation("Cannot update a completed Map Run: " + entry.run().mapRunArn())
                    .with("reason", "CANNOT_UPDATE_COMPLETED_MAP_RUN");
        }
        entry.run().update(concurrency == null ? null : concurrency.asInt(), count == null ? null : count.asLong(),
                percentage == null ? null : percentage.asDouble());
        return Json.object();
    }
}
