package org.pingppopenapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/** The operations of the spec the sandbox was built with, and a request of each made from the spec's examples. */
final class SpecOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One operation of {@code paths}. */
    record Operation(String method, String path, String operationId, JsonNode node) {

        /** The path's literal segments, which tell {@code /sub_apps/contact} from {@code /sub_apps/{sub_app_id}}. */
        int literalSegments() {
            return (int) Pattern.compile("/").splitAsStream(path).filter(segment -> !segment.startsWith("{")).count();
        }

        boolean matches(String method, String concretePath) {
            return this.method.equals(method)
                    && Pattern.matches(path.replaceAll("\\{[^/}]+}", "[^/]+"), concretePath);
        }

        /** Its declared response statuses ({@code 200}, {@code 400}, ...). */
        List<Integer> statuses() {
            List<Integer> statuses = new ArrayList<>();
            node.path("responses").fieldNames().forEachRemaining(status -> statuses.add(Integer.parseInt(status)));
            return statuses;
        }
    }

    /** A request of an operation: the path with its query, and the JSON body (null for none). */
    record Request(String pathAndQuery, String body) {
    }

    private SpecOperations() {
    }

    static List<Operation> all() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = SpecDocument.root().path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            operation.getValue().path("operationId").asText(), operation.getValue()));
                }
            });
        }
        return operations;
    }

    /** The operation a request was for: of those whose template matches, the one with the most literal segments. */
    static Optional<Operation> of(String method, String concretePath) {
        return all().stream().filter(operation -> operation.matches(method, concretePath))
                .max(Comparator.comparingInt(Operation::literalSegments));
    }

    /**
     * A request of the operation made of the spec's examples: each path parameter's example, each required query
     * parameter's example (a deepObject's properties as bracket keys), and the first request body example.
     */
    static Request exampleRequest(Operation operation) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        List<JsonNode> parameters = new ArrayList<>();
        operation.node().path("parameters").forEach(parameters::add);
        for (JsonNode reference : parameters) {
            JsonNode parameter = resolve(reference);
            String name = parameter.path("name").asText();
            JsonNode example = parameter.path("schema").has("example") ? parameter.path("schema").get("example") : parameter.path("example");
            if (parameter.path("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", URLEncoder.encode(example.asText(), StandardCharsets.UTF_8));
            } else if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean(false)) {
                if (example.isObject()) {
                    example.fields().forEachRemaining(property -> append(query, name + "[" + property.getKey() + "]", property.getValue().asText()));
                } else {
                    append(query, name, example.asText());
                }
            }
        }
        JsonNode examples = operation.node().path("requestBody").path("content").path("application/json").path("examples");
        String body = examples.isEmpty() ? null : resolve(examples.elements().next()).path("value").toString();
        return new Request(path + (query.isEmpty() ? "" : "?" + query), body);
    }

    private static void append(StringBuilder query, String name, String value) {
        query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = SpecDocument.resolve(current.get("$ref").asText());
        }
        return current;
    }
}
