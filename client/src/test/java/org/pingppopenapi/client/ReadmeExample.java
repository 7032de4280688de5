package org.pingppopenapi.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.param.ListChargesParams;

/**
 * The example of the README, compiled with the tests so that it cannot go stale: if the client's API changes
 * under it, the build fails here. Its lines are the README's, character for character ({@code ReadmeTest} compares them). It is not run: it
 * talks to the live Ping++ API ({@code PrismContractTest}, {@code PagingTest} and {@code WebhooksTest} run the
 * same calls against Prism, a local server and the official webhook vectors).
 */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static void createAChargeIterateAListAndVerifyAWebhook(String apiKey, String merchantPrivateKeyPem, String appId,
            String pingppPublicKeyPem, byte[] webhookBody, Map<String, List<String>> webhookHeaders) {
        // README begin
        PingppClient client = PingppClient.builder().apiKey(apiKey).privateKey(merchantPrivateKeyPem).build();
        Charge charge = client.charges().create(new ChargeCreateRequest().orderNo("123456789").amount(100L)
                .currency("cny").channel("upacp").app(new AppReference().id(appId)).clientIp("127.0.0.1")
                .subject("Your Subject").body("Your Body"));
        Refund refund = client.charges().refunds().create(charge.getId(), new RefundCreateRequest().amount(50L)
                .description("Partial refund"), RequestOptions.builder().readTimeout(Duration.ofSeconds(10)).build());
        for (Charge each : client.charges().list(ListChargesParams.builder().appId(appId).limit(100).build()).autoPaging()) {
            System.out.println(each.getId() + " " + each.getAmount());
        }
        client.async().charges().retrieve(charge.getId()).thenAccept(latest -> System.out.println(latest.getPaid()));
        Event event = Webhooks.withPublicKey(pingppPublicKeyPem).verify(webhookBody, webhookHeaders);
        event.getData().getObject().as(Charge.class).ifPresent(paid -> System.out.println(paid.getOrderNo() + " paid"));
        // README end
        System.out.println(refund.getId());
    }
}
