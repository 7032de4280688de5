package org.pingppopenapi.validator.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.pingppopenapi.validation.PingppRules;

/**
 * Turns a request model (a generated client or server model, with {@code @JsonProperty} wire names) into the JSON
 * tree the engine validates.
 *
 * <p>A field left null in Java is "not set", so nulls are left out unless the model insists on writing them
 * ({@code @JsonInclude(ALWAYS)}, which generated models put on required fields: the engine reports those as
 * missing). The Jackson modules on the class path (java.time, JsonNullable) are registered, as the generated
 * clients do.
 */
public final class ModelTrees {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private ModelTrees() {
    }

    /** The tree of the model, or throws IllegalArgumentException when Jackson cannot serialize it. */
    public static JsonNode toTree(Object model) {
        return MAPPER.valueToTree(model);
    }

    /** The {@code @PingppRules} of the model's class or of its nearest annotated superclass, or null. */
    public static PingppRules rulesOf(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            PingppRules rules = current.getAnnotation(PingppRules.class);
            if (rules != null) {
                return rules;
            }
        }
        return null;
    }
}
