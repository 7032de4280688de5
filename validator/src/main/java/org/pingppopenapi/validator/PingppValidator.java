package org.pingppopenapi.validator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pingppopenapi.validation.PingppRules;
import org.pingppopenapi.validator.internal.ModelTrees;
import org.pingppopenapi.validator.internal.RuleEngine;

/**
 * Checks Ping++ request bodies against the spec: each request schema's JSON Schema constraints and every
 * channel rule ({@code x-pingpp-rules}) of it and of the schemas nested in it, returning all violations.
 *
 * <pre>{@code
 * PingppValidator validator = PingppValidator.fromSpec();
 * List<Violation> violations = validator.validate(RequestKind.named("charge"), payload, Instant.now());
 * List<Violation> same = validator.validate(chargeCreateRequest);   // a model annotated @PingppRules
 * }</pre>
 *
 * <p>The request kinds are the spec's ({@link #kinds()}): a newer revision of the spec with more request bodies
 * has more kinds, with no change here. Validation never throws because of the payload: wrong types, nulls, huge
 * strings and deep nesting are reported as violations. {@code time_expire} rules compare with the creation time of
 * the request: the {@code now} passed in, or the validator's clock. Instances are immutable and thread-safe.
 */
public final class PingppValidator {

    private final RuleEngine engine;
    private final Clock clock;

    private PingppValidator(RuleEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * The validator of the spec shipped in {@code pingpp-openapi-spec}, compiled once per class loader and shared,
     * using the system clock.
     *
     * @throws InvalidSpecException when the spec has a rule the engine does not understand (a broken build)
     */
    public static PingppValidator fromSpec() {
        return new PingppValidator(RuleEngine.bundled(), Clock.systemUTC());
    }

    /**
     * A validator of another revision of the spec (a bundled document: every {@code $ref} local), in YAML or JSON;
     * the caller closes the stream. Its request kinds are that revision's.
     *
     * @throws InvalidSpecException when the document cannot be read, has a rule the engine does not understand, or
     *                              its request kinds cannot be named (see {@link RequestKind})
     */
    public static PingppValidator fromSpec(InputStream yaml) {
        return new PingppValidator(RuleEngine.load(Objects.requireNonNull(yaml, "yaml")), Clock.systemUTC());
    }

    /** The same validator, taking the creation time of requests from {@code clock}. */
    public PingppValidator withClock(Clock clock) {
        return new PingppValidator(engine, Objects.requireNonNull(clock, "clock"));
    }

    /** The request kinds of the spec, in name order: one per schema an operation takes as its JSON body. */
    public List<RequestKind> kinds() {
        return engine.kindNames().stream().map(RequestKind::named).toList();
    }

    /**
     * The name of the schema in {@code components.schemas} whose bodies the kind validates, such as
     * {@code ChargeCreateRequest} for {@code charge}.
     *
     * @throws IllegalArgumentException when the spec has no such kind
     */
    public String requestSchema(RequestKind kind) {
        return engine.requestSchema(Objects.requireNonNull(kind, "kind").index);
    }

    /**
     * Validates a request body created now, by this validator's clock.
     *
     * @throws IllegalArgumentException when the spec has no such kind
     */
    public List<Violation> validate(RequestKind kind, JsonNode payload) {
        return validate(kind, payload, clock.instant());
    }

    /**
     * Validates a request body.
     *
     * @param payload the JSON body; null or a missing node is reported as a payload that is not an object
     * @param now     the creation time of the request, which {@code time_expire} rules measure from
     * @return every violation, in a stable order; empty when the payload is valid
     * @throws IllegalArgumentException when the spec has no such kind
     */
    public List<Violation> validate(RequestKind kind, JsonNode payload, Instant now) {
        Objects.requireNonNull(kind, "kind");
        return engine.validate(kind.index, payload, Objects.requireNonNull(now, "now").getEpochSecond());
    }

    /** Validates a request model created now, by this validator's clock. */
    public List<Violation> validate(Object model) {
        return validate(model, clock.instant());
    }

    /**
     * Validates a request model: a generated client or server model, or any class annotated {@link PingppRules}
     * whose Jackson serialization is the request body. Fields left null count as not set.
     *
     * @throws IllegalArgumentException when neither the model's class nor a superclass is annotated
     *                                  {@link PingppRules} naming a request schema of the spec
     */
    public List<Violation> validate(Object model, Instant now) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(now, "now");
        PingppRules rules = ModelTrees.rulesOf(model.getClass());
        if (rules == null) {
            throw new IllegalArgumentException(model.getClass().getName() + " is not annotated @" + PingppRules.class.getName());
        }
        return engine.validateModel(rules.value(), model, now.getEpochSecond());
    }

    /**
     * Whether the rule {@code ruleId} applies to a form body, by this validator's clock: whether every condition of
     * its {@code when} holds for {@code form}, the object the rule's schema describes, as the engine decides them when
     * it validates. A form body's values are all strings until the schema types them, so a string that reads as a
     * number or as {@code true}/{@code false} also counts as that number or boolean. For a server that reads form
     * bodies and must know which schema a rule gives a free-form field before it can type the field's values.
     *
     * @throws IllegalArgumentException when the spec has no rule {@code ruleId} (see {@link #ruleIds()})
     */
    public boolean ruleAppliesToForm(String ruleId, JsonNode form) {
        return engine.ruleAppliesToForm(Objects.requireNonNull(ruleId, "ruleId"), form, clock.instant().getEpochSecond());
    }

    /** The ids of every {@code x-pingpp-rules} entry of the spec, all of which this validator enforces. */
    public Set<String> ruleIds() {
        return engine.ruleIds();
    }
}
