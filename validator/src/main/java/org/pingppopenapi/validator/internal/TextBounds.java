package org.pingppopenapi.validator.internal;

/**
 * The length keywords of a string folded together ({@code minLength}, {@code maxLength}, {@code maxBytes}): the
 * value is a string of {@code minCodePoints} to {@code maxCodePoints} code points and at most {@code maxBytes}
 * bytes in UTF-8. Admits exactly the strings that satisfy every keyword folded in.
 */
final class TextBounds {

    int minCodePoints;
    int maxCodePoints = Integer.MAX_VALUE;
    int maxBytes = Integer.MAX_VALUE;

    static TextBounds of(int minCodePoints, int maxCodePoints, int maxBytes) {
        TextBounds bounds = new TextBounds();
        bounds.minCodePoints = minCodePoints;
        bounds.maxCodePoints = maxCodePoints;
        bounds.maxBytes = maxBytes;
        return bounds;
    }

    boolean admits(String text) {
        int length = text.length();
        // A code point is one or two chars, and one to four bytes: counting is needed only near the bounds.
        if (length < minCodePoints || length < 2L * minCodePoints && JsonValues.codePoints(text) < minCodePoints) {
            return false;
        }
        if (length > maxCodePoints && JsonValues.codePoints(text) > maxCodePoints) {
            return false;
        }
        return maxBytes == Integer.MAX_VALUE || length <= maxBytes / 3 || JsonValues.utf8Bytes(text) <= maxBytes;
    }
}
