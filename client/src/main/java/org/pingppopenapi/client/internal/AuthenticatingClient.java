package org.pingppopenapi.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds the headers every request carries: {@code Authorization} (the API key, Bearer or Basic), {@code User-Agent}
 * and the client's configured extra headers. Added here rather than by a Feign {@code RequestInterceptor} so that no
 * value goes through Feign's template expansion.
 *
 * <p>The {@code Authorization} value is held only in this object and never printed: {@link #toString()} names the
 * scheme.
 */
public final class AuthenticatingClient implements Client {

    private final Client next;
    private final String authorization;
    private final String scheme;
    private final Map<String, List<String>> fixedHeaders;

    public AuthenticatingClient(Client next, String authorization, String userAgent, Map<String, String> extraHeaders) {
        this.next = next;
        this.authorization = authorization;
        this.scheme = authorization.substring(0, authorization.indexOf(' '));
        Map<String, List<String>> fixed = new LinkedHashMap<>();
        fixed.put("User-Agent", List.of(userAgent));
        extraHeaders.forEach((name, value) -> fixed.put(name, List.of(value)));
        this.fixedHeaders = Map.copyOf(fixed);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        headers.putAll(fixedHeaders);
        headers.put("Authorization", List.of(authorization));
        return next.execute(Request.create(request.httpMethod(), request.url(), headers, request.body(),
                request.charset(), request.requestTemplate()), options);
    }

    @Override
    public String toString() {
        return "AuthenticatingClient[" + scheme + " <redacted>]";
    }
}
