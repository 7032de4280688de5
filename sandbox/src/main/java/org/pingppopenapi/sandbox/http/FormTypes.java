package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.pingppopenapi.sandbox.domain.SpecDocument;
import org.pingppopenapi.validator.PingppValidator;

/**
 * Gives the string values of a form body the JSON types of the operation's schema, so the form and the JSON
 * encoding of a request become the same JSON: {@code amount=100} the integer 100, {@code banned=true} a boolean,
 * {@code metadata[color]=red} a string. Objects with the keys {@code 0}, {@code 1}, ... become arrays where the
 * schema has an array.
 *
 * <p>Inside free-form objects ({@code extra}, whose fields depend on the channel) the types come from the
 * schema's channel rules: the schema a rule names for the field when its {@code when} holds, as the validator decides
 * it on the form's strings ({@code extra} of {@code isv_scan} is {@code IsvScanExtra}), and the numeric or boolean constraints rules put on
 * a path ({@code extra.goods_list[].goods_num: {minimum: 1}}). Other free-form values stay strings. A value that
 * does not parse as its type stays a string, for validation to reject with the field's name.
 */
final class FormTypes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,40}");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?([eE][-+]?[0-9]{1,4})?");
    private static final Pattern ARRAY_INDEX = Pattern.compile("0|[1-9][0-9]{0,5}");
    /** Decides the rules' conditions, as it does when it validates the typed body. */
    private static final PingppValidator RULES = PingppValidator.fromSpec();

    private FormTypes() {
    }

    /** The typed copy of {@code form} for the request {@code schema}. */
    static JsonNode apply(ObjectNode form, JsonNode schema) {
        RuleHints hints = RuleHints.of(resolve(schema), form);
        return coerce(form, resolve(schema), "", hints);
    }

    private static JsonNode coerce(JsonNode value, JsonNode schema, String path, RuleHints hints) {
        if (isFreeForm(schema)) {
            JsonNode ruled = hints.schemaAt(path);
            if (ruled != null) {
                return coerce(value, resolve(ruled), path, hints);
            }
        }
        String type = schema == null ? null : schema.path("type").asText(null);
        if (value.isObject() && ("array".equals(type) || type == null && isFreeForm(schema) && hasIndexKeys(value))) {
            value = toArray((ObjectNode) value);
        }
        if (value.isObject()) {
            ObjectNode typed = JSON.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String childPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                typed.set(field.getKey(), coerce(field.getValue(), propertySchema(schema, field.getKey()), childPath, hints));
            }
            return typed;
        }
        if (value.isArray()) {
            ArrayNode typed = JSON.arrayNode();
            JsonNode items = schema == null ? null : resolve(schema.get("items"));
            for (JsonNode item : value) {
                typed.add(coerce(item, items, path + "[]", hints));
            }
            return typed;
        }
        return scalar(value.asText(), type != null ? type : hints.scalarTypeAt(path));
    }

    private static JsonNode scalar(String text, String type) {
        if ("integer".equals(type) && INTEGER.matcher(text).matches()) {
            return JSON.numberNode(new BigInteger(text));
        }
        if ("number".equals(type) && NUMBER.matcher(text).matches()) {
            return JSON.numberNode(new BigDecimal(text));
        }
        if ("boolean".equals(type) && (text.equals("true") || text.equals("false"))) {
            return JSON.booleanNode(Boolean.parseBoolean(text));
        }
        return JSON.textNode(text);
    }

    /** The schema of a property: declared, or the additionalProperties schema; null when free-form. */
    private static JsonNode propertySchema(JsonNode schema, String name) {
        if (schema == null) {
            return null;
        }
        JsonNode declared = schema.path("properties").get(name);
        if (declared != null) {
            return resolve(declared);
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? resolve(additional) : null;
    }

    private static boolean isFreeForm(JsonNode schema) {
        return schema == null || !schema.has("type") && !schema.has("properties") && !schema.has("items")
                || "object".equals(schema.path("type").asText()) && !schema.has("properties")
                && !schema.path("additionalProperties").isObject();
    }

    private static boolean hasIndexKeys(JsonNode object) {
        if (object.isEmpty()) {
            return false;
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            if (!ARRAY_INDEX.matcher(names.next()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** An object keyed {@code 0}, {@code 1}, ... as an array in index order; other objects stay objects. */
    private static JsonNode toArray(ObjectNode object) {
        if (!hasIndexKeys(object)) {
            return object;
        }
        TreeMap<Integer, JsonNode> byIndex = new TreeMap<>();
        object.fields().forEachRemaining(field -> byIndex.put(Integer.parseInt(field.getKey()), field.getValue()));
        ArrayNode array = JSON.arrayNode();
        byIndex.values().forEach(array::add);
        return array;
    }

    static JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; current != null && current.has("$ref") && hops < 16; hops++) {
            current = SpecDocument.resolve(current.get("$ref").asText());
        }
        return current == null || current.isMissingNode() ? null : current;
    }

    /**
     * What the {@code x-pingpp-rules} of a request schema say about the types inside its free-form fields, for one
     * request: paths use {@code []} for every array item, as the rules do.
     */
    private record RuleHints(Map<String, JsonNode> schemas, Map<String, String> scalarTypes) {

        static RuleHints of(JsonNode requestSchema, JsonNode form) {
            Map<String, JsonNode> schemas = new HashMap<>();
            Map<String, String> scalarTypes = new HashMap<>();
            if (requestSchema != null) {
                for (JsonNode rule : requestSchema.path("x-pingpp-rules")) {
                    boolean applies = RULES.ruleAppliesToForm(rule.path("id").asText(), form);
                    collect(rule.path("when"), false, schemas, scalarTypes);
                    collect(rule.path("then"), applies, schemas, scalarTypes);
                }
            }
            return new RuleHints(schemas, scalarTypes);
        }

        private static void collect(JsonNode constraints, boolean schemasApply, Map<String, JsonNode> schemas,
                Map<String, String> scalarTypes) {
            Iterator<Map.Entry<String, JsonNode>> entries = constraints.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                JsonNode constraint = entry.getValue();
                if (schemasApply && constraint.has("schema")) {
                    schemas.putIfAbsent(entry.getKey(), constraint.get("schema"));
                }
                String type = scalarType(constraint);
                if (type != null) {
                    scalarTypes.merge(entry.getKey(), type, (a, b) -> a.equals(b) ? a : "string");
                }
            }
        }

        /** {@code minimum}/{@code maximum}/{@code maximumOf}, or an enum of numbers or booleans, type the path. */
        private static String scalarType(JsonNode constraint) {
            if (constraint.has("minimum") || constraint.has("maximum") || constraint.has("maximumOf")) {
                return "number";
            }
            JsonNode values = constraint.get("enum");
            if (values != null && values.isArray() && !values.isEmpty()) {
                boolean numbers = true;
                boolean booleans = true;
                for (JsonNode value : values) {
                    numbers &= value.isNumber();
                    booleans &= value.isBoolean();
                }
                return numbers ? "number" : booleans ? "boolean" : null;
            }
            return null;
        }

        JsonNode schemaAt(String path) {
            return schemas.get(path);
        }

        String scalarTypeAt(String path) {
            return scalarTypes.get(path);
        }
    }
}
