package org.pingppopenapi.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.PrivateKey;
import java.util.Objects;
import org.pingppopenapi.server.model.Event;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * The server side of webhooks: signs event bodies as Ping++ does, {@code X-Pingplusplus-Signature:
 * base64(RSA-SHA256(signing key, raw body))}, so the receiver verifies them with the matching public key (the
 * "Ping++ public key" of its dashboard). Only the body is signed; deliver exactly the bytes that were signed.
 *
 * <pre>{@code
 * WebhookSigner signer = WebhookSigner.fromPem(Files.readString(privateKeyPem));
 * SignedWebhook webhook = signer.sign(event);
 * httpClient.send(webhook.toHttpRequest(webhookUrl), HttpResponse.BodyHandlers.discarding());
 * }</pre>
 *
 * Instances are immutable and thread-safe.
 */
public final class WebhookSigner {

    private final PrivateKey signingKey;
    private final ObjectMapper mapper;

    private WebhookSigner(PrivateKey signingKey) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
        this.mapper = PingppJson.newObjectMapper();
    }

    /** A signer with this RSA private key. */
    public static WebhookSigner of(PrivateKey signingKey) {
        return new WebhookSigner(signingKey);
    }

    /** A signer with an RSA private key in PKCS#1 PEM, PKCS#8 PEM or headerless PKCS#8 base64. */
    public static WebhookSigner fromPem(String privateKeyPem) {
        return new WebhookSigner(PemKeys.privateKey(privateKeyPem));
    }

    /** Serializes the event as the API writes its JSON, and signs those bytes. */
    public SignedWebhook sign(Event event) {
        Objects.requireNonNull(event, "event");
        try {
            return sign(mapper.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Signs a body that is already serialized; deliver exactly these bytes. */
    public SignedWebhook sign(byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        return new SignedWebhook(rawBody.clone(), WebhookSignature.sign(signingKey, rawBody));
    }

    /** A webhook body and its signature. */
    public static final class SignedWebhook {

        private final byte[] body;
        private final String signature;

        SignedWebhook(byte[] body, String signature) {
            this.body = Objects.requireNonNull(body, "body");
            this.signature = Objects.requireNonNull(signature, "signature");
        }

        /** The exact bytes to POST (a copy). */
        public byte[] body() {
            return body.clone();
        }

        /** The value of the {@value WebhookSignature#HEADER} header. */
        public String signature() {
            return signature;
        }

        /** The name of the header that carries {@link #signature()}: {@value WebhookSignature#HEADER}. */
        public String signatureHeader() {
            return WebhookSignature.HEADER;
        }

        /** A POST of the body to the webhook URL, as JSON, with the signature header. */
        public HttpRequest toHttpRequest(URI webhookUrl) {
            return HttpRequest.newBuilder(webhookUrl)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header(WebhookSignature.HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        }
    }
}
