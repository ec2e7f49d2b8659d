package dev.sfnrun.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfnrun.query.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TagResource, UntagResource, ListTagsForResource, over state machines and activities. */
final class Tags {
    /** AWS's quota of tags on one resource. */
    static final int MAX_TAGS = 50;

    private final Store store;

    Tags(Store store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("TagResource", this::tagResource)
                .add("UntagResource", this::untagResource)
                .add("ListTagsForResource", this::listTagsForResource);
    }

    /**
     * Adds the request's tags to a resource's (a key given again takes the new value).
     * @throws ApiException TooManyTags when the resource would hold more than {@link #MAX_TAGS}; then
     *     {@code tags} may be changed, so callers pass a copy or a resource not yet saved
     */
    static void apply(Map<String, String> tags, JsonNode list, String arn) {
        if (list == null) {
            return;
        }
        requireKeys(list);
        for (JsonNode tag : list) {
            tags.put(tag.path("key").asText(), tag.path("value").asText(""));
        }
        if (tags.size() > MAX_TAGS) {
            throw new ApiException("TooManyTags", "Too many tags: a resource can have at most " + MAX_TAGS + " tags")
                    .with("resourceName", arn);
        }
    }

    /**
     * A tag is addressed by its key, so one without a key is refused (not kept under an empty key that
     * TagKey's length 1..128 forbids). The model does not mark Tag.key required and AWS's answer is not
     * recorded; the words are those of a missing required member.
     */
    private static void requireKeys(JsonNode list) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode key = list.get(i).get("key");
            if (key == null || key.isNull()) {
                problems.add("Value null at 'tags." + (i + 1) + ".member.key' failed to satisfy constraint: Member must not be null");
            }
        }
        if (!problems.isEmpty()) {
            throw ApiErrors.validation(problems);
        }
    }

    private ObjectNode tagResource(ApiRequest request) {
        String arn = request.text("resourceArn");
        synchronized (store) {
            Map<String, String> tags = tagsOf(arn);
            Map<String, String> next = new java.util.LinkedHashMap<>(tags);
            apply(next, request.node("tags"), arn);
            Map<String, String> before = new java.util.LinkedHashMap<>(tags);
            tags.putAll(next);
            save(arn, tags, before);
        }
        return Json.object();
    }

    private ObjectNode untagResource(ApiRequest request) {
        String arn = request.text("resourceArn");
        synchronized (store) {
            Map<String, String> tags = tagsOf(arn);
            Map<String, String> before = new java.util.LinkedHashMap<>(tags);
            request.node("tagKeys").forEach(key -> tags.remove(key.asText()));
            save(arn, tags, before);
        }
        return Json.object();
    }

    private ObjectNode listTagsForResource(ApiRequest request) {
        String arn = request.text("resourceArn");
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("tags");
        synchronized (store) {
            tagsOf(arn).forEach((key, value) -> list.addObject().put("key", key).put("value", value));
        }
        return out;
    }

    private Map<String, String> tagsOf(String arn) {
        Arns.Arn parsed = Arns.parse(arn);
        if (parsed.type().equals("stateMachine") && parsed.names().length == 1 && store.stateMachine(arn) != null) {
            return store.stateMachine(arn).tags;
        }
        if (parsed.type().equals("activity") && store.activity(arn) != null) {
            return store.activity(arn).tags;
        }
        throw ApiErrors.resourceNotFound(arn);
    }

    /** Keeps the tags changed; when the journal cannot take them, they are as {@code before} again. */
    private void save(String arn, Map<String, String> tags, Map<String, String> before) {
        try {
            if (store.stateMachine(arn) != null) {
                store.saveStateMachine(store.stateMachine(arn));
            } else if (store.activity(arn) != null) {
                store.saveActivity(store.activity(arn));
            }
        } catch (JournalStore.JournalException e) {
            tags.clear();
            tags.putAll(before);
            throw e;
        }
    }
}
