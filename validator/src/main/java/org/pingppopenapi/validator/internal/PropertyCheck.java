package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The requirements of a {@link RuleSet.Plan} on one property of the object, checked together while the schema's
 * walk has the property's value at hand: one test of presence, the length keywords folded into {@link TextBounds},
 * and the other keywords one after the other. Holds exactly when every requirement would report nothing.
 */
final class PropertyCheck {

    /** The bits, in the plan, of the requirements checked here. */
    private final long requirements;
    /** Whether one of the requirements demands the property be present. */
    private final boolean required;
    /** The length keywords, folded; null when there are none. */
    private final TextBounds text;
    private final Keyword[] others;

    PropertyCheck(List<Rule.Requirement> checked, long requirements) {
        this.requirements = requirements;
        boolean required = false;
        TextBounds text = new TextBounds();
        boolean anyText = false;
        List<Keyword> others = new ArrayList<>();
        for (Rule.Requirement requirement : checked) {
            required |= requirement.required;
            for (Keyword keyword : requirement.keywords()) {
                if (keyword.foldInto(text)) {
                    anyText = true;
                } else {
                    others.add(keyword);
                }
            }
        }
        this.required = required;
        this.text = anyText ? text : null;
        this.others = others.toArray(Keyword[]::new);
    }

    /** {@code failed}, with the bits of the requirements checked here set unless they hold for {@code value} (null: absent). */
    long check(JsonNode value, JsonNode base, long now, long failed) {
        return holds(value, base, now) ? failed : failed | requirements;
    }

    private boolean holds(JsonNode value, JsonNode base, long now) {
        if (JsonValues.isAbsent(value)) {
            return !required;
        }
        if (text != null && !(JsonValues.isText(value) && text.admits(value.textValue()))) {
            return false;
        }
        for (Keyword keyword : others) {
            if (!keyword.holds(value, base, now)) {
                return false;
            }
        }
        return true;
    }
}
