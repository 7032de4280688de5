package org.pingppopenapi.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.pingppopenapi.server.model.ErrorDetail;

/**
 * The JSON mapping of the generated models, as the Ping++ API writes and reads them.
 *
 * <ul>
 *   <li>Fields that are not set are left out, so a response carries exactly what it was given (the spec's
 *       optional fields are mostly not nullable; writing {@code null} for them would break the contract).
 *       The error body is the exception: it always has {@code code} and {@code param}, {@code null} when
 *       there is nothing to say, as in the spec's examples.</li>
 *   <li>Unknown request fields are ignored, since the spec allows them; values of the wrong type, such as
 *       {@code 1.5} for an integer amount, and values outside an enum are rejected.</li>
 * </ul>
 */
public final class PingppJson {

    private PingppJson() {
    }

    /** A new mapper configured as above; each call returns an independent instance. */
    public static ObjectMapper newObjectMapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        mapper.configOverride(ErrorDetail.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));
        return mapper;
    }
}
