package org.pingppopenapi.validator.internal;

/**
 * Where a value sits in the payload. Built as the walk descends; turned into text only when a violation is
 * reported, so a valid payload costs no string building.
 */
final class Location {

    static final Location ROOT = new Location(null, null, -1);

    private final Location parent;
    private final String name;
    private final int index;

    private Location(Location parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    Location property(String propertyName) {
        return new Location(this, propertyName, -1);
    }

    Location item(int itemIndex) {
        return new Location(this, null, itemIndex);
    }

    /** The dotted path: {@code $} for the root, {@code extra.goods_list[0].price}, {@code metadata["a.b"]}. */
    @Override
    public String toString() {
        if (parent == null) {
            return "$";
        }
        StringBuilder path = new StringBuilder();
        appendTo(path);
        return path.toString();
    }

    private void appendTo(StringBuilder path) {
        if (parent.parent != null) {
            parent.appendTo(path);
        }
        if (name == null) {
            path.append('[').append(index).append(']');
        } else if (isPlainName(name)) {
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
