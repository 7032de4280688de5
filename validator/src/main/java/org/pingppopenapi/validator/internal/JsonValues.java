package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;

/** The JSON value semantics the engine needs, written so that no payload can make them throw. */
final class JsonValues {

    private JsonValues() {
    }

    /**
     * The node type. Jackson's commonest node classes are recognized by their exact class, which is much cheaper
     * than the virtual {@link JsonNode#getNodeType()} at a call site that sees many node classes.
     */
    static JsonNodeType typeOf(JsonNode node) {
        Class<?> type = node.getClass();
        if (type == TextNode.class) {
            return JsonNodeType.STRING;
        }
        if (type == IntNode.class || type == LongNode.class) {
            return JsonNodeType.NUMBER;
        }
        if (type == ObjectNode.class) {
            return JsonNodeType.OBJECT;
        }
        return node.getNodeType();
    }

    static boolean isText(JsonNode node) {
        return typeOf(node) == JsonNodeType.STRING;
    }

    static boolean isObject(JsonNode node) {
        return typeOf(node) == JsonNodeType.OBJECT;
    }

    /** A Java null, a missing node and a JSON {@code null} all mean "no value" to the rules. */
    static boolean isAbsent(JsonNode node) {
        if (node == null) {
            return true;
        }
        JsonNodeType type = typeOf(node);
        return type == JsonNodeType.MISSING || type == JsonNodeType.NULL;
    }

    /** The exact value of a finite JSON number; null for anything else (including NaN and infinities). */
    static BigDecimal decimal(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        if (node.isInt() || node.isLong() || node.isShort()) {
            return BigDecimal.valueOf(node.longValue());
        }
        if (node.isBigInteger()) {
            return new BigDecimal(node.bigIntegerValue());
        }
        if (node.isBigDecimal()) {
            return node.decimalValue();
        }
        double value = node.doubleValue();
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }

    /** Whether the node is a finite number, as {@link #decimal} would say, without computing the value. */
    static boolean isFinite(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        return node.isIntegralNumber() || node.isBigDecimal() || Double.isFinite(node.doubleValue());
    }

    /** Whether the node is a number with no fractional part (JSON Schema's "integer", so {@code 1.0} counts). */
    static boolean isInteger(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return false;
        }
        if (node.isIntegralNumber()) {
            return true;
        }
        BigDecimal value = decimal(node);
        return value != null && (value.signum() == 0 || value.stripTrailingZeros().scale() <= 0);
    }

    /** The number of Unicode code points (a lone surrogate counts as one). */
    static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }

    /** The length of the UTF-8 encoding, computed without encoding; a lone surrogate counts 3, as in WTF-8. */
    static int utf8Bytes(String text) {
        int length = text.length();
        int ascii = 0;
        // Most text is ASCII, one byte a char: a plain loop over that prefix first, without the branches below.
        while (ascii < length && text.charAt(ascii) < 0x80) {
            ascii++;
        }
        int bytes = ascii;
        for (int i = ascii; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * The keys and values of an object in code points, added up. A value that is not a string counts with its
     * scalar text ({@code 12} counts 2); containers count nothing, their type being reported elsewhere.
     */
    static long totalLength(JsonNode object) {
        long total = 0;
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            total += fieldLength(field.getKey(), field.getValue());
        }
        return total;
    }

    /** What one field adds to {@link #totalLength}. */
    static int fieldLength(String key, JsonNode value) {
        if (isText(value)) {
            return codePoints(key) + codePoints(value.textValue());
        }
        return codePoints(key) + (value.isValueNode() && !value.isNull() ? codePoints(value.asText()) : 0);
    }

    /** JSON equality of two scalars; numbers compare by value, so {@code 1}, {@code 1.0} and {@code 1e0} are equal. */
    static boolean sameScalar(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(b);
            return x != null && y != null && x.compareTo(y) == 0;
        }
        if (a.isTextual() && b.isTextual()) {
            return a.textValue().equals(b.textValue());
        }
        if (a.isBoolean() && b.isBoolean()) {
            return a.booleanValue() == b.booleanValue();
        }
        return a.isNull() && b.isNull();
    }

    /** The JSON type of a value in words, for messages. */
    static String describeType(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "absent";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            case BINARY -> "binary data";
            case MISSING -> "absent";
        };
    }

    /** A number for a message, or nothing when its text would be unreasonably long. */
    static String shortNumber(BigDecimal value) {
        String text = value.toString();
        return text.length() <= 24 ? text : "a number of " + text.length() + " characters";
    }
}
