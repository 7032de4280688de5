package org.pingppopenapi.server.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Answers a {@code Content-Type} or {@code Accept} that is no media type ({@code foo}, {@code /}, {@code ;}, empty,
 * two types) with the Ping++ error body: 415 and 406, naming the header. Left to Jersey, the first look at such a
 * header throws deep inside request processing, which would be answered as a server error (500), and a client retries
 * those. Runs right after authentication, before anything reads the headers.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 50)
public final class MediaTypeHeaders implements ContainerRequestFilter {

    private static final int SHOWN_CHARACTERS = 100;

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !isMediaType(contentType)) {
            request.abortWith(ErrorResponses.of(ErrorResponses.invalidRequest(415, "Content-Type " + shown(contentType)
                    + " is not a media type: send the request body as application/json.")));
            return;
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (RuntimeException unreadable) {
            request.abortWith(ErrorResponses.of(ErrorResponses.invalidRequest(406, "Accept " + shown(request.getHeaderString(
                    HttpHeaders.ACCEPT)) + " is not a list of media types: the API answers in application/json.")));
        }
    }

    private static boolean isMediaType(String value) {
        try {
            MediaType.valueOf(value);
            return !value.isBlank();
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    private static String shown(String value) {
        return value == null ? "(none)" : "'" + (value.length() > SHOWN_CHARACTERS ? value.substring(0, SHOWN_CHARACTERS) + "..." : value) + "'";
    }
}
