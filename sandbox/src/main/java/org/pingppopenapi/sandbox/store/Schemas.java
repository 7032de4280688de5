package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/** What the generic store asks of the spec's schemas: list envelopes, properties, and whether a value fits. */
final class Schemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Schemas() {
    }

    /** Whether the schema is a list envelope: {@code object} is {@code list} and {@code data} an array. */
    static boolean isListEnvelope(JsonNode schema) {
        JsonNode properties = SpecDocument.resolved(schema).path("properties");
        JsonNode objectValues = properties.path("object").path("enum");
        return objectValues.size() == 1 && "list".equals(objectValues.get(0).asText())
                && "array".equals(SpecDocument.resolved(properties.path("data")).path("type").asText());
    }

    /** The schema of the items of a list envelope. */
    static SpecOperations.Schema listItems(JsonNode listSchema) {
        JsonNode items = SpecDocument.resolved(listSchema).path("properties").path("data");
        JsonNode item = SpecDocument.resolved(items).path("items");
        return new SpecOperations.Schema(SpecDocument.schemaName(item), SpecDocument.resolved(item));
    }

    /** The declared properties of a schema, its {@code allOf} members' included, as declared (a {@code $ref} stays one). */
    static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        JsonNode resolved = SpecDocument.resolved(schema);
        for (JsonNode member : resolved.path("allOf")) {
            properties.putAll(properties(member));
        }
        resolved.path("properties").fields().forEachRemaining(property -> properties.put(property.getKey(), property.getValue()));
        return properties;
    }

    /** Whether the schema requires the property. */
    static boolean requires(JsonNode schema, String property) {
        JsonNode resolved = SpecDocument.resolved(schema);
        for (JsonNode name : resolved.path("required")) {
            if (name.asText().equals(property)) {
                return true;
            }
        }
        for (JsonNode member : resolved.path("allOf")) {
            if (requires(member, property)) {
                return true;
            }
        }
        return false;
    }

    /** The JSON type a schema declares, inferred from {@code properties} or {@code items}; null when it is open. */
    static String type(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("allOf")) {
            return "object";
        }
        return schema.has("items") ? "array" : null;
    }

    /**
     * The value as the schema can hold it, or null when it cannot: the value itself when it fits, an object's
     * {@code id} where the schema wants a string ({@code app: {id}} in a request, {@code app: "app_..."} in the
     * object), an object keeping the properties that fit.
     */
    static JsonNode fit(JsonNode value, JsonNode schema) {
        JsonNode resolved = SpecDocument.resolved(schema);
        if (value == null || value.isMissingNode()) {
            return null;
        }
        if (value.isNull()) {
            return resolved.path("nullable").asBoolean(false) ? value : null;
        }
        if (resolved.has("x-pingpp-expandable")) {
            return fitExpandable(value, resolved.get("x-pingpp-expandable").asText());
        }
        if (resolved.has("oneOf") || resolved.has("anyOf")) {
            return value;
        }
        JsonNode allowed = resolved.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            return null;
        }
        String type = type(resolved);
        if (type == null) {
            return value;
        }
        return switch (type) {
            case "string" -> value.isTextual() ? value
                    : value.isObject() && value.path("id").isTextual() ? value.get("id") : null;
            case "integer" -> value.isIntegralNumber() ? value : null;
            case "number" -> value.isNumber() ? value : null;
            case "boolean" -> value.isBoolean() ? value : null;
            case "array" -> fitArray(value, resolved);
            case "object" -> fitObject(value, resolved);
            default -> null;
        };
    }

    /** An id, or the expanded object itself; a reference such as {@code {"id": "app_..."}} is its id. */
    private static JsonNode fitExpandable(JsonNode value, String schemaName) {
        if (value.isTextual()) {
            return value;
        }
        if (!value.isObject()) {
            return null;
        }
        String objectName = SpecDocument.objectName(SpecDocument.schema(schemaName), schemaName);
        if (objectName.equals(value.path("object").asText(null))) {
            return value;
        }
        return value.path("id").isTextual() ? value.get("id") : null;
    }

    private static JsonNode fitArray(JsonNode value, JsonNode schema) {
        if (!value.isArray()) {
            return null;
        }
        ArrayNode fitted = JSON.arrayNode();
        for (JsonNode item : value) {
            JsonNode fit = fit(item, schema.path("items"));
            if (fit == null) {
                return null;
            }
            fitted.add(fit);
        }
        return fitted;
    }

    private static JsonNode fitObject(JsonNode value, JsonNode schema) {
        if (!value.isObject()) {
            return null;
        }
        Map<String, JsonNode> properties = properties(schema);
        JsonNode additional = schema.get("additionalProperties");
        if (properties.isEmpty() && (additional == null || additional.isBoolean())) {
            return additional != null && !additional.asBoolean() ? JSON.objectNode() : value;
        }
        ObjectNode fitted = JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode declared = properties.get(field.getKey());
            JsonNode fieldSchema = declared != null ? declared
                    : additional != null && additional.isObject() ? additional : null;
            if (declared == null && (additional == null || additional.isBoolean() && !additional.asBoolean())) {
                continue;
            }
            JsonNode fit = fieldSchema == null ? field.getValue() : fit(field.getValue(), fieldSchema);
            if (fit != null) {
                fitted.set(field.getKey(), fit);
            }
        }
        return fitted;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value) || candidate.isNumber() && value.isNumber()
                    && candidate.decimalValue().compareTo(value.decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }
}
