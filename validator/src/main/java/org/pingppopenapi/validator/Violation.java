package org.pingppopenapi.validator;

import java.util.Objects;

/**
 * One broken rule.
 *
 * @param field   where, as a dotted path from the payload's root: {@code charge.order_no},
 *                {@code extra.goods_list[0].price}; a property name that is not made of letters, digits and
 *                {@code _} is quoted ({@code metadata["a.b"]}); {@code $} is the payload itself
 * @param rule    which rule: the {@code id} of an {@code x-pingpp-rules} entry of the spec, such as
 *                {@code charge.order_no.unionpay}, or {@code schema.<keyword>} (such as {@code schema.maxLength})
 *                for a JSON Schema constraint of the request schema or of a schema nested in it
 * @param message the field, what is wrong and the rule, in English
 */
public record Violation(String field, String rule, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }
}
