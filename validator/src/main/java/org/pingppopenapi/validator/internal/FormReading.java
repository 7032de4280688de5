package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * Rule conditions decided on a form body, whose values are all strings until the schema types them: a condition
 * holds when it holds for the string, or for the number or boolean the string reads as.
 */
final class FormReading {

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,40}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,40})?([eE][-+]?[0-9]{1,4})?");

    private FormReading() {
    }

    static boolean holds(Rule.Condition condition, JsonNode form, long now) {
        JsonNode value = condition.path().resolve(form);
        if (condition.holdsFor(value, form, now)) {
            return true;
        }
        if (!JsonValues.isText(value)) {
            return false;
        }
        JsonNode reading = reading(value.textValue());
        return reading != null && condition.holdsFor(reading, form, now);
    }

    /** The number or boolean a form value reads as; null when it reads only as a string. */
    private static JsonNode reading(String text) {
        if (INTEGER.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigInteger(text));
        }
        if (DECIMAL.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        }
        if (text.equals("true") || text.equals("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(text));
        }
        return null;
    }
}
