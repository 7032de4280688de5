package org.pingppopenapi.validator.internal;

import java.util.regex.Pattern;

/** Checks and wording shared by the schema keywords and the rule keywords. */
final class Problems {

    private Problems() {
    }

    static String tooShort(int minimum, int actual) {
        return "must have at least " + minimum + (minimum == 1 ? " character" : " characters") + ", has " + actual;
    }

    static String tooLong(int maximum, int actual) {
        return "must have at most " + maximum + (maximum == 1 ? " character" : " characters") + ", has " + actual;
    }

    static String mismatch(Pattern pattern) {
        return "must match " + pattern.pattern();
    }

    /**
     * Whether the whole string matches. The spec anchors its patterns ({@code ^...$}); matching the whole string
     * also rejects a trailing newline, which {@code $} alone lets through. A pattern that backtracks too deeply on
     * a huge string counts as not matching instead of throwing.
     */
    static boolean matchesWhole(Pattern pattern, String text) {
        try {
            return pattern.matcher(text).matches();
        } catch (StackOverflowError tooDeep) {
            return false;
        }
    }
}
