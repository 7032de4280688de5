package org.pingppopenapi.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The official SDKs' keys and webhook bodies, in the repository's test-vectors folder. */
final class Vectors {

    private Vectors() {
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(folder().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
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
