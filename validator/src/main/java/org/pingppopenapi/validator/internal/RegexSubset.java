package org.pingppopenapi.validator.internal;

/**
 * The part of {@link java.util.regex} syntax whose whole-string matches a finite automaton gives exactly, rewritten
 * in the syntax of {@code dk.brics.automaton}: literal characters, escaped punctuation, character classes of
 * literals and ranges, groups, {@code |}, and the quantifiers {@code ? * + {n} {n,} {n,m}}, with an optional
 * {@code ^} at the very start and {@code $} at the very end (both mean nothing when the whole string must match).
 *
 * <p>Everything else is left to {@code java.util.regex}: {@code .} (which excludes line terminators), negated
 * classes and shorthand escapes such as {@code \d} (which the automaton library reads differently or matches per
 * UTF-16 unit rather than per code point), lazy and possessive quantifiers, flags, look-arounds, back references.
 * Every literal is escaped in the output, so no character of the library's own extended syntax ({@code " # @ & ~ <})
 * takes a special meaning.
 */
final class RegexSubset {

    private final String regex;
    private final int end;
    private int position;
    private final StringBuilder out = new StringBuilder();

    private RegexSubset(String regex, int start, int end) {
        this.regex = regex;
        this.position = start;
        this.end = end;
    }

    /** The pattern in the automaton library's syntax, or null when it uses anything outside the subset. */
    static String toBrics(String javaRegex) {
        int start = javaRegex.startsWith("^") ? 1 : 0;
        int end = javaRegex.length();
        if (end > start && javaRegex.charAt(end - 1) == '$' && !isEscaped(javaRegex, end - 1)) {
            end--;
        }
        RegexSubset parser = new RegexSubset(javaRegex, start, end);
        return parser.alternation() && parser.position == end ? parser.out.toString() : null;
    }

    /** Whether the character at {@code index} follows an odd number of backslashes. */
    private static boolean isEscaped(String text, int index) {
        int backslashes = 0;
        for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private boolean alternation() {
        if (!sequence()) {
            return false;
        }
        while (peek() == '|') {
            position++;
            out.append('|');
            if (!sequence()) {
                return false;
            }
        }
        return true;
    }

    /** One or more quantified atoms; an empty alternative is left to java.util.regex. */
    private boolean sequence() {
        int atoms = 0;
        while (position < end && peek() != '|' && peek() != ')') {
            if (!atom() || !quantifier()) {
                return false;
            }
            atoms++;
        }
        return atoms > 0;
    }

    private boolean atom() {
        char c = regex.charAt(position);
        switch (c) {
            case '(' -> {
                position++;
                if (peek() == '?') {
                    return false; // (?:...), flags, look-arounds
                }
                out.append('(');
                if (!alternation() || peek() != ')') {
                    return false;
                }
                position++;
                out.append(')');
                return true;
            }
            case '[' -> {
                return characterClass();
            }
            case '\\' -> {
                return escapedLiteral(out);
            }
            default -> {
                if (isMeta(c) || !isPlainCharacter(c)) {
                    return false;
                }
                position++;
                appendLiteral(c, out);
                return true;
            }
        }
    }

    /** {@code [...]} of literals and ranges; negation, nesting, intersection and shorthand escapes are left out. */
    private boolean characterClass() {
        position++;
        if (peek() == '^' || peek() == ']') {
            return false;
        }
        StringBuilder members = new StringBuilder();
        while (position < end && peek() != ']') {
            int from = classMember(members);
            if (from < 0) {
                return false;
            }
            if (peek() == '-' && position + 1 < end && regex.charAt(position + 1) != ']') {
                position++;
                members.append('-');
                int to = classMember(members);
                if (to < 0 || to < from) {
                    return false;
                }
            }
        }
        if (peek() != ']') {
            return false;
        }
        position++;
        out.append('[').append(members).append(']');
        return true;
    }

    /** One literal of a class, appended escaped; returns it, or -1 when it is not a plain literal. */
    private int classMember(StringBuilder members) {
        char c = regex.charAt(position);
        if (c == '\\') {
            if (!escapedLiteral(members)) {
                return -1;
            }
            return regex.charAt(position - 1);
        }
        boolean edge = regex.charAt(position - 1) == '[' || position + 1 < end && regex.charAt(position + 1) == ']';
        if (c == '[' || c == '&' || c == '^' || c == '-' && !edge || !isPlainCharacter(c)) {
            return -1; // nesting, intersection, a - that might join a range: left to java.util.regex
        }
        position++;
        appendLiteral(c, members);
        return c;
    }

    /** {@code \} followed by punctuation, which both syntaxes read as the character itself. */
    private boolean escapedLiteral(StringBuilder target) {
        if (position + 1 >= end) {
            return false;
        }
        char c = regex.charAt(position + 1);
        if (Character.isLetterOrDigit(c) || !isPlainCharacter(c) || c > 0x7e) {
            return false; // \d, \w, \p{..}, \1, \Q, \u0041 and other escapes with a meaning of their own
        }
        position += 2;
        appendLiteral(c, target);
        return true;
    }

    private boolean quantifier() {
        if (position >= end) {
            return true;
        }
        char c = regex.charAt(position);
        if (c == '?' || c == '*' || c == '+') {
            position++;
            out.append(c);
        } else if (c == '{') {
            int close = regex.indexOf('}', position);
            if (close < 0 || close >= end || !regex.substring(position + 1, close).matches("\\d{1,4}(,(\\d{1,4})?)?")) {
                return false;
            }
            String bounds = regex.substring(position + 1, close);
            int comma = bounds.indexOf(',');
            if (comma > 0 && comma < bounds.length() - 1
                    && Integer.parseInt(bounds.substring(0, comma)) > Integer.parseInt(bounds.substring(comma + 1))) {
                return false;
            }
            out.append(regex, position, close + 1);
            position = close + 1;
        } else {
            return true;
        }
        // A second quantifier would make the first lazy (?), possessive (+) or stack them: left to java.util.regex.
        return position >= end || !isQuantifierStart(regex.charAt(position));
    }

    private static boolean isQuantifierStart(char c) {
        return c == '?' || c == '*' || c == '+' || c == '{';
    }

    private static boolean isMeta(char c) {
        return ".^$|?*+()[]{}\\".indexOf(c) >= 0;
    }

    /** A character that stands for itself as one code point in both syntaxes: no control character, no surrogate. */
    private static boolean isPlainCharacter(char c) {
        return c >= 0x20 && c != 0x7f && !Character.isSurrogate(c);
    }

    private static void appendLiteral(char c, StringBuilder target) {
        if (!Character.isLetterOrDigit(c)) {
            target.append('\\');
        }
        target.append(c);
    }

    private char peek() {
        return position < end ? regex.charAt(position) : '\0';
    }
}
