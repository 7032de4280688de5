package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shape of the ids of one property of the spec ({@code Charge.id}, {@code Order.balance_transaction}), as the
 * spec's {@code info.description} defines it: the property's {@code x-pingpp-id-pattern}, else its {@code pattern},
 * else its first value in the spec's examples, else the object's name, {@code _} and 24 letters and digits.
 *
 * <p>A pattern is a regular expression made of literal characters and character classes with a count
 * ({@code ^ch_[0-9A-Za-z]{24}$}). A run of 10 or more digits is the creation date ({@code yyMMdd}) and a sequence
 * number, as Ping++'s numeric ids are ({@code 2001608270000004421}); other runs are random.
 */
public final class IdShape {

    private static final String DIGITS = "0123456789";
    private static final String LETTERS_AND_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final int DATED_RUN = 10;
    private static final int DEFAULT_RANDOM_LENGTH = 24;

    private final List<Part> parts;
    private final String source;

    private IdShape(List<Part> parts, String source) {
        this.parts = List.copyOf(parts);
        this.source = source;
    }

    /** The shape of {@code schema.property} in the bundled spec. */
    public static IdShape of(String schema, String property) {
        JsonNode schemaNode = SpecDocument.schema(schema);
        if (schemaNode.isMissingNode()) {
            throw new IllegalStateException("The spec has no schema " + schema);
        }
        JsonNode propertyNode = SpecDocument.resolved(schemaNode.path("properties").path(property));
        String where = schema + "." + property;
        if (propertyNode.hasNonNull("x-pingpp-id-pattern")) {
            return parse(propertyNode.get("x-pingpp-id-pattern").asText(), where + " x-pingpp-id-pattern");
        }
        if (propertyNode.hasNonNull("pattern")) {
            return parse(propertyNode.get("pattern").asText(), where + " pattern");
        }
        String objectName = SpecDocument.objectName(schemaNode, schema);
        String example = propertyNode.path("example").isTextual() ? propertyNode.get("example").asText()
                : firstExampleValue(SpecDocument.root().path("components").path("examples"), objectName, property);
        if (example != null && !example.isEmpty()) {
            return fromExample(example, where + " example " + example);
        }
        return new IdShape(List.of(new Literal(objectName + "_"), new Run(LETTERS_AND_DIGITS, DEFAULT_RANDOM_LENGTH)),
                where + " (no pattern or example)");
    }

    /**
     * The shape a pattern describes.
     *
     * @throws IllegalArgumentException when the pattern uses more than literals and counted character classes
     */
    public static IdShape parse(String pattern, String where) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        String body = pattern.startsWith("^") ? pattern.substring(1) : pattern;
        body = body.endsWith("$") ? body.substring(0, body.length() - 1) : body;
        int at = 0;
        while (at < body.length()) {
            char c = body.charAt(at);
            String alphabet = null;
            if (c == '[') {
                int close = body.indexOf(']', at);
                if (close < 0) {
                    throw unsupported(pattern, where);
                }
                alphabet = characterClass(body.substring(at + 1, close), pattern, where);
                at = close + 1;
            } else if (c == '\\' && at + 1 < body.length()) {
                char escaped = body.charAt(at + 1);
                at += 2;
                if (escaped == 'd') {
                    alphabet = DIGITS;
                } else if (Character.isLetterOrDigit(escaped)) {
                    throw unsupported(pattern, where);
                } else {
                    literal.append(escaped);
                    continue;
                }
            } else if ("()|?*+.{}".indexOf(c) >= 0) {
                throw unsupported(pattern, where);
            } else {
                literal.append(c);
                at++;
                continue;
            }
            int count = 1;
            if (at < body.length() && body.charAt(at) == '{') {
                int close = body.indexOf('}', at);
                if (close < 0) {
                    throw unsupported(pattern, where);
                }
                String bounds = body.substring(at + 1, close);
                try {
                    count = Integer.parseInt(bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds);
                } catch (NumberFormatException e) {
                    throw unsupported(pattern, where);
                }
                at = close + 1;
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(new Run(alphabet, count));
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (parts.isEmpty()) {
            throw unsupported(pattern, where);
        }
        return new IdShape(parts, where);
    }

    /** The shape of an example id: its prefix up to the last {@code _} (or its first 3 digits), then a run like the rest. */
    static IdShape fromExample(String example, String where) {
        int underscore = example.lastIndexOf('_');
        boolean digitsOnly = example.chars().allMatch(c -> c >= '0' && c <= '9');
        int prefixLength = underscore >= 0 ? underscore + 1 : digitsOnly ? Math.min(3, example.length()) : 0;
        String tail = example.substring(prefixLength);
        boolean digitTail = !tail.isEmpty() && tail.chars().allMatch(c -> c >= '0' && c <= '9');
        List<Part> parts = new ArrayList<>();
        if (prefixLength > 0) {
            parts.add(new Literal(example.substring(0, prefixLength)));
        }
        parts.add(new Run(digitTail ? DIGITS : LETTERS_AND_DIGITS, tail.isEmpty() ? DEFAULT_RANDOM_LENGTH : tail.length()));
        return new IdShape(parts, where);
    }

    /** A new id of this shape; {@code sequence} numbers the dated runs, {@code now} dates them. */
    String next(AtomicLong sequence, Instant now) {
        StringBuilder id = new StringBuilder();
        for (Part part : parts) {
            part.appendTo(id, sequence, now);
        }
        return id.toString();
    }

    /** Where the shape was read from, for messages. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "IdShape[" + source + "]";
    }

    private static String characterClass(String members, String pattern, String where) {
        StringBuilder alphabet = new StringBuilder();
        for (int i = 0; i < members.length(); i++) {
            char from = members.charAt(i);
            if (from == '^' && i == 0 || from == '\\' || from == '[') {
                throw unsupported(pattern, where);
            }
            if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
                char to = members.charAt(i + 2);
                for (char c = from; c <= to; c++) {
                    alphabet.append(c);
                }
                i += 2;
            } else {
                alphabet.append(from);
            }
        }
        if (alphabet.isEmpty()) {
            throw unsupported(pattern, where);
        }
        return alphabet.toString();
    }

    private static IllegalArgumentException unsupported(String pattern, String where) {
        return new IllegalArgumentException("The id pattern " + pattern + " of " + where + " is not made of literal "
                + "characters and counted character classes ([0-9A-Za-z]{24}); give the property an x-pingpp-id-pattern that is");
    }

    private static String firstExampleValue(JsonNode node, String objectName, String property) {
        if (node.isObject()) {
            if (objectName.equals(node.path("object").asText(null)) && node.path(property).isTextual()) {
                return node.get(property).asText();
            }
            for (JsonNode child : node) {
                String found = firstExampleValue(child, objectName, property);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String found = firstExampleValue(child, objectName, property);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private sealed interface Part permits Literal, Run {

        void appendTo(StringBuilder id, AtomicLong sequence, Instant now);
    }

    private record Literal(String text) implements Part {

        @Override
        public void appendTo(StringBuilder id, AtomicLong sequence, Instant now) {
            id.append(text);
        }
    }

    private record Run(String alphabet, int count) implements Part {

        @Override
        public void appendTo(StringBuilder id, AtomicLong sequence, Instant now) {
            if (alphabet.equals(DIGITS) && count >= DATED_RUN) {
                String number = Long.toString(sequence.incrementAndGet());
                int width = count - 6;
                id.append(YYMMDD.format(now)).append("0".repeat(Math.max(0, width - number.length())))
                        .append(number.length() > width ? number.substring(number.length() - width) : number);
                return;
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < count; i++) {
                id.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
    }
}
