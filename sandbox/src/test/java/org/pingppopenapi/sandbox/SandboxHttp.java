package org.pingppopenapi.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.pingppopenapi.signing.RequestSigning;

/** Requests written by hand with the JDK's HTTP client: the sandbox-only endpoints, curl's encodings, bad input. */
final class SandboxHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;
    private final String apiKey;

    SandboxHttp(URI baseUri, String apiKey) {
        this.baseUri = baseUri;
        this.apiKey = apiKey;
    }

    /** {@code Authorization: Basic base64(key:)}, as {@code curl -u key:} sends it. */
    static String basic(String apiKey) {
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    Answer get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    Answer post(String pathAndQuery) {
        return send(request(pathAndQuery).POST(HttpRequest.BodyPublishers.noBody()));
    }

    Answer postJson(String pathAndQuery, String json) {
        return send(request(pathAndQuery).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** A body as curl's {@code -d} sends it: {@code application/x-www-form-urlencoded}, whatever it contains. */
    Answer postForm(String pathAndQuery, String body) {
        return send(request(pathAndQuery).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A POST as a signing client sends it: the body, its type and the request signature's two headers. */
    Answer postSigned(String path, String contentType, String body, String timestamp, String signature) {
        return send(request(path).header("Content-Type", contentType)
                .header(RequestSigning.TIMESTAMP_HEADER, timestamp)
                .header(RequestSigning.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The charge paid by its customer, through the sandbox-only endpoint. */
    JsonNode pay(String chargeId) {
        return ok(post("/sandbox/charges/" + chargeId + "/pay"));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUri + pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(apiKey));
    }

    static Answer send(HttpRequest.Builder request) {
        try {
            return new Answer(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode ok(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("Expected 200, got " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    /** A response, its body as JSON, and its {@code error} object when it is the Ping++ error body. */
    record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status() + "): " + response.body(), e);
            }
        }

        JsonNode error() {
            return json().path("error");
        }

        String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }
    }
}
