package org.pingppopenapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.pingppopenapi.server.PingppJson;

/**
 * Lets the documents' curl commands work as written: they send the parameters form-encoded with bracket keys
 * ({@code -d app[id]=app_1 -d metadata[color]=red}), or send JSON with curl's default form content type
 * ({@code -d '{"user": ...}'} without {@code -H "Content-Type: application/json"}).
 *
 * <p>A body declared {@code application/x-www-form-urlencoded}, or declared as nothing at all, becomes the JSON the
 * SDKs would have sent: when it already is JSON (it starts with <code>{</code> or <code>[</code>) it is only
 * relabelled; otherwise it is read as a bracket-key form and typed by the operation's schema ({@link FormTypes}).
 * Runs after authentication, the body limit and the signature check (which must see the bytes as sent), before
 * routing.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 300)
public final class FormBodyFilter implements ContainerRequestFilter {

    private static final MediaType JSON_UTF8 = MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8");

    private final ObjectMapper mapper = PingppJson.newObjectMapper();
    private final RequestSchemas schemas = new RequestSchemas();

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        MediaType type = request.getMediaType();
        boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        if (!(form || type == null) || !WholeBodyFilter.declaresBody(request)) {
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        byte[] json = looksLikeJson(body) ? body : formToJson(request, new String(body, StandardCharsets.UTF_8));
        request.setEntityStream(new ByteArrayInputStream(json));
        request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, JSON_UTF8.toString());
        request.getHeaders().putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(json.length));
    }

    private byte[] formToJson(ContainerRequestContext request, String form) throws IOException {
        if (form.isBlank()) {
            return new byte[0];
        }
        JsonNode schema = schemas.bodySchema(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath())
                .orElse(null);
        return mapper.writeValueAsBytes(FormTypes.apply(BracketForm.parse(form), schema));
    }

    private static boolean looksLikeJson(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
                continue;
            }
            return b == '{' || b == '[';
        }
        return false;
    }
}
