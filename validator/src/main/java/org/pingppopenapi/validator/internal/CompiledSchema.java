package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
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
        STRING("a string"),
        INTEGER("an integer"),
        NUMBER("a number"),
        BOOLEAN("a boolean"),
        OBJECT("an object"),
        ARRAY("an array");

        final String words;

        Type(String words) {
            this.words = words;
        }

        boolean matches(JsonNode value) {
            return switch (this) {
                case STRING -> value.isTextual();
                case INTEGER -> JsonValues.isInteger(value);
                case NUMBER -> JsonValues.decimal(value) != null;
                case BOOLEAN -> value.isBoolean();
                case OBJECT -> value.isObject();
                case ARRAY -> value.isArray();
            };
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
    CompiledSchema items;
    RuleSet rules = RuleSet.EMPTY;

    /** Derived by {@link #seal()}: which properties are required, and the required names that are no property. */
    private boolean[] propertyRequired = new boolean[0];
    private String[] requiredElsewhere = new String[0];

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

    /**
     * Reports every way {@code value} breaks this schema or the rules of it and of the schemas nested in it.
     * An absent value is the business of the object holding it (its {@code required}), not of this schema.
     */
    void validate(JsonNode value, Location at, Evaluation evaluation, Attribution by) {
        if (value == null || value.isMissingNode()) {
            return;
        }
        if (value.isNull()) {
            if (!nullable && type != null) {
                report(at, "type", "must be " + type.words + ", is null", evaluation, by);
            }
            return;
        }
        if (type != null && !type.matches(value)) {
            report(at, "type", "must be " + type.words + ", is " + JsonValues.describeType(value), evaluation, by);
            return;
        }
        if (enumValues != null && !enumValues.contains(value)) {
            report(at, "enum", "must be one of " + enumValues, evaluation, by);
        }
        if (value.isTextual()) {
            validateString(value.textValue(), at, evaluation, by);
        } else if (value.isNumber()) {
            validateNumber(value, at, evaluation, by);
        } else if (value.isObject()) {
            validateObject(value, at, evaluation, by);
        } else if (value.isArray() && items != null) {
            for (int i = 0; i < value.size(); i++) {
                items.validate(value.get(i), at.item(i), evaluation, by);
            }
        }
    }

    private void validateString(String text, Location at, Evaluation evaluation, Attribution by) {
        // A code point is one or two chars, so the counting is needed only near the bounds.
        if (minLength >= 0 && (text.length() < minLength || text.length() < 2 * minLength && JsonValues.codePoints(text) < minLength)) {
            report(at, "minLength", Problems.tooShort(minLength, JsonValues.codePoints(text)), evaluation, by);
        }
        if (maxLength >= 0 && text.length() > maxLength && JsonValues.codePoints(text) > maxLength) {
            report(at, "maxLength", Problems.tooLong(maxLength, JsonValues.codePoints(text)), evaluation, by);
        }
        if (pattern != null && !pattern.matches(text)) {
            report(at, "pattern", Problems.mismatch(pattern.pattern()), evaluation, by);
        }
    }

    private void validateNumber(JsonNode value, Location at, Evaluation evaluation, Attribution by) {
        if (format != null && !format.admits(value)) {
            report(at, "format", "must fit in " + format.words, evaluation, by);
        }
        if (minimum != null && !minimum.admits(value)) {
            report(at, "minimum", minimum.problem(value), evaluation, by);
        }
        if (maximum != null && !maximum.admits(value)) {
            report(at, "maximum", maximum.problem(value), evaluation, by);
        }
    }

    private void validateObject(JsonNode object, Location at, Evaluation evaluation, Attribution by) {
        for (int i = 0; i < propertyNames.length; i++) {
            JsonNode child = object.get(propertyNames[i]);
            if (child == null || child.isNull() && propertyRequired[i] && !propertySchemas[i].nullable) {
                if (propertyRequired[i]) {
                    report(at.property(propertyNames[i]), "required", "is required", evaluation, by);
                }
                continue;
            }
            propertySchemas[i].validate(child, at.property(propertyNames[i]), evaluation, by);
        }
        for (String name : requiredElsewhere) {
            JsonNode child = object.get(name);
            if (child == null || child.isNull()) {
                report(at.property(name), "required", "is required", evaluation, by);
            }
        }
        if (additional == Additional.SCHEMA || additional == Additional.FORBIDDEN) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!propertyIndex.containsKey(field.getKey())) {
                    if (additional == Additional.FORBIDDEN) {
                        report(at.property(field.getKey()), "additionalProperties", "is not a property of " + name, evaluation, by);
                    } else {
                        additionalSchema.validate(field.getValue(), at.property(field.getKey()), evaluation, by);
                    }
                }
            }
        }
        if (maxProperties >= 0 && object.size() > maxProperties) {
            report(at, "maxProperties", "must have at most " + maxProperties + " properties, has " + object.size(), evaluation, by);
        }
        rules.apply(object, at, evaluation);
    }

    private static void report(Location at, String keyword, String problem, Evaluation evaluation, Attribution by) {
        if (by == null) {
            evaluation.report(at, "schema." + keyword, problem, null);
        } else {
            evaluation.report(at, by.ruleId(), problem, by.schemaName());
        }
    }
}
