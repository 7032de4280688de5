package org.pingppopenapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingppopenapi.spec.PingppSpec;

/** The real spec (the bundled spec, from the spec jar), read as a tree, and its examples. */
public final class SpecExamples {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final SpecExamples INSTANCE = load();

    private final JsonNode spec;

    private SpecExamples(JsonNode spec) {
        this.spec = spec;
    }

    public static SpecExamples get() {
        return INSTANCE;
    }

    private static SpecExamples load() {
        try (InputStream in = PingppSpec.open()) {
            return new SpecExamples(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One operation of {@code paths}. */
    record Operation(String method, String path, String operationId, JsonNode node) {
    }

    /** Every operation under {@code paths} (the webhook of {@code x-webhooks} is not served by the API). */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), operation.get("operationId").asText(), operation));
                }
            }
        }
        return operations;
    }

    /**
     * The generated JAX-RS interfaces: OpenAPI Generator writes one per tag that operations are filed under first
     * ({@code Sub App Channels}: {@code org.pingppopenapi.server.api.SubAppChannelsApi}).
     */
    public List<Class<?>> apiInterfaces() {
        List<Class<?>> interfaces = new ArrayList<>();
        for (Operation operation : operations()) {
            String tag = operation.node().path("tags").path(0).asText();
            StringBuilder name = new StringBuilder("org.pingppopenapi.server.api.");
            for (String word : tag.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            Class<?> api;
            try {
                api = Class.forName(name.append("Api").toString());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("No generated interface " + name + " for the operations tagged " + tag, e);
            }
            if (!interfaces.contains(api)) {
                interfaces.add(api);
            }
        }
        return interfaces;
    }

    Operation operation(String operationId) {
        return operations().stream().filter(o -> o.operationId().equals(operationId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No operation " + operationId));
    }

    /** The first example of the operation's 200 response. */
    JsonNode responseExample(String operationId) {
        JsonNode examples = operation(operationId).node().at("/responses/200/content/application~1json/examples");
        return exampleValue(examples.elements().next());
    }

    /** The first example of the operation's request body, with the creation time its {@code time_expire} is measured from. */
    RequestExample requestExample(String operationId) {
        JsonNode examples = operation(operationId).node().at("/requestBody/content/application~1json/examples");
        JsonNode example = resolve(examples.elements().next());
        Optional<Instant> created = Optional.ofNullable(example.get("x-pingpp-created")).map(n -> Instant.ofEpochSecond(n.asLong()));
        return new RequestExample(example.get("value").deepCopy(), created);
    }

    record RequestExample(JsonNode body, Optional<Instant> createdAt) {
    }

    /**
     * A request of the operation made of the spec's examples.
     *
     * @param pathAndQuery   the path with each path parameter's example, and a query of every query parameter that
     *                       has an example (a deepObject's properties as bracket keys)
     * @param pathParameters the path parameters' values, in order
     * @param body           the first request body example; null for an operation without a body
     */
    record ExampleRequest(String pathAndQuery, List<String> pathParameters, JsonNode body) {
    }

    ExampleRequest exampleRequest(String operationId) {
        Operation operation = operation(operationId);
        String path = operation.path();
        List<String> pathParameters = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (JsonNode reference : operation.node().path("parameters")) {
            JsonNode parameter = resolve(reference);
            String name = parameter.get("name").asText();
            JsonNode example = parameter.path("schema").has("example") ? parameter.path("schema").get("example") : parameter.path("example");
            if (parameter.path("in").asText().equals("path")) {
                path = path.replace("{" + name + "}", encode(example.asText()));
                pathParameters.add(example.asText());
            } else if (parameter.path("in").asText().equals("query") && !example.isMissingNode()) {
                if (example.isObject()) {
                    example.fields().forEachRemaining(property -> appendQuery(query, name + "[" + property.getKey() + "]", property.getValue()));
                } else if (example.isArray()) {
                    example.forEach(item -> appendQuery(query, name, item));
                } else {
                    appendQuery(query, name, example);
                }
            }
        }
        JsonNode body = operation.node().has("requestBody") ? requestExample(operationId).body() : null;
        return new ExampleRequest(path + (query.isEmpty() ? "" : "?" + query), pathParameters, body);
    }

    private static void appendQuery(StringBuilder query, String name, JsonNode value) {
        query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value.asText()));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A named example of {@code components.examples}. */
    JsonNode example(String name) {
        return spec.at("/components/examples/" + name + "/value").deepCopy();
    }

    /** The example value of a path or query parameter of the operation, by its wire name. */
    String parameterExample(String operationId, String name) {
        for (JsonNode parameter : operation(operationId).node().path("parameters")) {
            JsonNode resolved = resolve(parameter);
            if (resolved.get("name").asText().equals(name)) {
                JsonNode example = resolved.path("schema").path("example");
                if (example.isMissingNode()) {
                    example = resolved.path("example");
                }
                return example.isObject() ? example.elements().next().asText() : example.asText();
            }
        }
        throw new IllegalArgumentException(operationId + " has no parameter " + name);
    }

    private JsonNode exampleValue(JsonNode example) {
        return resolve(example).get("value").deepCopy();
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : spec.at(ref.asText().substring(1));
    }

    /** The JSON with every null-valued field removed, recursively: how a response leaves a field it does not set. */
    static JsonNode withoutNulls(JsonNode node) {
        JsonNode copy = node.deepCopy();
        removeNulls(copy);
        return copy;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(field -> field.getValue().isNull());
            object.forEach(SpecExamples::removeNulls);
        } else if (node.isArray()) {
            node.forEach(SpecExamples::removeNulls);
        }
    }

    static ObjectMapper json() {
        return PingppJson.newObjectMapper();
    }
}
