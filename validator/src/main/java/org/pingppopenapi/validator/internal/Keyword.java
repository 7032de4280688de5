package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One constraint keyword of a rule's {@code when} or {@code then} (see the spec's "Channel rules" section), applied
 * to a value that is present and not null. A keyword that needs a value of some type (a string for
 * {@code minLength}, a number for {@code maximum}) does not hold for a value of another type.
 */
abstract class Keyword {

    /** The keyword as the spec spells it. */
    final String name;

    Keyword(String name) {
        this.name = name;
    }

    /** Whether the value satisfies the keyword; {@code base} is the object the rule applies to. */
    abstract boolean holds(JsonNode value, JsonNode base, long now);

    /** What is wrong with a value that does not satisfy the keyword, as the end of "{field} ...". */
    abstract String problem(JsonNode value, JsonNode base, long now);

    /**
     * Whether the outcome depends only on which string the value is (any other string, and any value that is not a
     * string, giving the same outcome), so that {@link RuleSet} can precompute it per string.
     */
    boolean isMembership() {
        return false;
    }

    /** For a membership keyword: the strings whose outcome may differ from that of any other string. */
    Set<String> strings() {
        return Set.of();
    }

    /**
     * For a keyword that only bounds the length of a string: narrows {@code bounds} by it and returns true, so that
     * {@link TextBounds#admits} tells whether it holds. False, leaving {@code bounds} alone, for any other keyword.
     */
    boolean foldInto(TextBounds bounds) {
        return false;
    }

    /** Whether {@link #enforce} reports something exactly when {@link #holds} is false (all but {@code schema}). */
    boolean isDecidedByHolds() {
        return true;
    }

    /**
     * Reports the value under {@code ruleId} unless it satisfies the keyword. The value is the property {@code name}
     * of the object at the evaluation's position, or the value at the position itself when {@code name} is null.
     */
    void enforce(JsonNode value, String name, JsonNode base, Evaluation evaluation, String ruleId) {
        if (!holds(value, base, evaluation.now)) {
            evaluation.report(name, ruleId, problem(value, base, evaluation.now), null);
        }
    }

    static String wrongType(String expected, JsonNode value) {
        return "must be " + expected + ", is " + JsonValues.describeType(value);
    }

    static String render(List<JsonNode> values) {
        return values.stream().map(JsonNode::toString).collect(Collectors.joining(", "));
    }

    static final class MinLength extends Keyword {
        private final int minimum;

        MinLength(int minimum) {
            super("minLength");
            this.minimum = minimum;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value) && JsonValues.codePoints(value.textValue()) >= minimum;
        }

