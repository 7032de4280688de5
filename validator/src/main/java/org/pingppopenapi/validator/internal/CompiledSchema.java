package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A schema of the spec, compiled: its JSON Schema constraints (the OpenAPI 3.0 subset the request schemas use)
 * and its {@code x-pingpp-rules}. {@link SpecCompiler} fills the fields once; afterwards the object is only read.
 *
 * <p>A schema constraint is reported as {@code schema.<keyword>}, or under the id of the rule whose
 * {@code schema} keyword asked for the check. JSON {@code null} is accepted only where the schema says
 * {@code nullable: true}; a required property that is null counts as missing.
 */
final class CompiledSchema {

    enum Type {
        STRING("a string", JsonNodeType.STRING),
        INTEGER("an integer", JsonNodeType.NUMBER),
        NUMBER("a number", JsonNodeType.NUMBER),
        BOOLEAN("a boolean", JsonNodeType.BOOLEAN),
        OBJECT("an object", JsonNodeType.OBJECT),
        ARRAY("an array", JsonNodeType.ARRAY);

        final String words;
        private final JsonNodeType nodeType;

        Type(String words, JsonNodeType nodeType) {
            this.words = words;
            this.nodeType = nodeType;
        }

        /** Whether a value, of the node type given, is of this type. */
        boolean matches(JsonNode value, JsonNodeType nodeType) {
            if (nodeType != this.nodeType) {
                return false;
            }
            if (this == INTEGER) {
                return value.isIntegralNumber() || JsonValues.isInteger(value);
            }
            return this != NUMBER || JsonValues.isFinite(value);
        }
    }

    /** {@code format} of an integer: the range a generated model's field can hold. */
    enum IntegerFormat {
        INT32(Integer.MIN_VALUE, Integer.MAX_VALUE, "a signed 32-bit integer"),
        INT64(Long.MIN_VALUE, Long.MAX_VALUE, "a signed 64-bit integer");

        private final long min;
        private final long max;
        final String words;

        IntegerFormat(long min, long max, String words) {
            this.min = min;
            this.max = max;
            this.words = words;
        }

        boolean admits(JsonNode value) {
            if (value.isInt() || value.isLong()) {
                long number = value.longValue();
                return number >= min && number <= max;
            }
            BigDecimal number = JsonValues.decimal(value);
            return number != null && number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
        }
    }

    enum Additional { UNSPECIFIED, ALLOWED, FORBIDDEN, SCHEMA }

    /** The component name, or for an inline schema where it sits ({@code ChargeCreateRequest.order_no}). */
    final String name;

    Type type;
    boolean nullable;
    IntegerFormat format;
    String[] required = new String[0];
    String[] propertyNames = new String[0];
    CompiledSchema[] propertySchemas = new CompiledSchema[0];
    Map<String, CompiledSchema> propertyIndex = Map.of();
    Additional additional = Additional.UNSPECIFIED;
    CompiledSchema additionalSchema;
    int minLength = -1;
    int maxLength = -1;
    WholeMatch pattern;
    NumberBound minimum;
    NumberBound maximum;
    ScalarSet enumValues;
    int maxProperties = -1;
    int minItems = -1;
    int maxItems = -1;
    CompiledSchema items;
    RuleSet rules = RuleSet.EMPTY;

    /** Derived by {@link #seal()}: which properties are required, and the required names that are no property. */
    boolean[] propertyRequired = new boolean[0];
    String[] requiredElsewhere = new String[0];

    CompiledSchema(String name) {
        this.name = name;
    }

    /** Called once the compiler has filled the fields. */
    void seal() {
        propertyRequired = new boolean[propertyNames.length];
        java.util.List<String> elsewhere = new java.util.ArrayList<>();
        for (String name : required) {
            int index = java.util.Arrays.asList(propertyNames).indexOf(name);
            if (index >= 0) {
                propertyRequired[index] = true;
            } else {
                elsewhere.add(name);
            }
        }
        requiredElsewhere = elsewhere.toArray(String[]::new);
    }

    /** Whether {@link #validate} would report nothing about {@code value}, a value that is present. */
    boolean accepts(JsonNode value, long now) {
        Evaluation probe = new Evaluation(now);
        validate(value, null, probe, null);
        return !probe.hasViolations();
    }

    /**
     * Reports every way {@code value} breaks this schema or the rules of it and of the schemas nested in it. The
     * value is the property {@code name} of the object at the evaluation's position, or, when {@code name} is null,
     * the value at the position itself. An absent value is the business of the object holding it (its
     * {@code required}), not of this schema.
     */
    void validate(JsonNode value, String name, Evaluation evaluation, Attribution by) {
        if (value != null) {
            validate(value, JsonValues.typeOf(value), name, evaluation, by);
        }
    }

    /** {@link #validate(JsonNode, String, Evaluation, Attribution)} of a value whose node type is known. */
    private void validate(JsonNode value, JsonNodeType nodeType, String name, Evaluation evaluation, Attribution by) {
        // Plain comparisons of the node type, the commonest first: no enum switch on the hot path.
        if (type != null && !type.matches(value, nodeType)) {
            if (nodeType != JsonNodeType.MISSING && (nodeType != JsonNodeType.NULL || !nullable)) {
                reportType(value, nodeType, name, evaluation, by);
            }
            return;
        }
        if (nodeType == JsonNodeType.MISSING || nodeType == JsonNodeType.NULL) {
            return; // untyped, or typed and nullable
        }
        if (enumValues != null && !enumValues.contains(value)) {
            report(name, "enum", "must be one of " + enumValues, evaluation, by);
        }
        if (nodeType == JsonNodeType.STRING) {
            validateString(value.textValue(), name, evaluation, by);
        } else if (nodeType == JsonNodeType.NUMBER) {
            validateNumber(value, name, evaluation, by);
        } else if (nodeType == JsonNodeType.OBJECT) {
            enter(name, evaluation);
            validateObject(value, evaluation, by);
            leave(name, evaluation);
        } else if (nodeType == JsonNodeType.ARRAY) {
            validateArray(value, name, evaluation, by);
        }
    }

