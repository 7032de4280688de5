package org.pingppopenapi.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pingppopenapi.sandbox.domain.IdGenerator;
import org.pingppopenapi.sandbox.domain.IdShape;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * Makes an object of a response schema. Each property takes, in this order: a value the caller fixes (the id, the
 * {@code deleted} flag); the first value of the sources (the request body, then the object acted on) that fits the
 * property's schema, an object completed as an object of its own schema (a recharge's {@code charge} parameters
 * become a charge); the path parameter of its name or of its name and {@code _id} ({@code app} from {@code app_id});
 * for {@code object} the first value of its enum, for {@code created} the time, for {@code livemode} {@code false},
 * for {@code id} a new id of the spec's shape ({@link IdShape}), for a list envelope an empty list of the object's
 * path. A required property still without a value takes its schema's {@code default} or {@code example} (if it
 * fits the schema), first {@code enum} value, {@code null} when nullable, or else an empty value of its type.
 */
final class ObjectShaper {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 8;
    private static final Map<String, IdShape> ID_SHAPES = new ConcurrentHashMap<>();

    private final IdGenerator ids;

    ObjectShaper(IdGenerator ids) {
        this.ids = ids;
    }

    /** What an object is made from. */
    record Sources(List<JsonNode> values, Map<String, String> pathValues, Map<String, JsonNode> fixed, String selfPath,
            Instant now) {

        /** The sources of a property that is an object of its own: the values given for it, nothing fixed. */
        Sources nested(List<JsonNode> nestedValues, String name) {
            return new Sources(nestedValues, pathValues, Map.of(), selfPath + "/" + name, now);
        }
    }

    /** A new id for {@code schemaName.property}, in the spec's shape (24 letters and digits for an unnamed schema). */
    String newId(String schemaName, String property, Instant now) {
        IdShape shape = ID_SHAPES.computeIfAbsent(schemaName + "." + property, key -> schemaName == null
                ? IdShape.parse("[0-9A-Za-z]{24}", "an inline schema") : IdShape.of(schemaName, property));
        return ids.next(shape, now);
    }

    ObjectNode shape(SpecOperations.Schema schema, Sources sources) {
        return shape(schema.name(), schema.node(), sources, 0);
    }

    private ObjectNode shape(String schemaName, JsonNode schema, Sources sources, int depth) {
        ObjectNode object = JSON.objectNode();
        for (Map.Entry<String, JsonNode> property : Schemas.properties(schema).entrySet()) {
            String name = property.getKey();
            JsonNode declared = property.getValue();
            JsonNode value = valueOf(schemaName, name, declared, sources, depth);
            if (value == null && Schemas.requires(schema, name)) {
                value = placeholder(declared, sources.nested(List.of(), name), depth);
            }
            if (value != null) {
                object.set(name, value);
            }
        }
        return object;
    }

    private JsonNode valueOf(String schemaName, String name, JsonNode declared, Sources sources, int depth) {
        JsonNode schema = SpecDocument.resolved(declared);
        JsonNode fixed = sources.fixed().get(name);
        if (fixed != null) {
            return fixed;
        }
        for (JsonNode source : sources.values()) {
            JsonNode fit = source == null ? null : Schemas.fit(source.get(name), schema);
            if (fit != null) {
                return complete(fit, declared, sources.nested(List.of(fit), name), depth);
            }
        }
        String fromPath = sources.pathValues().containsKey(name) ? sources.pathValues().get(name)
                : sources.pathValues().get(name + "_id");
        if (fromPath != null && Schemas.fit(JSON.textNode(fromPath), schema) != null) {
            return JSON.textNode(fromPath);
        }
        return switch (name) {
            case "object" -> schema.path("enum").isArray() && !schema.path("enum").isEmpty() ? schema.path("enum").get(0) : null;
            case "created" -> "integer".equals(Schemas.type(schema)) ? JSON.numberNode(sources.now().getEpochSecond()) : null;
            case "livemode" -> "boolean".equals(Schemas.type(schema)) ? JSON.booleanNode(false) : null;
            case "id" -> schemaName != null && "string".equals(Schemas.type(schema))
                    ? JSON.textNode(newId(schemaName, name, sources.now())) : null;
            default -> Schemas.isListEnvelope(schema) ? emptyList(sources.selfPath() + "/" + name) : null;
        };
    }

    /** A value that fits: an object of a schema with properties made a whole object of it, the items of an array too. */
    private JsonNode complete(JsonNode fit, JsonNode declared, Sources sources, int depth) {
        JsonNode schema = SpecDocument.resolved(declared);
        if (depth >= MAX_DEPTH || Schemas.isListEnvelope(schema)) {
            return fit.deepCopy();
        }
        if (fit.isObject() && !Schemas.properties(schema).isEmpty()) {
            return shape(SpecDocument.schemaName(declared), schema, sources, depth + 1);
        }
        if (fit.isArray() && !Schemas.properties(schema.path("items")).isEmpty()) {
            JsonNode items = schema.get("items");
            ArrayNode completed = JSON.arrayNode();
            fit.forEach(item -> completed.add(shape(SpecDocument.schemaName(items), SpecDocument.resolved(items),
                    new Sources(List.of(item), sources.pathValues(), Map.of(), sources.selfPath(), sources.now()), depth + 1)));
            return completed;
        }
        return fit.deepCopy();
    }

    private JsonNode placeholder(JsonNode declared, Sources sources, int depth) {
        JsonNode schema = SpecDocument.resolved(declared);
        for (String given : List.of("default", "example")) {
            JsonNode fit = schema.has(given) ? Schemas.fit(schema.get(given), schema) : null;
            if (fit != null) {
                return fit.deepCopy();
            }
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        if (schema.path("nullable").asBoolean(false)) {
            return JSON.nullNode();
        }
        if (Schemas.isListEnvelope(schema)) {
            return emptyList(sources.selfPath());
        }
        String type = Schemas.type(schema);
        if (type == null) {
            return schema.has("x-pingpp-expandable") ? JSON.textNode("") : JSON.objectNode();
        }
        return switch (type) {
            case "integer", "number" -> schema.has("minimum") ? schema.get("minimum") : JSON.numberNode(0);
            case "boolean" -> JSON.booleanNode(false);
            case "array" -> JSON.arrayNode();
            case "object" -> depth < MAX_DEPTH ? shape(SpecDocument.schemaName(declared), schema, sources, depth + 1)
                    : JSON.objectNode();
            default -> JSON.textNode("");
        };
    }

    /** An empty list envelope of {@code url}. */
    static ObjectNode emptyList(String url) {
        ObjectNode list = JSON.objectNode();
        list.put("object", "list");
        list.put("url", url);
        list.put("has_more", false);
        list.set("data", JSON.arrayNode());
        return list;
    }

    /** The schema named {@code name}, resolved. */
    static SpecOperations.Schema named(String name) {
        return new SpecOperations.Schema(name, SpecDocument.schema(name));
    }
}
