package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.PrivateKey;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pingppopenapi.client.AuthScheme;
import org.pingppopenapi.client.InvalidRequestException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.RequestSigning;

/**
 * The authentication and request-signature filters, on a server that requires signatures from the merchant demo
 * key pair of the official SDKs, with its clock standing at {@link #NOW}. A rejected request never reaches the
 * resource. The requests come from the project's client ({@link PingppClient}, through a {@link RecordingProxy}), so
 * its signatures are proven against the server's filter and the server's rejections reach it as the documented errors; what
 * a client would never send is built byte by byte ({@link RawHttp}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestSecurityTest {

    private static final String API_KEY = "sk_test_ibbTe5jLGCi5rzfH4OqPW9KC";
    private static final long NOW = 1_700_000_000L;
    private static final String CHARGES = "/v1/charges";

    private final SettableClock clock = new SettableClock(Instant.ofEpochSecond(NOW));
    private final PrivateKey merchantKey = PemKeys.privateKey(TestKeys.read("merchant-demo-your_rsa_private_key_pkcs1.pem"));
    private ExampleBackedResources resources;
    private EmbeddedServer server;
    private RecordingProxy proxy;
    private RawHttp http;
    private final java.util.concurrent.atomic.AtomicLong orderNumbers = new java.util.concurrent.atomic.AtomicLong(100_000_000L);

    @BeforeAll
    void startServer() throws Exception {
        resources = new ExampleBackedResources();
        PingppProviders providers = PingppProviders.builder(ApiKeyStore.of(API_KEY))
                .requireSignatures(TestKeys.read("merchant-demo-your_rsa_public_key.pem"))
                .signatureWindow(java.time.Duration.ofSeconds(300))
                .clock(clock)
                .build();
        server = EmbeddedServer.start(providers, resources.all());
        proxy = RecordingProxy.to(server.baseUri());
        http = new RawHttp(server.baseUri());
    }

    @AfterAll
    void stopServer() {
        proxy.close();
        server.close();
    }

    @Test
    void aRequestSignedByThePingppClientPasses() throws Exception {
        int callsBefore = resources.callCount("createCharge");
        try (PingppClient client = client().privateKey(merchantKey).build()) {

            Charge charge = client.charges().create(chargeRequest());

            assertThat(charge.getId()).isEqualTo("ch_L8qn10mLmr1GS8e5OODmHaL4");
        }
        RecordingProxy.Exchange exchange = proxy.lastExchange();
        assertThat(exchange.status()).isEqualTo(200);
        assertThat(exchange.requestHeader(RequestSigning.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW));
        assertThat(SpecValidation.validateRequest(exchange).getMessages()).isEmpty();
        assertThat(SpecValidation.validateResponse(exchange).getMessages()).isEmpty();
        assertThat(resources.callCount("createCharge")).isEqualTo(callsBefore + 1);
        assertThat(Json.MAPPER.readTree(resources.lastBodyAsJson("createCharge", 0)))
                .isEqualTo(Json.MAPPER.readTree(exchange.requestBody()));
    }

    @Test
    void theClientsHttpBasicAuthenticationPasses() {
        try (PingppClient client = client().privateKey(merchantKey).authScheme(AuthScheme.BASIC).build()) {

            assertThat(client.charges().create(chargeRequest()).getId()).isEqualTo("ch_L8qn10mLmr1GS8e5OODmHaL4");
        }
        assertThat(proxy.lastExchange().requestHeader("Authorization")).isEqualTo(RawHttp.basic(API_KEY, ""));
    }

    @Test
    void aClientWithoutThePrivateKeyIsRefusedForTheMissingSignature() {
        try (PingppClient client = client().build()) {
            assertClientRejected(() -> client.charges().create(chargeRequest()), "signature_missing");
        }
        assertThat(proxy.lastExchange().requestHeaders()).doesNotContainKey(RequestSigning.SIGNATURE_HEADER);
    }

    @Test
    void aClientSigningWithAnotherKeyIsRefused() {
        try (PingppClient client = client().privateKey(TestKeys.freshRsaKeyPair().getPrivate()).build()) {
            assertClientRejected(() -> client.charges().create(chargeRequest()), "signature_invalid");
        }
    }

    @Test
    void aClientWhoseClockIsOutsideTheWindowIsRefusedAsAReplay() {
        SettableClock slowClock = new SettableClock(Instant.ofEpochSecond(NOW - 301));
        try (PingppClient client = client().privateKey(merchantKey).clock(slowClock).build()) {
            assertClientRejected(() -> client.charges().create(chargeRequest()), "timestamp_out_of_window");
        }
        assertThat(proxy.lastExchange().requestHeader(RequestSigning.TIMESTAMP_HEADER)).isEqualTo(Long.toString(NOW - 301));
    }

    /** The client through the recording proxy, on this test's clock, with the API key; never resending. */
    private PingppClient.Builder client() {
        return PingppClient.builder().apiKey(API_KEY).baseUrl(proxy.baseUri()).clock(clock).maxRetries(0);
    }

    /** The spec's charge request with an order number of its own, so that no two signed requests are the same bytes. */
    private ChargeCreateRequest chargeRequest() {
        return Json.MAPPER.convertValue(SpecExamples.get().requestExample("createCharge").body(), ChargeCreateRequest.class)
                .orderNo(Long.toString(orderNumbers.incrementAndGet()));
    }

    /** {@link #chargeRequest()} as JSON. */
    private String chargeJson() {
        try {
            return Json.MAPPER.writeValueAsString(chargeRequest());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The call fails with the client's InvalidRequestException carrying the server's 400 error body, as the live API's
     * answer reached pingpp-java (#30); nothing reached the resource.
     */
    private void assertClientRejected(Runnable call, String code) {
        int callsBefore = resources.callCount("createCharge");
        int exchangesBefore = proxy.count();

        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidRequestException.class, rejected -> {
            assertThat(rejected.httpStatus()).isEqualTo(400);
            assertThat(rejected.type()).isEqualTo("invalid_request_error");
            assertThat(rejected.code()).isEqualTo(code);
            assertThat(rejected.param()).isEqualTo(code.startsWith("timestamp")
                    ? RequestSigning.TIMESTAMP_HEADER : RequestSigning.SIGNATURE_HEADER);
        });
        assertThat(proxy.count()).as("exchanges: sent once, not resent").isEqualTo(exchangesBefore + 1);
        assertThat(SpecValidation.validateResponse(proxy.lastExchange()).getMessages()).isEmpty();
        assertThat(resources.callCount("createCharge")).as("calls that reached the resource").isEqualTo(callsBefore);
    }

    @Test
    void aSignedGetWithAnEncodedQueryPasses() throws Exception {
        String pathAndQuery = "/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=3";
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(
                http.request("GET", pathAndQuery, null, "Authorization", RawHttp.bearer(API_KEY)), merchantKey, null, pathAndQuery, NOW));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(resources.lastArguments("listCharges")).startsWith("app_1Gqj58ynP0mHeX1q");
    }

    @Test
    void aSignedGetFromTheJdkClientsDefaultHttp2UpgradeIsAnsweredPromptly() throws Exception {
        String pathAndQuery = "/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=3";
        java.net.http.HttpClient http2Default = java.net.http.HttpClient.newBuilder()
                .connectTimeout(java.time.Duration.ofSeconds(5)).build();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(server.baseUri().resolve(pathAndQuery))
                .timeout(java.time.Duration.ofSeconds(10))
                .header("Authorization", RawHttp.bearer(API_KEY))
                .header(org.pingppopenapi.signing.RequestSigning.TIMESTAMP_HEADER, Long.toString(NOW))
                .header(org.pingppopenapi.signing.RequestSigning.SIGNATURE_HEADER,
                        org.pingppopenapi.signing.RequestSigning.sign(merchantKey, null, pathAndQuery, Long.toString(NOW)))
                .GET()
                .build();

        java.net.http.HttpResponse<String> answer = http2Default.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void aSignatureOfAnotherQueryIsRejected() throws Exception {
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(
                http.request("GET", "/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=100", null, "Authorization", RawHttp.bearer(API_KEY)),
                merchantKey, null, "/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=3", NOW));

        assertRejected(answer, "signature_invalid");
    }

    /** A captured signed POST (a refund, say) sent again unchanged within the window is refused, not carried out twice. */
    @Test
    void aSignedPostSentASecondTimeIsRefusedAsAReplay() throws Exception {
        String chargeJson = chargeJson();
        int callsBefore = resources.callCount("createCharge");

        RawHttp.Answer first = RawHttp.send(RawHttp.signed(jsonPost(chargeJson), merchantKey, chargeJson, CHARGES, NOW));
        RawHttp.Answer replayed = RawHttp.send(RawHttp.signed(jsonPost(chargeJson), merchantKey, chargeJson, CHARGES, NOW));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertRejected(replayed, "signature_replayed");
        assertThat(resources.callCount("createCharge")).as("calls that reached the resource").isEqualTo(callsBefore + 1);
    }

    /** Polling is not replaying: the same GET signed twice within a second is the same bytes, and both are answered. */
    @Test
    void aSignedGetMayBeSentAgain() throws Exception {
        String pathAndQuery = "/v1/charges/ch_L8qn10mLmr1GS8e5OODmHaL4";
        for (int i = 0; i < 2; i++) {
            RawHttp.Answer answer = RawHttp.send(RawHttp.signed(
                    http.request("GET", pathAndQuery, null, "Authorization", RawHttp.bearer(API_KEY)), merchantKey, null,
                    pathAndQuery, NOW));

            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        }
    }

    @Test
    void aTamperedBodyIsRejected() throws Exception {
        String chargeJson = chargeJson();
        String tampered = chargeJson.replace("\"amount\":100", "\"amount\":1");
        assertThat(tampered).isNotEqualTo(chargeJson);

        int callsBefore = resources.callCount("createCharge");

        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(jsonPost(tampered), merchantKey, chargeJson, CHARGES, NOW));

        assertRejected(answer, "signature_invalid");
        assertThat(resources.callCount("createCharge")).as("calls that reached the resource").isEqualTo(callsBefore);
    }

    @Test
    void aSignatureMadeWithAnotherKeyIsRejected() throws Exception {
        String chargeJson = chargeJson();
        PrivateKey someoneElse = TestKeys.freshRsaKeyPair().getPrivate();

        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(jsonPost(chargeJson), someoneElse, chargeJson, CHARGES, NOW));

        assertRejected(answer, "signature_invalid");
    }

    @Test
    void aTimestampJustInsideTheWindowPassesEitherWay() throws Exception {
        String early = chargeJson();
        String late = chargeJson();
        assertThat(RawHttp.send(RawHttp.signed(jsonPost(early), merchantKey, early, CHARGES, NOW - 300)).status())
                .isEqualTo(200);
        assertThat(RawHttp.send(RawHttp.signed(jsonPost(late), merchantKey, late, CHARGES, NOW + 300)).status())
                .isEqualTo(200);
    }

    @Test
    void aStaleTimestampIsRejectedAsAReplay() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(jsonPost(chargeJson), merchantKey, chargeJson, CHARGES, NOW - 301));

        assertRejected(answer, "timestamp_out_of_window");
    }

    @Test
    void aTimestampFromTheFutureIsRejected() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(jsonPost(chargeJson), merchantKey, chargeJson, CHARGES, NOW + 301));

        assertRejected(answer, "timestamp_out_of_window");
    }

    @Test
    void aRequestWithoutSignatureIsRejected() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer answer = RawHttp.send(jsonPost(chargeJson).header("Pingplusplus-Request-Timestamp", Long.toString(NOW)));

        assertRejected(answer, "signature_missing");
        assertThat(answer.error().get("message").asText()).contains("Pingplusplus-Signature");
    }

    @Test
    void aSignatureWithoutTimestampIsRejected() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer answer = RawHttp.send(jsonPost(chargeJson).header("Pingplusplus-Signature", "c2lnbmF0dXJl"));

        assertRejected(answer, "timestamp_missing");
    }

    @Test
    void aTimestampInMillisecondsOrWithLettersIsRejectedAsMalformed() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer letters = RawHttp.send(jsonPost(chargeJson)
                .header("Pingplusplus-Signature", "c2lnbmF0dXJl").header("Pingplusplus-Request-Timestamp", "17e8"));
        RawHttp.Answer milliseconds = RawHttp.send(RawHttp.signed(jsonPost(chargeJson), merchantKey, chargeJson, CHARGES, NOW * 1000));

        assertRejected(letters, "timestamp_invalid");
        assertRejected(milliseconds, "timestamp_invalid");
    }

    @Test
    void noCredentialsGetA401WithTheErrorBodyAndBothChallenges() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(
                http.request("POST", CHARGES, chargeJson, "Content-Type", "application/json"), merchantKey, chargeJson, CHARGES, NOW));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode error = answer.error();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).startsWith("No API key provided");
        assertThat(error.get("code").isNull()).isTrue();
        assertThat(error.get("param").isNull()).isTrue();
        assertThat(answer.response().headers().allValues("WWW-Authenticate"))
                .containsExactlyInAnyOrder("Basic realm=\"Ping++ API\"", "Bearer realm=\"Ping++ API\"");
    }

    @Test
    void anUnknownKeyIsRejectedWithoutEchoingIt() throws Exception {
        String chargeJson = chargeJson();
        String wrongKey = "sk_test_notTheRightKeyAtAll00000000";
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(
                http.request("POST", CHARGES, chargeJson, "Content-Type", "application/json", "Authorization", RawHttp.bearer(wrongKey)),
                merchantKey, chargeJson, CHARGES, NOW));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().get("message").asText()).isEqualTo("Invalid API key provided.");
        assertThat(answer.body()).doesNotContain(wrongKey).doesNotContain("notTheRightKey");
    }

    @Test
    void theKeyIsAcceptedAsHttpBasicUserNameWithAnEmptyPassword() throws Exception {
        String chargeJson = chargeJson();
        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(
                http.request("POST", CHARGES, chargeJson, "Content-Type", "application/json", "Authorization", RawHttp.basic(API_KEY, "")),
                merchantKey, chargeJson, CHARGES, NOW));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    @Test
    void anAuthorizationHeaderOfAnotherSchemeIsRejected() throws Exception {
        RawHttp.Answer answer = RawHttp.send(http.request("GET", "/v1/events", null, "Authorization", "Digest username=\"x\""));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.error().get("message").asText()).startsWith("The Authorization header is not HTTP Basic or Bearer");
    }

    @Test
    void authenticationComesBeforeRouting() throws Exception {
        RawHttp.Answer answer = RawHttp.send(http.request("GET", "/v1/no_such_thing", null));

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void theResourceReadsTheSameBodyTheSignatureCovered() throws Exception {
        String chargeJson = chargeJson();
        ObjectNode body = (ObjectNode) SpecExamples.json().readTree(chargeJson);
        body.put("description", "签名覆盖的正文");
        String json = SpecExamples.json().writeValueAsString(body);

        RawHttp.Answer answer = RawHttp.send(RawHttp.signed(jsonPost(json), merchantKey, json, CHARGES, NOW));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(resources.lastBodyAsJson("createCharge", 0)).contains("签名覆盖的正文");
    }

    private java.net.http.HttpRequest.Builder jsonPost(String body) {
        return http.request("POST", CHARGES, body, "Content-Type", "application/json", "Authorization", RawHttp.bearer(API_KEY));
    }

    /** A 400 {@code invalid_request_error}, as the live API answers a signature failure, naming the header at fault. */
    private static void assertRejected(RawHttp.Answer answer, String code) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        JsonNode error = answer.error();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("param").asText()).isEqualTo(code.startsWith("timestamp")
                ? RequestSigning.TIMESTAMP_HEADER : RequestSigning.SIGNATURE_HEADER);
    }
}
