package org.pingppopenapi.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * The request signature merchants send when signature checks are on in the Ping++ dashboard.
 *
 * <p>{@value #SIGNATURE_HEADER} carries {@code base64(RSA-SHA256(merchant private key, body + requestUri +
 * timestamp))} and {@value #TIMESTAMP_HEADER} the timestamp (Unix seconds, decimal) that was signed, where
 * {@code body} is the exact bytes sent (empty for GET and DELETE) and {@code requestUri} the path including
 * {@code /v1}, plus {@code ?} and the query exactly as sent when there is one.
 */
public final class RequestSigning {

    public static final String SIGNATURE_HEADER = "Pingplusplus-Signature";
    public static final String TIMESTAMP_HEADER = "Pingplusplus-Request-Timestamp";

    private RequestSigning() {
    }

    /** The bytes that are signed: body, then the UTF-8 request URI, then the UTF-8 timestamp. */
    public static byte[] stringToSign(byte[] body, String requestUri, String timestamp) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        if (body != null) {
            data.writeBytes(body);
        }
        data.writeBytes(requestUri.getBytes(StandardCharsets.UTF_8));
        data.writeBytes(timestamp.getBytes(StandardCharsets.UTF_8));
        return data.toByteArray();
    }

    /** Returns the value of {@value #SIGNATURE_HEADER}; {@code body} may be null for a request without one. */
    public static String sign(PrivateKey merchantKey, byte[] body, String requestUri, String timestamp) {
        return Rsa.sign(merchantKey, stringToSign(body, requestUri, timestamp));
    }

    /** Whether {@code signature} signs this request; false for a missing or malformed signature. */
    public static boolean verify(
            PublicKey merchantKey, String signature, byte[] body, String requestUri, String timestamp) {
        if (requestUri == null || timestamp == null) {
            return false;
        }
        return Rsa.verify(merchantKey, stringToSign(body, requestUri, timestamp), signature);
    }
}
