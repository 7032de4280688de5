package org.pingppopenapi.signing;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The signature Ping++ puts on every webhook: {@value #HEADER} carries
 * {@code base64(RSA-SHA256(Ping++ private key, raw body bytes))}, verifiable with the Ping++ public key of
 * the dashboard. Only the body is signed: no URL, no timestamp.
 */
public final class WebhookSignature {

    /** The header name; HTTP header names are case-insensitive, so look it up that way. */
    public static final String HEADER = "X-Pingplusplus-Signature";

    private WebhookSignature() {
    }

    /** Signs a webhook body as Ping++ does, for servers that deliver webhooks. */
    public static String sign(PrivateKey signingKey, byte[] rawBody) {
        return Rsa.sign(signingKey, rawBody);
    }

    /** Whether {@code signature} signs exactly these bytes; false for any doubt (fails closed). */
    public static boolean verify(PublicKey pingppPublicKey, byte[] rawBody, String signature) {
        return Rsa.verify(pingppPublicKey, rawBody, signature);
    }
}
