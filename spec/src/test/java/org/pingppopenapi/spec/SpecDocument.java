package org.pingppopenapi.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI document under test, in the two shapes the checks need.
 *
 * <ul>
 *   <li>{@link #tree()}: the YAML as a plain JSON tree, exactly as written. Used wherever the question is about the
 *       text itself: where the {@code $ref}s are, what the examples' values are, what the OpenAPI JSON Schema sees.</li>
 *   <li>{@link #model()}: swagger-parser's typed model, read with {@code resolve=false}. The resolver replaces
 *       referenced parameters by copies, which would hide the {@code $ref}s the house rules look at; without it
 *       the model mirrors the document one to one, so the JSON Pointers computed while walking it are valid in
 *       {@link #tree()} too.</li>
 * </ul>
 */
final class SpecDocument {

    /** Duplicate keys are legal-looking YAML that silently drops one of the two definitions: refuse them. */
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static SpecDocument shipped;

    private final String name;
    private final URL location;
    private final String yaml;
    private final JsonNode tree;
    private final OpenAPI model;

    private SpecDocument(String name, URL location, String yaml) {
        this.name = name;
        this.location = location;
        this.yaml = yaml;
        try {
            this.tree = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + " is not well-formed YAML: " + e.getOriginalMessage(), e);
        }
        SwaggerParseResult asWritten = parse(yaml, false);
        if (asWritten.getOpenAPI() == null) {
            throw new IllegalArgumentException(name + " is not an OpenAPI document: " + asWritten.getMessages());
        }
        this.model = asWritten.getOpenAPI();
    }

    /**
     * The spec this module ships, read from the classpath exactly as the jar carries it; read once per test JVM.
     * A document that cannot be read is not cached, so every test reports the same readable reason.
     */
    static synchronized SpecDocument shipped() {
        if (shipped == null) {
            shipped = read(PingppSpec.RESOURCE_NAME, PingppSpec.resource());
        }
        return shipped;
    }

    /** A small spec under {@code src/test/resources/fixtures}, for proving that a check catches what it should. */
    static SpecDocument fixture(String fileName) {
        String resource = "fixtures/" + fileName;
        URL url = SpecDocument.class.getClassLoader().getResource(resource);
        return read(resource, Objects.requireNonNull(url, () -> "No test resource " + resource));
    }

    private static SpecDocument read(String name, URL location) {
        try (InputStream in = location.openStream()) {
            return new SpecDocument(name, location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }

    private static SwaggerParseResult parse(String yaml, boolean resolve) {
        ParseOptions options = new ParseOptions();
        options.setResolve(resolve);
        return new OpenAPIV3Parser().readContents(yaml, null, options);
    }

    /** Where the document came from, for messages. */
    String name() {
        return name;
    }

    /** The document as a file, for tools that read files (Prism); the classpath copy when it is the shipped spec. */
    Path file() {
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | FileSystemNotFoundException e) {
            throw new IllegalStateException(name + " is not a plain file on the classpath: " + location, e);
        }
    }

    JsonNode tree() {
        return tree;
    }

    OpenAPI model() {
        return model;
    }

    /** The errors and warnings swagger-parser reports when it reads the document with {@code $ref} resolution on. */
    List<String> resolvingParserMessages() {
        List<String> messages = parse(yaml, true).getMessages();
        return messages == null ? List.of() : messages;
    }

    @Override
    public String toString() {
        return name;
    }
}
