package org.pingppopenapi.validator.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole-string matching of the commonest pattern shape, one class of ASCII characters repeated:
 * {@code ^[A-Za-z0-9]+$}, {@code ^[0-9]{1,20}$}, {@code ^[a-z]{3}$}. A length test and one table lookup per
 * character, with no state carried from one character to the next, which makes it faster than an automaton.
 */
final class ClassRun {

    /** {@code ^[...]{m,n}$} (also {@code +}, {@code *}, {@code {n}}, {@code {n,}}) with plain characters and ranges in the class. */
    private static final Pattern SHAPE = Pattern.compile("\\^\\[((?:[A-Za-z0-9_](?:-[A-Za-z0-9_])?)+)](\\+|\\*|\\{(\\d+)(,(\\d*))?})\\$");

    final boolean[] inClass;
    final int min;
    final int max;

    private ClassRun(boolean[] inClass, int min, int max) {
        this.inClass = inClass;
        this.min = min;
        this.max = max;
    }

    /** The matcher of a pattern of this shape, or null for a pattern of another shape. */
    static ClassRun compile(String regex) {
        Matcher shape = SHAPE.matcher(regex);
        if (!shape.matches()) {
            return null;
        }
        boolean[] inClass = new boolean[128];
        String ranges = shape.group(1);
        for (int i = 0; i < ranges.length(); i++) {
            char from = ranges.charAt(i);
            char to = from;
            if (i + 2 < ranges.length() && ranges.charAt(i + 1) == '-') {
                to = ranges.charAt(i + 2);
                i += 2;
            }
            for (char c = from; c <= to; c++) {
                inClass[c] = true;
            }
        }
        String quantifier = shape.group(2);
        if (quantifier.equals("+")) {
            return new ClassRun(inClass, 1, Integer.MAX_VALUE);
        }
        if (quantifier.equals("*")) {
            return new ClassRun(inClass, 0, Integer.MAX_VALUE);
        }
        int min = Integer.parseInt(shape.group(3));
        int max = shape.group(4) == null ? min : shape.group(5).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(shape.group(5));
        return new ClassRun(inClass, min, max);
    }

    boolean matches(String text) {
        int length = text.length();
        if (length < min || length > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128 || !inClass[c]) {
                return false;
            }
        }
        return true;
    }
}
