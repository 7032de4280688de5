package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.param.ListChargesParams;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.RequestSigning;

/**
 * Request signing: the three vectors of the reference (§2.5), computed by openssl with the demo merchant key, and the
 * signature of real calls checked against the bytes the server received.
 */
class RequestSigningTest {

    private static final Clock AT_1700000000 = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    private static final String VECTOR_1 = "ot555i9jmNYxgFUGxcZ7YB7QbQlJZL/unHCqVvnQF2clSg94yzKLzikO7L4njSx1ncwCJlU+jA5QqZzW1oHgw7nksDZeMElTZ7+iboZTScYb0ylfm4RGh0kkyXnLH+Cji6+3AhBtQwQ8n9aeVu5Uk0hPdhFu/u/jjZ9o81fg5axc5JZNIBT7s1Bfs0XW7eP5F0M10UgIVZmNwViiA1HyZLT5X0IByFKX3sw4RfV/whokC/R+H7O3vNc7rynw2GTWP3LLIQ5Wjq08yE2zVM1kl7V8Pj/PrcaGp+gx+CmKUvsvWP9W8nO+t8UMvoYNN5VRUzvFrgltqw9WljQDNXTiQQ==";
    private static final String VECTOR_2 = "PwxRtLjwJoItsQiWSejpzIbm+OVe61V8oiTzZ0yF6iK6Lt5XvDkUrwvJ39IbKkeSWNbFo51V3yEDtW0IeUHuPR+K0kINljbNkhPcTbkAi1WdPRFTyg7DRWQc7ae5pWbhfGGgklhE/GI3hJl7QVKvJJxpkxtw9fFHNGxtm/3++zgcIhcWL8McEopAz1R5X/UU55k8OD2mZw4Tfk5lToch9GH6+iNbkabg1FbFOE8WVvfKT2tKzmDpjrGsI/jOw7SWYA+4wXWfpgXFgp7Z33ktM4ilHA0CB06XovIkEmiq7GbdXOvy6HishXAOnMoQePtBZTRyC1FsFtd3zfBFElAAxw==";
    private static final String VECTOR_3 = "OGe+D2oMARsDlVMCtXTNq6rvpbAdZC//MG5CdbbhjdBYBSZrblJBIM/8wAsfhmCvYHYVP7akCJi+3GawFQwuD+28SkViQxgloGcfd5Q5QXkMGu9ID5eCOKzOvFtwcwAdiB+iRchLT5e4WFBL+2L/vBQhDRJv8Z40+begwoSVmrKBuBP8l9Ub3M+4Oy1doUapUbOhdj3du6i88No+qrIyITyXjc4DOdgVbBVEwAIpLDlvLzubS2HHx8sOyIdfrzD1+PF+NGwojq1hOmcKbbxvMmfz1Dd/nQhQ5bl4wAxLrCEQBLBFmMr2/0U1sXrxfxbTxdijFZFPhdH2DmOewQ5MgA==";

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void vector1SignsAJsonBodyThePathAndTheTimestamp() throws Exception {
        assertThat(sign("/v1/charges", "{\"amount\":100}")).isEqualTo(VECTOR_1);
    }

