package org.pingppopenapi.client;

/** An error of the Ping++ servers (HTTP 5xx), an unexpected status, or an answer the client could not read. */
public final class ApiException extends PingppException {

    public ApiException(String message, ErrorResponse response, Throwable cause) {
        super(message, response, cause);
    }
}
