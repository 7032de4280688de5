package org.pingppopenapi.prism.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader for small documents such as Prism's {@code sl-violations} header. Objects become
 * {@link Map}s, arrays {@link List}s, numbers {@link BigDecimal}s. Written out to keep this library free of
 * dependencies beyond JUnit.
 */
public final class Json {

    private final String text;
    private int position;

    private Json(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException if {@code text} is not exactly one JSON value */
    public static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipWhitespace();
        if (json.position != text.length()) {
            throw json.error("unexpected trailing content");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (position == text.length()) {
            throw error("unexpected end of input");
        }
        char next = text.charAt(position);
        return switch (next) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (next == '-' || isDigit(next)) {
                    yield number();
                }
                throw error("unexpected character '" + next + "'");
            }
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        expect('{');
        skipWhitespace();
        if (tryConsume('}')) {
            return members;
        }
        do {
            skipWhitespace();
            String name = string();
            skipWhitespace();
            expect(':');
            members.put(name, value());
            skipWhitespace();
        } while (tryConsume(','));
        expect('}');
        return members;
    }

    private List<Object> array() {
        List<Object> elements = new ArrayList<>();
        expect('[');
        skipWhitespace();
        if (tryConsume(']')) {
            return elements;
        }
        do {
            elements.add(value());
            skipWhitespace();
        } while (tryConsume(','));
        expect(']');
        return elements;
    }

    private String string() {
        expect('"');
        StringBuilder result = new StringBuilder();
        while (true) {
            if (position == text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return result.toString();
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            result.append(c == '\\' ? escaped() : c);
        }
    }

    private char escaped() {
        if (position == text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("invalid escape \\" + c);
        };
    }

    private char unicodeEscape() {
        if (position + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        String hex = text.substring(position, position + 4);
        position += 4;
        try {
            return (char) Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape " + hex);
        }
    }

    private BigDecimal number() {
        int start = position;
        tryConsume('-');
        digits();
        if (tryConsume('.')) {
            digits();
        }
        if (tryConsume('e') || tryConsume('E')) {
            if (!tryConsume('+')) {
                tryConsume('-');
            }
            digits();
        }
        return new BigDecimal(text.substring(start, position));
    }

    private void digits() {
        int start = position;
        while (position < text.length() && isDigit(text.charAt(position))) {
            position++;
        }
        if (position == start) {
            throw error("digit expected");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("invalid literal");
        }
        position += word.length();
        return value;
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private boolean tryConsume(char c) {
        if (position < text.length() && text.charAt(position) == c) {
            position++;
            return true;
        }
        return false;
    }

    private void skipWhitespace() {
        while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Invalid JSON at offset " + position + ": " + problem);
    }
}
