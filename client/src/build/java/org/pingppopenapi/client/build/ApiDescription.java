package org.pingppopenapi.client.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the client generator needs of the spec (the generators' view of it, with deep-object query parameters already
 * spelled out one key each): the operations with their parameters, bodies and answers, and the schemas, with every
 * {@code $ref} followed.
 */
final class ApiDescription {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    /** A query or path parameter. */
    record Parameter(String name, String in, boolean required, String description, JsonNode schema) {
    }

    /** The JSON body of a request: a named schema. */
    record Body(String schema, boolean required) {
    }

    /**
     * One operation of the spec.
     *
     * @param response the schema of the 2xx answer, or null when it has no body
     */
    record Operation(String id, String method, String path, String summary, String description, List<String> tags,
            List<Parameter> parameters, Body body, String response) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(parameter -> parameter.in().equals(location)).toList();
        }
    }

    private final JsonNode spec;
    private final List<Operation> operations;

    private ApiDescription(JsonNode spec) {
        this.spec = spec;
        this.operations = readOperations();
    }

    static ApiDescription read(String yaml) {
        try {
            return new ApiDescription(new YAMLMapper().readTree(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException("The spec is not YAML", e);
        }
    }

    List<Operation> operations() {
        return operations;
    }

    /** The schemas of {@code components.schemas}, by name, in document order. */
    Map<String, JsonNode> schemas() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        spec.path("components").path("schemas").fields().forEachRemaining(entry -> schemas.put(entry.getKey(), entry.getValue()));
        return schemas;
    }

    JsonNode schema(String name) {
        JsonNode schema = spec.path("components").path("schemas").get(name);
        if (schema == null) {
            throw new IllegalArgumentException("The spec has no schema " + name);
        }
        return schema;
    }

    /** The description of a tag, or null. */
    String tagDescription(String tag) {
        for (JsonNode each : spec.path("tags")) {
            if (tag.equals(each.path("name").asText())) {
                return each.path("description").asText(null);
            }
        }
        return null;
    }

    /** The named schema a {@code $ref} points to, or null when the node is no reference to a component schema. */
    static String schemaName(JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref != null && ref.startsWith(SCHEMA_PREFIX) ? ref.substring(SCHEMA_PREFIX.length()) : null;
    }

    /** Follows {@code $ref}s within the document. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are supported: " + ref);
            }
            current = spec.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("Unresolvable reference " + ref);
            }
        }
        return current;
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    result.add(operation(item.getKey().toUpperCase(), path.getKey(), path.getValue(), item.getValue()));
                }
            }
        }
        return List.copyOf(result);
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        String id = operation.path("operationId").asText(null);
        if (id == null) {
            throw new IllegalArgumentException(method + " " + path + " has no operationId: the client names its method from it");
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode reference : list) {
                JsonNode parameter = resolve(reference);
                String in = parameter.path("in").asText();
                if (!in.equals("path") && !in.equals("query")) {
                    continue;
                }
                String name = parameter.path("name").asText();
                parameters.put(in + ":" + name, new Parameter(name, in, parameter.path("required").asBoolean(in.equals("path")),
                        parameter.path("description").asText(null), resolve(parameter.path("schema"))));
            }
        }
        List<String> tags = new ArrayList<>();
        operation.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new Operation(id, method, path, operation.path("summary").asText(null),
                operation.path("description").asText(null), List.copyOf(tags), List.copyOf(parameters.values()),
                body(id, operation.path("requestBody")), response(id, operation.path("responses")));
    }

    private Body body(String operationId, JsonNode requestBody) {
        if (requestBody.isMissingNode()) {
            return null;
        }
        JsonNode resolved = resolve(requestBody);
        JsonNode schema = resolved.path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException(operationId + ": the client sends application/json bodies only");
        }
        String name = schemaName(schema);
        if (name == null) {
            throw new IllegalArgumentException(operationId + ": the request body must be a $ref to a named schema of"
                    + " components.schemas (its model is the method's parameter type)");
        }
        return new Body(name, resolved.path("required").asBoolean(false));
    }

    private String response(String operationId, JsonNode responses) {
        for (Iterator<Map.Entry<String, JsonNode>> each = responses.fields(); each.hasNext(); ) {
            Map.Entry<String, JsonNode> response = each.next();
            if (!response.getKey().startsWith("2")) {
                continue;
            }
            JsonNode schema = resolve(response.getValue()).path("content").path("application/json").path("schema");
            if (schema.isMissingNode()) {
                return null;
            }
            String name = schemaName(schema);
            if (name == null) {
                throw new IllegalArgumentException(operationId + ": the " + response.getKey() + " answer must be a $ref"
                        + " to a named schema of components.schemas (its model is the method's return type)");
            }
            return name;
        }
        return null;
    }
}
