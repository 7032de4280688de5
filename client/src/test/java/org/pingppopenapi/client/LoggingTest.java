package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.SubAppChannelCreateRequest;
import org.pingppopenapi.signing.RequestSigning;
import org.slf4j.event.Level;

/** The logging hook: what a call tells SLF4J, and the secrets it never tells, whatever happens. */
class LoggingTest {

    private static final String SECRET = "sk_test_0123456789abcdefSECRETxyz";
    private static final String CHANNEL_KEY = "eae4c4426b73e26e48dacf0fd6e9a9e1";
    private static final String CREDENTIAL_TOKEN = "201409161028470000000";

    private MockWebServer server;
    private CapturingLogger log;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        log = new CapturingLogger();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ChargeCreateRequest charge() {
        return new ChargeCreateRequest().orderNo("123456789").app(new AppReference().id(MockApi.APP_ID))
                .channel("upacp").amount(100L).clientIp("127.0.0.1").currency("cny").subject("Your Subject")
                .body("Your Body");
    }

    @Test
    void everyAttemptIsLoggedAtDebugWithoutTheKeyTheSignaturesOrSecretFields() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        server.enqueue(MockApi.json(200, "{\"object\":\"channel\",\"channel\":\"isv_wap\",\"params\":{\"key\":\""
                + CHANNEL_KEY + "\",\"mer_id\":\"288880088880008\"}}"));
        server.enqueue(MockApi.json(503, "{\"error\":{\"type\":\"api_error\",\"message\":\"busy\"}}"));
        server.enqueue(MockApi.json(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"key " + SECRET
                + " is wrong\"}}"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        String privateKey = TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY);
        PingppClient client = MockApi.clientFor(server).apiKey(SECRET).appId(MockApi.APP_ID).privateKey(privateKey)
                .logger(log).logBodies(true).preflight(PreflightMode.OFF).readTimeout(Duration.ofMillis(300))
                .maxRetries(1).build();

        client.charges().create(charge());
        client.subApps().channels().create("app_q5eff1jHKqXP9qvr", new SubAppChannelCreateRequest().channel("isv_wap")
                .params(Map.of("key", CHANNEL_KEY, "mer_id", "288880088880008")));
        catchThrowable(() -> client.charges().retrieve(MockApi.CHARGE_ID));
        catchThrowable(() -> client.charges().create(charge()));

        String logged = log.all();
        assertThat(log.texts(Level.DEBUG))
                .anySatisfy(line -> assertThat(line).startsWith("POST /v1/charges (createCharge) -> 200 in ")
                        .endsWith("ms, attempt 1"))
                .anySatisfy(line -> assertThat(line).startsWith("GET /v1/charges/" + MockApi.CHARGE_ID
                        + " (retrieveCharge) -> 503 in ").endsWith("attempt 1, will retry"))
                .anySatisfy(line -> assertThat(line).contains("(retrieveCharge) -> 401 in ").endsWith("attempt 2"))
                .anySatisfy(line -> assertThat(line).contains("(createCharge) -> SocketTimeoutException after sending"))
                .anySatisfy(line -> assertThat(line).contains("body: {").contains("\"subject\":\"Your Subject\""));
        assertThat(logged).contains("\"key\":\"<redacted>\"", "\"credential\":\"<redacted>\"", "288880088880008");
        assertThat(logged).doesNotContain(SECRET, CHANNEL_KEY, CREDENTIAL_TOKEN, "Bearer", "Authorization");
        for (int i = 0; i < 2; i++) {
            RecordedRequest request = MockApi.take(server);
            assertThat(logged).doesNotContain(request.getHeaders().get(RequestSigning.SIGNATURE_HEADER));
        }
        privateKey.lines().filter(line -> !line.startsWith("-----"))
                .forEach(line -> assertThat(logged).doesNotContain(line));
    }

    @Test
    void bodiesAreNotLoggedUnlessAsked() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).logger(log).build();

        client.charges().create(charge());

        assertThat(log.texts(Level.DEBUG)).singleElement().asString().startsWith("POST /v1/charges (createCharge) -> 200");
        assertThat(log.all()).doesNotContain("Your Subject", CREDENTIAL_TOKEN, "credential");
    }

    @Test
    void aBodyThatIsNoJsonIsLoggedAsItsSizeOnly() {
        server.enqueue(MockApi.json(502, "<html>" + SECRET + "</html>"));
        PingppClient client = MockApi.clientFor(server).logger(log).logBodies(true).maxRetries(0).build();

        catchThrowable(() -> client.charges().retrieve(MockApi.CHARGE_ID));

        assertThat(log.all()).contains("answer body: (" + ("<html>" + SECRET + "</html>").length() + " bytes, not JSON)")
                .doesNotContain(SECRET);
    }
}
