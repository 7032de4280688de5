package org.pingppopenapi.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import org.pingppopenapi.signing.PemKeys;

/** The official SDKs' keys and webhooks in the repository's test-vectors folder (found through {@code pingpp.vectors}). */
final class TestVectors {

    static final String PKCS1_PRIVATE_KEY = "merchant-demo-your_rsa_private_key_pkcs1.pem";
    static final String PKCS8_HEADERLESS_PRIVATE_KEY = "merchant-demo-your_rsa_private_key_pkcs8.pem";
    static final String MERCHANT_PUBLIC_KEY = "merchant-demo-your_rsa_public_key.pem";

    private TestVectors() {
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo merchant key as PKCS#8 PEM, made from the headerless copy. */
    static String pkcs8PemPrivateKey() {
        String base64 = text(PKCS8_HEADERLESS_PRIVATE_KEY).strip();
        StringBuilder pem = new StringBuilder("-----BEGIN PRIVATE KEY-----\n");
        for (int i = 0; i < base64.length(); i += 64) {
            pem.append(base64, i, Math.min(base64.length(), i + 64)).append('\n');
        }
        return pem.append("-----END PRIVATE KEY-----\n").toString();
    }

    static PublicKey merchantPublicKey() {
        return PemKeys.publicKey(text(MERCHANT_PUBLIC_KEY));
    }

    private static Path folder() {
        String configured = System.getProperty("pingpp.vectors");
        Path folder = configured != null ? Path.of(configured) : Path.of("..", "test-vectors");
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("Test vectors not found at " + folder.toAbsolutePath()
                    + "; run the tests through Maven, which sets pingpp.vectors");
        }
        return folder;
    }
}
