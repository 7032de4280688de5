package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.sandbox.webhook.WebhookKeys;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;

/** The sandbox's own endpoints under /sandbox, and its webhook keys. */
class SandboxControlTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void resetForgetsTheCallersAccountOnly() {
        String mine = Fixtures.newKey();
        String theirs = Fixtures.newKey();
        Charge kept = Fixtures.client(sandbox, theirs).charges().create(Fixtures.upacpCharge(1));
        PingppClient client = Fixtures.client(sandbox, mine);
        Charge forgotten = client.charges().create(Fixtures.upacpCharge(1));

        SandboxHttp.Answer reset = new SandboxHttp(sandbox.baseUri(), mine).post("/sandbox/reset");

        assertThat(reset.status()).isEqualTo(204);
        assertThat(new SandboxHttp(sandbox.baseUri(), mine).get("/v1/charges/" + forgotten.getId()).status()).isEqualTo(404);
        assertThat(new SandboxHttp(sandbox.baseUri(), theirs).get("/v1/charges/" + kept.getId()).status()).isEqualTo(200);
        assertThat(client.charges().create(Fixtures.upacpCharge(1).orderNo(forgotten.getOrderNo())).getOrderNo())
                .as("its order_no is free again").isEqualTo(forgotten.getOrderNo());
    }

    @Test
    void theWebhookPublicKeyIsServedAsPem() {
        SandboxHttp.Answer key = new SandboxHttp(sandbox.baseUri(), Fixtures.newKey()).get("/sandbox/webhook-public-key");

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.body()).isEqualTo(sandbox.webhookPublicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(PemKeys.publicKey(key.body())).isEqualTo(sandbox.webhookKeys().publicKey());
    }

    @Test
    void aConfiguredSigningKeyYieldsItsPublicKey() {
        WebhookKeys generated = WebhookKeys.generate();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(generated.privateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        WebhookKeys configured = WebhookKeys.fromPrivateKeyPem(privatePem);
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(configured.publicKey()).isEqualTo(generated.publicKey());
        assertThat(WebhookSignature.verify(PemKeys.publicKey(configured.publicKeyPem()), body,
                WebhookSignature.sign(configured.privateKey(), body))).isTrue();
    }
}
