package org.pingppopenapi.client.internal;

import com.fasterxml.jackson.databind.JavaType;
import feign.Response;
import feign.Types;
import feign.codec.Decoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.ErrorResponse;
import org.pingppopenapi.client.model.ApiResponse;

/**
 * Reads 2xx bodies with {@link Json#MAPPER}, also for the generated {@code ...WithHttpInfo} methods, which return
 * the model wrapped in an {@link ApiResponse} with the status and headers. A body that is empty or cannot be read
 * as the expected model is an {@link ApiException} that keeps the body.
 */
public final class JsonDecoder implements Decoder {

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type instanceof ParameterizedType parameterized && Types.getRawType(type) == ApiResponse.class) {
            Object data = read(response, parameterized.getActualTypeArguments()[0]);
            return new ApiResponse<>(response.status(), response.headers(), data);
        }
        return read(response, type);
    }

    private static Object read(Response response, Type type) throws IOException {
        byte[] body;
        if (response.body() == null) {
            body = new byte[0];
        } else {
            try (InputStream in = response.body().asInputStream()) {
                body = in.readAllBytes();
            }
        }
        JavaType javaType = Json.MAPPER.constructType(type);
        if (body.length == 0) {
            throw unreadable(response, body, javaType, "the body is empty");
        }
        try {
            return Json.MAPPER.readValue(body, javaType);
        } catch (IOException e) {
            throw unreadable(response, body, javaType, e.getMessage());
        }
    }

    private static ApiException unreadable(Response response, byte[] body, JavaType type, String why) {
        return new ApiException("HTTP " + response.status() + ": the answer is not a readable "
                + type.getRawClass().getSimpleName() + ": " + why,
                new ErrorResponse(response.status(), null, null, null, null, new String(body, StandardCharsets.UTF_8),
                        ErrorResponses.headersOf(response)),
                null);
    }
}
