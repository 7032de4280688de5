package org.pingppopenapi.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.pingppopenapi.signing.PemKeys;

/**
 * The RSA key pair the sandbox signs webhooks with, standing in for Ping++'s: a receiver verifies with the public
 * key, which the sandbox writes out as a {@code BEGIN PUBLIC KEY} PEM (the form of the dashboard's "Ping++ 公钥").
 */
public record WebhookKeys(PrivateKey privateKey, PublicKey publicKey) {

    /**
     * The size of a key the sandbox makes for itself. 1024 bits, not Ping++'s 2048: the sandbox signs every 2xx answer,
     * and a 2048-bit signature (about a millisecond of the JDK's CPU, 0.9 ms native) capped a create at 2.7x
     * {@code prism mock}; a 1024-bit one costs a sixth of that. The key guards nothing (test mode, one run), every SDK
     * verifies it (Go's floor is 1024), and {@code --webhook-private-key} takes a 2048-bit key for whoever wants
     * Ping++'s size.
     */
    private static final int KEY_BITS = 1024;

    /** A new key pair, for one run of the sandbox. */
    public static WebhookKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new WebhookKeys(pair.getPrivate(), pair.getPublic());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides RSA", e);
        }
    }

    /** The pair of an RSA private key in PEM (PKCS#1 or PKCS#8); its public key is derived from it. */
    public static WebhookKeys fromPrivateKeyPem(String pem) {
        PrivateKey privateKey = PemKeys.privateKey(pem);
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException("The webhook signing key must be an RSA private key with its CRT fields");
        }
        try {
            PublicKey publicKey = KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new WebhookKeys(privateKey, publicKey);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("Cannot derive the public key of the webhook signing key", e);
        }
    }

    /** The public key as an X.509 {@code BEGIN PUBLIC KEY} PEM. */
    public String publicKeyPem() {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(publicKey.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }
}
