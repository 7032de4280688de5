package org.pingppopenapi.client;

import java.security.PublicKey;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * Verifies and reads the webhooks Ping++ sends: an {@link Event} as the JSON body, signed in
 * {@code X-Pingplusplus-Signature} with RSA-SHA256 over the raw body bytes, verifiable with the Ping++ public key of
 * the dashboard (开发参数 → Ping++ 公钥, a {@code BEGIN PUBLIC KEY} PEM).
 *
 * <pre>{@code
 * Webhooks webhooks = Webhooks.withPublicKey(pingppPublicKeyPem);           // once
 * Event event = webhooks.verify(rawBody, headers);                          // per request; throws when not genuine
 * event.getData().getObject().as(Charge.class).ifPresent(charge -> ...);
 * }</pre>
 *
 * <p>It fails closed: a missing, repeated, empty or malformed signature header, a signature by another key or over
 * other bytes all throw {@link SignatureVerificationException}, and the body is parsed only once verified. Pass the
 * body exactly as received, before any JSON parsing or charset decoding. The signature covers no timestamp, so
 * deduplicate events by {@code id}, and answer 2xx only after handling one (Ping++ retries otherwise).
 * Immutable and thread-safe.
 */
public final class Webhooks {

    /** The signature header, {@value}; looked up ignoring case. */
    public static final String SIGNATURE_HEADER = WebhookSignature.HEADER;

    private final PublicKey pingppPublicKey;

    private Webhooks(PublicKey pingppPublicKey) {
        this.pingppPublicKey = pingppPublicKey;
    }

    /**
     * Webhooks signed with this Ping++ public key (X.509 {@code BEGIN PUBLIC KEY} PEM, PKCS#1
     * {@code BEGIN RSA PUBLIC KEY} PEM, or the base64 of either).
     *
     * @throws IllegalArgumentException when the key cannot be read (the message never contains the key)
     */
    public static Webhooks withPublicKey(String pingppPublicKeyPem) {
        try {
            return new Webhooks(PemKeys.publicKey(pingppPublicKeyPem));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Ping++ public key for webhooks cannot be used: " + e.getMessage(), e);
        }
    }

    /** Webhooks signed with this Ping++ public key. */
    public static Webhooks withPublicKey(PublicKey pingppPublicKey) {
        return new Webhooks(Objects.requireNonNull(pingppPublicKey, "pingppPublicKey"));
    }

    /**
     * Verifies a webhook request and returns its event.
     *
     * @param rawBody the request body, byte for byte as received
     * @param headers the request headers; the signature header is found whatever the case of its name
     * @throws SignatureVerificationException when the request is not a genuine Ping++ webhook
     * @throws ApiException                   when a genuinely signed body is not a readable event
     */
    public Event verify(byte[] rawBody, Map<String, ? extends Collection<String>> headers) {
        Objects.requireNonNull(headers, "headers");
        String signature = null;
        for (Map.Entry<String, ? extends Collection<String>> header : headers.entrySet()) {
            if (header.getKey() == null || !header.getKey().equalsIgnoreCase(SIGNATURE_HEADER)) {
                continue;
            }
            Collection<String> values = header.getValue();
            if (signature != null || values == null || values.size() != 1) {
                throw new SignatureVerificationException(
                        "The webhook must carry exactly one " + SIGNATURE_HEADER + " header value");
            }
            signature = values.iterator().next();
        }
        return verify(rawBody, signature);
    }

    /**
     * Verifies a webhook body against the value of its {@value #SIGNATURE_HEADER} header and returns its event.
     *
     * @throws SignatureVerificationException when the signature is missing or does not sign these bytes
     * @throws ApiException                   when a genuinely signed body is not a readable event
     */
    public Event verify(byte[] rawBody, String signatureHeaderValue) {
        if (signatureHeaderValue == null || signatureHeaderValue.isBlank()) {
            throw new SignatureVerificationException("The webhook has no " + SIGNATURE_HEADER + " header");
        }
        if (rawBody == null || !WebhookSignature.verify(pingppPublicKey, rawBody, signatureHeaderValue.strip())) {
            throw new SignatureVerificationException("The " + SIGNATURE_HEADER
                    + " header does not sign this body with the Ping++ key: reject the request");
        }
        try {
            return PingppJson.read(rawBody, Event.class);
        } catch (IllegalArgumentException e) {
            throw new ApiException("The webhook is genuine but its body is not a readable event: " + e.getMessage(),
                    null, e);
        }
    }

    /**
     * Reads an event that is already trusted, without any signature check: one verified earlier (and stored, or
     * queued), or one fetched from the API ({@code client.events().retrieve(id)} answers the same JSON). Never use it
     * on a request that just arrived: that is {@link #verify(byte[], Map)}.
     *
     * @throws IllegalArgumentException when the bytes are not an event
     */
    public static Event parseTrusted(byte[] trustedBody) {
        return PingppJson.read(trustedBody, Event.class);
    }

    /** Reads an event that is already trusted; see {@link #parseTrusted(byte[])}. */
    public static Event parseTrusted(String trustedBody) {
        return PingppJson.read(trustedBody, Event.class);
    }

    @Override
    public String toString() {
        return "Webhooks[" + pingppPublicKey.getAlgorithm() + " public key]";
    }
}
