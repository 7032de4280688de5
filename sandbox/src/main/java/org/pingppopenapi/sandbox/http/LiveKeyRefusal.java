package org.pingppopenapi.sandbox.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.model.ErrorDetail;

/**
 * Answers a request made with a live key ({@code sk_live_}) with 401 and a message that says why, before the
 * authentication filter would only call the key invalid: a sandbox must never look like it accepted live keys.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 10)
public final class LiveKeyRefusal implements ContainerRequestFilter {

    static final String MESSAGE = "The sandbox accepts test API keys (sk_test_...) only; never send a live key to it.";

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && apiKey(authorization.strip()).startsWith("sk_live_")) {
            throw new PingppErrorException(401, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, MESSAGE, null, null);
        }
    }

    /** The key of a Basic or Bearer header, or "" when there is none to read. */
    private static String apiKey(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return "";
        }
        String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
        String value = authorization.substring(space + 1).strip();
        if (scheme.equals("bearer")) {
            return value;
        }
        if (scheme.equals("basic")) {
            try {
                return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return "";
            }
        }
        return "";
    }
}
