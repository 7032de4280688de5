package org.pingppopenapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final RetryPolicy POLICY = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(5));

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheMaximum() {
        assertThat(POLICY.delayBefore(1, () -> 1.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(POLICY.delayBefore(2, () -> 1.0)).isEqualTo(Duration.ofMillis(1000));
        assertThat(POLICY.delayBefore(4, () -> 1.0)).isEqualTo(Duration.ofMillis(4000));
        assertThat(POLICY.delayBefore(5, () -> 1.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.delayBefore(64, () -> 1.0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(POLICY.delayBefore(Integer.MAX_VALUE, () -> 1.0)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void jitterTakesOffAtMostAQuarter() {
        assertThat(POLICY.delayBefore(1, () -> 0.0)).isEqualTo(Duration.ofMillis(375));
        assertThat(POLICY.delayBefore(3, () -> 0.5)).isEqualTo(Duration.ofMillis(1750));
        assertThat(POLICY.delayBefore(9, () -> 0.0)).isEqualTo(Duration.ofMillis(3750));
    }

    @Test
    void onlyIdempotentMethodsAndTryAgainStatusesAreRetryable() {
        assertThat(RetryPolicy.isIdempotent("GET")).isTrue();
        assertThat(RetryPolicy.isIdempotent("DELETE")).isTrue();
        assertThat(RetryPolicy.isIdempotent("POST")).isFalse();
        assertThat(RetryPolicy.isIdempotent("PUT")).isFalse();
        assertThat(RetryPolicy.isIdempotent("PATCH")).isFalse();
        assertThat(java.util.List.of(429, 500, 502, 503, 504)).allMatch(RetryPolicy::isRetryableStatus);
        assertThat(java.util.List.of(400, 401, 402, 403, 404, 409, 501, 505)).noneMatch(RetryPolicy::isRetryableStatus);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> POLICY.delayBefore(0, () -> 0.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
