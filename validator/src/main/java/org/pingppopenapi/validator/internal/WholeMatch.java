package org.pingppopenapi.validator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-string matching of a spec pattern. Patterns of the common shape {@code ^[class]{m,n}$} (also {@code +},
 * {@code *}, {@code {n}}) with literal ranges are matched by a loop over the characters; every other pattern by
 * {@link java.util.regex}. Both give the same answers: the shortcut only applies where it is exact.
 */
final class WholeMatch {

    /** {@code ^[...]{m,n}$} with plain characters and ranges in the class. */
    private static final Pattern SIMPLE = Pattern.compile("\\^\\[((?:[A-Za-z0-9_](?:-[A-Za-z0-9_])?)+)](\\+|\\*|\\{(\\d+)(,(\\d*))?})\\$");

    private final Pattern pattern;
    private final boolean[] ascii;
    private final int min;
    private final int max;

    private WholeMatch(Pattern pattern, boolean[] ascii, int min, int max) {
        this.pattern = pattern;
        this.ascii = ascii;
        this.min = min;
        this.max = max;
    }

    static WholeMatch compile(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Matcher simple = SIMPLE.matcher(regex);
        if (!simple.matches()) {
            return new WholeMatch(pattern, null, 0, 0);
        }
        boolean[] ascii = new boolean[128];
        String ranges = simple.group(1);
        for (int i = 0; i < ranges.length(); i++) {
            char from = ranges.charAt(i);
            char to = from;
            if (i + 2 < ranges.length() && ranges.charAt(i + 1) == '-') {
                to = ranges.charAt(i + 2);
                i += 2;
            }
            for (char c = from; c <= to; c++) {
                ascii[c] = true;
            }
        }
        String quantifier = simple.group(2);
        int min;
        int max;
        if (quantifier.equals("+")) {
            min = 1;
            max = Integer.MAX_VALUE;
        } else if (quantifier.equals("*")) {
            min = 0;
            max = Integer.MAX_VALUE;
        } else {
            min = Integer.parseInt(simple.group(3));
            max = simple.group(4) == null ? min : simple.group(5).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(simple.group(5));
        }
        return new WholeMatch(pattern, ascii, min, max);
    }

    Pattern pattern() {
        return pattern;
    }

    boolean matches(String text) {
        if (ascii == null) {
            return Problems.matchesWhole(pattern, text);
        }
        int length = text.length();
        if (length < min || length > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !ascii[c]) {
                return false;
            }
        }
        return true;
    }
}
