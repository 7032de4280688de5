package org.pingppopenapi.validator.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.RequestKind;

/**
 * Writes the Java source of {@link SpecAcceptor#GENERATED_CLASS} for a spec: run by the build between the two
 * compilations of this module ({@code java AcceptorGenerator <source root>}), on the spec shipped in
 * {@code pingpp-openapi-spec}.
 *
 * <p>Per schema a method that tells whether a value is valid; per rule plan of a schema a method that tells whether
 * its requirements hold. What the code can decide with the names, bounds and sets written into it, it decides
 * (the common node classes, lengths, patterns, string sets, integer bounds, the walk over the properties); anything
 * else (an unusual node class, a number that is no {@code long}, a conditional or nested requirement) it hands to
 * the interpreter's object for that very schema, plan or keyword, so the answer is the interpreter's by construction.
 */
public final class AcceptorGenerator {

    private final RuleEngine engine;
    private final StringBuilder constants = new StringBuilder();
    private final StringBuilder fields = new StringBuilder();
    private final StringBuilder constructor = new StringBuilder();
    private final StringBuilder methods = new StringBuilder();
    private final Map<CompiledSchema, Integer> schemaIds = new IdentityHashMap<>();
    private final Map<CompiledSchema, String> navigation = new IdentityHashMap<>();
    private final Deque<CompiledSchema> pending = new ArrayDeque<>();
    private int fieldCount;

