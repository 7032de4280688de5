package org.pingppopenapi.client.internal;

import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.pingppopenapi.client.ApiConnectionException;
import org.pingppopenapi.client.PingppException;

/**
 * Feign's {@link Retryer}, applying the {@link RetryPolicy}. Feign hands it every {@link RetryableException}: I/O
 * failures of the transport (a {@link RequestNotSentException} when nothing was sent) and the retryable answers
 * marked by {@link ErrorResponses}. It either sleeps and lets Feign resend, or ends the call by throwing a
 * {@link RetryableException} whose cause is the {@link PingppException} for the caller ({@link Failures} unwraps it).
 *
 * <p>Feign clones the retryer for every call, so the count of attempts is per call.
 */
public final class SafeRetryer implements Retryer {

    /** How the retryer waits; {@code Thread::sleep} outside tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Clock clock;
    private int retries;

    public SafeRetryer(RetryPolicy policy, Clock clock) {
        this(policy, duration -> Thread.sleep(duration.toMillis()), () -> ThreadLocalRandom.current().nextDouble(),
                clock);
    }

    SafeRetryer(RetryPolicy policy, Sleeper sleeper, DoubleSupplier jitter, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.clock = clock;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        Throwable cause = e.getCause();
        HttpMethod method = e.method();
        boolean retryable;
        PingppException failure;
        if (cause instanceof PingppException answer) {
            retryable = true;
            failure = answer;
        } else if (cause instanceof RequestNotSentException notSent) {
            retryable = true;
            failure = new ApiConnectionException(describe(method, notSent, false), false, notSent.getCause());
        } else if (cause instanceof IOException io) {
            retryable = RetryPolicy.isIdempotent(method);
            failure = new ApiConnectionException(describe(method, io, true), true, io);
        } else {
            retryable = false;
            failure = new ApiConnectionException(
                    "The request failed before an answer was received: " + e.getMessage(), true, cause);
        }
        if (!retryable || retries >= policy.maxRetries()) {
            throw end(e, failure);
        }
        Duration delay = policy.delayBefore(retries + 1, jitter);
        Long retryAfter = e.retryAfter();
        if (retryAfter != null) {
            Duration asked = Duration.ofMillis(Math.max(0, retryAfter - clock.millis()));
            if (asked.compareTo(policy.maxDelay()) > 0) {
                throw end(e, failure);
            }
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw end(e, failure);
        }
        retries++;
    }

    private static String describe(HttpMethod method, IOException failure, boolean maybeSent) {
        String what = failure.getClass().getSimpleName() + (failure.getMessage() != null ? ": " + failure.getMessage() : "");
        if (!maybeSent) {
            return "Could not connect to Ping++ (" + what + "); the request was not sent";
        }
        return RetryPolicy.isIdempotent(method)
                ? "No answer from Ping++ (" + what + ")"
                : "No answer from Ping++ (" + what + "); the " + method + " may have reached the server and was not"
                        + " resent. Check its outcome (e.g. by order_no) before trying again";
    }

    private static RetryableException end(RetryableException attempt, PingppException failure) {
        return new RetryableException(attempt.status(), failure.getMessage(), attempt.method(), failure,
                (Long) null, attempt.request());
    }

    @Override
    public Retryer clone() {
        return new SafeRetryer(policy, sleeper, jitter, clock);
    }
}
