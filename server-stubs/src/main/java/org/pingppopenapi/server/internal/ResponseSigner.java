package org.pingppopenapi.server.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * Signs every 2xx answer as Ping++ does: {@code X-Pingplusplus-Signature: base64(RSA-SHA256(Ping++ private key, raw
 * body bytes))}, the signature webhooks carry, which pingpp-java 2.5+ verifies on every 2xx answer when it has the
 * Ping++ public key. The body is serialized once, into memory, signed, and written as signed.
 *
 * <p>An RSA signature costs about a millisecond of CPU (2048-bit keys), more than the rest of most requests. The
 * signatures of recent bodies are kept (at most {@value #REMEMBERED_BODIES}, by SHA-256 of the body), so that an
 * answer sent again unchanged, such as a retrieved object polled until it changes, is signed once.
 */
@Priority(Priorities.ENTITY_CODER)
public final class ResponseSigner implements ContainerResponseFilter, WriterInterceptor {

    private static final String SIGN_BODY = ResponseSigner.class.getName() + ".signBody";
    private static final int REMEMBERED_BODIES = 1024;

    private final PrivateKey signingKey;
    private final Map<BodyDigest, String> recentSignatures = new LinkedHashMap<>(REMEMBERED_BODIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<BodyDigest, String> eldest) {
            return size() > REMEMBERED_BODIES;
        }
    };

    public ResponseSigner(PrivateKey signingKey) {
        this.signingKey = Objects.requireNonNull(signingKey, "signingKey");
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() < 200 || response.getStatus() > 299) {
            return;
        }
        if (response.hasEntity()) {
            request.setProperty(SIGN_BODY, Boolean.TRUE);
        } else {
            response.getHeaders().putSingle(WebhookSignature.HEADER, signatureOf(new byte[0]));
        }
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (context.getProperty(SIGN_BODY) == null) {
            context.proceed();
            return;
        }
        OutputStream wire = context.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
        context.setOutputStream(body);
        context.proceed();
        byte[] bytes = body.toByteArray();
        context.getHeaders().putSingle(WebhookSignature.HEADER, signatureOf(bytes));
        context.setOutputStream(wire);
        wire.write(bytes);
    }

    private String signatureOf(byte[] body) {
        BodyDigest digest = BodyDigest.of(body);
        synchronized (recentSignatures) {
            String known = recentSignatures.get(digest);
            if (known != null) {
                return known;
            }
        }
        String signature = WebhookSignature.sign(signingKey, body);
        synchronized (recentSignatures) {
            recentSignatures.put(digest, signature);
        }
        return signature;
    }

    /** The SHA-256 of a body: equal digests mean equal bodies, and so equal signatures (RSA PKCS#1 v1.5 is deterministic). */
    private record BodyDigest(long a, long b, long c, long d) {

        static BodyDigest of(byte[] body) {
            try {
                ByteBuffer hash = ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(body));
                return new BodyDigest(hash.getLong(), hash.getLong(), hash.getLong(), hash.getLong());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform provides SHA-256", e);
            }
        }
    }
}
