package org.pingppopenapi.server.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.signing.RequestSigning;

/**
 * Verifies the request signature merchants send when signature checks are on: {@code Pingplusplus-Signature}
 * over the raw body, the request URI exactly as received (path and query, still percent-encoded) and
 * {@code Pingplusplus-Request-Timestamp}, with the merchant's public key. Answers 401 with the Ping++ error body
 * when the signature or the timestamp is missing or malformed, when the timestamp is further from the server's
 * clock than the window allows (a replay), or when the signature does not verify.
 *
 * <p>It reads the body to verify it and puts the same bytes back, so the resource reads the body as sent. Runs
 * after authentication and after the body limit, before routing.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 200)
public final class RequestSignatureFilter implements ContainerRequestFilter {

    public static final String CODE_SIGNATURE_MISSING = "signature_missing";
    public static final String CODE_SIGNATURE_INVALID = "signature_invalid";
    public static final String CODE_TIMESTAMP_MISSING = "timestamp_missing";
    public static final String CODE_TIMESTAMP_INVALID = "timestamp_invalid";
    public static final String CODE_TIMESTAMP_OUT_OF_WINDOW = "timestamp_out_of_window";

    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final PublicKey merchantKey;
    private final Duration window;
    private final Clock clock;

    public RequestSignatureFilter(PublicKey merchantKey, Duration window, Clock clock) {
        this.merchantKey = Objects.requireNonNull(merchantKey, "merchantKey");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative()) {
            throw new IllegalArgumentException("The timestamp window must not be negative: " + window);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String signature = request.getHeaderString(RequestSigning.SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            reject(request, CODE_SIGNATURE_MISSING, "No request signature provided. Sign the request and send the signature in "
                    + RequestSigning.SIGNATURE_HEADER + ".");
            return;
        }
        String timestamp = request.getHeaderString(RequestSigning.TIMESTAMP_HEADER);
        if (timestamp == null || timestamp.isBlank()) {
            reject(request, CODE_TIMESTAMP_MISSING, "No request timestamp provided. Send the signed Unix time in seconds in "
                    + RequestSigning.TIMESTAMP_HEADER + ".");
            return;
        }
        if (!isUnixSeconds(timestamp)) {
            reject(request, CODE_TIMESTAMP_INVALID, RequestSigning.TIMESTAMP_HEADER + " must be the Unix time in seconds, in decimal digits.");
            return;
        }
        long skewSeconds = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
        if (skewSeconds > window.toSeconds()) {
            reject(request, CODE_TIMESTAMP_OUT_OF_WINDOW, "The request timestamp is more than " + window.toSeconds()
                    + " seconds away from the server's time. Sign each request with the current time.");
            return;
        }
        byte[] body = readBody(request);
        if (!verifies(signature, body, request.getUriInfo().getRequestUri(), timestamp)) {
            reject(request, CODE_SIGNATURE_INVALID, "Invalid request signature.");
        }
    }

    /**
     * Reads the body only when the request declares one: a bodyless request that asks to upgrade to HTTP/2
     * ({@code Upgrade: h2c}, as the JDK client sends by default) leaves the stream open, and reading it would
     * wait for the connection's timeout.
     */
    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        boolean declaresBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        InputStream entity = request.getEntityStream();
        byte[] body = entity == null || !declaresBody ? new byte[0] : entity.readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        return body;
    }

    /**
     * The signed URI is the path plus {@code ?} and the query when there is one. A request sent with a bare
     * {@code ?} and no query (the Node SDK signs its GETs that way) may reach the server with or without it, so
     * both spellings are tried then.
     */
    private boolean verifies(String signature, byte[] body, URI requestUri, String timestamp) {
        String path = requestUri.getRawPath();
        String query = requestUri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            return RequestSigning.verify(merchantKey, signature, body, path + "?" + query, timestamp);
        }
        return RequestSigning.verify(merchantKey, signature, body, path, timestamp)
                || RequestSigning.verify(merchantKey, signature, body, path + "?", timestamp);
    }

    private static boolean isUnixSeconds(String timestamp) {
        return timestamp.length() <= MAX_TIMESTAMP_DIGITS && timestamp.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static void reject(ContainerRequestContext request, String code, String message) {
        request.abortWith(ErrorResponses.of(new PingppErrorException(401,
                org.pingppopenapi.server.model.ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, message, code, null)));
    }
}
