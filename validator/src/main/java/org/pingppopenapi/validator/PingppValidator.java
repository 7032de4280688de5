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
 * List<Violation> violations = validator.validate(RequestKind.CHARGE, payload, Instant.now());
 * List<Violation> same = validator.validate(chargeCreateRequest);   // a model annotated @PingppRules
 * }</pre>
 *
 * <p>Validation never throws because of the payload: wrong types, nulls, huge strings and deep nesting are
 * reported as violations. {@code time_expire} rules compare with the creation time of the request: the
 * {@code now} passed in, or the validator's clock. Instances are immutable and thread-safe.
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
     * A validator of another revision of the spec, in YAML or JSON; the caller closes the stream.
     *
     * @throws InvalidSpecException when the document cannot be read or has a rule the engine does not understand
     */
    public static PingppValidator fromSpec(InputStream yaml) {
        return new PingppValidator(RuleEngine.load(Objects.requireNonNull(yaml, "yaml")), Clock.systemUTC());
    }

    /** The same validator, taking the creation time of requests from {@code clock}. */
    public PingppValidator withClock(Clock clock) {
        return new PingppValidator(engine, Objects.requireNonNull(clock, "clock"));
    }

    /** Validates a request body created now, by this validator's clock. */
    public List<Violation> validate(RequestKind kind, JsonNode payload) {
        return validate(kind, payload, clock.instant());
    }

    /**
     * Validates a request body.
     *
     * @param payload the JSON body; null or a missing node is reported as a payload that is not an object
     * @param now     the creation time of the request, which {@code time_expire} rules measure from
     * @return every violation, in a stable order; empty when the payload is valid
     */
    public List<Violation> validate(RequestKind kind, JsonNode payload, Instant now) {
        Objects.requireNonNull(kind, "kind");
        return engine.validate(kind, payload, Objects.requireNonNull(now, "now").getEpochSecond());
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

    /** The ids of every {@code x-pingpp-rules} entry of the spec, all of which this validator enforces. */
    public Set<String> ruleIds() {
        return engine.ruleIds();
    }
}
