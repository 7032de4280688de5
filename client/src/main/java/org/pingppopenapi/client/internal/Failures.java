package org.pingppopenapi.client.internal;

import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.EncodeException;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.client.ApiConnectionException;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.ErrorResponse;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppException;
import org.pingppopenapi.validator.Violation;

/** Turns whatever a Feign call threw into the client's exceptions, so callers only ever see {@link PingppException}s. */
final class Failures {

    private Failures() {
    }

    static RuntimeException translate(Throwable thrown) {
        if (thrown instanceof PingppException failure) {
            return failure;
        }
        if (thrown instanceof FeignException feign && feign.getCause() instanceof PingppException failure) {
            return failure;
        }
        if (thrown instanceof RetryableException retryable) {
            return new ApiConnectionException("No answer from Ping++: " + retryable.getMessage(), true, retryable.getCause());
        }
        if (thrown instanceof EncodeException encode) {
            return new InvalidRequestException(List.of(new Violation("$", "client.encodable",
                    "The request body cannot be written as JSON: " + rootMessage(encode))));
        }
        if (thrown instanceof DecodeException decode) {
            return new ApiException("The answer of Ping++ could not be read: " + rootMessage(decode),
                    new ErrorResponse(decode.status(), null, null, null, null, "", Map.of()), decode);
        }
        if (thrown instanceof FeignException feign) {
            return new ApiException("The call to Ping++ failed: " + feign.getMessage(),
                    new ErrorResponse(Math.max(feign.status(), 0), null, null, null, null, "", Map.of()), feign);
        }
        if (thrown instanceof RuntimeException runtime) {
            return runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return new ApiConnectionException("The call to Ping++ failed: " + thrown, true, thrown);
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