    private AcceptorGenerator(RuleEngine engine) {
        this.engine = engine;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: AcceptorGenerator <generated source root>");
        }
        byte[] spec;
        try (InputStream in = PingppSpec.open()) {
            spec = in.readAllBytes();
        }
        Path file = Path.of(args[0]).resolve(SpecAcceptor.GENERATED_CLASS.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source(spec), StandardCharsets.UTF_8);
    }

    /** The source of the acceptor of a spec document. */
    static String source(byte[] spec) {
        RuleEngine engine = RuleEngine.load(new ByteArrayInputStream(spec));
        return new AcceptorGenerator(engine).generate(sha256(spec));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private String generate(String specSha256) {
        StringBuilder accepts = new StringBuilder();
        for (RequestKind kind : RequestKind.values()) {
            int root = schema(engine.root(kind), "engine.root(RequestKind." + kind.name() + ")");
            accepts.append("            case ").append(kind.name()).append(" -> v").append(root).append("(root, now);\n");
        }
        while (!pending.isEmpty()) {
            CompiledSchema schema = pending.poll();
            schemaMethod(schema, schemaIds.get(schema));
        }
        String className = SpecAcceptor.GENERATED_CLASS.substring(SpecAcceptor.GENERATED_CLASS.lastIndexOf('.') + 1);
        return "package " + SpecAcceptor.class.getPackageName() + ";\n\n"
                + "import com.fasterxml.jackson.databind.JsonNode;\n"
                + "import com.fasterxml.jackson.databind.node.ArrayNode;\n"
                + "import com.fasterxml.jackson.databind.node.BooleanNode;\n"
                + "import com.fasterxml.jackson.databind.node.IntNode;\n"
                + "import com.fasterxml.jackson.databind.node.JsonNodeType;\n"
                + "import com.fasterxml.jackson.databind.node.LongNode;\n"
                + "import com.fasterxml.jackson.databind.node.NullNode;\n"
                + "import com.fasterxml.jackson.databind.node.ObjectNode;\n"
                + "import com.fasterxml.jackson.databind.node.TextNode;\n"
                + "import java.util.Map;\n"
                + "import org.pingppopenapi.validator.RequestKind;\n\n"
                + "/** Generated by " + AcceptorGenerator.class.getName() + " from the spec with SHA-256 " + specSha256 + ". Do not edit. */\n"
                + "@SuppressWarnings(\"unused\")\n"
                + "final class " + className + " implements SpecAcceptor {\n\n"
                + "    static final String SPEC_SHA256 = \"" + specSha256 + "\";\n\n"
                + constants + fields + "\n"
                + "    " + className + "(RuleEngine engine) {\n" + constructor + "    }\n\n"
                + "    @Override\n"
                + "    public boolean accepts(RequestKind kind, JsonNode payload, long now) {\n"
                + "        JsonNode root = payload == null || payload.isMissingNode() ? NullNode.getInstance() : payload;\n"
                + "        return switch (kind) {\n" + accepts + "        };\n"
                + "    }\n"
                + methods
                + "}\n";
    }

    /** The id of a schema's method, {@code v<id>}, and of its field, {@code s<id>}; queues the method when new. */
    private int schema(CompiledSchema schema, String path) {
        Integer id = schemaIds.get(schema);
        if (id != null) {
            return id;
        }
        id = schemaIds.size();
        schemaIds.put(schema, id);
        navigation.put(schema, "s" + id);
        field("CompiledSchema", "s" + id, path);
        pending.add(schema);
        return id;
    }

    /** Declares an instance field set in the constructor from the engine; returns its name. */
    private String field(String type, String name, String initializer) {
        fields.append("    private final ").append(type).append(' ').append(name).append(";\n");
        constructor.append("        ").append(name).append(" = ").append(initializer).append(";\n");
        return name;
    }

    private String field(String type, String initializer) {
        return field(type, "f" + fieldCount++, initializer);
    }

    private void schemaMethod(CompiledSchema schema, int id) {
        StringBuilder body = new StringBuilder();
        String delegate = "return s" + id + ".accepts(v, now);";
        CompiledSchema.Type type = schema.type;
        boolean inlined = type != null && type != CompiledSchema.Type.NUMBER
                && (schema.enumValues == null || type == CompiledSchema.Type.STRING)
                && (schema.format == null || type == CompiledSchema.Type.INTEGER)
                && (type != CompiledSchema.Type.INTEGER || fitsLong(schema.minimum) && fitsLong(schema.maximum));
        if (!inlined) {
            body.append("        ").append(delegate).append('\n');
        } else {
            switch (type) {
                case STRING -> stringBody(schema, body, delegate);
                case INTEGER -> integerBody(schema, body, delegate);
                case BOOLEAN -> body.append("        if (v.getClass() != BooleanNode.class) {\n            ").append(delegate)
                        .append("\n        }\n        return true;\n");
                case ARRAY -> arrayBody(schema, id, body, delegate);
                case OBJECT -> objectBody(schema, id, body, delegate);
                default -> throw new IllegalStateException(type.toString());
            }
        }
        methods.append("\n    /** ").append(schema.name.replace("*/", "* /")).append(" */\n")
                .append("    private boolean v").append(id).append("(JsonNode v, long now) {\n").append(body).append("    }\n");
    }

    private static boolean fitsLong(NumberBound bound) {
        return bound == null || bound.longLimit() != null;
    }

    private void stringBody(CompiledSchema schema, StringBuilder body, String delegate) {
        body.append("        if (v.getClass() != TextNode.class) {\n            ").append(delegate).append("\n        }\n");
        body.append("        String t = v.textValue();\n");
        if (schema.enumValues != null) {
            body.append("        if (!(").append(memberTest("t", new TreeSet<>(schema.enumValues.strings()))).append(")) {\n            return false;\n        }\n");
        }
        if (schema.minLength >= 0) {
            int min = schema.minLength;
            body.append("        if (t.length() < ").append(min).append(" || t.length() < ").append(2L * min)
                    .append("L && JsonValues.codePoints(t) < ").append(min).append(") {\n            return false;\n        }\n");
        }
        if (schema.maxLength >= 0) {
            int max = schema.maxLength;
            body.append("        if (t.length() > ").append(max).append(" && JsonValues.codePoints(t) > ").append(max)
                    .append(") {\n            return false;\n        }\n");
        }
        if (schema.pattern != null) {
            body.append("        return ").append(patternMethod(schema)).append("(t);\n");
        } else {
            body.append("        return true;\n");
        }
    }

    /**
     * A method matching the schema's pattern as {@link WholeMatch} does, written out: a loop over a bit set of ASCII
     * characters for a {@link ClassRun}, a switch over the states of the minimal automaton for a {@link Dfa}, and
     * otherwise a call of the schema's own matcher. Returns its name.
     */
    private String patternMethod(CompiledSchema schema) {
        String regex = schema.pattern.pattern().pattern();
        String name = "m" + fieldCount++;
        ClassRun run = ClassRun.compile(regex);
        StringBuilder code = new StringBuilder();
        if (run != null) {
            long low = 0;
            long high = 0;
            for (int c = 0; c < 128; c++) {
                if (run.inClass[c]) {
                    if (c < 64) {
                        low |= 1L << c;
                    } else {
                        high |= 1L << (c - 64);
                    }
                }
            }
            code.append("        int length = t.length();\n");
            code.append("        if (length < ").append(run.min).append(" || length > ").append(run.max).append(") {\n            return false;\n        }\n");
            code.append("        for (int i = 0; i < length; i++) {\n            char c = t.charAt(i);\n")
                    .append("            if (c >= 128 || ((c < 64 ? 0x").append(Long.toHexString(low)).append("L >>> c : 0x").append(Long.toHexString(high))
                    .append("L >>> (c - 64)) & 1L) == 0) {\n                return false;\n            }\n        }\n        return true;\n");
        } else if (schema.pattern.engine().equals("automaton")) {
            automatonCode(new RegExp(RegexSubset.toBrics(regex), RegExp.NONE).toAutomaton(true), code);
        } else {
            String matcher = field("WholeMatch", navigation.get(schema) + ".pattern");
            methods.append("\n    private boolean ").append(name).append("(String t) {\n        return ").append(matcher).append(".matches(t);\n    }\n");
            return name;
        }
        methods.append("\n    /** {@code ").append(regex.replace("*/", "*\\/").replace("\\u", "\\\\u")).append("} */\n")
                .append("    private static boolean ").append(name).append("(String t) {\n").append(code).append("    }\n");
        return name;
    }

    /** A loop stepping through the states of a deterministic automaton, numbered breadth first from the initial one. */
    private static void automatonCode(Automaton automaton, StringBuilder code) {
        List<State> states = new ArrayList<>(List.of(automaton.getInitialState()));
        Map<State, Integer> numbers = new IdentityHashMap<>(Map.of(automaton.getInitialState(), 0));
        for (int i = 0; i < states.size(); i++) {
            for (Transition transition : states.get(i).getSortedTransitions(false)) {
                if (!numbers.containsKey(transition.getDest())) {
                    numbers.put(transition.getDest(), states.size());
                    states.add(transition.getDest());
                }
            }
        }
        code.append("        int state = 0;\n        for (int i = 0; i < t.length(); i++) {\n            char c = t.charAt(i);\n")
                .append("            switch (state) {\n");
        List<String> accepting = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            State state = states.get(i);
            if (state.isAccept()) {
                accepting.add("state == " + i);
            }
            code.append("                case ").append(i).append(" -> {\n");
            String keyword = "if";
            for (Transition transition : state.getSortedTransitions(false)) {
                int min = transition.getMin();
                int max = transition.getMax();
                String test = min == max ? "c == " + min : "c >= " + min + " && c <= " + max;
                code.append(keyword.equals("if") ? "                    if" : keyword).append(" (").append(test).append(") {\n                        state = ")
                        .append(numbers.get(transition.getDest())).append(";\n                    }");
                keyword = " else if";
            }
            code.append(keyword.equals("if") ? "                    return false;\n" : " else {\n                        return false;\n                    }\n");
            code.append("                }\n");
        }
        code.append("                default -> throw new IllegalStateException();\n            }\n        }\n");
        code.append("        return ").append(accepting.isEmpty() ? "false" : String.join(" || ", accepting)).append(";\n");
    }

    private void integerBody(CompiledSchema schema, StringBuilder body, String delegate) {
        body.append("        if (v.getClass() != IntNode.class && v.getClass() != LongNode.class) {\n            ").append(delegate).append("\n        }\n");
        body.append("        long n = v.longValue();\n");
        if (schema.format == CompiledSchema.IntegerFormat.INT32) {
            body.append("        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {\n            return false;\n        }\n");
        }
        if (schema.minimum != null) {
            body.append("        if (n < ").append(schema.minimum.longLimit()).append("L) {\n            return false;\n        }\n");
        }
        if (schema.maximum != null) {
            body.append("        if (n > ").append(schema.maximum.longLimit()).append("L) {\n            return false;\n        }\n");
        }
        body.append("        return true;\n");
    }

    private void arrayBody(CompiledSchema schema, int id, StringBuilder body, String delegate) {
        body.append("        if (v.getClass() != ArrayNode.class) {\n            ").append(delegate).append("\n        }\n");
        if (schema.items != null) {
            int items = schema(schema.items, "s" + id + ".items");
            body.append("        for (int i = 0; i < v.size(); i++) {\n")
                    .append("            if (!v").append(items).append("(v.get(i), now)) {\n                return false;\n            }\n")
                    .append("        }\n");
        }
        body.append("        return true;\n");
    }

    private void objectBody(CompiledSchema schema, int id, StringBuilder body, String delegate) {
        body.append("        if (v.getClass() != ObjectNode.class) {\n            ").append(delegate).append("\n        }\n");
        body.append("        ObjectNode o = (ObjectNode) v;\n");
        String[] names = schema.propertyNames;
        if (schema.maxProperties >= 0) {
            body.append("        if (o.size() > ").append(schema.maxProperties).append(") {\n            return false;\n        }\n");
        }
        properties(schema, id, body);
        for (int i = 0; i < names.length; i++) {
            int child = schema(schema.propertySchemas[i], "s" + id + ".propertySchemas[" + i + "]");
            boolean required = schema.propertyRequired[i];
            body.append("        if (p").append(i).append(" == null) {\n");
            if (required) {
                body.append("            return false;\n");
            }
            body.append("        } else {\n");
            // A typed schema that is not nullable rejects null itself (the interpreter reports "required" instead).
            if (required && !schema.propertySchemas[i].nullable && schema.propertySchemas[i].type == null) {
                body.append("            if (p").append(i).append(".isNull()) {\n                return false;\n            }\n");
            }
            body.append("            if (!v").append(child).append("(p").append(i).append(", now)) {\n                return false;\n            }\n");
            body.append("        }\n");
        }
        for (String name : schema.requiredElsewhere) {
            body.append("        {\n            JsonNode c = o.get(").append(literal(name)).append(");\n")
                    .append("            if (c == null || c.isNull()) {\n                return false;\n            }\n        }\n");
        }
        if (schema.rules.isEmpty()) {
            body.append("        return true;\n");
        } else {
            rules(schema, id, body);
        }
    }

    /**
     * One pass over the object's fields: the values of the schema's properties into {@code p<i>}, the other fields
     * checked against {@code additionalProperties}, and the total length of a {@code maxTotalLength} rule on the whole
     * object ({@link #foldedTotalLength}) added up. Jackson interns field names, as Java does the literals here, so a
     * name is told by its hash and identity first, and by {@code equals} when it is not the interned one.
     */
    private void properties(CompiledSchema schema, int id, StringBuilder body) {
        String[] names = schema.propertyNames;
        for (int i = 0; i < names.length; i++) {
            body.append("        JsonNode p").append(i).append(" = null;\n");
        }
        String onOther = switch (schema.additional) {
            case FORBIDDEN -> "return false;";
            case SCHEMA -> "if (!v" + schema(schema.additionalSchema, "s" + id + ".additionalSchema") + "(value, now)) {\n"
                    + "                        return false;\n                    }";
            default -> null;
        };
        Long totalLimit = foldedTotalLength(schema) >= 0 ? totalLengthLimit(schema) : null;
        if (names.length == 0 && onOther == null && totalLimit == null) {
            return;
        }
        if (totalLimit != null) {
            body.append("        long total = 0;\n");
        }
        body.append("        for (Map.Entry<String, JsonNode> field : o.properties()) {\n");
        body.append("            String name = field.getKey();\n            JsonNode value = field.getValue();\n");
        if (totalLimit != null) {
            body.append("            total += JsonValues.fieldLength(name, value);\n");
        }
        if (names.length > 0) {
            Map<Integer, List<Integer>> byHash = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                byHash.computeIfAbsent(names[i].hashCode(), h -> new ArrayList<>()).add(i);
            }
            body.append("            switch (name.hashCode()) {\n");
            byHash.forEach((hash, indexes) -> {
                body.append("                case ").append(hash).append(" -> {\n");
                for (int i : indexes) {
                    body.append("                    if (name == ").append(literal(names[i])).append(") {\n                        p").append(i)
                            .append(" = value;\n                        continue;\n                    }\n");
                }
                body.append("                }\n");
            });
            body.append("                default -> {\n                }\n            }\n");
            body.append("            switch (name) {\n");
            for (int i = 0; i < names.length; i++) {
                body.append("                case ").append(literal(names[i])).append(" -> p").append(i).append(" = value;\n");
            }
            body.append("                default -> {\n");
            if (onOther != null) {
                body.append("                    ").append(onOther.replace("\n    ", "\n")).append('\n');
            }
            body.append("                }\n            }\n");
        } else if (onOther != null) {
            body.append("            ").append(onOther.replace("\n        ", "\n")).append('\n');
        }
        body.append("        }\n");
        if (totalLimit != null) {
            body.append("        if (total > ").append(totalLimit).append("L) {\n            return false;\n        }\n");
        }
    }

    /**
     * The index, in the schema's only plan, of an unconditional {@code maxTotalLength} requirement on the object
     * itself, which {@link #properties} checks while it passes the fields; -1 when there is none.
     */
    private static int foldedTotalLength(CompiledSchema schema) {
        RuleSet rules = schema.rules;
        if (rules.isEmpty() || rules.dispatchPath() != null) {
            return -1;
        }
        RuleSet.Plan plan = rules.planForAbsent();
        for (int i = 0; i < plan.size(); i++) {
            Rule.Requirement requirement = plan.requirement(i);
            if (plan.isUnconditional(i) && requirement.path.isSelf() && requirement.keywords().size() == 1
                    && requirement.keyword(0) instanceof Keyword.MaxTotalLength) {
                return i;
            }
        }
        return -1;
    }

    private static long totalLengthLimit(CompiledSchema schema) {
        RuleSet.Plan plan = schema.rules.planForAbsent();
        return ((Keyword.MaxTotalLength) plan.requirement(foldedTotalLength(schema)).keyword(0)).maximum;
    }

    /** Picks the plan as {@link RuleSet#planFor} does, and calls the method of each plan. */
    private void rules(CompiledSchema schema, int id, StringBuilder body) {
        RuleSet rules = schema.rules;
        List<RuleSet.Plan> plans = rules.plans();
        String arguments = "o, " + propertyArguments(schema.propertyNames.length, false) + "now";
        List<String> planMethods = new ArrayList<>();
        for (int j = 0; j < plans.size(); j++) {
            planMethods.add(planMethod(schema, id, plans.get(j), j));
        }
        FieldPath dispatch = rules.dispatchPath();
        if (dispatch == null) {
            body.append("        return ").append(planMethods.get(plans.indexOf(rules.planForAbsent()))).append("(").append(arguments).append(");\n");
            return;
        }
        int property = dispatch.length() == 1 && !dispatch.hasEveryItem()
                ? Arrays.asList(schema.propertyNames).indexOf(dispatch.name(0)) : -1;
        String value = property >= 0
                ? "p" + property + " == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : p" + property
                : field("FieldPath", navigation.get(schema) + ".rules.dispatchPath()") + ".resolve(o)";
        int absent = plans.indexOf(rules.planForAbsent());
        int notString = plans.indexOf(rules.planForNotString());
        int otherString = plans.indexOf(rules.planForOtherString());
        Map<Integer, List<String>> stringsByPlan = new LinkedHashMap<>();
        for (String named : new TreeSet<>(rules.namedStrings())) {
            stringsByPlan.computeIfAbsent(plans.indexOf(rules.planForString(named)), k -> new ArrayList<>()).add(named);
        }
        body.append("        JsonNode dispatch = ").append(value).append(";\n");
        body.append("        JsonNodeType dispatchType = JsonValues.typeOf(dispatch);\n");
        body.append("        int plan;\n");
        body.append("        if (dispatchType == JsonNodeType.STRING) {\n");
        String planOf = "planOf" + id;
        body.append("            plan = ").append(planOf).append("(dispatch.textValue());\n");
        StringBuilder planOfString = new StringBuilder("\n    private static int ").append(planOf).append("(String value) {\n")
                .append("        return switch (value) {\n");
        stringsByPlan.forEach((plan, strings) -> {
            if (plan != otherString) {
                planOfString.append("            case ").append(caseLabels(strings)).append(" -> ").append(plan).append(";\n");
            }
        });
        methods.append(planOfString).append("            default -> ").append(otherString).append(";\n        };\n    }\n");
        body.append("        } else {\n");
        body.append("            plan = dispatchType == JsonNodeType.MISSING || dispatchType == JsonNodeType.NULL ? ")
                .append(absent).append(" : ").append(notString).append(";\n        }\n");
        body.append("        return switch (plan) {\n");
        for (int j = 0; j < plans.size(); j++) {
            body.append("            case ").append(j).append(" -> ").append(planMethods.get(j)).append("(").append(arguments).append(");\n");
        }
        body.append("            default -> throw new IllegalStateException(\"no plan \" + plan);\n        };\n");
    }

    /** The method telling whether every requirement of a plan holds for an object; returns its name. */
    private String planMethod(CompiledSchema schema, int id, RuleSet.Plan plan, int index) {
        String name = "r" + id + "_" + index;
        String planField = null;
        StringBuilder body = new StringBuilder();
        int folded = plan == schema.rules.planForAbsent() ? foldedTotalLength(schema) : -1;
        for (int i = 0; i < plan.size(); i++) {
            if (i == folded) {
                continue; // checked by the walk over the fields
            }
            Rule.Requirement requirement = plan.requirement(i);
            boolean decidedByHolds = requirement.keywords().stream().allMatch(Keyword::isDecidedByHolds);
            if (plan.isUnconditional(i) && requirement.isOnOneProperty()) {
                String value = "p" + requirement.property;
                body.append("        if (JsonValues.isAbsent(").append(value).append(")) {\n");
                if (requirement.required) {
                    body.append("            return false;\n");
                }
                body.append("        } else {\n");
                TextBounds bounds = new TextBounds();
                boolean anyLength = false;
                List<Integer> others = new ArrayList<>();
                for (int k = 0; k < requirement.keywords().size(); k++) {
                    if (requirement.keyword(k).foldInto(bounds)) {
                        anyLength = true;
                    } else {
                        others.add(k);
                    }
                }
                if (anyLength) {
                    String lengths = "b" + fieldCount++;
                    constants.append("    private static final TextBounds ").append(lengths).append(" = TextBounds.of(").append(bounds.minCodePoints)
                            .append(", ").append(bounds.maxCodePoints).append(", ").append(bounds.maxBytes).append(");\n");
                    body.append("            if (!JsonValues.isText(").append(value).append(") || !").append(lengths).append(".admits(")
                            .append(value).append(".textValue())) {\n                return false;\n            }\n");
                }
                for (int k : others) {
                    planField = planField == null ? planField(schema, plan, index) : planField;
                    String keyword = field("Keyword", planField + ".requirement(" + i + ").keyword(" + k + ")");
                    body.append("            if (!").append(keyword).append(".holds(").append(value).append(", o, now)) {\n                return false;\n            }\n");
                }
                body.append("        }\n");
            } else if (plan.isUnconditional(i) && requirement.path.isSelf() && decidedByHolds) {
                planField = planField == null ? planField(schema, plan, index) : planField;
                for (int k = 0; k < requirement.keywords().size(); k++) {
                    String keyword = field("Keyword", planField + ".requirement(" + i + ").keyword(" + k + ")");
                    body.append("        if (!").append(keyword).append(".holds(o, o, now)) {\n            return false;\n        }\n");
                }
            } else {
                planField = planField == null ? planField(schema, plan, index) : planField;
                body.append("        if (!").append(planField).append(".requirementHolds(").append(i).append(", o, now)) {\n            return false;\n        }\n");
            }
        }
        body.append("        return true;\n");
        methods.append("\n    private boolean ").append(name).append("(ObjectNode o, ")
                .append(propertyArguments(schema.propertyNames.length, true)).append("long now) {\n").append(body).append("    }\n");
        return name;
    }

    private String planField(CompiledSchema schema, RuleSet.Plan plan, int index) {
        return field("RuleSet.Plan", navigation.get(schema) + ".rules.plans().get(" + index + ")");
    }

    private static String propertyArguments(int count, boolean declared) {
        StringBuilder arguments = new StringBuilder();
        for (int i = 0; i < count; i++) {
            arguments.append(declared ? "JsonNode p" : "p").append(i).append(", ");
        }
        return arguments.toString();
    }

    /** A test that the string {@code variable} is one of {@code strings}. */
    private static String memberTest(String variable, java.util.Collection<String> strings) {
        if (strings.isEmpty()) {
            return "false";
        }
        return "switch (" + variable + ") {\n            case " + caseLabels(strings) + " -> true;\n            default -> false;\n        }";
    }

    private static String caseLabels(java.util.Collection<String> strings) {
        return String.join(", ", strings.stream().map(AcceptorGenerator::literal).toList());
    }

    /** A Java string literal: ASCII, every other character escaped. */
    static String literal(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                literal.append(c);
            } else {
                literal.append(String.format("\\u%04x", (int) c));
            }
        }
        return literal.append('"').toString();
    }
}
