package org.pingppopenapi.client;

/** Too many requests: the concurrency limit of the Ping++ plan (HTTP 403) or a rate limit (HTTP 429). Throttle, or retry later. */
public final class RateLimitException extends PingppException {

    public RateLimitException(String message, ErrorResponse response, Throwable cause) {
        super(message, response, cause);
    }
}
