package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input never gets a 5xx, and always gets the Ping++ error body: malformed JSON, values of the wrong type,
 * bodies over the size limit (413), unknown routes, wrong methods, missing keys, and 10,000 generated bad
 * requests across every operation (seeded; the seed is printed, and {@code -Dsandbox.fuzz.seed=N} replays it).
 */
class RobustnessTest {

    private static final int GENERATED_REQUESTS = 10_000;
    /** How the server stubs answer a path no route matches. */
    static final String UNROUTED = "Unrecognized request URL";

    private static Sandbox sandbox;
    private static String key;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        key = Fixtures.newKey();
        http = new SandboxHttp(sandbox.baseUri(), key);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** The spec's query enums, which the generated interfaces take as plain values, are enforced (by the stubs). */
    @Test
    void queryValuesOutsideTheSpecsEnumsNameTheirParameter() {
        Map<String, String> rejected = Map.of(
                "/v1/orders?app=" + Fixtures.APP + "&type=bogus", "type",
                "/v1/orders?app=" + Fixtures.APP + "&canceled=2", "canceled",
                "/v1/orders/2001708140000017551/order_refunds?status=done", "status",
                "/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4?expand%5B%5D=user", "expand[]");
        rejected.forEach((request, param) -> {
            SandboxHttp.Answer answer = http.get(request);
            assertThat(answer.status()).as(request).isEqualTo(400);
            assertPingppError(answer);
            assertThat(answer.error().path("param").asText()).as(request).isEqualTo(param);
        });
        assertThat(http.get("/v1/orders?app=" + Fixtures.APP + "&type=purchase&canceled=0").status()).isEqualTo(200);
    }

    /** Past Grizzly's default limit of 8 KiB for the request head, which it answers with a bare 400 of its own. */
    @Test
    void idsOfThousandsOfCharactersGetTheErrorBody() {
        SandboxHttp.Answer answer = http.get("/v1/apps/" + "x".repeat(20_000) + "/sub_apps/" + "y".repeat(20_000));
        assertThat(answer.status()).as(answer.body()).isBetween(400, 404);
        assertPingppError(answer);
    }

    @Test
    void malformedJsonIsA400() {
        for (String body : List.of("{bad", "{\"amount\": }", "[1,2", "\"just a string\"", "null", "{\"a\":\"\\ud800\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"amount\": 1e400}", "{\"amount\": 99999999999999999999999}")) {
            SandboxHttp.Answer answer = http.postJson("/v1/charges", body);
            assertThat(answer.status()).as(body.length() > 60 ? body.substring(0, 60) : body).isEqualTo(400);
            assertPingppError(answer);
        }
    }

    @Test
    void valuesOfTheWrongTypeNameTheirField() {
        String valid = "{\"order_no\":\"123456789\",\"app\":{\"id\":\"app_1Gqj58ynP0mHeX1q\"},\"channel\":\"upacp\","
                + "\"amount\":100,\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\",\"subject\":\"s\",\"body\":\"b\"}";
        assertWrongType(valid.replace("\"amount\":100", "\"amount\":\"abc\""), "amount");
        assertWrongType(valid.replace("\"amount\":100", "\"amount\":1.5"), "amount");
        assertWrongType(valid.replace("{\"id\":\"app_1Gqj58ynP0mHeX1q\"}", "\"app_1Gqj58ynP0mHeX1q\""), "app");
        assertWrongType(valid.replace("\"channel\":\"upacp\"", "\"channel\":[\"upacp\"]"), "channel");
        assertWrongType(valid.replace("\"amount\":100", "\"amount\":0"), "amount");
        assertWrongType(valid.replace("\"client_ip\":\"127.0.0.1\"", "\"client_ip\":\"::1\""), "client_ip");
        assertWrongType(valid + " trailing", null);
    }

