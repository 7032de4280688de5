package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one schema, applied to every object the schema validates.
 *
 * <p>Most rules of a request share one condition path ({@code channel}) and differ only in the list or group of
 * channels they apply to. The outcome of such a membership condition ({@code enum}, {@code notIn} of strings,
 * {@code inGroup}, {@code notInGroup}) depends only on which string the field holds, so they are all decided when
 * the spec is compiled, once per string the spec names: at validation time one hash lookup of the field's value
 * picks the {@link Plan}, the requirements that apply to it, in spec order. Only the conditions of other kinds, or
 * on other paths, are evaluated per object.
 *
 * <p>A requirement on one property of the object ({@code order_no: {minLength: 8}}) is checked by the schema's walk
 * as it passes the property, with the value at hand ({@link PropertyCheck}); only a requirement that fails there,
 * or that looks elsewhere, is enforced (looked up again and reported) by {@link Plan#apply}, in spec order.
 */
final class RuleSet {

    static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), new String[0]);

    private static final Rule.Condition[] UNCONDITIONAL = new Rule.Condition[0];

    /** Plans with more requirements than a {@code long} has bits leave all of them to {@link Plan#apply}. */
    private static final int MAX_CHECKED_ON_THE_WALK = Long.SIZE;

    private final List<Rule> rules;
    /** The path whose value picks the plan; null when no rule has a membership condition. */
    private final FieldPath dispatchPath;
    private final Map<String, Plan> byString;
    private final Plan otherString;
    private final Plan notString;
    private final Plan absent;

    /**
     * @param properties the names of the properties of the rules' schema, which {@link Rule.Requirement#property}
     *                   and {@link Plan#propertyChecks} follow
     */
    RuleSet(List<Rule.Condition> conditions, List<Rule> rules, String[] properties) {
        this.rules = List.copyOf(rules);
        this.dispatchPath = dispatchPath(conditions);
        Set<String> named = new HashSet<>();
        for (Rule.Condition condition : conditions) {
            if (isDecidedAhead(condition)) {
                condition.keywords().forEach(keyword -> named.addAll(keyword.strings()));
            }
        }
        String unnamed = "\u0000";
        while (named.contains(unnamed)) {
            unnamed += "\u0000";
        }
        Map<Plan, Plan> distinct = new HashMap<>();
        Map<String, Plan> byString = new HashMap<>();
        for (String value : named) {
            byString.put(value, plan(TextNode.valueOf(value), conditions, properties.length, distinct));
        }
        this.byString = Map.copyOf(byString);
        this.otherString = plan(TextNode.valueOf(unnamed), conditions, properties.length, distinct);
        this.notString = plan(IntNode.valueOf(0), conditions, properties.length, distinct);
        this.absent = plan(MissingNode.getInstance(), conditions, properties.length, distinct);
    }

    /** The condition path with the most membership conditions, or null when there are none. */
    private static FieldPath dispatchPath(List<Rule.Condition> conditions) {
        Map<FieldPath, Integer> counts = new IdentityHashMap<>();
        FieldPath best = null;
        for (Rule.Condition condition : conditions) {
            if (condition.isMembership()) {
                int count = counts.merge(condition.path(), 1, Integer::sum);
                if (best == null || count > counts.get(best)) {
                    best = condition.path();
                }
            }
        }
        return best;
    }

    private boolean isDecidedAhead(Rule.Condition condition) {
        return condition.path() == dispatchPath && condition.isMembership();
    }

    /**
     * The plan for objects whose dispatch path holds {@code value}: the requirements of every rule none of whose
     * membership conditions on that path fails, each with the rule's other conditions, to evaluate per object.
     */
    private Plan plan(JsonNode value, List<Rule.Condition> conditions, int properties, Map<Plan, Plan> distinct) {
        List<Rule.Requirement> requirements = new ArrayList<>();
        List<Rule.Condition[]> guards = new ArrayList<>();
        for (Rule rule : rules) {
            boolean excluded = false;
            List<Rule.Condition> left = new ArrayList<>();
            for (int index : rule.conditions()) {
                Rule.Condition condition = conditions.get(index);
                if (isDecidedAhead(condition)) {
                    // Membership keywords look at neither the object nor the time.
                    excluded |= !condition.holdsFor(value, null, 0);
                } else {
                    left.add(condition);
                }
            }
            if (!excluded) {
                Rule.Condition[] guard = left.isEmpty() ? UNCONDITIONAL : left.toArray(Rule.Condition[]::new);
                for (Rule.Requirement requirement : rule.requirements()) {
                    requirements.add(requirement);
                    guards.add(guard);
                }
            }
        }
        Plan plan = new Plan(requirements.toArray(Rule.Requirement[]::new), guards.toArray(Rule.Condition[][]::new), properties);
        return distinct.computeIfAbsent(plan, p -> p);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    FieldPath dispatchPath() {
        return dispatchPath;
    }

    /**
     * Every distinct plan, in an order that depends only on the spec: the plans for an absent value, a value that is
     * no string and a string the rules do not name, then those of the named strings in their order.
     */
    List<Plan> plans() {
        List<Plan> plans = new ArrayList<>(List.of(absent));
        for (Plan plan : List.of(notString, otherString)) {
            if (!plans.contains(plan)) {
                plans.add(plan);
            }
        }
        byString.keySet().stream().sorted().map(byString::get).filter(plan -> !plans.contains(plan)).forEach(plans::add);
        return plans;
    }

    /** The plan for objects whose dispatch path holds the string {@code value}. */
    Plan planForString(String value) {
        return byString.getOrDefault(value, otherString);
    }

    Plan planForOtherString() {
        return otherString;
    }

    Plan planForAbsent() {
        return absent;
    }

    Plan planForNotString() {
        return notString;
    }

    /** The strings that have a plan of their own (the others share {@link #planForString} of any other string). */
    Set<String> namedStrings() {
        return byString.keySet();
    }

    List<Rule> rules() {
        return rules;
    }

    /** The plan for {@code object}, picked by the value of the dispatch path. */
    Plan planFor(JsonNode object) {
        if (dispatchPath == null) {
            return absent;
        }
        JsonNode value = dispatchPath.resolve(object);
        JsonNodeType type = JsonValues.typeOf(value);
        if (type == JsonNodeType.STRING) {
            return planForString(value.textValue());
        }
        return type == JsonNodeType.MISSING || type == JsonNodeType.NULL ? absent : notString;
    }

    /**
     * The requirements that apply to the objects of one value of the dispatch path, in spec order, each guarded by
     * the conditions of its rule that are left to evaluate per object (none, mostly).
     */
    static final class Plan {
        private final Rule.Requirement[] requirements;
        private final Rule.Condition[][] guards;
        /** Per property of the schema: the requirements the walk checks on its value; null when no property has any. */
        private final PropertyCheck[] propertyChecks;
        /** Bit {@code i} is set when requirement {@code i} is checked by the walk. */
        private final long checkedOnTheWalk;

        Plan(Rule.Requirement[] requirements, Rule.Condition[][] guards, int properties) {
            this.requirements = requirements;
            this.guards = guards;
            PropertyCheck[] checks = new PropertyCheck[properties];
            long checked = 0;
            for (int property = 0; property < properties && requirements.length <= MAX_CHECKED_ON_THE_WALK; property++) {
                List<Rule.Requirement> onProperty = new ArrayList<>();
                long bits = 0;
                for (int i = 0; i < requirements.length; i++) {
                    if (guards[i] == UNCONDITIONAL && requirements[i].isOnOneProperty() && requirements[i].property == property) {
                        onProperty.add(requirements[i]);
                        bits |= 1L << i;
                    }
                }
                if (!onProperty.isEmpty()) {
                    checks[property] = new PropertyCheck(onProperty, bits);
                    checked |= bits;
                }
            }
            this.checkedOnTheWalk = checked;
            this.propertyChecks = checked == 0 ? null : checks;
        }

        boolean isEmpty() {
            return requirements.length == 0;
        }

        int size() {
            return requirements.length;
        }

        Rule.Requirement requirement(int i) {
            return requirements[i];
        }

        /** Whether requirement {@code i} must hold whatever the object: no condition of its rule is left to evaluate. */
        boolean isUnconditional(int i) {
            return guards[i] == UNCONDITIONAL;
        }

        /** Whether {@link #apply} would report nothing under requirement {@code i} for {@code object}. */
        boolean requirementHolds(int i, JsonNode object, long now) {
            if (!applies(i, object, now)) {
                return true;
            }
            Evaluation probe = new Evaluation(now);
            requirements[i].enforce(object, probe);
            return !probe.hasViolations();
        }

        /**
         * Per property of the schema, the check the walk makes on its value and hands the failures of to
         * {@link #apply}: null entries for the properties without one, and null when no property has one.
         */
        PropertyCheck[] propertyChecks() {
            return propertyChecks;
        }

        /**
         * Enforces the requirements on {@code object}, the object at the evaluation's position, in spec order: those
         * the walk did not check, and those it found failing ({@code failed}, from {@link PropertyCheck#check}).
         */
        void apply(JsonNode object, long failed, Evaluation evaluation) {
            for (int i = 0; i < requirements.length; i++) {
                if (i < MAX_CHECKED_ON_THE_WALK && (checkedOnTheWalk & ~failed & 1L << i) != 0) {
                    continue;
                }
                if (applies(i, object, evaluation.now)) {
                    requirements[i].enforce(object, evaluation);
                }
            }
        }

        /** Whether the conditions of requirement {@code i}'s rule left to evaluate per object hold for {@code object}. */
        private boolean applies(int i, JsonNode object, long now) {
            return guards[i] == UNCONDITIONAL || holds(guards[i], object, now);
        }

        private static boolean holds(Rule.Condition[] conditions, JsonNode object, long now) {
            for (Rule.Condition condition : conditions) {
                if (!condition.holds(object, now)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Plan plan && Arrays.equals(requirements, plan.requirements)
                    && Arrays.deepEquals(guards, plan.guards);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(requirements) * 31 + Arrays.deepHashCode(guards);
        }
    }
}
