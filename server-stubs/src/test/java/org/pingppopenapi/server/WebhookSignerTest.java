package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.Event;
import org.pingppopenapi.signing.PemKeys;
import org.pingppopenapi.signing.WebhookSignature;

/** Webhooks signed by the server verify with the receiver's public key, exactly as Ping++'s own do. */
class WebhookSignerTest {

    private final WebhookSigner signer = WebhookSigner.fromPem(TestKeys.read("merchant-demo-your_rsa_private_key_pkcs1.pem"));
    private final PublicKey publicKey = PemKeys.publicKey(TestKeys.read("merchant-demo-your_rsa_public_key.pem"));

    @Test
    void aSignedEventVerifiesWithThePublicKeyAndIsTheEventsJson() throws Exception {
        Event event = SpecExamples.json().convertValue(SpecExamples.get().responseExample("retrieveEvent"), Event.class);

        WebhookSigner.SignedWebhook webhook = signer.sign(event);

        assertThat(WebhookSignature.verify(publicKey, webhook.body(), webhook.signature())).isTrue();
        assertThat(SpecExamples.json().readTree(webhook.body()))
                .isEqualTo(SpecExamples.json().readTree(SpecExamples.json().writeValueAsBytes(
                        SpecExamples.withoutNulls(SpecExamples.get().responseExample("retrieveEvent")))));
    }

    @Test
    void anEventCarriesATypedObjectAsItsData() throws Exception {
        Event event = SpecExamples.json().convertValue(SpecExamples.get().responseExample("retrieveEvent"), Event.class);
        Charge charge = SpecExamples.json().convertValue(SpecExamples.get().example("ChargeUpacp"), Charge.class);
        event.getData().setObject(charge);

        String body = new String(signer.sign(event).body(), StandardCharsets.UTF_8);

        assertThat(body).contains("\"object\":{\"id\":\"ch_L8qn10mLmr1GS8e5OODmHaL4\",\"object\":\"charge\"");
    }

    @Test
    void aChangedByteOrAnotherKeyFailsVerification() {
        WebhookSigner.SignedWebhook webhook = signer.sign("{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8));
        byte[] tampered = webhook.body();
        tampered[tampered.length - 2] = 'x';

        assertThat(WebhookSignature.verify(publicKey, tampered, webhook.signature())).isFalse();
        assertThat(WebhookSignature.verify(TestKeys.freshRsaKeyPair().getPublic(), webhook.body(), webhook.signature())).isFalse();
    }

    @Test
    void theDeliveryRequestCarriesTheSignedBytesAndTheHeader() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicReference<String> signature = new AtomicReference<>();
        AtomicReference<String> contentType = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            signature.set(exchange.getRequestHeaders().getFirst("x-pingplusplus-signature"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Event event = SpecExamples.json().convertValue(SpecExamples.get().responseExample("retrieveEvent"), Event.class);
            WebhookSigner.SignedWebhook webhook = signer.sign(event);
            URI url = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks");

            HttpResponse<Void> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(webhook.toHttpRequest(url), HttpResponse.BodyHandlers.discarding());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(received.get()).isEqualTo(webhook.body());
            assertThat(contentType.get()).startsWith("application/json");
            assertThat(WebhookSignature.verify(publicKey, received.get(), signature.get())).isTrue();
        } finally {
            receiver.stop(0);
        }
    }
}
