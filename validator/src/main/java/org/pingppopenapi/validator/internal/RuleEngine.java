package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.InvalidSpecException;
import org.pingppopenapi.validator.Violation;

/**
 * The compiled spec: one schema per request kind, each with its nested schemas and rules. Immutable and safe to
 * share between threads.
 *
 * <p>Kinds are given by their {@link KindIndex} number; the engine keeps its kinds in name order and finds a kind's
 * position by an array lookup.
 */
public final class RuleEngine {

    /** The rule reported for a model that cannot be turned into JSON. */
    public static final String MODEL_SERIALIZATION = "model.serialization";

    private static volatile RuleEngine bundled;

    /** A request kind of the spec: its name, its schema's name and the schema. */
    record Kind(String name, String schemaName, CompiledSchema schema) {
    }

    /** In name order: a kind's position here is its position everywhere in the engine, the generated acceptor's too. */
    private final Kind[] kinds;
    /** Position of the kind by {@link KindIndex} number; -1 for the numbers of kinds this spec does not have. */
    private final int[] positionByNumber;
    private final Map<String, Integer> positionBySchemaName;
    private final SortedSet<String> ruleIds;
    /** The {@code when} of every rule, by rule id. */
    private final Map<String, Rule.Condition[]> whens;
    /** Answers first for the payloads it finds valid; null when none was generated from this engine's spec. */
    private final SpecAcceptor acceptor;

    /** @param kinds in name order */
    RuleEngine(List<Kind> kinds, SortedSet<String> ruleIds, Map<String, Rule.Condition[]> whens) {
        this.kinds = kinds.toArray(Kind[]::new);
        int[] numbers = kinds.stream().mapToInt(kind -> KindIndex.of(kind.name())).toArray();
        this.positionByNumber = new int[Arrays.stream(numbers).max().orElse(-1) + 1];
        Arrays.fill(positionByNumber, -1);
        Map<String, Integer> bySchemaName = new HashMap<>();
        for (int position = 0; position < numbers.length; position++) {
            positionByNumber[numbers[position]] = position;
            bySchemaName.put(this.kinds[position].schemaName(), position);
        }
        this.positionBySchemaName = Map.copyOf(bySchemaName);
        this.ruleIds = Collections.unmodifiableSortedSet(ruleIds);
        this.whens = Map.copyOf(whens);
        this.acceptor = null;
    }

    private RuleEngine(RuleEngine interpreter, SpecAcceptor acceptor) {
        this.kinds = interpreter.kinds;
        this.positionByNumber = interpreter.positionByNumber;
        this.positionBySchemaName = interpreter.positionBySchemaName;
        this.ruleIds = interpreter.ruleIds;
        this.whens = interpreter.whens;
        this.acceptor = acceptor;
    }

    /** The engine of the spec shipped in {@code pingpp-openapi-spec}, compiled on first use. */
    public static RuleEngine bundled() {
        RuleEngine engine = bundled;
        if (engine == null) {
            synchronized (RuleEngine.class) {
                engine = bundled;
                if (engine == null) {
                    byte[] spec;
                    try (InputStream in = PingppSpec.open()) {
                        spec = in.readAllBytes();
                    } catch (IOException e) {
                        throw new InvalidSpecException("Cannot read " + PingppSpec.RESOURCE_NAME, e);
                    }
                    engine = load(new ByteArrayInputStream(spec));
                    SpecAcceptor acceptor = SpecAcceptor.generatedFor(engine, AcceptorGenerator.sha256(spec));
                    if (acceptor != null) {
                        engine = new RuleEngine(engine, acceptor);
                    }
                    bundled = engine;
                }
            }
        }
        return engine;
    }

