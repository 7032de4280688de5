package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of a schema's {@code x-pingpp-rules}: when every condition holds, every requirement must hold.
 * Conditions are shared by the rules of a {@link RuleSet}, which evaluates each at most once per object.
 */
final class Rule {

    final String id;
    final String description;
    private final int[] conditions;
    private final List<Requirement> requirements;

    Rule(String id, String description, int[] conditions, List<Requirement> requirements) {
        this.id = id;
        this.description = description;
        this.conditions = conditions;
        this.requirements = List.copyOf(requirements);
    }

    int[] conditions() {
        return conditions;
    }

    void enforce(JsonNode object, Location at, Evaluation evaluation) {
        for (Requirement requirement : requirements) {
            requirement.enforce(object, at, evaluation, id);
        }
    }

    /** A {@code when} entry: the field is present, not null, and satisfies every keyword. */
    record Condition(int path, List<Keyword> keywords) {

        boolean holds(JsonNode value, JsonNode base, long now) {
            if (JsonValues.isAbsent(value)) {
                return false;
            }
            for (Keyword keyword : keywords) {
                if (!keyword.holds(value, base, now)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A {@code then} entry. {@code required} demands the field be present and not null; every other keyword holds
     * when the field is absent.
     */
    record Requirement(FieldPath path, boolean required, List<Keyword> keywords) {

        void enforce(JsonNode base, Location baseAt, Evaluation evaluation, String ruleId) {
            path.visit(base, baseAt, new FieldPath.Target() {
                @Override
                public void accept(JsonNode value, Location at) {
                    if (JsonValues.isAbsent(value)) {
                        if (required) {
                            evaluation.report(at, ruleId, "is required", null);
                        }
                        return;
                    }
                    for (Keyword keyword : keywords) {
                        keyword.enforce(value, at, base, evaluation, ruleId);
                    }
                }

                @Override
                public void notTraversable(Location at, String needed) {
                    evaluation.report(at, ruleId, "must be " + needed + " to hold " + path, null);
                }
            });
        }
    }
}
