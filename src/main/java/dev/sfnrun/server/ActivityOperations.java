package dev.sfnrun.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.definition.ResourceNames;
import dev.sfnrun.query.Json;
import java.time.Duration;
import java.time.Instant;

/** CreateActivity, DescribeActivity, ListActivities, DeleteActivity, GetActivityTask (a 60-second long poll, as AWS's). */
final class ActivityOperations {
    static final Duration LONG_POLL = Duration.ofSeconds(60);

    private final Store store;
    private final ActivityQueues queues;
    private final Duration longPoll;

    ActivityOperations(Store store, ActivityQueues queues, Duration longPoll) {
        this.store = store;
        this.queues = queues;
        this.longPoll = longPoll;
    }

    void register(Router router) {
        router.add("CreateActivity", this::createActivity)
                .add("DescribeActivity", this::describeActivity)
                .add("ListActivities", this::listActivities)
                .add("DeleteActivity", this::deleteActivity)
                .add("GetActivityTask", this::getActivityTask);
    }

    private ObjectNode createActivity(ApiRequest request) {
        String name = request.text("name");
        if (!ResourceNames.isValid(name, ResourceNames.MAX_NAME)) {
            throw ApiErrors.invalidName(name);
        }
        String arn = Arns.activity(request.region(), request.account(), name);
        ActivityRecord activity;
        synchronized (store) {
            activity = store.activity(arn);
            if (activity == null) { // creating an existing activity again returns it, as on AWS
                activity = new ActivityRecord(arn, name, Instant.now());
                Tags.apply(activity.tags, request.node("tags"), arn);
                store.saveActivity(activity);
            }
        }
        ObjectNode out = Json.object();
        out.put("activityArn", activity.arn);
        WireJson.putTime(out, "creationDate", activity.creationDate);
        return out;
    }

    private ActivityRecord find(String arn) {
        Arns.parse(arn, 1, 1, "activity");
        ActivityRecord activity = store.activity(arn);
        if (activity == null) {
            throw ApiErrors.activityDoesNotExist(arn);
        }
        return activity;
    }

    private ObjectNode describeActivity(ApiRequest request) {
        ActivityRecord activity = find(request.text("activityArn"));
        ObjectNode out = Json.object();
        out.put("activityArn", activity.arn);
        out.put("name", activity.name);
        WireJson.putTime(out, "creationDate", activity.creationDate);
        return out;
    }

    private ObjectNode listActivities(ApiRequest request) {
        ObjectNode out = Json.object();
        String here = Arns.activity(request.region(), request.account(), ""); // this region's, as for machines
        Paging.page(request, store.activities().stream().filter(activity -> activity.arn.startsWith(here)).toList(),
                "activities", out, activity -> {
            ObjectNode item = Json.object();
            item.put("activityArn", activity.arn);
            item.put("name", activity.name);
            WireJson.putTime(item, "creationDate", activity.creationDate);
            return item;
        });
        return out;
    }

    private ObjectNode deleteActivity(ApiRequest request) {
        String arn = request.text("activityArn");
        Arns.parse(arn, 1, 1, "activity");
        store.deleteActivity(arn);
        return Json.object();
    }

    private ObjectNode getActivityTask(ApiRequest request) {
        ActivityRecord activity = find(request.text("activityArn"));
        ActivityQueues.Work work;
        try {
            work = queues.poll(activity.arn, longPoll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            work = null;
        }
        ObjectNode out = Json.object();
        if (work != null) {
            work.call().started(request.text("workerName")); // ActivityStarted, and its clocks begin, as on AWS
            out.put("taskToken", work.token());
            out.put("input", work.input());
        }
        return out;
    }
}