    private void validateArray(JsonNode value, String name, Evaluation evaluation, Attribution by) {
        if (minItems >= 0 && value.size() < minItems) {
            report(name, "minItems", "must have at least " + minItems + (minItems == 1 ? " item" : " items") + ", has "
                    + value.size(), evaluation, by);
        }
        if (maxItems >= 0 && value.size() > maxItems) {
            report(name, "maxItems", "must have at most " + maxItems + " items, has " + value.size(), evaluation, by);
        }
        if (items != null) {
            enter(name, evaluation);
            for (int i = 0; i < value.size(); i++) {
                evaluation.at.enterItem(i);
                items.validate(value.get(i), null, evaluation, by);
                evaluation.at.leave();
            }
            leave(name, evaluation);
        }
    }

    private void reportType(JsonNode value, JsonNodeType nodeType, String name, Evaluation evaluation, Attribution by) {
        String actual = nodeType == JsonNodeType.NULL ? "null" : JsonValues.describeType(value);
        report(name, "type", "must be " + type.words + ", is " + actual, evaluation, by);
    }

    private static void enter(String name, Evaluation evaluation) {
        if (name != null) {
            evaluation.at.enter(name);
        }
    }

    private static void leave(String name, Evaluation evaluation) {
        if (name != null) {
            evaluation.at.leave();
        }
    }

    private void validateString(String text, String name, Evaluation evaluation, Attribution by) {
        // A code point is one or two chars, so the counting is needed only near the bounds.
        if (minLength >= 0 && (text.length() < minLength || text.length() < 2L * minLength && JsonValues.codePoints(text) < minLength)) {
            report(name, "minLength", Problems.tooShort(minLength, JsonValues.codePoints(text)), evaluation, by);
        }
        if (maxLength >= 0 && text.length() > maxLength && JsonValues.codePoints(text) > maxLength) {
            report(name, "maxLength", Problems.tooLong(maxLength, JsonValues.codePoints(text)), evaluation, by);
        }
        if (pattern != null && !pattern.matches(text)) {
            report(name, "pattern", Problems.mismatch(pattern.pattern()), evaluation, by);
        }
    }

    private void validateNumber(JsonNode value, String name, Evaluation evaluation, Attribution by) {
        if (format != null && !format.admits(value)) {
            report(name, "format", "must fit in " + format.words, evaluation, by);
        }
        if (minimum != null && !minimum.admits(value)) {
            report(name, "minimum", minimum.problem(value), evaluation, by);
        }
        if (maximum != null && !maximum.admits(value)) {
            report(name, "maximum", maximum.problem(value), evaluation, by);
        }
    }

    /**
     * Validates an object at the evaluation's position: its properties, then its rules, the requirements on one
     * property being checked as the walk passes it ({@link PropertyCheck}).
     */
    private void validateObject(JsonNode object, Evaluation evaluation, Attribution by) {
        RuleSet.Plan plan = rules.planFor(object);
        PropertyCheck[] checks = plan.propertyChecks();
        long failed = 0;
        for (int i = 0; i < propertyNames.length; i++) {
            String property = propertyNames[i];
            JsonNode child = object.get(property);
            if (checks != null && checks[i] != null) {
                failed = checks[i].check(child, object, evaluation.now, failed);
            }
            if (child == null) {
                if (propertyRequired[i]) {
                    report(property, "required", "is required", evaluation, by);
                }
                continue;
            }
            JsonNodeType nodeType = JsonValues.typeOf(child);
            if (nodeType == JsonNodeType.NULL && propertyRequired[i] && !propertySchemas[i].nullable) {
                report(property, "required", "is required", evaluation, by);
                continue;
            }
            propertySchemas[i].validate(child, nodeType, property, evaluation, by);
        }
        for (String property : requiredElsewhere) {
            JsonNode child = object.get(property);
            if (child == null || child.isNull()) {
                report(property, "required", "is required", evaluation, by);
            }
        }
        if (additional == Additional.SCHEMA || additional == Additional.FORBIDDEN) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (!propertyIndex.containsKey(field.getKey())) {
                    if (additional == Additional.FORBIDDEN) {
                        report(field.getKey(), "additionalProperties", "is not a property of " + name, evaluation, by);
                    } else {
                        additionalSchema.validate(field.getValue(), field.getKey(), evaluation, by);
                    }
                }
            }
        }
        if (maxProperties >= 0 && object.size() > maxProperties) {
            report(null, "maxProperties", "must have at most " + maxProperties + " properties, has " + object.size(), evaluation, by);
        }
        if (!plan.isEmpty()) {
            plan.apply(object, failed, evaluation);
        }
    }

    private static void report(String name, String keyword, String problem, Evaluation evaluation, Attribution by) {
        if (by == null) {
            evaluation.report(name, "schema." + keyword, problem, null);
        } else {
            evaluation.report(name, by.ruleId(), problem, by.schemaName());
        }
    }
}
