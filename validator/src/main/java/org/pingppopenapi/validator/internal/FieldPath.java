package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A field path of a rule, relative to the object the rule's schema applies to: {@code $} (the object itself),
 * {@code charge.channel}, {@code extra.goods_list[].goods_name} ({@code []}: every item of the array).
 */
final class FieldPath {

    private static final Pattern SYNTAX = Pattern.compile("\\$|[A-Za-z0-9_]+(\\[])?(\\.[A-Za-z0-9_]+(\\[])?)*");

    /** Receives each value a path leads to. */
    interface Target {
        /**
         * @param value the value, or an absent node ({@link JsonValues#isAbsent}) when the path leads nowhere
         * @param at    where the value is, or would be
         */
        void accept(JsonNode value, Location at);

        /** The path goes through a value that is not the object or array it needs. */
        void notTraversable(Location at, String needed);
    }

    private final String text;
    private final String[] names;
    private final boolean[] everyItem;

    private FieldPath(String text, String[] names, boolean[] everyItem) {
        this.text = text;
        this.names = names;
        this.everyItem = everyItem;
    }

    /** Parses a path, or returns null when it is not one. */
    static FieldPath parse(String text) {
        if (text == null || !SYNTAX.matcher(text).matches()) {
            return null;
        }
        if (text.equals("$")) {
            return new FieldPath(text, new String[0], new boolean[0]);
        }
        String[] segments = text.split("\\.");
        String[] names = new String[segments.length];
        boolean[] everyItem = new boolean[segments.length];
        for (int i = 0; i < segments.length; i++) {
            everyItem[i] = segments[i].endsWith("[]");
            names[i] = everyItem[i] ? segments[i].substring(0, segments[i].length() - 2) : segments[i];
        }
        return new FieldPath(text, names, everyItem);
    }

    boolean isSelf() {
        return names.length == 0;
    }

    boolean hasEveryItem() {
        for (boolean each : everyItem) {
            if (each) {
                return true;
            }
        }
        return false;
    }

    int length() {
        return names.length;
    }

    String name(int i) {
        return names[i];
    }

    boolean everyItem(int i) {
        return everyItem[i];
    }

    /**
     * The single value a path without {@code []} leads to, or an absent node when some step is missing, null or
     * not an object.
     */
    JsonNode resolve(JsonNode base) {
        JsonNode node = base;
        for (String name : names) {
            if (node == null || !node.isObject()) {
                return MissingNode.getInstance();
            }
            node = node.get(name);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /** Hands every value the path leads to, from {@code base} at {@code at}, to {@code target}. */
    void visit(JsonNode base, Location at, Target target) {
        visit(base, at, 0, target);
    }

    private void visit(JsonNode node, Location at, int step, Target target) {
        if (step == names.length) {
            target.accept(node, at);
            return;
        }
        if (JsonValues.isAbsent(node)) {
            absentFrom(step, at, target);
            return;
        }
        if (!node.isObject()) {
            target.notTraversable(at, "an object");
            return;
        }
        JsonNode child = node.get(names[step]);
        Location childAt = at.property(names[step]);
        if (!everyItem[step]) {
            visit(child, childAt, step + 1, target);
            return;
        }
        if (JsonValues.isAbsent(child)) {
            return; // no array, so no items to hold to anything
        }
        if (!child.isArray()) {
            target.notTraversable(childAt, "an array");
            return;
        }
        for (int i = 0; i < child.size(); i++) {
            visit(child.get(i), childAt.item(i), step + 1, target);
        }
    }

    /** The rest of the path is absent: report it once, where it would be, unless it ranges over items that do not exist. */
    private void absentFrom(int step, Location at, Target target) {
        Location where = at;
        for (int i = step; i < names.length; i++) {
            if (everyItem[i]) {
                return;
            }
            where = where.property(names[i]);
        }
        target.accept(MissingNode.getInstance(), where);
    }

    List<String> names() {
        return List.of(names);
    }

    @Override
    public String toString() {
        return text;
    }
}
