package org.pingppopenapi.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.RequestTemplate;
import feign.codec.EncodeException;
import feign.codec.Encoder;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/** Writes request bodies as UTF-8 JSON with {@link Json#REQUEST_MAPPER}. */
public final class JsonEncoder implements Encoder {

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        try {
            template.body(Json.REQUEST_MAPPER.writerFor(Json.REQUEST_MAPPER.constructType(bodyType)).writeValueAsBytes(object),
                    StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new EncodeException(e.getOriginalMessage(), e);
        }
    }
}
