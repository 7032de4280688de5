package org.pingppopenapi.client;

/**
 * A signature by Ping++ is missing, malformed, or does not sign the bytes with the Ping++ key: a webhook that
 * {@link Webhooks} rejected (answer it with an error status and do not act on it), or, when the client was given
 * the Ping++ public key, an answer of the API, whose body was then not read or returned.
 */
public final class SignatureVerificationException extends PingppException {

    /** A rejected webhook. */
    public SignatureVerificationException(String message) {
        super(message, null, null);
    }

    /**
     * A rejected answer of the API: its status and headers, never its body.
     *
     * @param response the answer, with an empty {@code rawBody}
     */
    public SignatureVerificationException(String message, ErrorResponse response) {
        super(message, response, null);
    }
}
