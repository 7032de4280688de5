package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * Every 2xx answer of the sandbox carries {@code X-Pingplusplus-Signature} over its raw body, verifiable with the
 * public key {@code GET /sandbox/webhook-public-key} serves, as pingpp-java 2.5+ verifies Ping++'s answers: for every
 * operation of the spec ({@link SpecConformanceTest} verifies every 2xx it gets), and for the sandbox-only endpoints
 * (here). Error answers are not signed.
 */
class ResponseSignaturesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Sandbox sandbox;
    private static String key;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        key = Fixtures.newKey();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /**
     * The sandbox's own endpoints sign their 2xx answers too, and so do the objects only other operations make (an
     * event, an order's charge), which {@link SpecConformanceTest} cannot reach from a new account. That every other
     * operation of the spec signs is checked on every answer of {@link SpecConformanceTest}.
     */
    @Test
    void theSandboxOnlyEndpointsAndTheObjectsOtherOperationsMakeAreSigned() {
        PublicKeyHolder keys = new PublicKeyHolder(send("GET", "/sandbox/webhook-public-key", null));
        String paid = id(call("POST", "/v1/charges", chargeJson("upacp", 300)));
        String failed = id(call("POST", "/v1/charges", chargeJson("alipay", 10)));
        String order = id(call("POST", "/v1/orders", "{\"app\":\"" + Fixtures.APP + "\",\"uid\":\"user_1\",\"merchant_order_no\":\"88888888"
                + Fixtures.orderNo() + "\",\"amount\":100,\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\","
                + "\"subject\":\"s\",\"body\":\"b\"}"));
        String orderCharge = call("POST", "/v1/orders/" + order + "/pay", "{\"charge_amount\":100,\"channel\":\"alipay\"}")
                .path("charge").asText();

        List<HttpResponse<byte[]>> answers = new java.util.ArrayList<>(List.of(send("POST", "/sandbox/charges/" + paid + "/pay", null),
                send("POST", "/sandbox/charges/" + failed + "/fail", null),
                send("GET", "/v1/orders/" + order + "/charges/" + orderCharge, null)));
        String event = call("GET", "/v1/events?limit=1", null).at("/data/0/id").asText();
        answers.add(send("GET", "/v1/events/" + event, null));
        answers.add(send("POST", "/sandbox/reset", null));
        for (HttpResponse<byte[]> answer : answers) {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isBetween(200, 299);
            assertThat(keys.verifies(answer)).as("the signature of %s", answer.uri().getPath()).isTrue();
        }
    }

    /** The sandbox's public key, as it serves it. */
    private record PublicKeyHolder(java.security.PublicKey key) {
        PublicKeyHolder(HttpResponse<byte[]> pem) {
            this(PemKeys.publicKey(new String(pem.body(), StandardCharsets.US_ASCII)));
        }

        boolean verifies(HttpResponse<byte[]> answer) {
            return answer.headers().firstValue(WebhookSignature.HEADER)
                    .map(signature -> WebhookSignature.verify(key, answer.body(), signature)).orElse(false);
        }
    }

    @Test
    void errorAnswersAreNotSigned() {
        HttpResponse<byte[]> notFound = send("GET", "/v1/charges/ch_000000000000000000000000", null);

        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue(WebhookSignature.HEADER)).isEmpty();
    }

    @Test
    void signaturesCanBeTurnedOffForALoadTestOfTheSandboxItself() {
        try (Sandbox unsigned = Sandbox.builder().signResponses(false).start()) {
            HttpResponse<byte[]> events = send(unsigned.baseUri(), "GET", "/v1/events", null);

            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(events.headers().firstValue(WebhookSignature.HEADER)).isEmpty();
        }
    }

    /** Sends, records the exchange, and reads the answer as JSON. */
    private JsonNode call(String method, String path, String json) {
        HttpResponse<byte[]> response = send(method, path, json);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    private static HttpResponse<byte[]> send(String method, String path, String json) {
        return send(sandbox.baseUri(), method, path, json);
    }

    private static HttpResponse<byte[]> send(URI base, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", SandboxHttp.basic(key))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String id(JsonNode object) {
        return object.path("id").asText();
    }

    private static String chargeJson(String channel, long amount) {
        return "{\"order_no\":\"" + Fixtures.orderNo() + "\",\"app\":{\"id\":\"" + Fixtures.APP + "\"},\"channel\":\""
                + channel + "\",\"amount\":" + amount + ",\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\","
                + "\"subject\":\"Your Subject\",\"body\":\"Your Body\"}";
    }
}