    /** Compiles a spec document in YAML (or JSON, which is YAML). */
    public static RuleEngine load(InputStream yaml) {
        JsonNode document;
        try {
            document = new YAMLMapper().readTree(yaml);
        } catch (JacksonException e) {
            throw new InvalidSpecException("The spec is not well-formed YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidSpecException("Cannot read the spec", e);
        }
        return SpecCompiler.compile(document);
    }

    /** The names of the spec's request kinds, in order. */
    public List<String> kindNames() {
        return Arrays.stream(kinds).map(Kind::name).toList();
    }

    /**
     * The name of the request schema of the kind numbered {@code kindNumber} ({@link KindIndex}).
     *
     * @throws IllegalArgumentException when the spec has no such kind
     */
    public String requestSchema(int kindNumber) {
        return kinds[position(kindNumber)].schemaName();
    }

    /**
     * Validates a request body of the kind numbered {@code kindNumber} ({@link KindIndex}).
     *
     * @throws IllegalArgumentException when the spec has no such kind
     */
    public List<Violation> validate(int kindNumber, JsonNode payload, long nowEpochSecond) {
        int position = position(kindNumber);
        if (acceptor != null && acceptor.accepts(position, payload, nowEpochSecond)) {
            return List.of();
        }
        return validate(kinds[position].schema(), payload, nowEpochSecond);
    }

    private int position(int kindNumber) {
        int position = kindNumber >= 0 && kindNumber < positionByNumber.length ? positionByNumber[kindNumber] : -1;
        if (position < 0) {
            throw new IllegalArgumentException("The spec has no request kind '" + KindIndex.name(kindNumber) + "'; its kinds are "
                    + String.join(", ", kindNames()));
        }
        return position;
    }

    /** Validates against a request schema named by {@code @PingppRules}; see {@link #hasRequestSchema}. */
    public List<Violation> validate(String requestSchemaName, JsonNode payload, long nowEpochSecond) {
        Integer position = positionBySchemaName.get(requestSchemaName);
        if (position == null) {
            throw new IllegalArgumentException(requestSchemaName + " is not a request schema of the spec (one an operation takes as its JSON body): "
                    + new TreeSet<>(positionBySchemaName.keySet()));
        }
        if (acceptor != null && acceptor.accepts(position, payload, nowEpochSecond)) {
            return List.of();
        }
        return validate(kinds[position].schema(), payload, nowEpochSecond);
    }

    /**
     * Validates a request model against the request schema {@code requestSchemaName}. A model Jackson cannot
     * serialize (a getter that throws, a type without a serializer) is reported as one violation of the rule
     * {@code model.serialization} at {@code $}.
     */
    public List<Violation> validateModel(String requestSchemaName, Object model, long nowEpochSecond) {
        JsonNode tree;
        try {
            tree = ModelTrees.toTree(model);
        } catch (IllegalArgumentException e) {
            return List.of(new Violation("$", MODEL_SERIALIZATION,
                    "$ cannot be serialized to JSON: " + e.getMessage() + " (" + MODEL_SERIALIZATION + ")"));
        }
        return validate(requestSchemaName, tree, nowEpochSecond);
    }

    /**
     * The generated code's answer alone: whether it finds the payload valid, which must be exactly when the
     * interpreter reports nothing (for tests that hold the two against each other).
     *
     * @throws IllegalStateException when this engine has no generated acceptor
     */
    public boolean acceptedByGeneratedCode(int kindNumber, JsonNode payload, long nowEpochSecond) {
        if (acceptor == null) {
            throw new IllegalStateException("No acceptor was generated from this engine's spec");
        }
        return acceptor.accepts(position(kindNumber), payload, nowEpochSecond);
    }

    /**
     * Whether the {@code when} of the rule {@code ruleId} holds for {@code form}, the object the rule's schema
     * describes, read as a form body: a string that reads as a number or as {@code true}/{@code false} also counts as
     * that number or boolean (in a form, {@code amount=100} is the string {@code "100"}). A rule without
     * {@code when} always applies.
     *
     * @throws IllegalArgumentException when the spec has no rule {@code ruleId}
     */
    public boolean ruleAppliesToForm(String ruleId, JsonNode form, long nowEpochSecond) {
        Rule.Condition[] when = whens.get(ruleId);
        if (when == null) {
            throw new IllegalArgumentException("The spec has no rule " + ruleId);
        }
        JsonNode base = form == null ? MissingNode.getInstance() : form;
        for (Rule.Condition condition : when) {
            if (!FormReading.holds(condition, base, nowEpochSecond)) {
                return false;
            }
        }
        return true;
    }

    /** Whether valid payloads are recognized by generated code ({@link SpecAcceptor}) before any interpretation. */
    public boolean hasGeneratedAcceptor() {
        return acceptor != null;
    }

    int kindCount() {
        return kinds.length;
    }

    Kind kind(int position) {
        return kinds[position];
    }

    public boolean hasRequestSchema(String name) {
        return positionBySchemaName.containsKey(name);
    }

    /** The ids of every {@code x-pingpp-rules} entry the engine enforces. */
    public SortedSet<String> ruleIds() {
        return ruleIds;
    }

    private static List<Violation> validate(CompiledSchema schema, JsonNode payload, long now) {
        Evaluation evaluation = new Evaluation(now);
        JsonNode root = payload == null || payload.isMissingNode() ? NullNode.getInstance() : payload;
        schema.validate(root, null, evaluation, null);
        return evaluation.violations();
    }
}
