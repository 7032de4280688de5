package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.param.ListChargesParams;
import org.pingppopenapi.signing.WebhookSignature;

/**
 * With a Ping++ public key on the builder, every 2xx answer must carry a valid {@code X-Pingplusplus-Signature}
 * over its raw body, as pingpp-java 2.5 checks. Signed here with a key pair of our own, playing Ping++.
 */
class ResponseSignatureTest {

    private static KeyPair pingpp;
    private static KeyPair stranger;

    private MockWebServer server;

    @BeforeAll
    static void makeKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pingpp = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static MockResponse signed(String body, String signedBody, KeyPair signer) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("X-Pingplusplus-Signature", WebhookSignature.sign(signer.getPrivate(),
                        signedBody.getBytes(StandardCharsets.UTF_8)))
                .body(body).build();
    }

    private PingppClient verifying() {
        return MockApi.clientFor(server).pingppPublicKey(pem(pingpp)).maxRetries(0).build();
    }

    @Test
    void aGenuinelySignedAnswerIsRead() {
        server.enqueue(signed(MockApi.CHARGE, MockApi.CHARGE, pingpp));
        server.enqueue(signed(MockApi.chargeList(false, "ch_1"), MockApi.chargeList(false, "ch_1"), pingpp));

        assertThat(verifying().charges().retrieve(MockApi.CHARGE_ID).getId()).isEqualTo(MockApi.CHARGE_ID);
        assertThat(verifying().charges().list(ListChargesParams.builder().appId(MockApi.APP_ID).build()).data())
                .extracting(Charge::getId).containsExactly("ch_1");
    }

    @Test
    void aTamperedAnswerIsRejectedAndNotReturned() {
        server.enqueue(signed(MockApi.CHARGE.replace("\"amount\":100", "\"amount\":1"), MockApi.CHARGE, pingpp));

        assertThatThrownBy(() -> verifying().charges().retrieve(MockApi.CHARGE_ID))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("is not signed by the Ping++ key")
                .satisfies(thrown -> {
                    SignatureVerificationException rejected = (SignatureVerificationException) thrown;
                    assertThat(rejected.httpStatus()).isEqualTo(200);
                    assertThat(rejected.rawBody()).isEmpty();
                });
    }

    @Test
    void anAnswerWithoutASignatureIsRejected() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));

        assertThatThrownBy(() -> verifying().charges().retrieve(MockApi.CHARGE_ID))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("carries no X-Pingplusplus-Signature");
    }

    @Test
    void anAnswerSignedByAnotherKeyIsRejected() {
        server.enqueue(signed(MockApi.CHARGE, MockApi.CHARGE, stranger));

        assertThatThrownBy(() -> verifying().charges().retrieve(MockApi.CHARGE_ID))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void anAnswerWithTwoSignaturesIsRejectedEvenIfOneIsGenuine() {
        server.enqueue(new MockResponse.Builder(signed(MockApi.CHARGE, MockApi.CHARGE, pingpp))
                .addHeader("X-Pingplusplus-Signature", "AAAA").build());

        assertThatThrownBy(() -> verifying().charges().retrieve(MockApi.CHARGE_ID))
                .isInstanceOf(SignatureVerificationException.class)
                .hasMessageContaining("2 X-Pingplusplus-Signature");
    }

    @Test
    void anAsynchronousCallIsCheckedTheSameWay() {
        server.enqueue(signed(MockApi.CHARGE.replace("upacp", "wx"), MockApi.CHARGE, pingpp));

        assertThat(verifying().async().charges().retrieve(MockApi.CHARGE_ID))
                .failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void errorAnswersAreReadAsBeforeSinceOnly2xxAnswersAreSigned() {
        server.enqueue(MockApi.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such charge\"}}"));

        assertThatThrownBy(() -> verifying().charges().retrieve(MockApi.CHARGE_ID))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void withoutTheKeyNothingIsChecked() {
        server.enqueue(MockApi.ok(MockApi.CHARGE));

        assertThat(MockApi.clientFor(server).build().charges().retrieve(MockApi.CHARGE_ID).getId())
                .isEqualTo(MockApi.CHARGE_ID);
    }

    @Test
    void aKeyThatCannotBeReadFailsTheBuild() {
        assertThatThrownBy(() -> MockApi.clientFor(server).pingppPublicKey("not a key").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The Ping++ public key cannot be used to verify answers");
        assertThat(verifying()).hasToString("PingppClient[http://" + server.getHostName() + ":" + server.getPort()
                + ", BEARER key, verifies answers]");
    }
}
