package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The value of a request field the request leaves out, as an operation's {@code x-pingpp-defaults} gives it: a time
 * {@code secondsAfterCreation} after the object is created, or another number of seconds for the channels of a group
 * ({@code byChannelGroup}, the first group holding the request's channel winning; the channel is the field's sibling
 * {@code channel}).
 */
public final class FieldDefault {

    private final String path;
    private final long seconds;
    private final Map<Set<String>, Long> secondsByChannelGroup;

    private FieldDefault(String path, long seconds, Map<Set<String>, Long> secondsByChannelGroup) {
        this.path = path;
        this.seconds = seconds;
        this.secondsByChannelGroup = secondsByChannelGroup;
    }

    /** The default of {@code path} in the {@code x-pingpp-defaults} of the operation {@code operationId}. */
    public static FieldDefault of(String operationId, String path) {
        for (FieldDefault candidate : of(operation(operationId))) {
            if (candidate.path.equals(path)) {
                return candidate;
            }
        }
        throw new IllegalStateException("The operation " + operationId + " has no x-pingpp-defaults for " + path);
    }

    /** Every default of an operation of the spec. */
    public static List<FieldDefault> of(JsonNode operation) {
        List<FieldDefault> defaults = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = operation.path("x-pingpp-defaults").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode declared = field.getValue();
            if (!declared.path("secondsAfterCreation").canConvertToLong()) {
                throw new IllegalStateException("x-pingpp-defaults of " + operation.path("operationId").asText() + "."
                        + field.getKey() + " needs secondsAfterCreation");
            }
            Map<Set<String>, Long> byGroup = new LinkedHashMap<>();
            declared.path("byChannelGroup").fields().forEachRemaining(group ->
                    byGroup.put(SpecDocument.channelGroup(group.getKey()), group.getValue().asLong()));
            defaults.add(new FieldDefault(field.getKey(), declared.get("secondsAfterCreation").asLong(), byGroup));
        }
        return defaults;
    }

    /** The dotted path of the field ({@code charge.time_expire}). */
    public String path() {
        return path;
    }

    /** How many seconds after creation the field's time is for a request on {@code channel}. */
    public long secondsAfterCreation(String channel) {
        for (Map.Entry<Set<String>, Long> group : secondsByChannelGroup.entrySet()) {
            if (group.getKey().contains(channel)) {
                return group.getValue();
            }
        }
        return seconds;
    }

    /** Sets the field in {@code request} when it is absent (or null): {@code now} plus the seconds for its channel. */
    public void applyTo(ObjectNode request, long now) {
        String[] names = path.split("\\.");
        ObjectNode parent = request;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = parent.get(names[i]);
            if (!(child instanceof ObjectNode object)) {
                return;
            }
            parent = object;
        }
        String field = names[names.length - 1];
        if (parent.hasNonNull(field)) {
            return;
        }
        parent.put(field, now + secondsAfterCreation(parent.path("channel").asText(null)));
    }

    private static JsonNode operation(String operationId) {
        for (JsonNode pathItem : SpecDocument.root().path("paths")) {
            for (JsonNode operation : pathItem) {
                if (operationId.equals(operation.path("operationId").asText(null))) {
                    return operation;
                }
            }
        }
        throw new IllegalStateException("The spec has no operation " + operationId);
    }
}
