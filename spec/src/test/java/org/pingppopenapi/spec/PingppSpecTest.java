package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PingppSpecTest {

    private static final Path ROOT_DOCUMENT = RepositoryRoot.locate().resolve("spec/openapi/pingpp-openapi.yaml");
    private static final Path PUBLISHED = RepositoryRoot.locate().resolve("spec/target/pingpp-openapi.yaml");

    @Test
    void resourceIsOnTheClasspathUnderItsDocumentedName() {
        assertThat(PingppSpec.resource().getPath()).endsWith("/" + PingppSpec.RESOURCE_NAME);
    }

    @Test
    void shipsTheBundleOfTheCuratedSourcesByteForByte() throws URISyntaxException, IOException {
        Path shipped = Path.of(PingppSpec.resource().toURI());

        assertThat(Files.readString(shipped, StandardCharsets.UTF_8))
                .as("the classpath copy of the bundle of %s", ROOT_DOCUMENT)
                .isEqualTo(SpecBundle.bundle(ROOT_DOCUMENT));
        assertThat(shipped).as("the document the tools read").hasSameBinaryContentAs(PUBLISHED);
    }

    @Test
    void everyResourceFileIsInTheBundle() {
        assertThat(SpecBundle.fragmentsOf(ROOT_DOCUMENT)).extracting(path -> path.getFileName().toString())
                .contains("charges.yaml", "orders.yaml", "events.yaml");
    }

    @Test
    void openReadsTheShippedSpec() throws IOException {
        try (InputStream shipped = PingppSpec.open(); InputStream published = Files.newInputStream(PUBLISHED)) {
            assertThat(shipped).hasSameContentAs(published);
        }
    }

    @Test
    void sha256IsTheLowerCaseHexDigestOfTheShippedBytes() throws IOException, NoSuchAlgorithmException {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(PUBLISHED)));

        assertThat(PingppSpec.sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
    }
}
