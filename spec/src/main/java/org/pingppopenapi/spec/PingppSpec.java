package org.pingppopenapi.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The curated Ping++ OpenAPI 3.0.3 document, shipped verbatim in this jar.
 *
 * <p>The YAML is the single source of truth for the generated client and server stubs; depend on this
 * artifact to read the exact document a build was generated from.
 */
public final class PingppSpec {

    /** Classpath location of the YAML document inside this jar. */
    public static final String RESOURCE_NAME = "org/pingppopenapi/spec/pingpp-openapi.yaml";

    private PingppSpec() {
    }

    /**
     * Returns the location of the document on the classpath.
     *
     * @throws IllegalStateException if the document is not on the classpath (a broken build)
     */
    public static URL resource() {
        URL url = PingppSpec.class.getClassLoader().getResource(RESOURCE_NAME);
        if (url == null) {
            throw new IllegalStateException(RESOURCE_NAME + " is not on the classpath: the pingpp-openapi-spec jar was built without the spec");
        }
        return url;
    }

    /** Opens the document; the caller closes the stream. */
    public static InputStream open() throws IOException {
        return resource().openStream();
    }

    /** Returns the lower-case hex SHA-256 of the document's bytes, for recording which spec a build used. */
    public static String sha256() {
        try (InputStream in = open()) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE_NAME, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform provides SHA-256", e);
        }
    }
}