    @Test
    void bodiesOverTheLimitAre413WithOrWithoutContentLength() {
        String huge = "{\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        SandboxHttp.Answer declared = http.postJson("/v1/charges", huge);
        SandboxHttp.Answer streamed = SandboxHttp.send(http.request("/v1/charges").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        huge.getBytes(StandardCharsets.UTF_8)))));
        SandboxHttp.Answer form = http.postForm("/v1/charges", "description=" + "x".repeat(2 * 1024 * 1024));

        for (SandboxHttp.Answer answer : List.of(declared, streamed, form)) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(413);
            assertPingppError(answer);
        }
    }

    @Test
    void unknownRoutesAndMethodsGetTheErrorBody() {
        assertThat(http.get("/v1/nothing").status()).isEqualTo(404);
        assertThat(http.get("/").status()).isEqualTo(404);
        assertThat(http.post("/sandbox/charges/ch_none/pay").status()).isEqualTo(404);
        assertThat(http.post("/sandbox/nothing").status()).isEqualTo(404);
        SandboxHttp.Answer wrongMethod = SandboxHttp.send(http.request("/v1/charges").DELETE());
        assertThat(wrongMethod.status()).isEqualTo(405);
        for (SandboxHttp.Answer answer : List.of(http.get("/v1/nothing"), wrongMethod, http.get("/v1/charges/%E4%B8%AD"))) {
            assertPingppError(answer);
        }
        SandboxHttp.Answer textPlain = SandboxHttp.send(http.request("/v1/charges").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("amount=1")));
        assertThat(textPlain.status()).isEqualTo(415);
        assertPingppError(textPlain);
    }

    @Test
    void theJdkClientsDefaultUpgradeToHttp2IsAnsweredInHttp11() throws Exception {
        HttpClient jdkDefault = HttpClient.newHttpClient();
        String charge = "{\"order_no\":\"" + Fixtures.orderNo() + "\",\"amount\":1,\"app\":{\"id\":\"app_1Gqj58ynP0mHeX1q\"},"
                + "\"channel\":\"upacp\",\"currency\":\"cny\",\"client_ip\":\"127.0.0.1\",\"subject\":\"s\",\"body\":\"b\"}";

        HttpResponse<String> created = jdkDefault.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/v1/charges"))
                .header("Authorization", SandboxHttp.basic(key)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(charge)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> listed = jdkDefault.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/v1/events"))
                .header("Authorization", SandboxHttp.basic(key)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    }

    @Test
    void requestsWithoutAValidKeyAre401() {
        SandboxHttp.Answer none = SandboxHttp.send(HttpRequest.newBuilder(sandbox.baseUri().resolve("/v1/events")));
        SandboxHttp.Answer live = new SandboxHttp(sandbox.baseUri(), "sk_live_ibbTe5jLGCi5rzfH4OqPW9KC").get("/v1/events");
        SandboxHttp.Answer malformed = new SandboxHttp(sandbox.baseUri(), "sk_test_has space").get("/v1/events");

        for (SandboxHttp.Answer answer : List.of(none, live, malformed)) {
            assertThat(answer.status()).isEqualTo(401);
            assertPingppError(answer);
        }
        assertThat(live.error().get("message").asText()).contains("test API keys");
    }

    @Test
    void tenThousandGeneratedBadRequestsNeverGetA5xx() throws Exception {
        long seed = Long.getLong("sandbox.fuzz.seed", System.nanoTime());
        System.out.println("RobustnessTest seed: " + seed + " (replay with -Dsandbox.fuzz.seed=" + seed + ")");
        BadRequests generator = new BadRequests(seed, sandbox.baseUri(), key);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> failures = new ArrayList<>();
        for (int i = 0; i < GENERATED_REQUESTS; i++) {
            int index = i;
            failures.add(pool.submit(() -> check(generator.request(index))));
        }
        List<String> problems = new ArrayList<>();
        for (Future<String> failure : failures) {
            String problem = failure.get();
            if (problem != null && problems.size() < 20) {
                problems.add(problem);
            }
        }
        pool.shutdown();
        System.out.println("RobustnessTest statuses: " + generator.statuses());

        assertThat(problems).as("seed %d", seed).isEmpty();
        assertThat(generator.statuses()).as("the generated requests reach the validation, not only the router")
                .containsKeys(400, 404);
    }

    /**
     * Null when the answer is fine; otherwise what was wrong with it, with the request that caused it. A path of an
     * operation of the spec is always routed: never a 404 for an unknown route, never a 405.
     */
    private static String check(BadRequests.Sent sent) {
        SandboxHttp.Answer answer = sent.answer();
        if (answer.status() >= 500) {
            return sent.description() + " -> " + answer.status() + " " + answer.body();
        }
        if (sent.routable() && (answer.status() == 405 || answer.status() == 404 && isPingppError(answer)
                && answer.error().path("message").asText().startsWith(UNROUTED))) {
            return sent.description() + " -> " + answer.status() + " for an operation of the spec: " + answer.body();
        }
        if (answer.status() >= 300 && !isPingppError(answer)) {
            return sent.description() + " -> " + answer.status() + " without the error body: " + answer.body();
        }
        return null;
    }

    private static void assertWrongType(String body, String param) {
        SandboxHttp.Answer answer = http.postJson("/v1/charges", body);
        assertThat(answer.status()).as(body).isEqualTo(400);
        assertPingppError(answer);
        if (param != null) {
            assertThat(answer.error().get("param").asText()).as(body).isEqualTo(param);
        }
    }

    static void assertPingppError(SandboxHttp.Answer answer) {
        assertThat(isPingppError(answer)).as("%d %s: %s", answer.status(), answer.contentType(), answer.body()).isTrue();
    }

    static boolean isPingppError(SandboxHttp.Answer answer) {
        if (!answer.contentType().startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode error = answer.json().get("error");
            return error != null && error.path("type").isTextual() && error.path("message").isTextual()
                    && error.has("code") && error.has("param");
        } catch (AssertionError notJson) {
            return false;
        }
    }
}
