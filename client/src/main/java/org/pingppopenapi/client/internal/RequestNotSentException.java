package org.pingppopenapi.client.internal;

import java.io.IOException;

/**
 * An I/O failure that happened before any byte of the request was written: the connection could not be opened
 * (refused, timed out, DNS, TLS handshake). Resending is safe whatever the method.
 */
public final class RequestNotSentException extends IOException {

    public RequestNotSentException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
