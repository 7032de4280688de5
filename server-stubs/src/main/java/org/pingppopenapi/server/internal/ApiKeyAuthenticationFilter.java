package org.pingppopenapi.server.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.pingppopenapi.server.ApiKeyStore;
import org.pingppopenapi.server.PingppPrincipal;

/**
 * Lets a request through only with an API key the {@link ApiKeyStore} accepts, sent as the HTTP Basic user name
 * (empty password) or as a Bearer token; answers 401 with the Ping++ error body otherwise. Runs before routing,
 * so nothing about the API is revealed to a client without a key.
 *
 * <p>On success the request's {@link SecurityContext} carries the {@link PingppPrincipal}, with the scheme
 * ({@code BASIC} or {@code Bearer}) the key came in.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyAuthenticationFilter implements ContainerRequestFilter {

    static final String NO_KEY_MESSAGE = "No API key provided. Set it as the HTTP Basic user name or as a Bearer token.";
    static final String INVALID_KEY_MESSAGE = "Invalid API key provided.";
    static final String UNREADABLE_HEADER_MESSAGE =
            "The Authorization header is not HTTP Basic or Bearer. Set the API key as the HTTP Basic user name or as a Bearer token.";
    /** Both schemes this server accepts, as RFC 9110 asks of a 401. */
    static final String[] CHALLENGES = {"Basic realm=\"Ping++ API\"", "Bearer realm=\"Ping++ API\""};

    private final ApiKeyStore keys;

    public ApiKeyAuthenticationFilter(ApiKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            reject(request, NO_KEY_MESSAGE);
            return;
        }
        Credentials credentials = Credentials.parse(authorization.strip());
        if (credentials == null) {
            reject(request, UNREADABLE_HEADER_MESSAGE);
            return;
        }
        if (credentials.apiKey().isBlank()) {
            reject(request, NO_KEY_MESSAGE);
            return;
        }
        Optional<PingppPrincipal> principal = keys.authenticate(credentials.apiKey());
        if (principal.isEmpty()) {
            reject(request, INVALID_KEY_MESSAGE);
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new ApiKeySecurityContext(principal.get(), credentials.scheme(), secure));
    }

    private static void reject(ContainerRequestContext request, String message) {
        request.abortWith(ErrorResponses.builder(ErrorResponses.invalidRequest(401, message))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGES[0])
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGES[1])
                .build());
    }

    /** The API key of an Authorization header and the scheme it came in. */
    record Credentials(String scheme, String apiKey) {

        /** Null when the header is neither Basic (with a decodable user name) nor Bearer. */
        static Credentials parse(String authorization) {
            int space = authorization.indexOf(' ');
            if (space < 0) {
                return null;
            }
            String scheme = authorization.substring(0, space).toLowerCase(Locale.ROOT);
            String value = authorization.substring(space + 1).strip();
            return switch (scheme) {
                case "bearer" -> new Credentials("Bearer", value);
                case "basic" -> basic(value);
                default -> null;
            };
        }

        private static Credentials basic(String encoded) {
            String userAndPassword;
            try {
                userAndPassword = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
            int colon = userAndPassword.indexOf(':');
            String user = colon < 0 ? userAndPassword : userAndPassword.substring(0, colon);
            return new Credentials(SecurityContext.BASIC_AUTH, user);
        }
    }

    private record ApiKeySecurityContext(PingppPrincipal principal, String scheme, boolean secure)
            implements SecurityContext {

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return scheme;
        }
    }
}
