package org.pingppopenapi.sandbox.http;

import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.ErrorPageGenerator;
import org.glassfish.grizzly.http.server.Request;

/**
 * The Ping++ error body for the errors Grizzly's HTTP server answers itself, after the codec and before the
 * application: never Grizzly's HTML page.
 */
public final class JsonErrorPages implements ErrorPageGenerator {

    @Override
    public String generate(Request request, int status, String reasonPhrase, String description, Throwable exception) {
        request.getResponse().setContentType(HttpErrors.CONTENT_TYPE);
        String message = status >= 500 ? "An error occurred on the Ping++ servers. Try again later."
                : "The HTTP request could not be read (" + status + (reasonPhrase == null ? "" : " " + reasonPhrase) + ").";
        return new String(HttpErrors.body(status, message), StandardCharsets.UTF_8);
    }
}
