package org.pingppopenapi.client;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Set;

/**
 * Turns a verbatim example of the seed documents into JSON with the only edits it needs, and says which it made:
 * drop {@code //} comments, drop {@code {...}} placeholders (with their comma), and close the brackets of an example
 * the document cut off. Nothing inside strings is touched.
 */
public final class SeedJson {

    public enum Repair { COMMENTS, PLACEHOLDERS, CLOSED_CUT_OFF_BRACKETS }

    public record Cleaned(String json, Set<Repair> repairs) {
    }

    private SeedJson() {
    }

    public static Cleaned clean(String text) {
        Set<Repair> repairs = EnumSet.noneOf(Repair.class);
        String withoutComments = stripComments(text, repairs);
        String withoutPlaceholders = stripPlaceholders(withoutComments, repairs);
        return new Cleaned(closeBrackets(withoutPlaceholders, repairs), repairs);
    }

    private static String stripComments(String text, Set<Repair> repairs) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                repairs.add(Repair.COMMENTS);
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
                if (i < text.length()) {
                    out.append('\n');
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes each {@code {...}} outside strings, and the comma before it (or, for a first element, after it). */
    private static String stripPlaceholders(String text, Set<Repair> repairs) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inString = false;
        boolean dropNextComma = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < text.length()) {
                    out.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (text.startsWith("{...}", i)) {
                repairs.add(Repair.PLACEHOLDERS);
                int end = out.length() - 1;
                while (end >= 0 && Character.isWhitespace(out.charAt(end))) {
                    end--;
                }
                if (end >= 0 && out.charAt(end) == ',') {
                    out.setLength(end);
                } else {
                    dropNextComma = true;
                }
                i += "{...}".length() - 1;
                continue;
            }
            if (dropNextComma && !Character.isWhitespace(c)) {
                dropNextComma = false;
                if (c == ',') {
                    continue;
                }
            }
            if (c == '"') {
                inString = true;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String closeBrackets(String text, Set<Repair> repairs) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                open.push(c);
            } else if (c == '}' || c == ']') {
                open.pop();
            }
        }
        if (open.isEmpty()) {
            return text;
        }
        repairs.add(Repair.CLOSED_CUT_OFF_BRACKETS);
        StringBuilder closed = new StringBuilder(text.stripTrailing()).append('\n');
        while (!open.isEmpty()) {
            closed.append(open.pop() == '{' ? '}' : ']');
        }
        return closed.append('\n').toString();
    }
}
