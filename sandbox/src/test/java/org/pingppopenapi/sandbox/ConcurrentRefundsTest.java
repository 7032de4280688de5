package org.pingppopenapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ChannelException;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.Refund;
import org.pingppopenapi.client.model.RefundCreateRequest;
import org.pingppopenapi.client.param.ListChargeRefundsParams;
import org.pingppopenapi.client.param.ListEventsParams;

/** 200 refunds of one charge at once never refund more than was paid, and what they refund adds up. */
class ConcurrentRefundsTest {

    private static final int REFUNDS = 200;

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
    void concurrentRefundsNeverExceedThePaidAmount() throws Exception {
        String key = Fixtures.newKey();
        PingppClient client = Fixtures.client(sandbox, key);
        Charge charge = client.charges().create(Fixtures.upacpCharge(1000));
        new SandboxHttp(sandbox.baseUri(), key).pay(charge.getId());

        ExecutorService pool = Executors.newFixedThreadPool(REFUNDS);
        CountDownLatch ready = new CountDownLatch(REFUNDS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> outcomes = new ArrayList<>();
        for (int i = 0; i < REFUNDS; i++) {
            long amount = 3 + i % 7;
            Callable<Long> refund = () -> {
                ready.countDown();
                go.await();
                try {
                    return client.charges().refunds().create(charge.getId(),
                            new RefundCreateRequest().amount(amount).description("concurrent")).getAmount();
                } catch (ChannelException refused) {
                    assertThat(refused.code()).isIn("refund_amount_exceeded", "charge_refunded");
                    return 0L;
                }
            };
            outcomes.add(pool.submit(refund));
        }
        ready.await();
        go.countDown();
        long refunded = 0;
        int succeeded = 0;
        for (Future<Long> outcome : outcomes) {
            long amount = outcome.get();
            refunded += amount;
            succeeded += amount > 0 ? 1 : 0;
        }
        pool.shutdown();

        Charge after = client.charges().retrieve(charge.getId());
        List<Refund> stored = new ArrayList<>();
        client.charges().refunds().list(charge.getId(), ListChargeRefundsParams.builder().limit(100).build())
                .autoPaging().forEach(stored::add);
        assertThat(refunded).isLessThanOrEqualTo(1000L);
        assertThat(after.getAmountRefunded()).isEqualTo(refunded);
        assertThat(stored).hasSize(succeeded);
        assertThat(stored.stream().mapToLong(Refund::getAmount).sum()).isEqualTo(refunded);
        assertThat(after.getRefunded()).isEqualTo(refunded == 1000L);
        assertThat(succeeded).as("most requests fit before the charge is exhausted").isGreaterThan(100);
        long refundEvents = client.events().list(ListEventsParams.builder().type("refund.succeeded").limit(20).build())
                .autoPaging().stream().count();
        assertThat(refundEvents).isEqualTo(succeeded);
    }
}
