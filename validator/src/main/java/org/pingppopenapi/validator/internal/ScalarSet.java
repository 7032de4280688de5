package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The values of an {@code enum} or {@code notIn}: JSON scalars, strings looked up by hash. */
final class ScalarSet {

    /** Sets of at most this many strings are searched by comparing, which beats hashing for so few. */
    private static final int FEW = 4;

    private final List<JsonNode> values;
    private final Set<String> strings = new HashSet<>();
    /** The strings when there are at most {@link #FEW}; null otherwise. */
    private final String[] few;

    ScalarSet(List<JsonNode> values) {
        this.values = List.copyOf(values);
        for (JsonNode value : values) {
            if (value.isTextual()) {
                strings.add(value.textValue());
            }
        }
        this.few = strings.size() <= FEW ? strings.toArray(String[]::new) : null;
    }

    boolean contains(JsonNode value) {
        if (JsonValues.isText(value)) {
            return containsString(value.textValue());
        }
        if (!value.isValueNode()) {
            return false;
        }
        for (JsonNode candidate : values) {
            if (JsonValues.sameScalar(candidate, value)) {
                return true;
            }
        }
        return false;
    }

    private boolean containsString(String text) {
        if (few == null) {
            return strings.contains(text);
        }
        for (String candidate : few) {
            if (candidate.equals(text)) {
                return true;
            }
        }
        return false;
    }

    List<JsonNode> values() {
        return values;
    }

    boolean onlyStrings() {
        return strings.size() == values.size();
    }

    Set<String> strings() {
        return Set.copyOf(strings);
    }

    @Override
    public String toString() {
        return Keyword.render(values);
    }
}
