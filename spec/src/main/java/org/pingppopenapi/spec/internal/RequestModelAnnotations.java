package org.pingppopenapi.spec.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.pingppopenapi.spec.RequestKinds;

/**
 * Marks the schema of every request kind ({@link RequestKinds}) as a request model: OpenAPI Generator writes the
 * schema's {@code x-class-extra-annotation} on the model class, here {@code @PingppRules("<Schema>")}, the Bean
 * Validation constraint that runs the channel rules of that schema. A request body added to the spec is thereby
 * validated by the client and the server stubs with no annotation written by hand.
 */
public final class RequestModelAnnotations {

    /** The extension OpenAPI Generator copies onto the model class. */
    public static final String EXTENSION = "x-class-extra-annotation";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private RequestModelAnnotations() {
    }

    /** The annotation of the model of request schema {@code schema}. */
    public static String annotation(String schema) {
        return "@org.pingppopenapi.validation.PingppRules(\"" + schema + "\")";
    }

    /**
     * The spec with {@link #annotation} on every request schema.
     *
     * @throws IllegalArgumentException when a request schema already has an {@code x-class-extra-annotation} (the
     *                                  spec no longer carries it by hand), or the kinds cannot be derived
     */
    public static String annotate(String specYaml) {
        try {
            ObjectNode spec = (ObjectNode) YAML.readTree(specYaml);
            ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
            for (RequestKinds.Kind kind : RequestKinds.of(spec)) {
                ObjectNode schema = (ObjectNode) schemas.get(kind.schema());
                if (schema.has(EXTENSION)) {
                    throw new IllegalArgumentException("Request schema " + kind.schema() + " has " + EXTENSION + " "
                            + schema.get(EXTENSION) + "; the generator input adds " + annotation(kind.schema())
                            + " to every request schema, so leave it out of the spec");
                }
                schema.put(EXTENSION, annotation(kind.schema()));
            }
            return YAML.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The spec is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }
}
