package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The values of an {@code enum} or {@code notIn}: JSON scalars, strings looked up by hash. */
final class ScalarSet {

    private final List<JsonNode> values;
    private final Set<String> strings = new HashSet<>();

    ScalarSet(List<JsonNode> values) {
        this.values = List.copyOf(values);
        for (JsonNode value : values) {
            if (value.isTextual()) {
                strings.add(value.textValue());
            }
        }
    }

    boolean contains(JsonNode value) {
        if (value.isTextual()) {
            return strings.contains(value.textValue());
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
