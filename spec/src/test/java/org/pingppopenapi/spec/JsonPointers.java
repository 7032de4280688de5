package org.pingppopenapi.spec;

/** RFC 6901 JSON Pointer helpers, so every finding names the exact place in the document. */
final class JsonPointers {

    private JsonPointers() {
    }

    /** Appends reference tokens to a pointer, escaping each ({@code ~} and {@code /}). */
    static String append(String pointer, String... tokens) {
        StringBuilder result = new StringBuilder(pointer);
        for (String token : tokens) {
            result.append('/').append(token.replace("~", "~0").replace("/", "~1"));
        }
        return result.toString();
    }

    /** Appends an array index to a pointer. */
    static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Returns whether {@code pointer} is {@code prefix} itself or lies inside it. */
    static boolean isWithin(String pointer, String prefix) {
        return pointer.equals(prefix) || pointer.startsWith(prefix + "/");
    }
}
