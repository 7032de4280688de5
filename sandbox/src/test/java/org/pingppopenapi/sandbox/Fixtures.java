package org.pingppopenapi.sandbox;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.pingppopenapi.client.PingppClient;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.OrderCreateRequest;

/** What the tests create over and over: keys (one account each), clients, requests. */
final class Fixtures {

    /** The app of the documents' examples; every app id of that shape exists in the sandbox. */
    static final String APP = "app_1Gqj58ynP0mHeX1q";

    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Fixtures() {
    }

    /** A fresh test key, and so a fresh, empty account. */
    static String newKey() {
        return "sk_test_" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** A client of the sandbox, validating requests and never retrying (a retry would hide a failure). */
    static PingppClient client(Sandbox sandbox, String apiKey) {
        return PingppClient.builder().apiKey(apiKey).appId(APP).baseUrl(sandbox.baseUri()).maxRetries(0).build();
    }

    /** An order number no other test uses, 8 to 20 digits (valid on every channel). */
    static String orderNo() {
        return Long.toString(10_000_000_000L + ORDER_NUMBERS.incrementAndGet());
    }

    /** A UnionPay charge, as in the charge document's example. */
    static ChargeCreateRequest upacpCharge(long amount) {
        return new ChargeCreateRequest()
                .orderNo(orderNo())
                .app(new AppReference().id(APP))
                .channel("upacp")
                .amount(amount)
                .clientIp("127.0.0.1")
                .currency("cny")
                .subject("Your Subject")
                .body("Your Body")
                .metadata(Map.of("color", "red"));
    }

    /** {@link #upacpCharge} as the documents' curl sends it: a form body, bracket keys, a fresh order number. */
    static String upacpChargeForm(long amount) {
        return "order_no=" + orderNo() + "&amount=" + amount + "&app[id]=" + APP + "&channel=upacp&currency=cny"
                + "&client_ip=127.0.0.1&subject=Your Subject&body=Your Body&metadata[color]=red";
    }

    /** An order of {@code amount} fen for {@code uid}. */
    static OrderCreateRequest order(long amount, String uid) {
        return new OrderCreateRequest()
                .app(APP)
                .uid(uid)
                .merchantOrderNo("88888888" + orderNo())
                .amount(amount)
                .clientIp("127.0.0.1")
                .currency("cny")
                .subject("test1")
                .body("test1body1")
                .description("test1-description");
    }
}
