package org.pingppopenapi.validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.spec.RequestKinds;

/** The shipped spec as a plain tree, read by the tests on their own (not through the engine). */
final class SpecDocument {

    static final JsonNode TREE = read();

    private SpecDocument() {
    }

    private static JsonNode read() {
        try (InputStream in = PingppSpec.open()) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text() {
        try (InputStream in = PingppSpec.open()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode schemas() {
        return TREE.path("components").path("schemas");
    }

    static JsonNode schema(String name) {
        return schemas().path(name);
    }

    static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = TREE.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** A rule of {@code x-pingpp-rules}, with the schema that carries it. */
    record SpecRule(String schema, JsonNode rule) {
        String id() {
            return rule.get("id").asText();
        }
    }

    static List<SpecRule> rules() {
        List<SpecRule> rules = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> schemas = schemas().fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            for (JsonNode rule : schema.getValue().path("x-pingpp-rules")) {
                rules.add(new SpecRule(schema.getKey(), rule));
            }
        }
        return rules;
    }

    private static final List<RequestKinds.Kind> KINDS = RequestKinds.of(TREE);

    /** The request kinds of the spec, read by the spec module's reader of the naming rule, not by the engine. */
    static List<RequestKinds.Kind> kinds() {
        return KINDS;
    }

    /** The request schema of a kind. */
    static String requestSchema(RequestKind kind) {
        return specKind(kind).schema();
    }

    static RequestKind kindOf(String requestSchema) {
        return kinds().stream().filter(kind -> kind.schema().equals(requestSchema)).map(kind -> RequestKind.named(kind.name()))
                .findFirst().orElseThrow(() -> new IllegalStateException(requestSchema + " is no request schema"));
    }

    /** A request example: the body, and the creation time its {@code time_expire} is measured from, when it says one. */
    record Example(String name, JsonNode body, Optional<Long> createdAt) {
    }

    /** The request examples of the operation the kind is named after, in spec order. */
    static List<Example> requestExamples(RequestKind kind) {
        String operationId = specKind(kind).operationId();
        List<Example> examples = new ArrayList<>();
        TREE.path("paths").forEach(path -> path.forEach(operation -> {
            if (operationId.equals(operation.path("operationId").asText(null))) {
                operation.path("requestBody").path("content").path("application/json").path("examples").fields().forEachRemaining(example -> {
                    JsonNode resolved = resolve(example.getValue());
                    examples.add(new Example(example.getKey(), resolved.get("value"),
                            Optional.ofNullable(resolved.get("x-pingpp-created")).map(JsonNode::asLong)));
                });
            }
        }));
        return examples;
    }

    private static RequestKinds.Kind specKind(RequestKind kind) {
        return kinds().stream().filter(each -> each.name().equals(kind.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("No request kind " + kind + " in the spec"));
    }
}
