package org.pingppopenapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pingppopenapi.spec.PingppSpec;

/** The operations of the spec with what the contract tests need of them, {@code $ref}s resolved. */
final class SpecOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** A named example: its value and, for a request, the creation time its {@code time_expire} is measured from. */
    record Example(String name, JsonNode value, Long created) {
    }

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example, String style) {
    }

    record Operation(String id, String method, String path, List<Parameter> parameters, List<Example> requestExamples,
            Map<Integer, List<Example>> responseExamples) {
    }

    private final JsonNode spec;

    private SpecOperations(JsonNode spec) {
        this.spec = spec;
    }

    static SpecOperations load() {
        try (InputStream in = PingppSpec.open()) {
            return new SpecOperations(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> items = path.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                if (METHODS.contains(item.getKey())) {
                    operations.add(operation(item.getKey(), path.getKey(), path.getValue(), item.getValue()));
                }
            }
        }
        return operations;
    }

    /** The request examples of the webhooks ({@code x-webhooks}): the events Ping++ POSTs. */
    List<Example> webhookExamples() {
        List<Example> examples = new ArrayList<>();
        spec.path("x-webhooks").forEach(webhook -> webhook.forEach(operation -> examples.addAll(examples(
                resolve(operation.path("requestBody")).path("content").path("application/json").path("examples")))));
        return examples;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<Parameter> parameters = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode reference : list) {
                JsonNode parameter = resolve(reference);
                JsonNode schema = resolve(parameter.path("schema"));
                JsonNode example = parameter.has("example") ? parameter.get("example") : schema.get("example");
                parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                        parameter.path("required").asBoolean(false), schema, example,
                        parameter.path("style").asText("")));
            }
        }
        List<Example> requestExamples = examples(resolve(operation.path("requestBody"))
                .path("content").path("application/json").path("examples"));
        Map<Integer, List<Example>> responseExamples = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
            Map.Entry<String, JsonNode> response = responses.next();
            responseExamples.put(Integer.parseInt(response.getKey()),
                    examples(resolve(response.getValue()).path("content").path("application/json").path("examples")));
        }
        return new Operation(operation.path("operationId").asText(), method.toUpperCase(), path, parameters,
                requestExamples, responseExamples);
    }

    private List<Example> examples(JsonNode examples) {
        List<Example> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> named = examples.fields(); named.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = named.next();
            JsonNode example = resolve(entry.getValue());
            JsonNode created = example.get("x-pingpp-created");
            result.add(new Example(entry.getKey(), example.get("value"), created != null ? created.asLong() : null));
        }
        return result;
    }

    /** Follows {@code $ref}s within the document. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = spec.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }
}
