package org.pingppopenapi.client;

import java.util.Optional;

/**
 * Base of every exception the client throws for a Ping++ call. The subclass says what kind of failure it was; the
 * {@link #response() response}, when there was one, what the API said.
 *
 * <p>Messages and {@code toString()} never contain the API key, the private key or request headers.
 */
public abstract class PingppException extends RuntimeException {

    private final transient ErrorResponse response;

    protected PingppException(String message, ErrorResponse response, Throwable cause) {
        super(message, cause);
        this.response = response;
    }

    /** What the API answered; empty when no answer was received (or the request never left). */
    public Optional<ErrorResponse> response() {
        return Optional.ofNullable(response);
    }

    /** The HTTP status of the answer, or 0 when there was none. */
    public int httpStatus() {
        return response != null ? response.httpStatus() : 0;
    }

    /** {@code error.type} of the answer, such as {@code channel_error}; null when there was none. */
    public String type() {
        return response != null ? response.type() : null;
    }

    /** {@code error.code} of the answer, such as {@code channel_request_error}; null when there was none. */
    public String code() {
        return response != null ? response.code() : null;
    }

    /** The parameter at fault ({@code error.param}, or the field of a client-side check); null when unknown. */
    public String param() {
        return response != null ? response.param() : null;
    }

    /** The body of the answer as received; null when there was no answer. */
    public String rawBody() {
        return response != null ? response.rawBody() : null;
    }
}
