package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;
import org.pingppopenapi.spec.PingppSpec;

/**
 * Every 2xx answer of the sandbox carries {@code X-Pingplusplus-Signature} over its raw body, verifiable with the
 * public key {@code GET /sandbox/webhook-public-key} serves, as pingpp-java 2.5+ verifies Ping++'s answers: for every
 * operation of the spec (the operations are read from the spec, so one added later must be exercised here too), in
 * real flows, and for the sandbox-only endpoints. Error answers are not signed.
 */
class ResponseSignaturesTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Sandbox sandbox;
    private static String key;
    private final List<Exchange> exchanges = new ArrayList<>();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
        key = Fixtures.newKey();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void everyOperationOfTheSpecAnswersWithAVerifiableSignature() {
        runEveryOperation();
        String publicKeyPem = record("GET", "/sandbox/webhook-public-key", null).text();

        List<String> unsigned = new ArrayList<>();
        for (Exchange exchange : exchanges) {
            assertThat(exchange.status()).as("%s %s: %s", exchange.method(), exchange.path(), exchange.text())
                    .isBetween(200, 299);
            if (exchange.signature() == null || !WebhookSignature.verify(PemKeys.publicKey(publicKeyPem), exchange.body(),
                    exchange.signature())) {
                unsigned.add(exchange.method() + " " + exchange.path() + " -> " + exchange.signature());
            }
        }
        assertThat(unsigned).as("2xx answers without a signature that verifies").isEmpty();
        assertThat(operationsExercised()).as("the operations of the spec answered and verified")
                .isEqualTo(new TreeSet<>(operationsOfTheSpec().stream().map(Operation::operationId).toList()));
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

    /** Every operation of the spec once at least, and the sandbox-only endpoints, in the order a merchant meets them. */
    private void runEveryOperation() {
        String app = Fixtures.APP;
        String charge = id(call("POST", "/v1/charges", chargeJson("upacp", 300)));
        call("GET", "/v1/charges?app%5Bid%5D=" + app + "&limit=3", null);
        call("GET", "/v1/charges/" + charge + "?expand%5B%5D=app", null);
        call("POST", "/sandbox/charges/" + charge + "/pay", null);
        String refund = id(call("POST", "/v1/charges/" + charge + "/refunds", "{\"amount\":100,\"description\":\"part\"}"));
        call("GET", "/v1/charges/" + charge + "/refunds?limit=2", null);
        call("GET", "/v1/charges/" + charge + "/refunds/" + refund, null);
        String failed = id(call("POST", "/v1/charges", chargeJson("alipay", 10)));
        call("POST", "/sandbox/charges/" + failed + "/fail", null);

        String order = id(call("POST", "/v1/orders", "{\"app\":\"" + app + "\",\"uid\":\"user_1\",\"merchant_order_no\":\"88888888"
                + Fixtures.orderNo() + "\",\"amount\":100,\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\","
                + "\"subject\":\"s\",\"body\":\"b\"}"));
        call("GET", "/v1/orders?app=" + app + "&per_page=2", null);
        String orderCharge = call("POST", "/v1/orders/" + order + "/pay",
                "{\"charge_amount\":100,\"channel\":\"alipay\"}").path("charge").asText();
        call("GET", "/v1/orders/" + order + "/charges", null);
        call("GET", "/v1/orders/" + order + "/charges/" + orderCharge, null);
        call("POST", "/sandbox/charges/" + orderCharge + "/pay", null);
        call("GET", "/v1/orders/" + order, null);
        String orderRefund = call("POST", "/v1/orders/" + order + "/order_refunds", "{\"description\":\"refund\"}")
                .at("/data/0/id").asText();
        call("GET", "/v1/orders/" + order + "/order_refunds", null);
        call("GET", "/v1/orders/" + order + "/order_refunds/" + orderRefund, null);
        String toCancel = id(call("POST", "/v1/orders", "{\"app\":\"" + app + "\",\"uid\":\"user_1\",\"merchant_order_no\":\"88888888"
                + Fixtures.orderNo() + "\",\"amount\":5,\"client_ip\":\"127.0.0.1\",\"currency\":\"cny\","
                + "\"subject\":\"s\",\"body\":\"b\"}"));
        call("PUT", "/v1/orders/" + toCancel, "{\"status\":\"canceled\"}");

        String recharge = id(call("POST", "/v1/apps/" + app + "/recharges", "{\"user\":\"0\",\"charge\":{\"amount\":200,"
                + "\"channel\":\"custom\",\"order_no\":\"" + Fixtures.orderNo() + "\",\"subject\":\"top-up\",\"body\":\"top-up\"}}"));
        call("GET", "/v1/apps/" + app + "/recharges?user=0", null);
        call("GET", "/v1/apps/" + app + "/recharges/" + recharge, null);

        String subApp = id(call("POST", "/v1/apps/" + app + "/sub_apps", "{\"display_name\":\"shop\",\"user\":\"owner_1\"}"));
        call("GET", "/v1/apps/" + app + "/sub_apps?per_page=2", null);
        call("GET", "/v1/apps/" + app + "/sub_apps/" + subApp, null);
        call("PUT", "/v1/apps/" + app + "/sub_apps/" + subApp, "{\"display_name\":\"shop 2\"}");
        String channels = "/v1/apps/" + app + "/sub_apps/" + subApp + "/channels";
        call("POST", channels, "{\"channel\":\"isv_wap\",\"params\":{\"fee_rate\":16,\"mer_id\":\"288880088880008\","
                + "\"inst_id\":\"98888888\",\"key\":\"eae4c4426b73e26e48dacf0fd6e9a9e1\",\"support_refund\":true}}");
        call("GET", channels + "/isv_wap", null);
        call("PUT", channels + "/isv_wap", "{\"banned\":true,\"banned_msg\":\"Suspended.\"}");
        call("DELETE", channels + "/isv_wap", null);
        call("DELETE", "/v1/apps/" + app + "/sub_apps/" + subApp, null);

        String event = call("GET", "/v1/events?limit=3", null).at("/data/0/id").asText();
        call("GET", "/v1/events/" + event, null);
        assertThat(record("POST", "/sandbox/reset", null).status()).as("no content, signed all the same").isEqualTo(204);
    }

    /** The operations whose path template and method match a recorded exchange. */
    private TreeSet<String> operationsExercised() {
        TreeSet<String> exercised = new TreeSet<>();
        for (Operation operation : operationsOfTheSpec()) {
            for (Exchange exchange : exchanges) {
                String path = exchange.path().contains("?") ? exchange.path().substring(0, exchange.path().indexOf('?'))
                        : exchange.path();
                if (exchange.method().equals(operation.method()) && operation.path().matcher(path).matches()) {
                    exercised.add(operation.operationId());
                }
            }
        }
        return exercised;
    }

    private static List<Operation> operationsOfTheSpec() {
        JsonNode spec;
        try (InputStream in = PingppSpec.open()) {
            spec = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Pattern template = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            path.getValue().fields().forEachRemaining(operation -> operations.add(new Operation(
                    operation.getValue().path("operationId").asText(), operation.getKey().toUpperCase(Locale.ROOT), template)));
        }
        return operations;
    }

    /** Sends, records the exchange, and reads the answer as JSON. */
    private JsonNode call(String method, String path, String json) {
        Exchange exchange = record(method, path, json);
        try {
            return JSON.readTree(exchange.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + exchange.text(), e);
        }
    }

    private Exchange record(String method, String path, String json) {
        HttpResponse<byte[]> response = send(method, path, json);
        Exchange exchange = new Exchange(method, path, response.statusCode(), response.body(),
                response.headers().firstValue(WebhookSignature.HEADER).orElse(null));
        exchanges.add(exchange);
        return exchange;
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

    private record Operation(String operationId, String method, Pattern path) {
    }

    private record Exchange(String method, String path, int status, byte[] body, String signature) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
