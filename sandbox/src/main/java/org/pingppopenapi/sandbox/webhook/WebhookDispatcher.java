package org.pingppopenapi.sandbox.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import org.pingppopenapi.sandbox.domain.EventDelivery;
import org.pingppopenapi.sandbox.domain.EventRecord;
import org.pingppopenapi.sandbox.http.SandboxJsonProvider;
import org.pingppopenapi.sandbox.time.Scheduler;
import org.pingppopenapi.server.WebhookSigner.SignedWebhook;
import org.pingppopenapi.server.WebhookSigner;

/**
 * POSTs every event to the webhook URL, signed in {@code X-Pingplusplus-Signature} as Ping++ signs it, and retries
 * a delivery that did not get a 2xx answer on Ping++'s {@link RetrySchedule}. Each attempt sends the same signed
 * bytes. Attempts run on the {@link Scheduler}, never on the request thread that made the event.
 */
public final class WebhookDispatcher implements EventDelivery {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = SandboxJsonProvider.mapper();

    private final URI url;
    private final WebhookSigner signer;
    private final Scheduler scheduler;
    private final HttpClient http;

    public WebhookDispatcher(URI url, WebhookKeys keys, Scheduler scheduler) {
        this.url = Objects.requireNonNull(url, "url");
        this.signer = WebhookSigner.of(keys.privateKey());
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(ATTEMPT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void deliver(EventRecord event) {
        event.webhookPending();
        scheduler.schedule(Duration.ZERO, () -> attempt(event, signedRequest(event), 1));
    }

    /**
     * The webhook request of an event: its JSON as the API writes it, signed. Made on the scheduler's thread, not in
     * the request that caused the event (signing takes a millisecond or two), once for every attempt.
     */
    private HttpRequest signedRequest(EventRecord event) {
        SignedWebhook signed = signer.sign(body(event));
        return HttpRequest.newBuilder(url)
                .timeout(ATTEMPT_TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header(signed.signatureHeader(), signed.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()))
                .build();
    }

    /** The event as the API writes it (nullable fields as null). */
    private static byte[] body(EventRecord event) {
        try {
            return JSON.writeValueAsBytes(event.toModel());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event is always writable as JSON", e);
        }
    }

    private void attempt(EventRecord event, HttpRequest webhook, int attempt) {
        String outcome = send(webhook);
        if (outcome == null) {
            event.webhookDelivered();
            return;
        }
        RetrySchedule.delayAfter(attempt).ifPresentOrElse(
                delay -> {
                    LOG.log(System.Logger.Level.INFO, "Webhook {0} attempt {1} to {2} failed ({3}); retrying in {4}",
                            event.id(), attempt, url, outcome, delay);
                    scheduler.schedule(delay, () -> attempt(event, webhook, attempt + 1));
                },
                () -> LOG.log(System.Logger.Level.WARNING, "Webhook {0} to {1} failed {2} times ({3}); giving up",
                        event.id(), url, attempt, outcome));
    }

    /** Null when the receiver answered 2xx; otherwise what went wrong. */
    private String send(HttpRequest webhook) {
        try {
            HttpResponse<Void> response = http.send(webhook, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
