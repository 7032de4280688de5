package org.pingppopenapi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import org.pingppopenapi.signing.RequestSigning;

/** Requests built byte by byte with the JDK's HTTP client, for what a generated client would never send. */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;

    RawHttp(URI baseUri) {
        this.baseUri = baseUri;
    }

    static String bearer(String apiKey) {
        return "Bearer " + apiKey;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A request to {@code pathAndQuery} with a body (null for none) and header name/value pairs. */
    HttpRequest.Builder request(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    /** Adds the signature headers over {@code body + pathAndQuery + timestamp}, signed with {@code key}. */
    static HttpRequest.Builder signed(HttpRequest.Builder request, PrivateKey key, String signedBody, String pathAndQuery,
            long timestamp) {
        String time = Long.toString(timestamp);
        byte[] body = signedBody == null ? null : signedBody.getBytes(StandardCharsets.UTF_8);
        return request.header(RequestSigning.TIMESTAMP_HEADER, time)
                .header(RequestSigning.SIGNATURE_HEADER, RequestSigning.sign(key, body, pathAndQuery, time));
    }

    static Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response);
    }

    /** A response and, when it is the Ping++ error body, its {@code error} object. */
    record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode error() throws IOException {
            return JSON.readTree(response.body()).get("error");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }
}
