package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.pingppopenapi.spec.PingppSpec;

/**
 * The spec the sandbox was built with, read once: the sandbox takes the channel groups and the request schemas
 * from it rather than repeating them in code.
 */
public final class SpecDocument {

    private static final JsonNode ROOT = read();

    private SpecDocument() {
    }

    /** The whole document as a JSON tree; do not modify it. */
    public static JsonNode root() {
        return ROOT;
    }

    /** The schema a local {@code $ref} ({@code #/components/schemas/Charge}) points at, or missing. */
    public static JsonNode resolve(String ref) {
        if (ref == null || !ref.startsWith("#/")) {
            return ROOT.path("__missing__");
        }
        return ROOT.at(ref.substring(1));
    }

    private static JsonNode read() {
        try (InputStream in = PingppSpec.open()) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec from the classpath", e);
        }
    }
}
