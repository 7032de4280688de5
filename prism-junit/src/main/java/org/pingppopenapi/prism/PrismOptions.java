package org.pingppopenapi.prism;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How to run Prism. Immutable; start from {@link #defaults()} and adjust with the {@code with...} methods.
 *
 * @param errors         pass {@code --errors}: a response that violates the spec becomes a 500
 * @param dynamic        pass {@code -d}: generate responses from schemas instead of examples (mock only)
 * @param extraArgs      further Prism CLI arguments, appended as given
 * @param startupTimeout how long to wait for Prism to listen before giving up
 */
public record PrismOptions(boolean errors, boolean dynamic, List<String> extraArgs, Duration startupTimeout) {

    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    public PrismOptions {
        extraArgs = List.copyOf(extraArgs);
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        if (startupTimeout.isNegative() || startupTimeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, was " + startupTimeout);
        }
    }

    /** {@code --errors} on, static (example-based) responses, no extra arguments, 60 s startup timeout. */
    public static PrismOptions defaults() {
        return new PrismOptions(true, false, List.of(), DEFAULT_STARTUP_TIMEOUT);
    }

    public PrismOptions withErrors(boolean errors) {
        return new PrismOptions(errors, dynamic, extraArgs, startupTimeout);
    }

    public PrismOptions withDynamic(boolean dynamic) {
        return new PrismOptions(errors, dynamic, extraArgs, startupTimeout);
    }

    public PrismOptions withExtraArgs(String... extraArgs) {
        return new PrismOptions(errors, dynamic, Arrays.asList(extraArgs), startupTimeout);
    }

    public PrismOptions withStartupTimeout(Duration startupTimeout) {
        return new PrismOptions(errors, dynamic, extraArgs, startupTimeout);
    }
}
