package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The rules of one schema, applied to every object the schema validates. Most rules of a request share a few
 * conditions ({@code channel} in some list or group), so each distinct condition path is resolved once and each
 * distinct condition evaluated at most once per object.
 */
final class RuleSet {

    static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), List.of());

    private static final byte UNKNOWN = 0;
    private static final byte HOLDS = 1;
    private static final byte FAILS = 2;

    private final FieldPath[] conditionPaths;
    private final Rule.Condition[] conditions;
    private final Rule[] rules;

    RuleSet(List<FieldPath> conditionPaths, List<Rule.Condition> conditions, List<Rule> rules) {
        this.conditionPaths = conditionPaths.toArray(FieldPath[]::new);
        this.conditions = conditions.toArray(Rule.Condition[]::new);
        this.rules = rules.toArray(Rule[]::new);
    }

    boolean isEmpty() {
        return rules.length == 0;
    }

    List<Rule> rules() {
        return List.of(rules);
    }

    void apply(JsonNode object, Location at, Evaluation evaluation) {
        JsonNode[] values = new JsonNode[conditionPaths.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = conditionPaths[i].resolve(object);
        }
        byte[] outcomes = new byte[conditions.length];
        for (Rule rule : rules) {
            if (applies(rule, object, values, outcomes, evaluation.now)) {
                rule.enforce(object, at, evaluation);
            }
        }
    }

    private boolean applies(Rule rule, JsonNode object, JsonNode[] values, byte[] outcomes, long now) {
        for (int index : rule.conditions()) {
            if (outcomes[index] == UNKNOWN) {
                Rule.Condition condition = conditions[index];
                outcomes[index] = condition.holds(values[condition.path()], object, now) ? HOLDS : FAILS;
            }
            if (outcomes[index] == FAILS) {
                return false;
            }
        }
        return true;
    }
}
