package org.pingppopenapi.server.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
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
import java.util.Optional;
import org.pingppopenapi.server.MerchantKeys;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.PingppPrincipal;
import org.pingppopenapi.server.model.ErrorDetail;
import org.pingppopenapi.signing.RequestSigning;

/**
 * Verifies the request signature of the accounts that sign ({@link MerchantKeys}): {@code Pingplusplus-Signature}
 * over the raw body, the request URI exactly as received (path and query, still percent-encoded) and
 * {@code Pingplusplus-Request-Timestamp}, with the account's merchant public key.
 *
 * <p>A failure is a 400 {@code invalid_request_error}, as the live API answers it (pingpp-java#30 received it as an
 * {@code InvalidRequestException}, which that SDK raises for 400 and 404 only), whose {@code code} says what to fix
 * and whose {@code param} names the header: the signature or the timestamp is missing or malformed, the timestamp
 * is further from the server's clock than the window allows, the signature does not verify, or a POST or PUT
 * repeats a signature already accepted within the window (a replay: the same signed refund must not be carried out
 * twice). GET and DELETE may repeat: the same poll signed twice within a second is the same bytes.
 *
 * <p>It reads the body to verify it and puts the same bytes back, so the resource reads the body as sent. Runs
 * after authentication (it needs the account) and after the body limit, before routing.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 200)
public final class RequestSignatureFilter implements ContainerRequestFilter {

    public static final String CODE_SIGNATURE_MISSING = "signature_missing";
    public static final String CODE_SIGNATURE_INVALID = "signature_invalid";
    public static final String CODE_SIGNATURE_REPLAYED = "signature_replayed";
    public static final String CODE_TIMESTAMP_MISSING = "timestamp_missing";
    public static final String CODE_TIMESTAMP_INVALID = "timestamp_invalid";
    public static final String CODE_TIMESTAMP_OUT_OF_WINDOW = "timestamp_out_of_window";
    public static final String CODE_TOO_MANY_SIGNED_REQUESTS = "too_many_signed_requests";

    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private final MerchantKeys merchantKeys;
    private final Duration window;
    private final Clock clock;
    private final SeenSignatures seen;

    /**
     * @param rememberedSignatures how many signatures accepted within the window are remembered to refuse replays;
     *                             a POST or PUT beyond that many within one window is refused (403) until some expire
     */
    public RequestSignatureFilter(MerchantKeys merchantKeys, Duration window, Clock clock, int rememberedSignatures) {
        this.merchantKeys = Objects.requireNonNull(merchantKeys, "merchantKeys");
        this.window = Objects.requireNonNull(window, "window");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative()) {
            throw new IllegalArgumentException("The timestamp window must not be negative: " + window);
        }
        this.seen = new SeenSignatures(rememberedSignatures, window.toSeconds());
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Optional<PublicKey> merchantKey = request.getSecurityContext().getUserPrincipal() instanceof PingppPrincipal account
                ? merchantKeys.publicKeyOf(account) : Optional.empty();
        if (merchantKey.isEmpty()) {
            return;
        }
        String signature = request.getHeaderString(RequestSigning.SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            reject(request, CODE_SIGNATURE_MISSING, RequestSigning.SIGNATURE_HEADER, "No request signature provided. Sign the request"
                    + " and send the signature in " + RequestSigning.SIGNATURE_HEADER + ".");
            return;
        }
        String timestamp = request.getHeaderString(RequestSigning.TIMESTAMP_HEADER);
        if (timestamp == null || timestamp.isBlank()) {
            reject(request, CODE_TIMESTAMP_MISSING, RequestSigning.TIMESTAMP_HEADER, "No request timestamp provided. Send the signed"
                    + " Unix time in seconds in " + RequestSigning.TIMESTAMP_HEADER + ".");
            return;
        }
        if (!isUnixSeconds(timestamp)) {
            reject(request, CODE_TIMESTAMP_INVALID, RequestSigning.TIMESTAMP_HEADER,
                    RequestSigning.TIMESTAMP_HEADER + " must be the Unix time in seconds, in decimal digits.");
            return;
        }
        long now = clock.instant().getEpochSecond();
        long signedAt = Long.parseLong(timestamp);
        if (Math.abs(now - signedAt) > window.toSeconds()) {
            reject(request, CODE_TIMESTAMP_OUT_OF_WINDOW, RequestSigning.TIMESTAMP_HEADER, "The request timestamp is more than "
                    + window.toSeconds() + " seconds away from the server's time. Sign each request with the current time.");
            return;
        }
        byte[] body = readBody(request);
        if (!verifies(merchantKey.get(), signature, body, request.getUriInfo().getRequestUri(), timestamp)) {
            reject(request, CODE_SIGNATURE_INVALID, RequestSigning.SIGNATURE_HEADER, "Invalid request signature: it must sign"
                    + " the body, the request URI and the timestamp sent, with the account's merchant private key.");
            return;
        }
        if (changesState(request.getMethod())) {
            switch (seen.firstUse(signature, signedAt, now)) {
                case REPLAY -> reject(request, CODE_SIGNATURE_REPLAYED, RequestSigning.SIGNATURE_HEADER, "This signed request was"
                        + " already received. Sign each request anew, with the current time.");
                case FULL -> request.abortWith(ErrorResponses.of(new PingppErrorException(403,
                        ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, "Too many signed requests within " + window.toSeconds()
                        + " seconds to tell a replay from a new one; try again shortly.", CODE_TOO_MANY_SIGNED_REQUESTS, null)));
                case FIRST_USE -> {
                    // Accepted.
                }
            }
        }
    }

    private static boolean changesState(String method) {
        return HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method);
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
    private static boolean verifies(PublicKey merchantKey, String signature, byte[] body, URI requestUri, String timestamp) {
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

    private static void reject(ContainerRequestContext request, String code, String header, String message) {
        request.abortWith(ErrorResponses.of(new PingppErrorException(400, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR,
                message, code, header)));
    }
}
