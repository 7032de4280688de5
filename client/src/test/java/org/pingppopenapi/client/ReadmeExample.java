package org.pingppopenapi.client;

import java.util.List;
import java.util.Map;
import org.pingppopenapi.client.api.ChargesApi.ListChargesQueryParams;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.Event;

/**
 * The example of the README, compiled with the tests so that it cannot go stale: if the client's API changes
 * under it, the build fails here. Its five lines are the README's, character for character. It is not run: it
 * talks to the live Ping++ API ({@code PrismContractTest}, {@code AutoPagingTest} and {@code WebhooksTest} run the
 * same calls against Prism, a local server and the official webhook vectors).
 */
final class ReadmeExample {

    private ReadmeExample() {
    }

    static void createAChargeIterateAListAndVerifyAWebhook(String apiKey, String merchantPrivateKeyPem,
            ChargeCreateRequest chargeRequest, String pingppPublicKeyPem, byte[] webhookBody,
            Map<String, List<String>> webhookHeaders) {
        // README begin
        PingppClient client = PingppClient.builder().apiKey(apiKey).privateKey(merchantPrivateKeyPem).build();
        Charge charge = client.charges().createCharge(chargeRequest);
        for (Charge each : client.autoPaging().charges(new ListChargesQueryParams().appId(charge.getApp().id()))) System.out.println(each.getId());
        Event event = Webhooks.withPublicKey(pingppPublicKeyPem).verify(webhookBody, webhookHeaders);
        event.getData().getObject().as(Charge.class).ifPresent(paid -> System.out.println(paid.getOrderNo() + " paid"));
        // README end
    }
}
