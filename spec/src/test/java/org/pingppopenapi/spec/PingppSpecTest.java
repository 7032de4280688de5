package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PingppSpecTest {

    private static final Path SOURCE = RepositoryRoot.locate().resolve("spec/pingpp-openapi.yaml");

    @Test
    void resourceIsOnTheClasspathUnderItsDocumentedName() {
        assertThat(PingppSpec.resource().getPath()).endsWith("/" + PingppSpec.RESOURCE_NAME);
    }

    @Test
    void shipsTheSpecByteForByte() throws URISyntaxException {
        Path shipped = Path.of(PingppSpec.resource().toURI());

        assertThat(shipped).as("the classpath copy of %s", SOURCE).hasSameBinaryContentAs(SOURCE);
    }

    @Test
    void openReadsTheShippedSpec() throws IOException {
        try (InputStream shipped = PingppSpec.open(); InputStream source = Files.newInputStream(SOURCE)) {
            assertThat(shipped).hasSameContentAs(source);
        }
    }

    @Test
    void sha256IsTheLowerCaseHexDigestOfTheShippedBytes() throws IOException, NoSuchAlgorithmException {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(SOURCE)));

        assertThat(PingppSpec.sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
    }
}
