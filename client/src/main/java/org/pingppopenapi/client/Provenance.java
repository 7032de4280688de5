package org.pingppopenapi.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which spec and which code generator produced this build of the client, as recorded in the jar at build time.
 *
 * @param specSha256           SHA-256 (hex) of the Ping++ OpenAPI document, as {@code PingppSpec.sha256()} computes it
 * @param generatorInputSha256 SHA-256 (hex) of the generators' view of that document ({@code GeneratorInput})
 * @param generator            the generator and library, such as {@code pingpp ClientSources (services) + openapi-generator java (models)}
 * @param generatorVersion     the version of OpenAPI Generator, which writes the models, such as {@code 7.25.0}
 * @param clientVersion        the version of this client
 */
public record Provenance(
        String specSha256, String generatorInputSha256, String generator, String generatorVersion, String clientVersion) {

    static final String RESOURCE = "org/pingppopenapi/client/provenance.properties";

    private static final Provenance CURRENT = load();

    /** The provenance of the client on the class path. */
    public static Provenance current() {
        return CURRENT;
    }

    private static Provenance load() {
        Properties properties = new Properties();
        try (InputStream in = Provenance.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the pingpp-client jar was not built by its POM");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new Provenance(
                required(properties, "spec.sha256"),
                required(properties, "generatorInput.sha256"),
                required(properties, "generator"),
                required(properties, "generator.version"),
                required(properties, "client.version"));
    }

    private static String required(Properties properties, String key) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(RESOURCE + " has no " + key);
        }
        return value;
    }
}