        @Override
        boolean foldInto(TextBounds bounds) {
            bounds.minCodePoints = Math.max(bounds.minCodePoints, minimum);
            return true;
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value)
                    ? Problems.tooShort(minimum, JsonValues.codePoints(value.textValue()))
                    : wrongType("a string", value);
        }
    }

    static final class MaxLength extends Keyword {
        private final int maximum;

        MaxLength(int maximum) {
            super("maxLength");
            this.maximum = maximum;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value) && (value.textValue().length() <= maximum || JsonValues.codePoints(value.textValue()) <= maximum);
        }

        @Override
        boolean foldInto(TextBounds bounds) {
            bounds.maxCodePoints = Math.min(bounds.maxCodePoints, maximum);
            return true;
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value)
                    ? Problems.tooLong(maximum, JsonValues.codePoints(value.textValue()))
                    : wrongType("a string", value);
        }
    }

    static final class MaxBytes extends Keyword {
        private final int maximum;

        MaxBytes(int maximum) {
            super("maxBytes");
            this.maximum = maximum;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value) && JsonValues.utf8Bytes(value.textValue()) <= maximum;
        }

        @Override
        boolean foldInto(TextBounds bounds) {
            bounds.maxBytes = Math.min(bounds.maxBytes, maximum);
            return true;
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value)
                    ? "must be at most " + maximum + " bytes in UTF-8, is " + JsonValues.utf8Bytes(value.textValue())
                    : wrongType("a string", value);
        }
    }

    static final class Matches extends Keyword {
        private final WholeMatch pattern;

        Matches(WholeMatch pattern) {
            super("pattern");
            this.pattern = pattern;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value) && pattern.matches(value.textValue());
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return JsonValues.isText(value) ? Problems.mismatch(pattern.pattern()) : wrongType("a string", value);
        }
    }

    /** {@code enum} (the value is one of these) and {@code notIn} (it is none of them). */
    static final class OneOf extends Keyword {
        private final ScalarSet values;
        private final boolean wanted;

        OneOf(String name, ScalarSet values, boolean wanted) {
            super(name);
            this.values = values;
            this.wanted = wanted;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return values.contains(value) == wanted;
        }

        @Override
        boolean isMembership() {
            return values.onlyStrings();
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return (wanted ? "must be one of " : "must not be any of ") + values;
        }

        @Override
        Set<String> strings() {
            return values.strings();
        }
    }

    /** {@code inGroup} and {@code notInGroup}: a channel of a group of {@code components.x-pingpp-channel-groups}. */
    static final class ChannelGroup extends Keyword {
        private final String group;
        private final Set<String> channels;
        private final boolean wanted;

        ChannelGroup(String name, String group, Set<String> channels, boolean wanted) {
            super(name);
            this.group = group;
            this.channels = channels;
            this.wanted = wanted;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return (JsonValues.isText(value) && channels.contains(value.textValue())) == wanted;
        }

        @Override
        boolean isMembership() {
            return true;
        }

        @Override
        Set<String> strings() {
            return channels;
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            if (wanted && !JsonValues.isText(value)) {
                return wrongType("a string", value);
            }
            return (wanted ? "must be a channel of the group " : "must not be a channel of the group ") + group;
        }
    }

    /** {@code minimum} and {@code maximum}, both inclusive. */
    static final class Bound extends Keyword {
        private final NumberBound bound;

        Bound(String name, NumberBound bound) {
            super(name);
            this.bound = bound;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return bound.admits(value);
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return bound.problem(value);
        }
    }

    /** {@code maximumOf}: not above the value of another field of the same object. */
    static final class MaximumOf extends Keyword {
        private final FieldPath other;

        MaximumOf(FieldPath other) {
            super("maximumOf");
            this.other = other;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            BigDecimal number = JsonValues.decimal(value);
            if (number == null) {
                return false;
            }
            BigDecimal limit = JsonValues.decimal(other.resolve(base));
            // Without a number to compare with there is nothing to hold; the other field's own checks report it.
            return limit == null || number.compareTo(limit) <= 0;
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            BigDecimal number = JsonValues.decimal(value);
            if (number == null) {
                return wrongType("a number", value);
            }
            return "must not be above " + other + " (" + JsonValues.shortNumber(JsonValues.decimal(other.resolve(base)))
                    + "), is " + JsonValues.shortNumber(number);
        }
    }

    /** {@code secondsAfterNow}: a Unix time between {@code minimum} and {@code maximum} seconds after creation. */
    static final class SecondsAfterNow extends Keyword {
        private final Long minimum;
        private final Long maximum;

        SecondsAfterNow(Long minimum, Long maximum) {
            super("secondsAfterNow");
            this.minimum = minimum;
            this.maximum = maximum;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            if (value.isInt() || value.isLong()) {
                long seconds = value.longValue();
                long offset = seconds - now;
                boolean overflowed = ((seconds ^ now) & (seconds ^ offset)) < 0;
                if (!overflowed) {
                    return (minimum == null || offset >= minimum) && (maximum == null || offset <= maximum);
                }
            }
            BigDecimal offset = offset(value, now);
            return offset != null
                    && (minimum == null || offset.compareTo(BigDecimal.valueOf(minimum)) >= 0)
                    && (maximum == null || offset.compareTo(BigDecimal.valueOf(maximum)) <= 0);
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            BigDecimal offset = offset(value, now);
            if (offset == null) {
                return wrongType("an integer Unix time", value);
            }
            String range = minimum != null && maximum != null ? minimum + " to " + maximum + " seconds"
                    : minimum != null ? "at least " + minimum + " seconds" : "at most " + maximum + " seconds";
            return "must be " + range + " after the creation time " + now + ", is " + JsonValues.shortNumber(offset) + " seconds after it";
        }

        private static BigDecimal offset(JsonNode value, long now) {
            if (!JsonValues.isInteger(value)) {
                return null;
            }
            return JsonValues.decimal(value).subtract(BigDecimal.valueOf(now));
        }
    }

    /** {@code maxTotalLength}: the keys and values of an object, in code points, added up. */
    static final class MaxTotalLength extends Keyword {
        final long maximum;

        MaxTotalLength(long maximum) {
            super("maxTotalLength");
            this.maximum = maximum;
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return JsonValues.isObject(value) && JsonValues.totalLength(value) <= maximum;
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return value.isObject()
                    ? "must hold at most " + maximum + " characters in its keys and values, holds " + JsonValues.totalLength(value)
                    : wrongType("an object", value);
        }
    }

    /** {@code schema}: valid against a named schema, whose violations are reported under the rule's id. */
    static final class ValidAgainst extends Keyword {
        private final CompiledSchema schema;
        private final Attribution attribution;

        ValidAgainst(CompiledSchema schema, String ruleId) {
            super("schema");
            this.schema = schema;
            this.attribution = new Attribution(ruleId, schema.name);
        }

        @Override
        boolean holds(JsonNode value, JsonNode base, long now) {
            return schema.accepts(value, now);
        }

        @Override
        String problem(JsonNode value, JsonNode base, long now) {
            return "must be a valid " + schema.name;
        }

        @Override
        boolean isDecidedByHolds() {
            return false; // it reports the schema's violations, each on its own
        }

        @Override
        void enforce(JsonNode value, String name, JsonNode base, Evaluation evaluation, String ruleId) {
            schema.validate(value, name, evaluation, attribution);
        }
    }
}
