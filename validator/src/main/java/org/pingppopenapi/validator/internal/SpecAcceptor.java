package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;

/**
 * Decides quickly that a payload is valid, so that only the other payloads are walked by the engine's interpreter,
 * which says what is wrong with them. Exact: {@link #accepts} is true exactly when the interpreter would report no
 * violation.
 *
 * <p>The implementation is Java source generated from the spec at build time by {@link AcceptorGenerator}
 * ({@code BundledSpecAcceptor}), one method per schema, with the schema's names, bounds and rule plans written into
 * the code: what an interpreter works out per value, the generated code already knows.
 */
interface SpecAcceptor {

    /** The class {@link AcceptorGenerator} writes; compiled in the build's second compilation. */
    String GENERATED_CLASS = SpecAcceptor.class.getPackageName() + ".BundledSpecAcceptor";

    /** Whether the payload is a valid body of the kind at {@code kindPosition} among the engine's kinds. */
    boolean accepts(int kindPosition, JsonNode payload, long now);

    /**
     * The generated acceptor for {@code engine}, when one was generated from the very spec the engine was compiled
     * from (by its SHA-256); null otherwise (another spec, or a build that did not generate one).
     */
    static SpecAcceptor generatedFor(RuleEngine engine, String specSha256) {
        Class<?> generated;
        try {
            generated = Class.forName(GENERATED_CLASS, true, SpecAcceptor.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        try {
            if (!specSha256.equals(generated.getDeclaredField("SPEC_SHA256").get(null))) {
                return null;
            }
            return (SpecAcceptor) generated.getDeclaredConstructor(RuleEngine.class).newInstance(engine);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException invocation ? invocation.getCause() : e;
            throw new IllegalStateException("The generated " + GENERATED_CLASS + " does not fit the engine", cause);
        }
    }
}
