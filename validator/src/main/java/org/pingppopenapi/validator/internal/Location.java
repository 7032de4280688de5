package org.pingppopenapi.validator.internal;

import java.util.Arrays;

/**
 * Where the walk is in the payload: a stack of the property names and item indexes of the objects and arrays the
 * walk has descended into (a value that holds nothing further is never entered: its name is handed to
 * {@link #path(String)} when it is reported). Turned into text only when a violation is reported, so a valid payload
 * costs no string building.
 */
final class Location {

    private static final String[] NO_NAMES = {};
    private static final int[] NO_INDEXES = {};

    /** A property name per level, or null where the level is an array item; allocated on the first descent. */
    private String[] names = NO_NAMES;
    private int[] indexes = NO_INDEXES;
    private int depth;

    void enter(String propertyName) {
        grow();
        names[depth++] = propertyName;
    }

    void enterItem(int itemIndex) {
        grow();
        names[depth] = null;
        indexes[depth++] = itemIndex;
    }

    void leave() {
        depth--;
    }

    private void grow() {
        if (depth == names.length) {
            names = Arrays.copyOf(names, Math.max(4, depth * 2));
            indexes = Arrays.copyOf(indexes, Math.max(4, depth * 2));
        }
    }

    /** The dotted path: {@code $} for the root, {@code extra.goods_list[0].price}, {@code metadata["a.b"]}. */
    @Override
    public String toString() {
        return path(null);
    }

    /** The dotted path of the property {@code name} of the object here, or of the position itself when it is null. */
    String path(String name) {
        if (depth == 0 && name == null) {
            return "$";
        }
        StringBuilder path = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            if (names[level] == null) {
                path.append('[').append(indexes[level]).append(']');
            } else {
                appendName(names[level], path);
            }
        }
        if (name != null) {
            appendName(name, path);
        }
        return path.toString();
    }

    private static void appendName(String name, StringBuilder path) {
        if (isPlainName(name)) {
            if (!path.isEmpty()) {
                path.append('.');
            }
            path.append(name);
        } else {
            path.append('[');
            quote(name, path);
            path.append(']');
        }
    }

    private static boolean isPlainName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A JSON string literal, so that any key, even one with quotes or control characters, reads back unambiguously. */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
