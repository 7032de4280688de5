package org.pingppopenapi.client;

/**
 * A webhook was rejected: its {@code X-Pingplusplus-Signature} is missing, malformed, or does not sign the body
 * with the Ping++ key. Answer such a request with an error status and do not act on it.
 */
public final class SignatureVerificationException extends PingppException {

    public SignatureVerificationException(String message) {
        super(message, null, null);
    }
}
