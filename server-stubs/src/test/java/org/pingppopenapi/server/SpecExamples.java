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
final class SpecExamples {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final SpecExamples INSTANCE = load();

    private final JsonNode spec;

    private SpecExamples(JsonNode spec) {
        this.spec = spec;
    }

    static SpecExamples get() {
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
