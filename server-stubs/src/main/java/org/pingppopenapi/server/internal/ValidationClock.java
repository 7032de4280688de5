package org.pingppopenapi.server.internal;

import jakarta.ws.rs.ext.ContextResolver;
import java.time.Clock;
import java.util.Objects;
import org.glassfish.jersey.server.validation.ValidationConfig;

/**
 * Gives Jersey's Bean Validation the server's clock, which the channel rules measure {@code time_expire} from
 * (the creation time of the request), so a test or a sandbox with its own clock validates as of that clock.
 */
public final class ValidationClock implements ContextResolver<ValidationConfig> {

    private final ValidationConfig config;

    public ValidationClock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.config = new ValidationConfig().clockProvider(() -> clock);
    }

    @Override
    public ValidationConfig getContext(Class<?> type) {
        return config;
    }
}
