package org.pingppopenapi.prism;

import java.util.Locale;

/**
 * Where Prism runs, chosen by {@code -Dprism.mode} or, when that is not set, the environment variable
 * {@code PRISM_MODE}; {@link #LOCAL} when neither is.
 *
 * <p>{@link #CONTAINER} and {@link #AUTO} need {@code org.testcontainers:testcontainers} on the test class path (an
 * optional dependency of this module) and a Docker engine. CI has no Docker engine and runs {@link #LOCAL}, so the
 * local path is the one every build exercises.
 */
public enum PrismMode {

    /** A node process from the repository's {@code node_modules}: the default, and what CI runs. */
    LOCAL,
    /** The {@code stoplight/prism} image through Testcontainers; fails when that is not possible. */
    CONTAINER,
    /** {@link #CONTAINER} when Testcontainers is on the class path and a Docker engine answers, else {@link #LOCAL}. */
    AUTO;

    public static final String PROPERTY = "prism.mode";
    public static final String ENVIRONMENT_VARIABLE = "PRISM_MODE";

    /** The mode this JVM is configured with. */
    public static PrismMode configured() {
        return parse(System.getProperty(PROPERTY), System.getenv(ENVIRONMENT_VARIABLE));
    }

    /**
     * The mode from the system property's value or, when that is null or blank, the environment variable's.
     *
     * @throws PrismException for a value that names no mode
     */
    public static PrismMode parse(String propertyValue, String environmentValue) {
        boolean fromProperty = propertyValue != null && !propertyValue.isBlank();
        String value = fromProperty ? propertyValue : environmentValue;
        if (value == null || value.isBlank()) {
            return LOCAL;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PrismException((fromProperty ? "-D" + PROPERTY : ENVIRONMENT_VARIABLE) + "=" + value
                    + " is not a Prism mode; use local, container or auto");
        }
    }
}
