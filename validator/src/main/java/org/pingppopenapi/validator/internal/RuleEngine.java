package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.pingppopenapi.spec.PingppSpec;
import org.pingppopenapi.validator.InvalidSpecException;
import org.pingppopenapi.validator.RequestKind;
import org.pingppopenapi.validator.Violation;

/**
 * The compiled spec: one schema per request kind, each with its nested schemas and rules. Immutable and safe to
 * share between threads.
 */
public final class RuleEngine {

    /** The rule reported for a model that cannot be turned into JSON. */
    public static final String MODEL_SERIALIZATION = "model.serialization";

    private static volatile RuleEngine bundled;

    /** By {@link RequestKind#ordinal()}. */
    private final CompiledSchema[] byKind;
    private final Map<String, CompiledSchema> byRequestSchemaName;
    private final SortedSet<String> ruleIds;
    /** Answers first for the payloads it finds valid; null when none was generated from this engine's spec. */
    private final SpecAcceptor acceptor;

    RuleEngine(Map<RequestKind, CompiledSchema> byKind, Map<String, CompiledSchema> byRequestSchemaName, SortedSet<String> ruleIds) {
        this.byKind = new CompiledSchema[RequestKind.values().length];
        byKind.forEach((kind, schema) -> this.byKind[kind.ordinal()] = schema);
        this.byRequestSchemaName = Map.copyOf(byRequestSchemaName);
        this.ruleIds = Collections.unmodifiableSortedSet(ruleIds);
        this.acceptor = null;
    }

    private RuleEngine(RuleEngine interpreter, SpecAcceptor acceptor) {
        this.byKind = interpreter.byKind;
        this.byRequestSchemaName = interpreter.byRequestSchemaName;
        this.ruleIds = interpreter.ruleIds;
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

    public List<Violation> validate(RequestKind kind, JsonNode payload, long nowEpochSecond) {
        if (acceptor != null && acceptor.accepts(kind, payload, nowEpochSecond)) {
            return List.of();
        }
        return validate(byKind[kind.ordinal()], payload, nowEpochSecond);
    }

    /** Validates against a request schema named by {@code @PingppRules}; see {@link #hasRequestSchema}. */
    public List<Violation> validate(String requestSchemaName, JsonNode payload, long nowEpochSecond) {
        CompiledSchema schema = byRequestSchemaName.get(requestSchemaName);
        if (schema == null) {
            throw new IllegalArgumentException(requestSchemaName + " is not a request schema of the spec (one with x-pingpp-request-kind): "
                    + byRequestSchemaName.keySet());
        }
        return validate(kindOf(schema), payload, nowEpochSecond);
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
    public boolean acceptedByGeneratedCode(RequestKind kind, JsonNode payload, long nowEpochSecond) {
        if (acceptor == null) {
            throw new IllegalStateException("No acceptor was generated from this engine's spec");
        }
        return acceptor.accepts(kind, payload, nowEpochSecond);
    }

    /** Every request schema is the schema of one kind (SpecCompiler). */
    private RequestKind kindOf(CompiledSchema requestSchema) {
        for (RequestKind kind : RequestKind.values()) {
            if (byKind[kind.ordinal()] == requestSchema) {
                return kind;
            }
        }
        throw new IllegalStateException(requestSchema.name + " is the schema of no request kind");
    }

    /** Whether valid payloads are recognized by generated code ({@link SpecAcceptor}) before any interpretation. */
    public boolean hasGeneratedAcceptor() {
        return acceptor != null;
    }

    CompiledSchema root(RequestKind kind) {
        return byKind[kind.ordinal()];
    }

    public boolean hasRequestSchema(String name) {
        return byRequestSchemaName.containsKey(name);
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
