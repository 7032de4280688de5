package org.pingppopenapi.client.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When and how soon a failed attempt is retried.
 *
 * <ul>
 *   <li>A request that was never sent (the connection could not be opened) may be resent, whatever its method.</li>
 *   <li>An idempotent request (GET, DELETE) may be resent after an I/O failure or timeout, or an answer with status
 *       429, 500, 502, 503 or 504.</li>
 *   <li>A POST or PUT that may have reached the server is never resent: it could charge twice.</li>
 * </ul>
 *
 * <p>At most {@code maxRetries} resends, the n-th after {@code initialDelay * 2^(n-1)}, capped at {@code maxDelay},
 * with jitter: a random 75 to 100 % of that (as Stripe's and Ping++'s own SDKs do). A {@code Retry-After} answer
 * waits at least that long, and is not retried when it asks for longer than {@code maxDelay}.
 *
 * @param maxRetries   resends after the first attempt; 0 disables retrying
 * @param initialDelay the delay before the first resend, before jitter
 * @param maxDelay     the longest delay between attempts
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(2, Duration.ofMillis(500), Duration.ofSeconds(5));

    private static final double MIN_JITTER = 0.75;

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("Need 0 <= initialDelay <= maxDelay, got " + initialDelay + " and " + maxDelay);
        }
    }

    /** GET and DELETE (and HEAD, OPTIONS): sending them twice has the effect of sending them once. */
    public static boolean isIdempotent(String method) {
        return switch (method) {
            case "GET", "DELETE", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }

    /** The statuses that say "try again later" without the request having taken effect. */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /**
     * The delay before resend number {@code retry} (1 for the first).
     *
     * @param jitter a source of uniformly distributed values in [0, 1)
     */
    public Duration delayBefore(int retry, DoubleSupplier jitter) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, was " + retry);
        }
        long initial = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        long exponential = retry > 62 || initial > (max >> Math.min(retry - 1, 62))
                ? max
                : Math.min(max, initial << (retry - 1));
        double factor = MIN_JITTER + (1 - MIN_JITTER) * jitter.getAsDouble();
        return Duration.ofMillis(Math.round(exponential * factor));
    }
}
