package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.PatternSyntaxException;
import org.pingppopenapi.validator.InvalidSpecException;
import org.pingppopenapi.spec.RequestKinds;

/**
 * Turns the spec into a {@link RuleEngine}: every schema reachable from a request schema (one an operation takes as
 * its JSON body, {@link RequestKinds}) with its constraints and {@code x-pingpp-rules}.
 *
 * <p>Anything it does not understand fails the compilation with an {@link InvalidSpecException} naming the
 * schema, the rule and the keyword: a rule keyword outside the spec's vocabulary, a schema keyword the engine
 * does not enforce, a rule path that names no property, an unknown channel group, a request body that is no
 * named schema or two request schemas of one kind name, a rule on a schema that no request uses. Changing a rule means editing the spec; an engine that
 * cannot enforce the edit refuses to start instead of ignoring it.
 */
final class SpecCompiler {

    private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";

    /** Schema keywords the engine enforces. */
    private static final Set<String> ENFORCED = Set.of("type", "format", "nullable", "required", "properties",
            "additionalProperties", "items", "minLength", "maxLength", "pattern", "minimum", "maximum", "enum",
            "maxProperties", "minItems", "maxItems", "$ref", "x-pingpp-rules", "x-pingpp-request-kind");

    /** Schema keywords that only document. Other {@code x-} extensions outside {@code x-pingpp-} are generator hooks. */
    private static final Set<String> ANNOTATIONS = Set.of("description", "example", "title", "default", "deprecated",
            "externalDocs", "x-pingpp-known-values");

    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "when", "then");

    private final JsonNode document;
    private final JsonNode schemas;
    private final Map<String, Set<String>> channelGroups;
    private final Map<String, CompiledSchema> compiled = new HashMap<>();
    private final Map<String, String> ruleOwners = new LinkedHashMap<>();
    private final List<Runnable> pathChecks = new ArrayList<>();
    /** The {@code when} of every rule, by rule id. */
    private final Map<String, Rule.Condition[]> whens = new HashMap<>();

    private SpecCompiler(JsonNode document) {
        JsonNode components = document == null ? null : document.get("components");
        if (components == null || !components.isObject() || !components.path("schemas").isObject()) {
            throw new InvalidSpecException("The spec has no components.schemas");
        }
        this.document = document;
        this.schemas = components.get("schemas");
        this.channelGroups = readChannelGroups(components.get("x-pingpp-channel-groups"));
    }

    static RuleEngine compile(JsonNode document) {
        return new SpecCompiler(document).compile();
    }

    private RuleEngine compile() {
        List<RequestKinds.Kind> kinds;
        try {
            kinds = RequestKinds.of(document);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage(), e);
        }
        List<RequestKinds.Kind> byName = new ArrayList<>(kinds);
        byName.sort(Comparator.comparing(RequestKinds.Kind::name));
        List<RuleEngine.Kind> compiledKinds = new ArrayList<>();
        for (RequestKinds.Kind kind : byName) {
            compiledKinds.add(new RuleEngine.Kind(kind.name(), kind.schema(), named(kind.schema())));
        }
        Iterator<Map.Entry<String, JsonNode>> entries = schemas.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getValue().has("x-pingpp-rules") && !compiled.containsKey(entry.getKey())) {
                throw new InvalidSpecException("The x-pingpp-rules of schema " + entry.getKey()
                        + " would never be enforced: no request schema uses " + entry.getKey());
            }
        }
        pathChecks.forEach(Runnable::run);
        return new RuleEngine(compiledKinds, new TreeSet<>(ruleOwners.keySet()), whens);
    }

    private static Map<String, Set<String>> readChannelGroups(JsonNode groups) {
        Map<String, Set<String>> result = new HashMap<>();
        if (groups == null) {
            return result;
        }
        if (!groups.isObject()) {
            throw new InvalidSpecException("components.x-pingpp-channel-groups must map group names to lists of channels");
        }
        Iterator<Map.Entry<String, JsonNode>> entries = groups.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> group = entries.next();
            Set<String> channels = new LinkedHashSet<>();
            if (!group.getValue().isArray() || group.getValue().isEmpty()) {
                throw new InvalidSpecException("Channel group " + group.getKey() + " must be a non-empty list of channels");
            }
            for (JsonNode channel : group.getValue()) {
                if (!channel.isTextual() || channel.textValue().isEmpty()) {
                    throw new InvalidSpecException("Channel group " + group.getKey() + " lists " + channel + ", which is not a channel name");
                }
                channels.add(channel.textValue());
            }
            result.put(group.getKey(), Set.copyOf(channels));
        }
        return result;
    }

    // ---------------------------------------------------------------- schemas

    private CompiledSchema named(String name) {
        CompiledSchema existing = compiled.get(name);
        if (existing != null) {
            return existing;
        }
        JsonNode node = schemas.get(name);
        if (node == null) {
            throw new InvalidSpecException("There is no schema " + name + " in components.schemas");
        }
        if (node.has("$ref")) {
            CompiledSchema target = reference(node, name);
            compiled.put(name, target);
            return target;
        }
        CompiledSchema schema = new CompiledSchema(name);
        compiled.put(name, schema);
        fill(schema, node);
        return schema;
    }

    private CompiledSchema inline(JsonNode node, String where) {
        if (node != null && node.has("$ref")) {
            return reference(node, where);
        }
        CompiledSchema schema = new CompiledSchema(where);
        fill(schema, node);
        return schema;
    }

    /** A {@code $ref}; in OpenAPI 3.0 its siblings are ignored, so a constraint beside it would silently not apply. */
    private CompiledSchema reference(JsonNode node, String where) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String sibling = names.next();
            if (!sibling.equals("$ref") && !ANNOTATIONS.contains(sibling) && !isGeneratorHook(sibling)) {
                throw new InvalidSpecException(where + " has " + sibling + " beside $ref, which OpenAPI 3.0 ignores");
            }
        }
        return named(schemaName(node.get("$ref"), where));
    }

    private static String schemaName(JsonNode ref, String where) {
        if (ref == null || !ref.isTextual() || !ref.textValue().startsWith(SCHEMA_REF_PREFIX)) {
            throw new InvalidSpecException(where + " has $ref " + ref + "; the validator follows only " + SCHEMA_REF_PREFIX + "<name>");
        }
        return ref.textValue().substring(SCHEMA_REF_PREFIX.length()).replace("~1", "/").replace("~0", "~");
    }

    private static boolean isGeneratorHook(String keyword) {
        return keyword.startsWith("x-") && !keyword.startsWith("x-pingpp-");
    }

    private void fill(CompiledSchema schema, JsonNode node) {
        String where = schema.name;
        if (node == null || !node.isObject()) {
            throw new InvalidSpecException("Schema " + where + " is not an object");
        }
        Iterator<String> keywords = node.fieldNames();
        while (keywords.hasNext()) {
            String keyword = keywords.next();
            if (!ENFORCED.contains(keyword) && !ANNOTATIONS.contains(keyword) && !isGeneratorHook(keyword)) {
                throw new InvalidSpecException("Schema " + where + " uses the keyword " + keyword
                        + ", which the validator does not enforce; teach the engine the keyword or leave it out");
            }
        }
        if (node.has("type")) {
            String type = node.get("type").asText();
            try {
                schema.type = CompiledSchema.Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidSpecException("Schema " + where + " has the type " + node.get("type") + ", which is not an OpenAPI 3.0 type");
            }
        }
        schema.nullable = node.path("nullable").asBoolean(false);
        if (node.has("format")) {
            String format = node.get("format").asText();
            if (schema.type != CompiledSchema.Type.INTEGER || !format.equals("int32") && !format.equals("int64")) {
                throw new InvalidSpecException("Schema " + where + " has format " + format + " on type " + node.path("type").asText("(none)")
                        + "; the validator enforces only int32 and int64 on integers");
            }
            schema.format = format.equals("int32") ? CompiledSchema.IntegerFormat.INT32 : CompiledSchema.IntegerFormat.INT64;
        }
        if (node.has("required")) {
            List<String> required = new ArrayList<>();
            for (JsonNode name : arrayOf(node.get("required"), where + ".required")) {
                required.add(textOf(name, where + ".required"));
            }
            schema.required = required.toArray(String[]::new);
        }
        if (node.has("properties")) {
            JsonNode properties = node.get("properties");
            if (!properties.isObject()) {
                throw new InvalidSpecException("Schema " + where + " has properties that are not an object");
            }
            Map<String, CompiledSchema> index = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = properties.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> property = entries.next();
                index.put(property.getKey(), inline(property.getValue(), where + "." + property.getKey()));
            }
            schema.propertyIndex = Map.copyOf(index);
            // Interned as Jackson interns the property names it parses, so that looking a name up in a parsed
            // payload finds the key by identity instead of comparing characters.
            schema.propertyNames = index.keySet().stream().map(String::intern).toArray(String[]::new);
            schema.propertySchemas = index.values().toArray(CompiledSchema[]::new);
        }
        if (node.has("additionalProperties")) {
            JsonNode additional = node.get("additionalProperties");
            if (additional.isBoolean()) {
                schema.additional = additional.booleanValue() ? CompiledSchema.Additional.ALLOWED : CompiledSchema.Additional.FORBIDDEN;
            } else {
                schema.additional = CompiledSchema.Additional.SCHEMA;
                schema.additionalSchema = inline(additional, where + ".*");
            }
        }
        if (node.has("items")) {
            schema.items = inline(node.get("items"), where + "[]");
        }
        schema.minLength = node.has("minLength") ? count(node.get("minLength"), where + ".minLength") : -1;
        schema.maxLength = node.has("maxLength") ? count(node.get("maxLength"), where + ".maxLength") : -1;
        schema.maxProperties = node.has("maxProperties") ? count(node.get("maxProperties"), where + ".maxProperties") : -1;
        schema.minItems = node.has("minItems") ? count(node.get("minItems"), where + ".minItems") : -1;
        schema.maxItems = node.has("maxItems") ? count(node.get("maxItems"), where + ".maxItems") : -1;
        if (node.has("pattern")) {
            schema.pattern = pattern(node.get("pattern"), where + ".pattern");
        }
        if (node.has("minimum")) {
            schema.minimum = new NumberBound(number(node.get("minimum"), where + ".minimum"), true);
        }
        if (node.has("maximum")) {
            schema.maximum = new NumberBound(number(node.get("maximum"), where + ".maximum"), false);
        }
        if (node.has("enum")) {
            schema.enumValues = scalars(node.get("enum"), where + ".enum");
        }
        if (node.has("x-pingpp-rules")) {
            schema.rules = rules(schema, node.get("x-pingpp-rules"));
        }
        schema.seal();
    }

    // ---------------------------------------------------------------- rules

    private RuleSet rules(CompiledSchema schema, JsonNode ruleList) {
        List<FieldPath> conditionPaths = new ArrayList<>();
        Map<String, Integer> conditionIndex = new HashMap<>();
        List<Rule.Condition> conditions = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (JsonNode ruleNode : arrayOf(ruleList, schema.name + ".x-pingpp-rules")) {
            if (!ruleNode.isObject()) {
                throw new InvalidSpecException("An x-pingpp-rules entry of " + schema.name + " is not an object: " + ruleNode);
            }
            String id = ruleNode.path("id").asText("");
            if (!ruleNode.path("id").isTextual() || id.isBlank()) {
                throw new InvalidSpecException("An x-pingpp-rules entry of " + schema.name + " has no id: " + ruleNode);
            }
            String where = "Rule " + id + " of " + schema.name;
            String previousOwner = ruleOwners.putIfAbsent(id, schema.name);
            if (previousOwner != null) {
                throw new InvalidSpecException(where + " has the id of a rule of " + previousOwner + "; rule ids must be unique");
            }
            Iterator<String> fields = ruleNode.fieldNames();
            while (fields.hasNext()) {
                String field = fields.next();
                if (!RULE_FIELDS.contains(field)) {
                    throw new InvalidSpecException(where + " has the field " + field + "; a rule has only " + RULE_FIELDS);
                }
            }
            if (!ruleNode.path("description").isTextual() || ruleNode.get("description").textValue().isBlank()) {
                throw new InvalidSpecException(where + " has no description");
            }
            List<Integer> ruleConditions = new ArrayList<>();
            JsonNode when = ruleNode.get("when");
            if (when != null) {
                for (Map.Entry<FieldPath, JsonNode> entry : constraints(when, where + ", when").entrySet()) {
                    FieldPath path = entry.getKey();
                    if (path.hasEveryItem()) {
                        throw new InvalidSpecException(where + ": the when path " + path + " uses [], which only then paths may use");
                    }
                    checkPathLater(schema, path, where);
                    Compiled keywords = keywords(entry.getValue(), true, schema, id, where + ", when " + path);
                    int pathIndex = indexOf(conditionPaths, path);
                    String key = pathIndex + " " + entry.getValue();
                    Integer index = conditionIndex.get(key);
                    if (index == null) {
                        index = conditions.size();
                        conditionIndex.put(key, index);
                        conditions.add(new Rule.Condition(conditionPaths.get(pathIndex), keywords.keywords()));
                    }
                    ruleConditions.add(index);
                }
            }
            JsonNode then = ruleNode.get("then");
            if (then == null) {
                throw new InvalidSpecException(where + " has no then");
            }
            List<Rule.Requirement> requirements = new ArrayList<>();
            for (Map.Entry<FieldPath, JsonNode> entry : constraints(then, where + ", then").entrySet()) {
                checkPathLater(schema, entry.getKey(), where);
                Compiled keywords = keywords(entry.getValue(), false, schema, id, where + ", then " + entry.getKey());
                FieldPath path = entry.getKey();
                int property = path.isSelf() ? -1 : List.of(schema.propertyNames).indexOf(path.name(0));
                requirements.add(new Rule.Requirement(id, path, property, keywords.required(), keywords.keywords()));
            }
            whens.put(id, ruleConditions.stream().map(conditions::get).toArray(Rule.Condition[]::new));
            rules.add(new Rule(id, ruleNode.get("description").textValue(),
                    ruleConditions.stream().mapToInt(Integer::intValue).toArray(), requirements));
        }
        return new RuleSet(conditions, rules, schema.propertyNames);
    }

    private static int indexOf(List<FieldPath> paths, FieldPath path) {
        for (int i = 0; i < paths.size(); i++) {
            if (paths.get(i).toString().equals(path.toString())) {
                return i;
            }
        }
        paths.add(path);
        return paths.size() - 1;
    }

    private static Map<FieldPath, JsonNode> constraints(JsonNode node, String where) {
        if (!node.isObject() || node.isEmpty()) {
            throw new InvalidSpecException(where + " must map field paths to constraints");
        }
        Map<FieldPath, JsonNode> result = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            FieldPath path = FieldPath.parse(entry.getKey());
            if (path == null) {
                throw new InvalidSpecException(where + ": " + entry.getKey()
                        + " is not a field path ($, or names of letters, digits and _ joined by dots, each optionally followed by [])");
            }
            if (!entry.getValue().isObject() || entry.getValue().isEmpty()) {
                throw new InvalidSpecException(where + ": the constraint of " + entry.getKey() + " must be a non-empty map of keywords");
            }
            result.put(path, entry.getValue());
        }
        return result;
    }

    private record Compiled(boolean required, List<Keyword> keywords) {
    }

    private Compiled keywords(JsonNode constraint, boolean inWhen, CompiledSchema schema, String ruleId, String where) {
        boolean required = false;
        List<Keyword> keywords = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = constraint.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            String at = where + ", " + name;
            switch (name) {
                case "required" -> {
                    if (!value.isBoolean() || !value.booleanValue()) {
                        throw new InvalidSpecException(at + ": required takes only true (leave it out for optional fields)");
                    }
                    required = true;
                }
                case "minLength" -> keywords.add(new Keyword.MinLength(count(value, at)));
                case "maxLength" -> keywords.add(new Keyword.MaxLength(count(value, at)));
                case "maxBytes" -> keywords.add(new Keyword.MaxBytes(count(value, at)));
                case "maxTotalLength" -> keywords.add(new Keyword.MaxTotalLength(count(value, at)));
                case "pattern" -> keywords.add(new Keyword.Matches(pattern(value, at)));
                case "enum" -> keywords.add(new Keyword.OneOf("enum", scalars(value, at), true));
                case "notIn" -> keywords.add(new Keyword.OneOf("notIn", scalars(value, at), false));
                case "inGroup", "notInGroup" -> {
                    String group = textOf(value, at);
                    Set<String> channels = channelGroups.get(group);
                    if (channels == null) {
                        throw new InvalidSpecException(at + ": there is no channel group " + group
                                + " in components.x-pingpp-channel-groups (groups: " + new TreeSet<>(channelGroups.keySet()) + ")");
                    }
                    keywords.add(new Keyword.ChannelGroup(name, group, channels, name.equals("inGroup")));
                }
                case "minimum" -> keywords.add(new Keyword.Bound(name, new NumberBound(number(value, at), true)));
                case "maximum" -> keywords.add(new Keyword.Bound(name, new NumberBound(number(value, at), false)));
                case "maximumOf" -> {
                    FieldPath other = FieldPath.parse(textOf(value, at));
                    if (other == null || other.hasEveryItem() || other.isSelf()) {
                        throw new InvalidSpecException(at + ": " + value + " is not the path of one other field");
                    }
                    checkPathLater(schema, other, at);
                    keywords.add(new Keyword.MaximumOf(other));
                }
                case "secondsAfterNow" -> keywords.add(secondsAfterNow(value, at));
                case "schema" -> {
                    if (inWhen) {
                        throw new InvalidSpecException(at + ": schema is a requirement, not a condition; use it in then");
                    }
                    if (!value.isObject() || value.size() != 1 || !value.has("$ref")) {
                        throw new InvalidSpecException(at + ": schema takes {$ref: '" + SCHEMA_REF_PREFIX + "<name>'}");
                    }
                    keywords.add(new Keyword.ValidAgainst(named(schemaName(value.get("$ref"), at)), ruleId));
                }
                default -> throw new InvalidSpecException(at + ": " + name + " is not a rule keyword the validator understands "
                        + "(required, minLength, maxLength, maxBytes, pattern, enum, notIn, inGroup, notInGroup, minimum, maximum, "
                        + "maximumOf, secondsAfterNow, schema, maxTotalLength)");
            }
        }
        if (!required && keywords.isEmpty()) {
            throw new InvalidSpecException(where + " constrains nothing");
        }
        return new Compiled(required, keywords);
    }

    private static Keyword secondsAfterNow(JsonNode value, String at) {
        if (!value.isObject() || value.isEmpty()) {
            throw new InvalidSpecException(at + ": secondsAfterNow takes {minimum, maximum}");
        }
        Iterator<String> names = value.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("minimum") && !name.equals("maximum")) {
                throw new InvalidSpecException(at + ": secondsAfterNow takes only minimum and maximum, not " + name);
            }
        }
        Long minimum = value.has("minimum") ? seconds(value.get("minimum"), at + ".minimum") : null;
        Long maximum = value.has("maximum") ? seconds(value.get("maximum"), at + ".maximum") : null;
        if (minimum != null && maximum != null && minimum > maximum) {
            throw new InvalidSpecException(at + ": minimum " + minimum + " is above maximum " + maximum);
        }
        return new Keyword.SecondsAfterNow(minimum, maximum);
    }

    private static long seconds(JsonNode value, String at) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidSpecException(at + " must be a whole number of seconds, is " + value);
        }
        return value.longValue();
    }

    /**
     * Checks, once every schema is compiled, that each step of a rule path names a declared property (a typo
     * would make the rule silently never fire). Steps into a free-form object such as {@code ChargeExtra} cannot
     * be checked and are accepted.
     */
    private void checkPathLater(CompiledSchema schema, FieldPath path, String where) {
        pathChecks.add(() -> {
            CompiledSchema current = schema;
            for (int i = 0; i < path.length() && current != null; i++) {
                String name = path.name(i);
                if (current.type != null && current.type != CompiledSchema.Type.OBJECT) {
                    throw new InvalidSpecException(where + ": the path " + path + " steps into " + current.name + ", which is not an object");
                }
                CompiledSchema next = current.propertyIndex.get(name);
                if (next == null) {
                    switch (current.additional) {
                        case SCHEMA -> next = current.additionalSchema;
                        case ALLOWED -> next = null;
                        case UNSPECIFIED, FORBIDDEN -> {
                            if (current.propertyNames.length > 0 || current.additional == CompiledSchema.Additional.FORBIDDEN) {
                                throw new InvalidSpecException(where + ": the path " + path + " names " + name + ", which is not a property of "
                                        + current.name + " (properties: " + String.join(", ", current.propertyNames) + ")");
                            }
                        }
                    }
                }
                if (path.everyItem(i) && next != null) {
                    if (next.type != null && next.type != CompiledSchema.Type.ARRAY) {
                        throw new InvalidSpecException(where + ": the path " + path + " uses [] on " + name + ", which is not an array");
                    }
                    next = next.items;
                }
                current = next;
            }
        });
    }

    // ---------------------------------------------------------------- values

    private static Iterable<JsonNode> arrayOf(JsonNode node, String where) {
        if (node == null || !node.isArray()) {
            throw new InvalidSpecException(where + " must be a list");
        }
        return node;
    }

    private static String textOf(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new InvalidSpecException(where + " must be a string, is " + node);
        }
        return node.textValue();
    }

    private static int count(JsonNode node, String where) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new InvalidSpecException(where + " must be a whole number of at least 0, is " + node);
        }
        return node.intValue();
    }

    private static BigDecimal number(JsonNode node, String where) {
        BigDecimal value = JsonValues.decimal(node);
        if (value == null) {
            throw new InvalidSpecException(where + " must be a number, is " + node);
        }
        return value;
    }

    private static WholeMatch pattern(JsonNode node, String where) {
        try {
            return WholeMatch.compile(textOf(node, where));
        } catch (PatternSyntaxException e) {
            throw new InvalidSpecException(where + " is not a valid regular expression: " + e.getDescription(), e);
        }
    }

    private static ScalarSet scalars(JsonNode node, String where) {
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode value : arrayOf(node, where)) {
            if (!value.isValueNode()) {
                throw new InvalidSpecException(where + " lists " + value + "; the validator compares only strings, numbers, booleans and null");
            }
            values.add(value);
        }
        if (values.isEmpty()) {
            throw new InvalidSpecException(where + " lists no values");
        }
        return new ScalarSet(values);
    }
}
