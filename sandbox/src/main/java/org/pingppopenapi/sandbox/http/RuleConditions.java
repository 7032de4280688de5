package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import org.pingppopenapi.sandbox.domain.SpecDocument;

/**
 * Decides the {@code when} of a channel rule against a form body whose values are all still strings, to know which
 * schema a rule gives a free-form field. Understands the condition keywords the spec uses in {@code when}
 * ({@code enum}, {@code inGroup}, {@code notInGroup}, {@code minimum}); a condition it cannot decide does not hold.
 */
final class RuleConditions {

    private RuleConditions() {
    }

    static boolean hold(JsonNode when, JsonNode form) {
        Iterator<Map.Entry<String, JsonNode>> conditions = when.fields();
        while (conditions.hasNext()) {
            Map.Entry<String, JsonNode> condition = conditions.next();
            JsonNode value = at(form, condition.getKey());
            if (value == null || !value.isValueNode() || !holds(condition.getValue(), value.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(JsonNode condition, String value) {
        Iterator<Map.Entry<String, JsonNode>> keywords = condition.fields();
        while (keywords.hasNext()) {
            Map.Entry<String, JsonNode> keyword = keywords.next();
            boolean holds = switch (keyword.getKey()) {
                case "enum" -> contains(keyword.getValue(), value);
                case "inGroup" -> contains(group(keyword.getValue().asText()), value);
                case "notInGroup" -> !contains(group(keyword.getValue().asText()), value);
                case "minimum" -> atLeast(value, keyword.getValue());
                default -> false;
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode candidate : values) {
            if (candidate.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode group(String name) {
        return SpecDocument.root().path("components").path("x-pingpp-channel-groups").path(name);
    }

    private static boolean atLeast(String value, JsonNode minimum) {
        try {
            return new BigDecimal(value).compareTo(minimum.decimalValue()) >= 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    private static JsonNode at(JsonNode form, String dottedPath) {
        JsonNode current = form;
        for (String name : dottedPath.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(name);
        }
        return current;
    }
}
