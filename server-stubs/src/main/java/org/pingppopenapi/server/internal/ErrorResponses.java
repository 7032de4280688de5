package org.pingppopenapi.server.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.pingppopenapi.server.PingppErrorException;
import org.pingppopenapi.server.model.Error;
import org.pingppopenapi.server.model.ErrorDetail;

/** Builds the responses that carry the Ping++ error body, the spec's {@code Error} schema. */
public final class ErrorResponses {

    /** The only message a 5xx ever carries: the cause stays in the server's log. */
    public static final String SERVER_ERROR_MESSAGE = "An error occurred on the Ping++ servers. Try again later.";

    private ErrorResponses() {
    }

    public static Response of(PingppErrorException error) {
        return builder(error).build();
    }

    /** A builder, for responses that need more headers (such as {@code WWW-Authenticate} or {@code Allow}). */
    public static Response.ResponseBuilder builder(PingppErrorException error) {
        ErrorDetail detail = new ErrorDetail(error.type(), error.getMessage())
                .code(error.code())
                .param(error.param());
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(new Error(detail));
    }

    public static PingppErrorException invalidRequest(int status, String message) {
        return new PingppErrorException(status, ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR, message, null, null);
    }

    public static PingppErrorException serverError(int status) {
        return new PingppErrorException(status, ErrorDetail.TypeEnum.API_ERROR, SERVER_ERROR_MESSAGE, null, null);
    }
}
