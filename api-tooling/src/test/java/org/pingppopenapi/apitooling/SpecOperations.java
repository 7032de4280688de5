package org.pingppopenapi.apitooling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.spec.PingppSpec;

/** The spec as a JSON tree, and its operations, for checking what the tools made of it. */
final class SpecOperations {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One operation: under {@code paths} (an API call) or under {@code x-webhooks} (what Ping++ sends us). */
    record Operation(boolean webhook, String path, String method, String operationId, String summary, String tag, JsonNode node) {

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + operationId + ")";
        }
    }

    private SpecOperations() {
    }

    /** The shipped spec, read from the spec jar (the same bytes as spec/target/pingpp-openapi.yaml). */
    static JsonNode shipped() {
        try (InputStream in = PingppSpec.open()) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the shipped spec", e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Every operation under paths and x-webhooks, in document order. */
    static List<Operation> all(JsonNode spec) {
        List<Operation> operations = new ArrayList<>();
        collect(spec.path("paths"), false, operations);
        collect(spec.path("x-webhooks"), true, operations);
        return operations;
    }

    /** The API's own operations (under paths). */
    static List<Operation> api(JsonNode spec) {
        return all(spec).stream().filter(operation -> !operation.webhook()).toList();
    }

    /** Follows a local {@code $ref} ({@code #/components/...}) until a node without one. */
    static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 20) {
                throw new IllegalStateException("$ref cycle at " + node);
            }
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local $refs are expected in the spec, found " + ref);
            }
            current = root.at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new IllegalStateException("Unresolvable $ref " + ref);
            }
        }
        return current;
    }

    private static void collect(JsonNode items, boolean webhook, List<Operation> into) {
        for (Iterator<Map.Entry<String, JsonNode>> it = items.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> item = it.next();
            for (String method : METHODS) {
                JsonNode operation = item.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                into.add(new Operation(webhook, item.getKey(), method, operation.path("operationId").asText(null),
                        operation.path("summary").asText(null), operation.path("tags").path(0).asText(null), operation));
            }
        }
    }
}
