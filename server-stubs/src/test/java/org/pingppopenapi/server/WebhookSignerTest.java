package org.pingppopenapi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.SignatureVerificationException;
import org.pingppopenapi.client.Webhooks;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.server.model.Charge;
import org.pingppopenapi.server.model.Event;

/**
 * Webhooks signed by the server are accepted by the client's verifier ({@link Webhooks} of pingpp-client) with the
 * receiver's public key, exactly as Ping++'s own are, and read back as the event that was sent: server signing and
 * client verification are compatible. A changed byte or another key is refused.
 */
class WebhookSignerTest {

    private final WebhookSigner signer = WebhookSigner.fromPem(TestKeys.read("merchant-demo-your_rsa_private_key_pkcs1.pem"));
    private final Webhooks webhooks = Webhooks.withPublicKey(TestKeys.read("merchant-demo-your_rsa_public_key.pem"));

    @Test
    void aSignedEventVerifiesWithTheClientsVerifierAndIsTheEventsJson() throws Exception {
        Event event = SpecExamples.json().convertValue(SpecExamples.get().responseExample("retrieveEvent"), Event.class);

        WebhookSigner.SignedWebhook webhook = signer.sign(event);

        org.pingppopenapi.client.model.Event verified = webhooks.verify(webhook.body(), webhook.signature());
        JsonNode expected = normalized(SpecExamples.withoutNulls(SpecExamples.get().responseExample("retrieveEvent")));
        assertThat(Json.MAPPER.readTree(webhook.body())).as("the signed body").isEqualTo(expected);
        assertThat(normalized(verified)).as("the event the client read, written back").isEqualTo(expected);
        assertThat(verified.getData().getObject().as(org.pingppopenapi.client.model.Charge.class))
                .as("data.object, typed by the client").get()
                .extracting(org.pingppopenapi.client.model.Charge::getId)
                .isEqualTo(expected.at("/data/object/id").asText());
    }

    @Test
    void anEventCarriesATypedObjectAsItsData() throws Exception {
        Event event = SpecExamples.json().convertValue(SpecExamples.get().responseExample("retrieveEvent"), Event.class);
        Charge charge = SpecExamples.json().convertValue(SpecExamples.get().example("ChargeUpacp"), Charge.class);
        event.getData().setObject(charge);

        WebhookSigner.SignedWebhook webhook = signer.sign(event);

        String body = new String(webhook.body(), StandardCharsets.UTF_8);
        assertThat(body).contains("\"object\":{\"id\":\"ch_L8qn10mLmr1GS8e5OODmHaL4\",\"object\":\"charge\"");
        org.pingppopenapi.client.model.Event verified = webhooks.verify(webhook.body(), webhook.signature());
        assertThat(verified.getData().getObject().type()).isEqualTo("charge");
        assertThat(normalized(verified.getData().getObject().as(org.pingppopenapi.client.model.Charge.class)
                .orElseThrow()))
                .isEqualTo(normalized(SpecExamples.withoutNulls(SpecExamples.get().example("ChargeUpacp"))));
    }

    @Test
    void aChangedByteOrAnotherKeyFailsVerification() {
        WebhookSigner.SignedWebhook webhook = signer.sign("{\"id\":\"evt_1\",\"object\":\"event\"}".getBytes(StandardCharsets.UTF_8));
        byte[] tampered = webhook.body();
        tampered[tampered.length - 2] = 'x';
        Webhooks anotherKey = Webhooks.withPublicKey(TestKeys.freshRsaKeyPair().getPublic());

        assertThat(webhooks.verify(webhook.body(), webhook.signature()).getId()).as("the untouched webhook").isEqualTo("evt_1");
        assertThatThrownBy(() -> webhooks.verify(tampered, webhook.signature()))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> anotherKey.verify(webhook.body(), webhook.signature()))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void theDeliveryRequestCarriesTheSignedBytesAndTheHeaderTheClientLooksFor() throws Exception {
        AtomicReference<byte[]> received = new AtomicReference<>();
        AtomicReference<Map<String, List<String>>> headers = new AtomicReference<>();
        AtomicReference<String> contentType = new AtomicReference<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/webhooks", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            headers.set(Map.copyOf(exchange.getRequestHeaders()));
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
            assertThat(webhook.signatureHeader()).isEqualToIgnoringCase(Webhooks.SIGNATURE_HEADER);
            // As a receiver would: the raw body and the request's headers, whatever the case of their names.
            org.pingppopenapi.client.model.Event verified = webhooks.verify(received.get(), headers.get());
            assertThat(verified.getId()).isEqualTo(event.getId());
        } finally {
            receiver.stop(0);
        }
    }

    /**
     * A spec example or a model as the client's JSON mapper writes it, read back as a tree: so trees from different
     * sources compare (the same number types, exact decimals).
     */
    private static JsonNode normalized(Object jsonOrModel) throws Exception {
        return Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(jsonOrModel));
    }
}
