package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.Webhooks;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.sandbox.time.VirtualTime;
import org.pingppopenapi.sandbox.webhook.RetrySchedule;

/**
 * Ping++'s delivery schedule with the clock in the test's hands: a receiver that keeps failing gets 8 attempts,
 * 2 min, 10 min, 10 min, 1 h, 2 h, 6 h and 15 h apart, all within 25 hours, and no more; one that recovers gets no
 * more after its first 2xx. Every attempt carries the same signed bytes.
 */
class WebhookRetryTest {

    private static final Instant START = Instant.parse("2026-05-01T08:00:00Z");

    private final String key = Fixtures.newKey();
    private VirtualTime time;
    private WebhookReceiver receiver;
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void aFailingReceiverGetsEightAttemptsAtTheDocumentedOffsets() {
        start(delivery -> 500);
        Instant paidAt = payACharge();

        time.advance(Duration.ofHours(30));

        List<WebhookReceiver.Delivery> attempts = receiver.deliveries();
        assertThat(attempts).hasSize(RetrySchedule.MAX_ATTEMPTS).hasSize(8);
        assertThat(attempts).extracting(attempt -> Duration.between(paidAt, attempt.receivedAt()))
                .containsExactly(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(12), Duration.ofMinutes(22),
                        Duration.ofMinutes(82), Duration.ofMinutes(202), Duration.ofMinutes(562), Duration.ofMinutes(1462));
        assertThat(Duration.between(paidAt, attempts.get(7).receivedAt())).isLessThan(Duration.ofHours(25));
        assertThat(attempts).allSatisfy(attempt -> assertThat(attempt.body()).isEqualTo(attempts.get(0).body()));
        Event event = Webhooks.withPublicKey(sandbox.webhookPublicKeyPem()).verify(attempts.get(7).body(), attempts.get(7).headers());
        assertThat(event.getType()).isEqualTo("charge.succeeded");
        assertThat(time.pendingTasks()).as("nothing left to try").isZero();
    }

    @Test
    void aRecoveringReceiverStopsTheRetries() {
        start(delivery -> delivery < 3 ? 503 : 204);
        Instant paidAt = payACharge();

        time.advance(Duration.ofHours(30));

        assertThat(receiver.deliveries()).extracting(attempt -> Duration.between(paidAt, attempt.receivedAt()))
                .containsExactly(Duration.ZERO, Duration.ofMinutes(2), Duration.ofMinutes(12));
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void pendingWebhooksCountsTheDeliveryUntilItSucceeds() {
        start(delivery -> delivery == 1 ? 500 : 200);
        PingppClient client = client();
        payACharge(client);
        String eventId = client.events().list().data().get(0).getId();

        assertThat(client.events().retrieve(eventId).getPendingWebhooks()).isEqualTo(1);
        time.advance(Duration.ofMinutes(2));
        assertThat(client.events().retrieve(eventId).getPendingWebhooks()).isZero();
    }

    private void start(IntUnaryOperator statusOfDelivery) {
        time = new VirtualTime(START);
        receiver = WebhookReceiver.answering(statusOfDelivery, time);
        sandbox = Sandbox.builder().clock(time).scheduler(time).webhookUrl(receiver.url()).start();
    }

    private PingppClient client() {
        return PingppClient.builder().apiKey(key).baseUrl(sandbox.baseUri()).clock(time).maxRetries(0).build();
    }

    private Instant payACharge() {
        return payACharge(client());
    }

    /** Creates and pays a charge, then runs the first delivery; returns when it was paid. */
    private Instant payACharge(PingppClient client) {
        Charge charge = client.charges().create(Fixtures.upacpCharge(100));
        time.advance(Duration.ofSeconds(30));
        Instant paidAt = time.instant();
        new SandboxHttp(sandbox.baseUri(), key).pay(charge.getId());
        time.runDueTasks();
        return paidAt;
    }
}
