package org.pingppopenapi.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

/** The official SDKs' demo keys (test-vectors/ at the root of the checkout), and fresh keys for "the wrong key". */
final class TestKeys {

    private TestKeys() {
    }

    static Path vectors() {
        Path root = Path.of(System.getProperty("pingpp.root", ".."));
        Path vectors = root.resolve("test-vectors");
        if (!Files.isDirectory(vectors)) {
            throw new IllegalStateException("No test-vectors/ under " + root.toAbsolutePath() + " (system property pingpp.root)");
        }
        return vectors;
    }

    static String read(String name) {
        try {
            return Files.readString(vectors().resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static KeyPair freshRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
