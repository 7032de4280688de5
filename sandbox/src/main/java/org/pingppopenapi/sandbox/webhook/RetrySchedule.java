package org.pingppopenapi.sandbox.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When Ping++ delivers a webhook again after a failure: up to 8 attempts within 25 hours, the retries 2 min,
 * 10 min, 10 min, 1 h, 2 h, 6 h and 15 h after the attempt before (pingpp-api-and-sdks.md §3.3). A delivery
 * succeeds on any 2xx answer.
 */
public final class RetrySchedule {

    /** The wait before each retry, after the attempt before it. */
    public static final List<Duration> DELAYS = List.of(Duration.ofMinutes(2), Duration.ofMinutes(10),
            Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(15));
    /** The first attempt and every retry. */
    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;

    private RetrySchedule() {
    }

    /** How long to wait after failed attempt {@code attempt} (1 for the first), or empty when it was the last. */
    public static Optional<Duration> delayAfter(int attempt) {
        return attempt < MAX_ATTEMPTS ? Optional.of(DELAYS.get(attempt - 1)) : Optional.empty();
    }
}
