package org.pingppopenapi.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A reverse proxy on a free port of 127.0.0.1 that passes every request on to a server unchanged and records each
 * exchange as it went over the wire: the request as the client sent it (method, request URI with its encoded query,
 * headers, body bytes) and the response as the server sent it. Point {@code PingppClient.builder().baseUrl(...)} at
 * {@link #baseUri()} to see exactly what the client sends and what it is answered, without any hook in the client.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request and the response to it, byte for byte. Header names compare ignoring case. */
    record Exchange(String method, URI uri, Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
            Map<String, List<String>> responseHeaders, byte[] responseBody) {

        String responseText() {
            return new String(responseBody, StandardCharsets.UTF_8);
        }

        String requestText() {
            return new String(requestBody, StandardCharsets.UTF_8);
        }

        /** The one value of a request header; fails when it is absent or repeated. */
        String requestHeader(String name) {
            List<String> values = requestHeaders.get(name);
            if (values == null || values.size() != 1) {
                throw new AssertionError("Expected one " + name + " request header, got " + values);
            }
            return values.get(0);
        }

        /** The one value of a response header; fails when it is absent or repeated. */
        String responseHeader(String name) {
            List<String> values = responseHeaders.get(name);
            if (values == null || values.size() != 1) {
                throw new AssertionError("Expected one " + name + " response header, got " + values);
            }
            return values.get(0);
        }
    }

    /** Hop-by-hop headers, and the ones java.net.http sets itself; everything else passes unchanged. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");

    private final HttpServer proxy;
    private final URI target;
    private final HttpClient forwarder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final URI baseUri;

    private RecordingProxy(URI target) throws IOException {
        this.target = target;
        this.proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", this::forward);
        proxy.start();
        this.baseUri = URI.create("http://127.0.0.1:" + proxy.getAddress().getPort());
    }

    /** A proxy in front of {@code target} ({@code http://host:port}, no path). */
    static RecordingProxy to(URI target) {
        try {
            return new RecordingProxy(target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    URI baseUri() {
        return baseUri;
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    int count() {
        return exchanges.size();
    }

    Exchange lastExchange() {
        synchronized (exchanges) {
            if (exchanges.isEmpty()) {
                throw new AssertionError("Nothing went through the proxy");
            }
            return exchanges.get(exchanges.size() - 1);
        }
    }

    private void forward(HttpExchange incoming) throws IOException {
        try {
            byte[] requestBody;
            try (InputStream in = incoming.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            URI requestUri = incoming.getRequestURI();
            String method = incoming.getRequestMethod();
            Map<String, List<String>> requestHeaders = caseInsensitive(incoming.getRequestHeaders());

            HttpRequest.Builder outgoing = HttpRequest.newBuilder(URI.create(target + requestUri.toString()))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, requestBody.length == 0 && !requestHeaders.containsKey("Content-Length")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(requestBody));
            requestHeaders.forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> outgoing.header(name, value));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = forwarder.send(outgoing.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] responseBody = answer.body();
            Map<String, List<String>> responseHeaders = caseInsensitive(answer.headers().map());
            exchanges.add(new Exchange(method, requestUri, requestHeaders, requestBody, answer.statusCode(),
                    responseHeaders, responseBody));

            responseHeaders.forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    incoming.getResponseHeaders().put(name, values);
                }
            });
            incoming.sendResponseHeaders(answer.statusCode(), responseBody.length == 0 ? -1 : responseBody.length);
            if (responseBody.length > 0) {
                try (OutputStream out = incoming.getResponseBody()) {
                    out.write(responseBody);
                }
            }
        } catch (IOException | RuntimeException e) {
            byte[] message = ("RecordingProxy could not pass the request on: " + e).getBytes(StandardCharsets.UTF_8);
            incoming.sendResponseHeaders(502, message.length);
            try (OutputStream out = incoming.getResponseBody()) {
                out.write(message);
            }
        } finally {
            incoming.close();
        }
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public void close() {
        proxy.stop(0);
    }
}
