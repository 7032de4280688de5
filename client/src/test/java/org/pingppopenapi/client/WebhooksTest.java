package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Summary;

/** Webhook verification with the two real webhooks of the official SDKs (W1, W2), and everything that must fail closed. */
class WebhooksTest {

    private static final byte[] W1_BODY = TestVectors.bytes("webhook-w1-body.json");
    private static final String W1_SIGNATURE = TestVectors.text("webhook-w1-signature.txt").strip();
    private static final Webhooks W1_KEY = Webhooks.withPublicKey(TestVectors.text("webhook-w1-pingpp-public-key.pem"));
    private static final byte[] W2_BODY = TestVectors.bytes("webhook-w2-body.json");
    private static final String W2_SIGNATURE = TestVectors.text("webhook-w2-signature.txt").strip();
    private static final Webhooks W2_KEY = Webhooks.withPublicKey(TestVectors.text("webhook-w2-pingpp-public-key.pem"));

    @Test
    void w1IsAnAccountSummaryWhoseObjectIsReadAsASummary() {
        Event event = W1_KEY.verify(W1_BODY, Map.of("X-Pingplusplus-Signature", List.of(W1_SIGNATURE)));

        assertThat(event.getId()).isEqualTo("evt_04qN8cXQvIhssduhS4hpqd9p");
        assertThat(event.getType()).isEqualTo("account.summary.available");
        assertThat(event.getRequest()).isNull();
        assertThat(event.getData().getObject().type()).isEqualTo("account_daily_summary");
        Summary summary = event.getData().getObject().as(Summary.class).orElseThrow();
        assertThat(summary.getAcctDisplayName()).isEqualTo("xx公司");
        assertThat(summary.getChargesAmount()).isEqualTo(1000L);
        assertThat(summary.getChargesCount()).isEqualTo(100L);
        assertThat(event.getData().getObject().as(Charge.class)).isEmpty();
    }

    @Test
    void w2IsAChargeSucceededWhoseObjectIsReadAsACharge() {
        Event event = W2_KEY.verify(W2_BODY, Map.of("X-Pingplusplus-Signature", List.of(W2_SIGNATURE)));

        assertThat(event.getType()).isEqualTo("charge.succeeded");
        Charge charge = event.getData().getObject().as(Charge.class).orElseThrow();
        assertThat(charge.getId()).isEqualTo("ch_bq9IHKnn6GnLzsS0swOujr4x");
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getAmount()).isEqualTo(100L);
        assertThat(charge.getApp().id()).isEqualTo("app_vcPcqDeS88ixrPlu");
        assertThat(charge.getTimeSettle()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X-Pingplusplus-Signature", "x-pingplusplus-signature", "X-PINGPLUSPLUS-SIGNATURE",
            "x-PingPlusPlus-signature"})
    void theHeaderIsFoundWhateverTheCaseOfItsName(String headerName) {
        assertThat(W2_KEY.verify(W2_BODY, Map.of("Content-Type", List.of("application/json"), headerName,
                List.of(W2_SIGNATURE))).getId()).isEqualTo("evt_eYa58Wd44Glerl8AgfYfd1sL");
    }

    @Test
    void theHeaderValueCanBeGivenDirectly() {
        assertThat(W1_KEY.verify(W1_BODY, W1_SIGNATURE).getId()).isEqualTo("evt_04qN8cXQvIhssduhS4hpqd9p");
    }

    @Test
    void aMissingHeaderRejects() {
        assertRejected(() -> W1_KEY.verify(W1_BODY, Map.of("Content-Type", List.of("application/json"))));
        assertRejected(() -> W1_KEY.verify(W1_BODY, (String) null));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "not base64 at all!", "AAAA", "PcU0SMJh"})
    void anEmptyMalformedOrTruncatedSignatureRejects(String signature) {
        assertRejected(() -> W1_KEY.verify(W1_BODY, Map.of("X-Pingplusplus-Signature", List.of(signature))));
    }

    @Test
    void aRepeatedHeaderRejectsEvenIfOneValueIsGenuine() {
        assertRejected(() -> W1_KEY.verify(W1_BODY, Map.of("X-Pingplusplus-Signature", List.of(W1_SIGNATURE, "AAAA"))));
        assertRejected(() -> W1_KEY.verify(W1_BODY, Map.of("X-Pingplusplus-Signature", List.of(W1_SIGNATURE),
                "x-pingplusplus-signature", List.of(W1_SIGNATURE))));
    }

    @Test
    void aTamperedBodyRejects() {
        byte[] tampered = Arrays.copyOf(W2_BODY, W2_BODY.length);
        String text = new String(tampered, java.nio.charset.StandardCharsets.UTF_8).replace("\"amount\":100", "\"amount\":900");
        assertRejected(() -> W2_KEY.verify(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), W2_SIGNATURE));
        byte[] trailingNewline = Arrays.copyOf(W2_BODY, W2_BODY.length + 1);
        trailingNewline[W2_BODY.length] = '\n';
        assertRejected(() -> W2_KEY.verify(trailingNewline, W2_SIGNATURE));
    }

    @Test
    void aSignatureOfAnotherBodyOrByAnotherKeyRejects() {
        assertRejected(() -> W1_KEY.verify(W2_BODY, W2_SIGNATURE));
        assertRejected(() -> W2_KEY.verify(W1_BODY, W1_SIGNATURE));
        assertRejected(() -> Webhooks.withPublicKey(TestVectors.merchantPublicKey()).verify(W1_BODY, W1_SIGNATURE));
    }

    @Test
    void whitespaceAroundTheHeaderValueIsIgnored() {
        assertThat(W1_KEY.verify(W1_BODY, " " + W1_SIGNATURE + "\r\n").getId()).isEqualTo("evt_04qN8cXQvIhssduhS4hpqd9p");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "garbage", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"})
    void aPublicKeyThatCannotBeReadFailsLoudly(String key) {
        assertThatThrownBy(() -> Webhooks.withPublicKey(key))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The Ping++ public key for webhooks cannot be used");
    }

    @Test
    void aPrivateKeyGivenAsThePublicKeyFailsLoudly() {
        assertThatThrownBy(() -> Webhooks.withPublicKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private key");
    }

    @Test
    void aGenuineSignatureOverABodyThatIsNoEventIsAnApiException() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair keys = generator.generateKeyPair();
        byte[] body = "[1,2,3]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String signature = org.pingppopenapi.signing.WebhookSignature.sign(keys.getPrivate(), body);

        assertThatThrownBy(() -> Webhooks.withPublicKey(keys.getPublic()).verify(body, signature))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("The webhook is genuine but its body is not a readable event");
    }

    private static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable verification) {
        assertThatThrownBy(verification).isInstanceOf(SignatureVerificationException.class);
    }
}
