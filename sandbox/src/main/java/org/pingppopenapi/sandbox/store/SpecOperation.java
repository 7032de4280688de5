package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.FieldDefault;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * One operation of the spec, as the generic store reads it: its path and parameters, its request and response
 * schemas, what it does to the objects of its path ({@link Kind}), the events it leads to ({@code x-pingpp-events})
 * and the defaults of its request fields ({@code x-pingpp-defaults}).
 */
public final class SpecOperation {

    /** What an operation does, read from its method, its path and the shape of its answer. */
    public enum Kind {
        /** Answers a list envelope ({@code object: list}) of the objects of its path. */
        LIST,
        /** {@code POST} to a path that lists or retrieves objects: makes one. */
        CREATE,
        /** {@code GET} of a path ending in a parameter: one object. */
        RETRIEVE,
        /** {@code PUT} (or {@code POST}) of a path ending in a parameter: changes the object. */
        UPDATE,
        /** {@code DELETE} of a path ending in a parameter: removes the object, answers the deleted shape. */
        DELETE,
        /** {@code POST} to a path below an object ({@code /v1/orders/{order_id}/pay}): acts on that object. */
        ACTION,
        /** Anything else ({@code POST /v1/identification}): an answer shaped by its schema, nothing stored. */
        ANSWER
    }

    private final String operationId;
    private final String method;
    private final String path;
    private final List<String> segments;
    private final List<String> pathParameters;
    private final JsonNode node;
    private final JsonNode requestSchema;
    private final JsonNode responseSchema;
    private final String responseSchemaName;
    private final Map<String, JsonNode> queryParameters;
    private final List<String> events;
    private final List<FieldDefault> defaults;
    private Kind kind;

    SpecOperation(String method, String path, JsonNode pathItem, JsonNode node) {
        this.operationId = node.path("operationId").asText();
        this.method = method.toUpperCase(Locale.ROOT);
        this.path = path;
        this.node = node;
        List<String> names = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            parts.add(segment);
            if (isParameter(segment)) {
                names.add(segment.substring(1, segment.length() - 1));
            }
        }
        this.segments = List.copyOf(parts);
        this.pathParameters = List.copyOf(names);
        this.requestSchema = SpecDocument.resolved(node.path("requestBody").path("content").path("application/json").path("schema"));
        JsonNode response = node.path("responses").path("200").path("content").path("application/json").path("schema");
        this.responseSchema = SpecDocument.resolved(response);
        this.responseSchemaName = SpecDocument.schemaName(response);
        Map<String, JsonNode> query = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        node.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            JsonNode resolved = SpecDocument.resolved(parameter);
            if ("query".equals(resolved.path("in").asText())) {
                query.put(resolved.path("name").asText(), resolved);
            }
        }
        this.queryParameters = Collections.unmodifiableMap(query);
        List<String> types = new ArrayList<>();
        node.path("x-pingpp-events").forEach(type -> types.add(type.asText()));
        this.events = List.copyOf(types);
        this.defaults = FieldDefault.of(node);
    }

    public String operationId() {
        return operationId;
    }

    /** {@code GET}, {@code POST}, ... */
    public String method() {
        return method;
    }

    /** The path template, {@code /v1/apps/{app_id}/users}. */
    public String path() {
        return path;
    }

    /** The path template with its parameters unnamed, {@code /v1/apps/{}/users}: the same for every operation of a path. */
    public String template() {
        return template(segments.size());
    }

    /** The names of the path parameters, in path order. */
    public List<String> pathParameters() {
        return pathParameters;
    }

    public Kind kind() {
        return kind;
    }

    void kind(Kind kind) {
        this.kind = kind;
    }

    /** The operation in the spec. */
    public JsonNode node() {
        return node;
    }

    /** The request body schema, resolved; missing when the operation takes no body. */
    public JsonNode requestSchema() {
        return requestSchema;
    }

    /** The schema of the 200 answer, resolved; missing when there is none. */
    public JsonNode responseSchema() {
        return responseSchema;
    }

    /** The name of the schema of the 200 answer, or null when it is not a named schema. */
    public String responseSchemaName() {
        return responseSchemaName;
    }

    /** The query parameters by wire name ({@code created} stands for {@code created[gt]} and its siblings). */
    public Map<String, JsonNode> queryParameters() {
        return queryParameters;
    }

    /** The event types of {@code x-pingpp-events}. */
    public List<String> events() {
        return events;
    }

    /** The defaults of {@code x-pingpp-defaults}. */
    public List<FieldDefault> defaults() {
        return defaults;
    }

    /** Whether the path ends in a parameter: it names one object. */
    public boolean isItemPath() {
        return !segments.isEmpty() && isParameter(segments.get(segments.size() - 1));
    }

    /** The unnamed template of the first {@code length} segments. */
    String template(int length) {
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < length; i++) {
            template.append('/').append(isParameter(segments.get(i)) ? "{}" : segments.get(i));
        }
        return template.toString();
    }

    /** How many segments the path has. */
    int segmentCount() {
        return segments.size();
    }

    /** Whether segment {@code index} is a parameter. */
    boolean isParameterSegment(int index) {
        return isParameter(segments.get(index));
    }

    /** The path with {@code values} in place of its parameters: the path a request reached. */
    public String actualPath(List<String> values) {
        StringBuilder actual = new StringBuilder();
        int parameter = 0;
        for (String segment : segments) {
            actual.append('/').append(isParameter(segment) ? values.get(parameter++) : segment);
        }
        return actual.toString();
    }

    @Override
    public String toString() {
        return method + " " + path + " (" + operationId + ")";
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }
}
