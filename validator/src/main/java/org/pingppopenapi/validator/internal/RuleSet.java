package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one schema, applied to every object the schema validates.
 *
 * <p>Most rules of a request share one condition path ({@code channel}) and differ only in the list or group of
 * channels they apply to. Each distinct condition is evaluated at most once per object, and the outcome of every
 * membership condition ({@code enum}, {@code notIn} of strings, {@code inGroup}, {@code notInGroup}) on one path
 * is precomputed per channel name: one hash lookup decides them all.
 */
final class RuleSet {

    static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), List.of());

    private static final byte UNKNOWN = 0;
    private static final byte HOLDS = 1;
    private static final byte FAILS = 2;

    private final FieldPath[] conditionPaths;
    private final Rule.Condition[] conditions;
    private final Rule[] rules;
    private final MembershipTable[] tables;

    RuleSet(List<FieldPath> conditionPaths, List<Rule.Condition> conditions, List<Rule> rules) {
        this.conditionPaths = conditionPaths.toArray(FieldPath[]::new);
        this.conditions = conditions.toArray(Rule.Condition[]::new);
        this.rules = rules.toArray(Rule[]::new);
        List<MembershipTable> tables = new ArrayList<>();
        for (int path = 0; path < this.conditionPaths.length; path++) {
            MembershipTable table = MembershipTable.of(path, this.conditions);
            if (table != null) {
                tables.add(table);
            }
        }
        this.tables = tables.toArray(MembershipTable[]::new);
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
        byte[] outcomes = null;
        for (MembershipTable table : tables) {
            byte[] known = table.outcomes(values[table.path]);
            if (outcomes == null) {
                outcomes = known.clone();
            } else {
                for (int i = 0; i < known.length; i++) {
                    if (known[i] != UNKNOWN) {
                        outcomes[i] = known[i];
                    }
                }
            }
        }
        if (outcomes == null) {
            outcomes = new byte[conditions.length];
        }
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

    /** The outcomes of the membership conditions on one path, per string value. */
    private static final class MembershipTable {
        final int path;
        private final Map<String, byte[]> byString;
        private final byte[] otherString;
        private final byte[] notString;
        private final byte[] absent;

        private MembershipTable(int path, Map<String, byte[]> byString, byte[] otherString, byte[] notString, byte[] absent) {
            this.path = path;
            this.byString = byString;
            this.otherString = otherString;
            this.notString = notString;
            this.absent = absent;
        }

        /** The table of the membership conditions on {@code path}, or null when there are fewer than two. */
        static MembershipTable of(int path, Rule.Condition[] conditions) {
            List<Integer> members = new ArrayList<>();
            Set<String> named = new HashSet<>();
            for (int i = 0; i < conditions.length; i++) {
                Rule.Condition condition = conditions[i];
                if (condition.path() == path && condition.keywords().stream().allMatch(Keyword::isMembership)) {
                    members.add(i);
                    condition.keywords().forEach(keyword -> named.addAll(keyword.strings()));
                }
            }
            if (members.size() < 2) {
                return null;
            }
            String unnamed = "\u0000";
            while (named.contains(unnamed)) {
                unnamed += "\u0000";
            }
            Map<String, byte[]> byString = new HashMap<>();
            for (String value : named) {
                byString.put(value, outcomes(conditions, members, TextNode.valueOf(value), conditions.length));
            }
            return new MembershipTable(path, byString,
                    outcomes(conditions, members, TextNode.valueOf(unnamed), conditions.length),
                    outcomes(conditions, members, IntNode.valueOf(0), conditions.length),
                    outcomes(conditions, members, null, conditions.length));
        }

        private static byte[] outcomes(Rule.Condition[] conditions, List<Integer> members, JsonNode value, int size) {
            byte[] outcomes = new byte[size];
            for (int index : members) {
                // Membership keywords look at neither the object nor the time.
                outcomes[index] = conditions[index].holds(value, null, 0) ? HOLDS : FAILS;
            }
            return outcomes;
        }

        byte[] outcomes(JsonNode value) {
            if (JsonValues.isAbsent(value)) {
                return absent;
            }
            if (!value.isTextual()) {
                return notString;
            }
            byte[] known = byString.get(value.textValue());
            return known != null ? known : otherString;
        }
    }
}
