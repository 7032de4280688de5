package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One entry of a schema's {@code x-pingpp-rules}: when every condition holds, every requirement must hold.
 * Conditions are shared by the rules of a {@link RuleSet}, which decides most of them ahead of validation.
 */
final class Rule {

    final String id;
    final String description;
    private final int[] conditions;
    private final Requirement[] requirements;

    Rule(String id, String description, int[] conditions, List<Requirement> requirements) {
        this.id = id;
        this.description = description;
        this.conditions = conditions;
        this.requirements = requirements.toArray(Requirement[]::new);
    }

    int[] conditions() {
        return conditions;
    }

    List<Requirement> requirements() {
        return List.of(requirements);
    }

    /** A {@code when} entry: the field at {@code path} is present, not null, and satisfies every keyword. */
    record Condition(FieldPath path, List<Keyword> keywords) {

        /** Whether the outcome depends only on which string the value is; see {@link Keyword#isMembership()}. */
        boolean isMembership() {
            for (Keyword keyword : keywords) {
                if (!keyword.isMembership()) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the condition holds for the object {@code base}. */
        boolean holds(JsonNode base, long now) {
            return holdsFor(path.resolve(base), base, now);
        }

        /** Whether the condition holds when its field has the value {@code value}. */
        boolean holdsFor(JsonNode value, JsonNode base, long now) {
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
     * A {@code then} entry of the rule {@code ruleId}. {@code required} demands the field be present and not null;
     * every other keyword holds when the field is absent.
     */
    static final class Requirement implements FieldPath.Target {
        final FieldPath path;
        final boolean required;
        /** The index, among the properties of the rule's schema, of the property the path starts with; -1 when none. */
        final int property;
        private final Keyword[] keywords;
        private final String ruleId;

        Requirement(String ruleId, FieldPath path, int property, boolean required, List<Keyword> keywords) {
            this.ruleId = ruleId;
            this.path = path;
            this.property = property;
            this.required = required;
            this.keywords = keywords.toArray(Keyword[]::new);
        }

        List<Keyword> keywords() {
            return List.of(keywords);
        }

        Keyword keyword(int i) {
            return keywords[i];
        }

        /** Reports every way the fields of {@code object}, the object at the evaluation's position, break the requirement. */
        void enforce(JsonNode object, Evaluation evaluation) {
            path.visit(object, evaluation, this);
        }

        /**
         * Whether the requirement is about one property of the object and nothing nested, so that whether it holds
         * is decided by the property's value alone ({@link PropertyCheck}).
         */
        boolean isOnOneProperty() {
            if (property < 0 || path.length() != 1 || path.hasEveryItem()) {
                return false;
            }
            for (Keyword keyword : keywords) {
                if (!keyword.isDecidedByHolds()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void accept(JsonNode value, String name, JsonNode base, Evaluation evaluation) {
            if (JsonValues.isAbsent(value)) {
                if (required) {
                    evaluation.report(name, ruleId, "is required", null);
                }
                return;
            }
            for (Keyword keyword : keywords) {
                keyword.enforce(value, name, base, evaluation, ruleId);
            }
        }

        @Override
        public void notTraversable(String name, String needed, Evaluation evaluation) {
            evaluation.report(name, ruleId, "must be " + needed + " to hold " + path, null);
        }
    }
}