    @Test
    void vector2IsWhatTheClientSendsToListChargesWithLimit3() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(false)));
        PingppClient client = MockApi.clientFor(server).clock(AT_1700000000)
                .privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)).build();

        client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).limit(3).build());

        RecordedRequest request = MockApi.take(server);
        assertThat(request.getTarget()).isEqualTo("/v1/charges?app%5Bid%5D=app_1Gqj58ynP0mHeX1q&limit=3");
        assertThat(request.getHeaders().get(RequestSigning.SIGNATURE_HEADER)).isEqualTo(VECTOR_2);
        assertThat(request.getHeaders().get(RequestSigning.TIMESTAMP_HEADER)).isEqualTo("1700000000");
    }

    @Test
    void vector3SignsTheUtf8BytesOfTheBody() throws Exception {
        assertThat(sign("/v1/charges", "{\"subject\":\"测试\"}")).isEqualTo(VECTOR_3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PKCS#1 PEM", "PKCS#8 PEM", "PKCS#8 base64 without header lines"})
    void everyKeyFormatOfTheSdksSignsTheSame(String format) throws Exception {
        String key = switch (format) {
            case "PKCS#1 PEM" -> TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY);
            case "PKCS#8 PEM" -> TestVectors.pkcs8PemPrivateKey();
            default -> TestVectors.text(TestVectors.PKCS8_HEADERLESS_PRIVATE_KEY);
        };
        server.enqueue(MockApi.ok(MockApi.chargeList(false)));
        PingppClient client = MockApi.clientFor(server).clock(AT_1700000000).privateKey(key).build();

        client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).limit(3).build());

        assertThat(MockApi.take(server).getHeaders().get(RequestSigning.SIGNATURE_HEADER)).isEqualTo(VECTOR_2);
    }

    @Test
    void aPostIsSignedOverExactlyTheBodyAndUriTheServerReceived() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server)
                .privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)).build();

        client.charges().create(new ChargeCreateRequest().orderNo("123456789").app(new AppReference().id(MockApi.APP_ID))
                .channel("upacp").amount(100L).clientIp("127.0.0.1").currency("cny").subject("测试商品 ✓")
                .body("Your Body").metadata(Map.of("color", "red")));

        assertSignedAsReceived(MockApi.take(server));
    }

    @Test
    void aQueryWithCharactersToEncodeIsSignedAsSent() throws Exception {
        server.enqueue(MockApi.ok(MockApi.chargeList(false)));
        PingppClient client = MockApi.clientFor(server)
                .privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)).build();

        client.charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).channel("upacp wap&x=1").paid(true)
                .createdGt(1410834527).expand("app").build());

        RecordedRequest request = MockApi.take(server);
        assertThat(request.getTarget()).contains("channel=upacp%20wap%26x%3D1");
        assertSignedAsReceived(request);
    }

    @Test
    void everyResendIsSignedAgainWithItsOwnTimestamp() throws Exception {
        server.enqueue(MockApi.json(503, ""));
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.ofEpochSecond(1_700_000_000L));
        Clock ticking = new Clock() {
            @Override
            public Instant instant() {
                return now.getAndUpdate(instant -> instant.plusSeconds(1));
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        PingppClient client = MockApi.clientFor(server).clock(ticking)
                .privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)).build();

        client.charges().retrieve(MockApi.CHARGE_ID);

        RecordedRequest first = MockApi.take(server);
        RecordedRequest second = MockApi.take(server);
        assertSignedAsReceived(first);
        assertSignedAsReceived(second);
        assertThat(second.getHeaders().get(RequestSigning.TIMESTAMP_HEADER))
                .isNotEqualTo(first.getHeaders().get(RequestSigning.TIMESTAMP_HEADER));
    }

    @Test
    void withoutAPrivateKeyNothingIsSigned() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        MockApi.clientFor(server).build().charges().retrieve(MockApi.CHARGE_ID);

        RecordedRequest request = MockApi.take(server);
        assertThat(request.getHeaders().get(RequestSigning.SIGNATURE_HEADER)).isNull();
        assertThat(request.getHeaders().get(RequestSigning.TIMESTAMP_HEADER)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "not a key", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----"})
    void aKeyThatCannotBeReadFailsTheBuildNotTheRequest(String unreadable) {
        assertThatThrownBy(() -> PingppClient.builder().apiKey(MockApi.API_KEY).privateKey(unreadable).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The merchant private key cannot be used for signing")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("AAAA").doesNotContain("MIIBvTBXBgkq"));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aPublicKeyGivenAsThePrivateKeyFailsTheBuild() {
        assertThatThrownBy(() -> PingppClient.builder().apiKey(MockApi.API_KEY)
                .privateKey(TestVectors.text(TestVectors.MERCHANT_PUBLIC_KEY)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(TestVectors.text(TestVectors.MERCHANT_PUBLIC_KEY).lines().skip(1).findFirst().orElseThrow());
    }

    private static void assertSignedAsReceived(RecordedRequest request) {
        byte[] body = request.getBody() != null ? request.getBody().toByteArray() : new byte[0];
        assertThat(RequestSigning.verify(TestVectors.merchantPublicKey(),
                request.getHeaders().get(RequestSigning.SIGNATURE_HEADER), body, request.getTarget(),
                request.getHeaders().get(RequestSigning.TIMESTAMP_HEADER)))
                .as("signature of %s %s", request.getMethod(), request.getTarget())
                .isTrue();
    }

    /** What the client's signing (RequestSigning) gives for a POST of this body to this path at 1700000000. */
    private static String sign(String path, String body) {
        return RequestSigning.sign(PemKeys.privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)),
                body.getBytes(StandardCharsets.UTF_8), path, "1700000000");
    }
}
