package org.pingppopenapi.client.build;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which Java class stands for each schema of the spec: the generated model of the same name in {@value #PACKAGE},
 * except
 * <ul>
 *   <li>the schemas whose behaviour the spec cannot express, written by hand: {@code Credential} (raw JSON handed to
 *       the channel SDKs) and {@code EventObject} (the {@code oneOf} of an event's object, typed by the spec's
 *       discriminator mapping, which this generator writes out);</li>
 *   <li>the schemas marked {@code x-pingpp-expandable: <Schema>} (an id, or that object once expanded), which this
 *       generator writes as {@code Expandable} subclasses;</li>
 *   <li>a schema named like a class of {@code java.lang} ({@code Error}), whose model gets the suffix
 *       {@value #CLASH_SUFFIX} so that it never shadows it.</li>
 * </ul>
 */
final class Models {

    static final String PACKAGE = "org.pingppopenapi.client.model";
    static final String CLASH_SUFFIX = "Body";

    /** Schemas with hand-written behaviour, and their classes. */
    private static final Map<String, String> HAND_WRITTEN = Map.of(
            "Credential", "org.pingppopenapi.client.Credential",
            "EventObject", "org.pingppopenapi.client.EventObject");

    private final Map<String, String> expandables = new TreeMap<>();
    private final Map<String, String> renamed = new TreeMap<>();

    Models(ApiDescription api) {
        api.schemas().forEach((name, schema) -> {
            JsonNode expandable = schema.get("x-pingpp-expandable");
            if (expandable != null) {
                expandables.put(name, expandable.asText());
            }
            if (!HAND_WRITTEN.containsKey(name) && clashesWithJavaLang(name)) {
                renamed.put(name, name + CLASH_SUFFIX);
            }
        });
    }

    /** The fully qualified class of a schema. */
    String className(String schema) {
        String handWritten = HAND_WRITTEN.get(schema);
        if (handWritten != null) {
            return handWritten;
        }
        return PACKAGE + "." + renamed.getOrDefault(schema, schema);
    }

    /** The expandable schemas and the schema each expands into. */
    Map<String, String> expandables() {
        return expandables;
    }

    /** What OpenAPI Generator must not generate: the schemas with a class of their own, and that class. */
    Map<String, String> schemaMappings() {
        Map<String, String> mappings = new LinkedHashMap<>(HAND_WRITTEN);
        expandables.keySet().forEach(name -> mappings.put(name, className(name)));
        return mappings;
    }

    /** The models OpenAPI Generator names differently from their schema. */
    Map<String, String> modelNameMappings() {
        return renamed;
    }

    private static boolean clashesWithJavaLang(String name) {
        try {
            Class.forName("java.lang." + name, false, Models.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
