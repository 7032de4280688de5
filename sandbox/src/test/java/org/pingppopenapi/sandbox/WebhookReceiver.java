package org.pingppopenapi.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.IntUnaryOperator;
import org.pingppopenapi.client.Webhooks;
import org.pingppopenapi.client.model.Event;

/**
 * A merchant's webhook endpoint on a free loopback port: records every request, byte for byte, and answers each
 * with the status its responder gives the delivery's number (1 for the first).
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Clock clock;
    private final List<Delivery> deliveries = new ArrayList<>();

    private WebhookReceiver(IntUnaryOperator statusOfDelivery, Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "webhook-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/webhooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach(headers::put);
            int status;
            synchronized (this) {
                deliveries.add(new Delivery(body, headers, clock.instant()));
                status = statusOfDelivery.applyAsInt(deliveries.size());
                notifyAll();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers every delivery with {@code 200}. */
    static WebhookReceiver accepting() {
        return new WebhookReceiver(delivery -> 200, Clock.systemUTC());
    }

    /** Answers with the status {@code statusOfDelivery} gives, noting receipt times by {@code clock}. */
    static WebhookReceiver answering(IntUnaryOperator statusOfDelivery, Clock clock) {
        return new WebhookReceiver(statusOfDelivery, clock);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks");
    }

    synchronized List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Waits until {@code count} deliveries arrived (failing after a minute) and returns them all. */
    synchronized List<Delivery> awaitDeliveries(int count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (deliveries.size() < count) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " webhook deliveries, got " + deliveries.size());
            }
            wait(left);
        }
        return List.copyOf(deliveries);
    }

    /**
     * Waits until the webhook of event {@code eventId} arrived (failing after a minute) and returns it as
     * {@code webhooks} verifies it: every delivery up to it must carry a valid signature.
     */
    synchronized Event awaitEvent(Webhooks webhooks, String eventId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        int checked = 0;
        while (true) {
            for (; checked < deliveries.size(); checked++) {
                Delivery delivery = deliveries.get(checked);
                Event event = webhooks.verify(delivery.body(), delivery.headers());
                if (event.getId().equals(eventId)) {
                    return event;
                }
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError("No webhook of event " + eventId + " within a minute");
            }
            wait(left);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** One webhook request as received. */
    record Delivery(byte[] body, Map<String, List<String>> headers, Instant receivedAt) {
    }
}
