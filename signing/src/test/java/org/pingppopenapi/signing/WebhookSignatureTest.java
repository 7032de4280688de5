package org.pingppopenapi.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @ParameterizedTest
    @ValueSource(strings = {"w1", "w2"})
    void theOfficialWebhookVectorsVerify(String vector) {
        assertThat(WebhookSignature.verify(publicKey(vector), body(vector), signature(vector))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"w1", "w2"})
    void aSingleChangedByteFailsVerification(String vector) {
        byte[] tampered = body(vector);
        tampered[tampered.length / 2] ^= 1;
        assertThat(WebhookSignature.verify(publicKey(vector), tampered, signature(vector))).isFalse();
    }

    @Test
    void theWrongPublicKeyFailsVerification() {
        assertThat(WebhookSignature.verify(publicKey("w2"), body("w1"), signature("w1"))).isFalse();
    }

    @Test
    void missingOrMalformedSignaturesFailClosed() {
        for (String signature : new String[] {null, "", "%%%", "dGVzdA=="}) {
            assertThat(WebhookSignature.verify(publicKey("w1"), body("w1"), signature)).as(String.valueOf(signature)).isFalse();
        }
        assertThat(WebhookSignature.verify(null, body("w1"), signature("w1"))).isFalse();
        assertThat(WebhookSignature.verify(publicKey("w1"), null, signature("w1"))).isFalse();
    }

    @Test
    void aBodySignedHereVerifiesWithTheMatchingPublicKey() {
        PrivateKey signingKey = PemKeys.privateKey(Vectors.text("merchant-demo-your_rsa_private_key_pkcs1.pem"));
        PublicKey verifyingKey = PemKeys.publicKey(Vectors.text("merchant-demo-your_rsa_public_key.pem"));
        byte[] event = body("w2");

        String signature = WebhookSignature.sign(signingKey, event);

        assertThat(WebhookSignature.verify(verifyingKey, event, signature)).isTrue();
        assertThat(WebhookSignature.verify(publicKey("w2"), event, signature)).isFalse();
    }

    private static PublicKey publicKey(String vector) {
        return PemKeys.publicKey(Vectors.text("webhook-" + vector + "-pingpp-public-key.pem"));
    }

    private static byte[] body(String vector) {
        return Vectors.bytes("webhook-" + vector + "-body.json");
    }

    private static String signature(String vector) {
        return Vectors.text("webhook-" + vector + "-signature.txt");
    }
}
