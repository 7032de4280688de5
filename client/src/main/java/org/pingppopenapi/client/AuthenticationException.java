package org.pingppopenapi.client;

/** No valid API key was accepted (HTTP 401). */
public final class AuthenticationException extends PingppException {

    public AuthenticationException(String message, ErrorResponse response, Throwable cause) {
        super(message, response, cause);
    }
}
