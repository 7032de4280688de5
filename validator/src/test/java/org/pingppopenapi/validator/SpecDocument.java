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
import org.pingppopenapi.spec.PingppSpec;

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

    /** The request schema of each kind, by {@code x-pingpp-request-kind}. */
    static String requestSchema(RequestKind kind) {
        Iterator<Map.Entry<String, JsonNode>> schemas = schemas().fields();
        while (schemas.hasNext()) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (kind.cliName().equals(schema.getValue().path("x-pingpp-request-kind").asText(null))) {
                return schema.getKey();
            }
        }
        throw new IllegalStateException("No schema for " + kind);
    }

    static RequestKind kindOf(String requestSchema) {
        return RequestKind.fromCliName(schema(requestSchema).path("x-pingpp-request-kind").asText()).orElseThrow();
    }
}
