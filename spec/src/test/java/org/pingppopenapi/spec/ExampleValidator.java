package org.pingppopenapi.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates {@link SpecExample}s against their schemas with a real JSON Schema validator in the OpenAPI 3.0
 * dialect ({@code nullable}, {@code readOnly}/{@code writeOnly}, draft-04 style {@code exclusiveMinimum}).
 *
 * <p>The validator works on a copy of the document in which every local {@code $ref} and discriminator mapping is
 * absolute (so any schema in it can be compiled on its own) and every {@value SpecRules#EXPANDABLE} property reads
 * {@code anyOf: [{type: string}, {$ref: <the named schema>}]}. The spec leaves those properties untyped for the
 * generators' sake; here an expanded example is held to the full schema of the object it expands into.
 */
final class ExampleValidator {

    /** A name for the document inside the validator; never fetched. */
    private static final String DOCUMENT_IRI = "https://pingpp-openapi.invalid/spec.json";

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> compiledByPointer = new HashMap<>();

    ExampleValidator(SpecDocument spec) {
        this.document = forValidation(spec.tree());
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, document.toString())));
    }

    /** What is wrong with the example; empty when it satisfies its schema. */
    List<String> problems(SpecExample example) {
        if (example.value() == null) {
            return List.of(example.pointer() + " has no value to check (a missing 'value', an 'externalValue' or a dangling $ref)");
        }
        if (example.schemaPointer() == null) {
            return List.of(example.pointer() + " has no schema to be checked against");
        }
        Schema schema = compiledByPointer.computeIfAbsent(example.schemaPointer(), this::compile);
        List<Error> errors = schema.validate(example.value(), context -> context.executionConfig(config -> {
            switch (example.direction()) {
                case REQUEST -> config.readOnly(true);
                case RESPONSE -> config.writeOnly(true);
                case EITHER -> { }
            }
        }));
        return errors.stream()
                .map(error -> example.pointer() + " at '" + error.getInstanceLocation() + "': " + error.getMessage())
                .toList();
    }

    private Schema compile(String pointer) {
        return registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "/schema-at" + pointer.replace("{", "%7B").replace("}", "%7D")),
                document.at(pointer));
    }

    /** The copy described in the class comment; the original tree is left alone. */
    static JsonNode forValidation(JsonNode tree) {
        JsonNode copy = tree.deepCopy();
        rewrite(copy);
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            makeAbsolute(object, "$ref");
            if (object.path("discriminator").path("mapping") instanceof ObjectNode mapping) {
                // The validator matches mapping values against the oneOf $refs as strings.
                mapping.propertyNames().forEach(value -> makeAbsolute(mapping, value));
            }
            JsonNode expandable = object.get(SpecRules.EXPANDABLE);
            if (expandable != null && expandable.isString()) {
                object.set("anyOf", idOrExpanded(expandable.stringValue(), object.path("nullable").asBoolean(false)));
            }
            object.values().forEach(ExampleValidator::rewrite);
        } else if (node instanceof ArrayNode array) {
            array.values().forEach(ExampleValidator::rewrite);
        }
    }

    private static void makeAbsolute(ObjectNode holder, String field) {
        JsonNode ref = holder.get(field);
        if (ref != null && ref.isString() && ref.stringValue().startsWith("#")) {
            holder.put(field, DOCUMENT_IRI + ref.stringValue());
        }
    }

    private static ArrayNode idOrExpanded(String schemaName, boolean nullable) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode id = nodes.objectNode().put("type", "string");
        if (nullable) {
            id.put("nullable", true);
        }
        ObjectNode expanded = nodes.objectNode().put("$ref", DOCUMENT_IRI + JsonPointers.append("#/components/schemas", schemaName));
        return nodes.arrayNode().add(id).add(expanded);
    }
}
