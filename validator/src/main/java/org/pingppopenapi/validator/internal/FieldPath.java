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

    /**
     * Receives each value a path leads to. The value is the property {@code name} of the object at the evaluation's
     * position, or, when {@code name} is null, the value at the position itself.
     */
    interface Target {
        /**
         * @param value the value, or an absent node ({@link JsonValues#isAbsent}) when the path leads nowhere
         * @param base  the object the path starts from
         */
        void accept(JsonNode value, String name, JsonNode base, Evaluation evaluation);

        /** The path goes through a value that is not the object or array it needs. */
        void notTraversable(String name, String needed, Evaluation evaluation);
    }

    private final String text;
    private final String[] names;
    private final boolean[] everyItem;
    private final boolean hasEveryItem;

    private FieldPath(String text, String[] names, boolean[] everyItem) {
        this.text = text;
        this.names = names;
        this.everyItem = everyItem;
        boolean any = false;
        for (boolean each : everyItem) {
            any |= each;
        }
        this.hasEveryItem = any;
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
            // Interned, as the property names of schemas are: see SpecCompiler.
            names[i] = (everyItem[i] ? segments[i].substring(0, segments[i].length() - 2) : segments[i]).intern();
        }
        return new FieldPath(text, names, everyItem);
    }

    boolean isSelf() {
        return names.length == 0;
    }

    boolean hasEveryItem() {
        return hasEveryItem;
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
        for (int step = 0; step < names.length; step++) {
            if (node == null || !JsonValues.isObject(node)) {
                return MissingNode.getInstance();
            }
            node = node.get(names[step]);
        }
        return node == null ? MissingNode.getInstance() : node;
    }

    /**
     * Hands every value the path leads to from {@code base}, the object at the evaluation's position, to
     * {@code target}.
     */
    void visit(JsonNode base, Evaluation evaluation, Target target) {
        if (hasEveryItem) {
            visit(base, base, 0, evaluation, target);
        } else {
            visitOne(base, evaluation, target);
        }
    }

    /** {@link #visit} of a path without {@code []}, which leads to one value: a loop instead of a recursion. */
    private void visitOne(JsonNode base, Evaluation evaluation, Target target) {
        JsonNode node = base;
        for (int step = 0; step < names.length && !JsonValues.isAbsent(node); step++) {
            if (!JsonValues.isObject(node)) {
                enter(evaluation, step - 1);
                target.notTraversable(step == 0 ? null : names[step - 1], "an object", evaluation);
                leave(evaluation, step - 1);
                return;
            }
            node = node.get(names[step]);
        }
        // Here node is the value, or absent (null, missing or JSON null) somewhere along the path.
        if (names.length == 0) {
            target.accept(node, null, base, evaluation);
            return;
        }
        enter(evaluation, names.length - 1);
        target.accept(node == null ? MissingNode.getInstance() : node, names[names.length - 1], base, evaluation);
        leave(evaluation, names.length - 1);
    }

    /** Moves the evaluation's position along the first {@code steps} names, if any. */
    private void enter(Evaluation evaluation, int steps) {
        for (int i = 0; i < steps; i++) {
            evaluation.at.enter(names[i]);
        }
    }

    private static void leave(Evaluation evaluation, int steps) {
        for (int i = 0; i < steps; i++) {
            evaluation.at.leave();
        }
    }

    private void visit(JsonNode base, JsonNode node, int step, Evaluation evaluation, Target target) {
        if (step == names.length) {
            target.accept(node, null, base, evaluation);
            return;
        }
        if (JsonValues.isAbsent(node)) {
            absentFrom(base, step, evaluation, target);
            return;
        }
        if (!JsonValues.isObject(node)) {
            target.notTraversable(null, "an object", evaluation);
            return;
        }
        JsonNode child = node.get(names[step]);
        Location at = evaluation.at;
        at.enter(names[step]);
        if (!everyItem[step]) {
            visit(base, child, step + 1, evaluation, target);
        } else if (JsonValues.isAbsent(child)) {
            // no array, so no items to hold to anything
        } else if (!child.isArray()) {
            target.notTraversable(null, "an array", evaluation);
        } else {
            for (int i = 0; i < child.size(); i++) {
                at.enterItem(i);
                visit(base, child.get(i), step + 1, evaluation, target);
                at.leave();
            }
        }
        at.leave();
    }

    /** The rest of the path is absent: report it once, where it would be, unless it ranges over items that do not exist. */
    private void absentFrom(JsonNode base, int step, Evaluation evaluation, Target target) {
        for (int i = step; i < names.length; i++) {
            if (everyItem[i]) {
                return;
            }
        }
        for (int i = step; i < names.length; i++) {
            evaluation.at.enter(names[i]);
        }
        target.accept(MissingNode.getInstance(), null, base, evaluation);
        for (int i = step; i < names.length; i++) {
            evaluation.at.leave();
        }
    }

    List<String> names() {
        return List.of(names);
    }

    @Override
    public String toString() {
        return text;
    }
}
