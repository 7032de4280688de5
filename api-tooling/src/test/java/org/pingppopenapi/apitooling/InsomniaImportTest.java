package org.pingppopenapi.apitooling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.apitooling.SpecOperations.Operation;

/**
 * What Insomnia makes of the spec (its OpenAPI 3 importer, npm insomnia-importers; the build writes the import to
 * target/insomnia). Insomnia builds each request body from the schema's property-level {@code example}s, not from the
 * operation's {@code examples}: without them a charge imports as {@code "order_no": "string", "amount": 0}.
 */
@DisplayName("Insomnia import")
class InsomniaImportTest {

    private static JsonNode spec;
    private static List<Operation> operations;
    private static Map<String, JsonNode> requestsByName;
    private static Map<String, String> folderNames;

    @BeforeAll
    static void load() throws IOException {
        spec = SpecOperations.shipped();
        operations = SpecOperations.api(spec);
        JsonNode export = SpecOperations.JSON.readTree(BuildPaths.property("api.insomnia.export").toFile());
        requestsByName = new HashMap<>();
        folderNames = new HashMap<>();
        for (JsonNode resource : export.path("resources")) {
            switch (resource.path("_type").asText()) {
                case "request" -> assertThat(requestsByName.put(resource.path("name").asText(), resource))
                        .as("one request named %s", resource.path("name").asText()).isNull();
                case "request_group" -> folderNames.put(resource.path("_id").asText(), resource.path("name").asText());
                default -> { }
            }
        }
    }

    @Test
    @DisplayName("imports every operation, named by its summary, in the folder of its tag, with its method and path")
    void everyOperationImports() {
        assertThat(requestsByName).hasSameSizeAs(operations);
        SoftAssertions softly = new SoftAssertions();
        for (Operation operation : operations) {
            JsonNode request = requestsByName.get(operation.summary());
            softly.assertThat(request).as("request for %s", operation).isNotNull();
            if (request == null) {
                continue;
            }
            softly.assertThat(request.path("method").asText()).as("method of %s", operation).isEqualTo(operation.method().toUpperCase());
            softly.assertThat(request.path("url").asText()).as("url of %s", operation)
                    .isEqualTo("{{ base_url }}" + operation.path().replaceAll("\\{([^}]+)}", "{{ $1 }}"));
            softly.assertThat(folderNames.get(request.path("parentId").asText())).as("folder of %s", operation).isEqualTo(operation.tag());
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("fills every request body with realistic values: each satisfies its schema, none is a type placeholder")
    void requestBodiesAreRealistic() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        int bodies = 0;
        for (Operation operation : operations) {
            JsonNode request = requestsByName.get(operation.summary());
            if (request == null || !operation.node().has("requestBody")) {
                continue;
            }
            bodies++;
            JsonNode schema = SpecOperations.resolve(spec, operation.node().get("requestBody")).path("content").path("application/json").path("schema");
            JsonNode body = SpecOperations.JSON.readTree(request.path("body").path("text").asText("null"));
            List<String> problems = new ArrayList<>();
            check(schema, body, "", problems);
            softly.assertThat(problems).as("body of %s: %s", operation, body).isEmpty();
        }
        softly.assertAll();
        assertThat(bodies).as("operations with a request body").isPositive();
    }

    @Test
    @DisplayName("imports query parameters with the spec's bracket names and example values, the optional ones off")
    void queryParametersAreUsable() {
        SoftAssertions softly = new SoftAssertions();
        int required = 0;
        for (JsonNode request : requestsByName.values()) {
            for (JsonNode parameter : request.path("parameters")) {
                String name = parameter.path("name").asText();
                String value = parameter.path("value").asText();
                softly.assertThat(value).as("%s: %s", request.path("name").asText(), name)
                        .isNotEqualTo("[object Object]").isNotEqualTo("string").isNotEmpty();
                if (!parameter.path("disabled").asBoolean(false)) {
                    required++;
                }
            }
        }
        softly.assertAll();
        assertThat(required).as("required query parameters switched on (app[id] of List charges)").isPositive();
    }

    /** The schema's own constraints on one value (type, enum, bounds, lengths, pattern, required), recursively. */
    private static void check(JsonNode schemaOrRef, JsonNode value, String where, List<String> problems) {
        JsonNode schema = SpecOperations.resolve(spec, schemaOrRef);
        String at = where.isEmpty() ? "body" : where;
        if (value == null || value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(at + " is null");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + " is no string: " + value);
                    return;
                }
                String text = value.asText();
                int length = text.codePointCount(0, text.length());
                if (text.equals("string")) {
                    problems.add(at + " is the importer's placeholder \"string\": the schema has no example");
                }
                if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
                    problems.add(at + " is shorter than " + schema.get("minLength"));
                }
                if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
                    problems.add(at + " is longer than " + schema.get("maxLength"));
                }
                if (schema.has("pattern") && !text.matches(schema.get("pattern").asText().replaceAll("^\\^|\\$$", ""))) {
                    problems.add(at + " does not match " + schema.get("pattern"));
                }
            }
            case "integer", "number" -> {
                if (!value.isNumber() || type.equals("integer") && !value.isIntegralNumber()) {
                    problems.add(at + " is no " + type + ": " + value);
                    return;
                }
                if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
                    problems.add(at + " is below " + schema.get("minimum") + " (the importer's placeholder 0: the schema has no example)");
                }
                if (schema.has("maximum") && value.asLong() > schema.get("maximum").asLong()) {
                    problems.add(at + " is above " + schema.get("maximum"));
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + " is no boolean: " + value);
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + " is no array: " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), at + "[" + i + "]", problems);
                }
            }
            default -> {
                if (schema.has("properties") || type.equals("object")) {
                    if (!value.isObject()) {
                        problems.add(at + " is no object: " + value);
                        return;
                    }
                    schema.path("required").forEach(name -> {
                        if (!value.has(name.asText())) {
                            problems.add(at + " lacks required " + name.asText());
                        }
                    });
                    schema.path("properties").fields().forEachRemaining(property -> {
                        if (value.has(property.getKey())) {
                            check(property.getValue(), value.get(property.getKey()), where.isEmpty() ? property.getKey() : where + "." + property.getKey(), problems);
                        }
                    });
                }
            }
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(at + " is none of " + schema.get("enum"));
            }
        }
    }
}
