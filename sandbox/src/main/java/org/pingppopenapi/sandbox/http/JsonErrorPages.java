package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;
import org.pingppopenapi.server.PingppJson;
import org.pingppopenapi.server.model.Error;
import org.pingppopenapi.server.model.ErrorDetail;

/**
 * The Ping++ error body for the errors the HTTP server answers itself, before a request reaches the application
 * (a request line or headers it cannot parse): never Grizzly's HTML page.
 */
public final class JsonErrorPages implements ErrorPageGenerator {

    private static final ObjectMapper JSON = PingppJson.newObjectMapper();

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType("application/json; charset=utf-8");
        ErrorDetail.TypeEnum type = status >= 500 ? ErrorDetail.TypeEnum.API_ERROR : ErrorDetail.TypeEnum.INVALID_REQUEST_ERROR;
        String message = status >= 500 ? "An error occurred on the Ping++ servers. Try again later."
                : "The HTTP request could not be read (" + status + (reasonPhrase == null ? "" : " " + reasonPhrase) + ").";
        try {
            return JSON.writeValueAsString(new Error(new ErrorDetail(type, message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error body is always writable", e);
        }
    }
}
