package org.pingppopenapi.server;

import java.security.Principal;
import java.util.Objects;

/**
 * Who sent an authenticated request: the account an API key belongs to. Resources read it from
 * {@code @Context SecurityContext}: {@code (PingppPrincipal) securityContext.getUserPrincipal()}.
 *
 * @param name     a name for the account that is safe to log and show; never the secret key itself
 * @param livemode whether the key is a live key ({@code sk_live_}), so the objects created are live objects
 */
public record PingppPrincipal(String name, boolean livemode) implements Principal {

    public PingppPrincipal {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String getName() {
        return name;
    }
}
