package org.pingppopenapi.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import feign.Request;
import feign.Request.HttpMethod;
import feign.RetryableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.ApiConnectionException;
import org.pingppopenapi.client.ApiException;
import org.pingppopenapi.client.ErrorResponse;
import org.pingppopenapi.client.PingppException;

/** The retry decisions, one cause and method at a time, with a recording sleeper instead of time. */
class SafeRetryerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2));

    private final List<Duration> sleeps = new ArrayList<>();
    private final SafeRetryer retryer = new SafeRetryer(POLICY, sleeps::add, () -> 1.0, CLOCK);

    private static RetryableException failure(HttpMethod method, Throwable cause) {
        Request request = Request.create(method, "https://api.pingxx.com/v1/charges", Map.of(), new byte[0],
                StandardCharsets.UTF_8, null);
        return new RetryableException(-1, "failed", method, cause, (Long) null, request);
    }

    private static RetryableException answer(HttpMethod method, int status, Long retryAfter) {
        Request request = Request.create(method, "https://api.pingxx.com/v1/charges", Map.of(), new byte[0],
                StandardCharsets.UTF_8, null);
        PingppException typed = new ApiException("HTTP " + status,
                new ErrorResponse(status, null, null, null, null, "", Map.of()), null);
        return new RetryableException(status, "HTTP " + status, method, typed, retryAfter, request);
    }

    @Test
    void aPostThatWasNotSentIsRetriedUpToTheBoundWithGrowingDelays() {
        RetryableException refused = failure(HttpMethod.POST, new RequestNotSentException(new ConnectException("refused")));
        for (int i = 0; i < 3; i++) {
            retryer.continueOrPropagate(refused);
        }
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));

        assertThatThrownBy(() -> retryer.continueOrPropagate(refused))
                .isInstanceOf(RetryableException.class)
                .cause().isInstanceOf(ApiConnectionException.class)
                .satisfies(e -> assertThat(((ApiConnectionException) e).mayHaveReachedServer()).isFalse());
    }

    @Test
    void aPostOrPutThatMayHaveBeenSentIsNeverRetried() {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH}) {
            assertThatThrownBy(() -> retryer.clone().continueOrPropagate(failure(method, new SocketTimeoutException("read timed out"))))
                    .cause().isInstanceOf(ApiConnectionException.class)
                    .satisfies(e -> assertThat(((ApiConnectionException) e).mayHaveReachedServer()).isTrue());
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void getAndDeleteAreRetriedAfterAnyIoFailure() {
        retryer.continueOrPropagate(failure(HttpMethod.GET, new SocketTimeoutException("read timed out")));
        retryer.continueOrPropagate(failure(HttpMethod.DELETE, new IOException("unexpected end of stream")));
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aRetryableAnswerEndsWithTheTypedExceptionWhenTheBoundIsReached() {
        RetryableException busy = answer(HttpMethod.GET, 503, null);
        for (int i = 0; i < 3; i++) {
            retryer.continueOrPropagate(busy);
        }
        assertThatThrownBy(() -> retryer.continueOrPropagate(busy))
                .cause().isInstanceOf(ApiException.class).hasMessage("HTTP 503");
    }

    @Test
    void retryAfterIsWaitedWhenLongerThanTheBackoff() {
        retryer.continueOrPropagate(answer(HttpMethod.GET, 429, CLOCK.millis() + 1500));
        assertThat(sleeps).containsExactly(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterBeyondTheLongestDelayEndsTheCall() {
        assertThatThrownBy(() -> retryer.continueOrPropagate(answer(HttpMethod.GET, 503, CLOCK.millis() + 60_000)))
                .cause().isInstanceOf(ApiException.class);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void eachCallCountsItsOwnAttempts() {
        RetryableException refused = failure(HttpMethod.GET, new RequestNotSentException(new ConnectException("refused")));
        for (int i = 0; i < 3; i++) {
            retryer.continueOrPropagate(refused);
        }
        SafeRetryer nextCall = (SafeRetryer) retryer.clone();
        nextCall.continueOrPropagate(refused);
        assertThat(sleeps).hasSize(4);
    }

    @Test
    void anInterruptedWaitEndsTheCallAndKeepsTheInterrupt() {
        SafeRetryer interrupted = new SafeRetryer(POLICY, duration -> {
            throw new InterruptedException();
        }, () -> 1.0, CLOCK);
        try {
            assertThatThrownBy(() -> interrupted.continueOrPropagate(failure(HttpMethod.GET, new IOException("x"))))
                    .cause().isInstanceOf(ApiConnectionException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
