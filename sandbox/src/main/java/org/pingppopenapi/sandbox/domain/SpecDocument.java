package org.pingppopenapi.sandbox.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pingppopenapi.spec.PingppSpec;

/**
 * The spec the sandbox was built with, read once: the sandbox takes its operations, object shapes, channel groups,
 * event types and request schemas from it rather than repeating them in code.
 */
public final class SpecDocument {

    private static final JsonNode ROOT = read();
    private static final String SCHEMAS = "#/components/schemas/";
    private static final Map<String, Set<String>> CHANNEL_GROUPS = new ConcurrentHashMap<>();

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

    /** The node itself, or what its {@code $ref} (and theirs, in turn) points at. */
    public static JsonNode resolved(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 16; hops++) {
            current = resolve(current.get("$ref").asText());
        }
        return current == null ? ROOT.path("__missing__") : current;
    }

    /** The schema named {@code name} in {@code components.schemas}, or missing. */
    public static JsonNode schema(String name) {
        return ROOT.path("components").path("schemas").path(name);
    }

    /** The name of the schema a {@code $ref} names, or null when it is not a schema reference. */
    public static String schemaName(JsonNode node) {
        String ref = node == null ? null : node.path("$ref").asText(null);
        return ref != null && ref.startsWith(SCHEMAS) ? ref.substring(SCHEMAS.length()) : null;
    }

    /** What objects of a schema call themselves: the first value of its {@code object} enum, or its name in lower case. */
    public static String objectName(JsonNode schema, String schemaName) {
        JsonNode values = resolved(schema).path("properties").path("object").path("enum");
        return values.isArray() && !values.isEmpty() ? values.get(0).asText()
                : schemaName == null ? "object" : schemaName.toLowerCase(Locale.ROOT);
    }

    /** The channels of a group of {@code components.x-pingpp-channel-groups}. */
    public static Set<String> channelGroup(String group) {
        return CHANNEL_GROUPS.computeIfAbsent(group, SpecDocument::readChannelGroup);
    }

    private static Set<String> readChannelGroup(String group) {
        JsonNode members = ROOT.path("components").path("x-pingpp-channel-groups").path(group);
        if (!members.isArray() || members.isEmpty()) {
            throw new IllegalStateException("The spec has no channel group " + group);
        }
        Set<String> channels = new LinkedHashSet<>();
        members.forEach(channel -> channels.add(channel.asText()));
        return Set.copyOf(channels);
    }

    /** The event types of the spec: the known values of {@code Event.type}. */
    public static Set<String> eventTypes() {
        Set<String> types = new LinkedHashSet<>();
        schema("Event").path("properties").path("type").path("x-pingpp-known-values").forEach(type -> types.add(type.asText()));
        return Set.copyOf(types);
    }

    private static JsonNode read() {
        try (InputStream in = PingppSpec.open()) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the spec from the classpath", e);
        }
    }
}
