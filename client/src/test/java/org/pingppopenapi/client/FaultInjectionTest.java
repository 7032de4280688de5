package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ChargeCreateRequest;
import org.pingppopenapi.client.model.OrderCancelRequest;

/**
 * The client against a local server that misbehaves on purpose: slow, dropping connections, failing, answering with
 * bodies that are not Ping++ errors. Asserts what the server received, never how long anything took.
 */
class FaultInjectionTest {

    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ChargeCreateRequest validCharge() {
        return new ChargeCreateRequest().orderNo("123456789").app(new AppReference().id(MockApi.APP_ID))
                .channel("upacp").amount(100L).clientIp("127.0.0.1").currency("cny").subject("Your Subject")
                .body("Your Body");
    }

    private static MockResponse stall() {
        return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
    }

    private static MockResponse dropAfterReadingTheRequest() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    @Nested
    class PostsThatMayHaveReachedTheServerAreNeverResent {

        @Test
        void aPostThatTimesOutIsSentExactlyOnce() {
            server.enqueue(stall());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).readTimeout(SHORT_READ_TIMEOUT).maxRetries(5).build();

            assertThatThrownBy(() -> client.charges().create(validCharge()))
                    .asInstanceOf(type(ApiConnectionException.class))
                    .satisfies(e -> {
                        assertThat(e.mayHaveReachedServer()).isTrue();
                        assertThat(e.getMessage()).contains("POST may have reached the server and was not resent");
                    });
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aPostWhoseConnectionDropsIsSentExactlyOnce() {
            server.enqueue(dropAfterReadingTheRequest());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).maxRetries(5).build();

            assertThatThrownBy(() -> client.charges().create(validCharge()))
                    .asInstanceOf(type(ApiConnectionException.class))
                    .extracting(ApiConnectionException::mayHaveReachedServer).isEqualTo(true);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aPostAnswered503IsNotResent() {
            server.enqueue(MockApi.json(503, "{\"error\":{\"type\":\"api_error\",\"message\":\"busy\"}}"));
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).maxRetries(5).build();

            assertThatThrownBy(() -> client.charges().create(validCharge()))
                    .isInstanceOf(ApiException.class)
                    .extracting(e -> ((ApiException) e).httpStatus()).isEqualTo(503);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aPutThatTimesOutIsSentExactlyOnce() {
            server.enqueue(stall());
            server.enqueue(MockApi.ok("{}"));
            PingppClient client = MockApi.clientFor(server).readTimeout(SHORT_READ_TIMEOUT).maxRetries(5).build();

            assertThatThrownBy(() -> client.orders().cancel("2001608270000004421",
                    new OrderCancelRequest().status(OrderCancelRequest.StatusEnum.CANCELED)))
                    .isInstanceOf(ApiConnectionException.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void aPostToAServerThatRefusesTheConnectionWasNotSent() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            PingppClient client = PingppClient.builder().apiKey(MockApi.API_KEY)
                    .baseUrl("http://127.0.0.1:" + closedPort).maxRetries(2)
                    .retryDelays(Duration.ofMillis(1), Duration.ofMillis(5)).build();

            assertThatThrownBy(() -> client.charges().create(validCharge()))
                    .asInstanceOf(type(ApiConnectionException.class))
                    .satisfies(e -> {
                        assertThat(e.mayHaveReachedServer()).isFalse();
                        assertThat(e.getMessage()).contains("the request was not sent");
                    });
        }
    }

    @Nested
    class IdempotentRequestsAreRetriedWithBackoff {

        @Test
        void aGetIsRetriedOn5xxUntilItSucceeds() throws Exception {
            server.enqueue(MockApi.json(502, "<html>Bad Gateway</html>"));
            server.enqueue(MockApi.json(503, ""));
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).maxRetries(2).build();

            Charge charge = client.charges().retrieve(MockApi.CHARGE_ID);

            assertThat(charge.getId()).isEqualTo(MockApi.CHARGE_ID);
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void aGetIsRetriedAfterADroppedConnection() {
            server.enqueue(dropAfterReadingTheRequest());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).build();

            assertThat(client.charges().retrieve(MockApi.CHARGE_ID).getId()).isEqualTo(MockApi.CHARGE_ID);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void aDeleteIsRetriedOn500() {
            server.enqueue(MockApi.json(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"oops\"}}"));
            server.enqueue(MockApi.ok("{\"id\":\"app_q5eff1jHKqXP9qvr\",\"deleted\":true}"));
            PingppClient client = MockApi.clientFor(server).appId(MockApi.APP_ID).build();

            assertThat(client.subApps().delete("app_q5eff1jHKqXP9qvr").getDeleted()).isTrue();
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void retriesStopAtTheConfiguredBoundWithTheLastAnswer() {
            for (int i = 0; i < 5; i++) {
                server.enqueue(MockApi.json(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"attempt " + i + "\"}}"));
            }
            PingppClient client = MockApi.clientFor(server).maxRetries(3).build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("HTTP 500 api_error: attempt 3");
            assertThat(server.getRequestCount()).isEqualTo(4);
        }

        @Test
        void noRetriesWhenDisabled() {
            server.enqueue(MockApi.json(503, ""));
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).maxRetries(0).build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .isInstanceOf(ApiException.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void a429IsRetriedAfterTheRetryAfterTheServerAsks() {
            server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").body("").build());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).build();

            assertThat(client.charges().retrieve(MockApi.CHARGE_ID).getId()).isEqualTo(MockApi.CHARGE_ID);
            assertThat(server.getRequestCount()).isEqualTo(2);
        }

        @Test
        void aRetryAfterLongerThanTheLongestDelayEndsTheCall() {
            server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "3600").body("").build());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).response().orElseThrow().headers())
                            .containsKey("Retry-After"));
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void clientErrorsAreNotRetried() {
            server.enqueue(MockApi.json(404, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"No such charge\",\"param\":\"id\"}}"));
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Nested
    class AsynchronousCallsFollowTheSameRules {

        @Test
        void anAsynchronousPostThatTimesOutIsSentExactlyOnce() {
            server.enqueue(stall());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).readTimeout(SHORT_READ_TIMEOUT).maxRetries(5).build();

            assertThat(client.async().charges().create(validCharge()))
                    .failsWithin(Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(ApiConnectionException.class)
                    .withMessageContaining("POST may have reached the server and was not resent");
            assertThat(server.getRequestCount()).isEqualTo(1);
        }

        @Test
        void anAsynchronousGetIsRetriedOn5xxUntilItSucceeds() {
            server.enqueue(MockApi.json(502, "<html>Bad Gateway</html>"));
            server.enqueue(MockApi.json(503, ""));
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).maxRetries(2).build();

            assertThat(client.async().charges().retrieve(MockApi.CHARGE_ID))
                    .succeedsWithin(Duration.ofSeconds(30))
                    .extracting(Charge::getId).isEqualTo(MockApi.CHARGE_ID);
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void anAsynchronousCallRefusedBeforeSendingFailsItsFuture() {
            PingppClient client = MockApi.clientFor(server).build();

            assertThat(client.async().charges().retrieve(" "))
                    .failsWithin(Duration.ofSeconds(30))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause().isInstanceOf(InvalidRequestException.class);
            assertThat(server.getRequestCount()).isZero();
        }

        @Test
        void manyAsynchronousCallsAtOnceAllComplete() {
            int calls = 20;
            for (int i = 0; i < calls; i++) {
                server.enqueue(MockApi.ok(MockApi.CHARGE));
            }
            PingppClient client = MockApi.clientFor(server).build();

            java.util.List<java.util.concurrent.CompletableFuture<Charge>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(client.async().charges().retrieve(MockApi.CHARGE_ID));
            }
            assertThat(java.util.concurrent.CompletableFuture.allOf(futures.toArray(java.util.concurrent.CompletableFuture[]::new)))
                    .succeedsWithin(Duration.ofSeconds(60));
            assertThat(futures).allSatisfy(future -> assertThat(future.join().getId()).isEqualTo(MockApi.CHARGE_ID));
            assertThat(server.getRequestCount()).isEqualTo(calls);
        }
    }

    @Nested
    class TimeoutsAreHonoured {

        @Test
        void everyAttemptOfAGetEndsAtTheReadTimeout() {
            for (int i = 0; i < 3; i++) {
                server.enqueue(stall());
            }
            PingppClient client = MockApi.clientFor(server).readTimeout(SHORT_READ_TIMEOUT).maxRetries(2).build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .asInstanceOf(type(ApiConnectionException.class))
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOf(java.net.SocketTimeoutException.class));
            assertThat(server.getRequestCount()).isEqualTo(3);
        }

        @Test
        void aCallsOwnReadTimeoutReplacesTheClients() {
            server.enqueue(stall());
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient client = MockApi.clientFor(server).readTimeout(Duration.ofMinutes(5)).maxRetries(0).build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID, null,
                    RequestOptions.builder().readTimeout(SHORT_READ_TIMEOUT).build()))
                    .asInstanceOf(type(ApiConnectionException.class))
                    .satisfies(e -> assertThat(e.getCause()).isInstanceOf(java.net.SocketTimeoutException.class));
            assertThat(client.charges().retrieve(MockApi.CHARGE_ID).getId()).isEqualTo(MockApi.CHARGE_ID);
        }

        @Test
        void aSlowAnswerWithinTheTimeoutIsRead() {
            server.enqueue(new MockResponse.Builder(MockApi.ok(MockApi.CHARGE)).headersDelay(100, TimeUnit.MILLISECONDS).build());
            PingppClient client = MockApi.clientFor(server).readTimeout(Duration.ofSeconds(30)).maxRetries(0).build();

            assertThat(client.charges().retrieve(MockApi.CHARGE_ID).getId()).isEqualTo(MockApi.CHARGE_ID);
        }
    }

    @Nested
    class UnreadableAnswersAreStillTyped {

        private PingppException failureFor(MockResponse answer) {
            server.enqueue(answer);
            PingppClient client = MockApi.clientFor(server).maxRetries(0).build();
            try {
                client.charges().retrieve(MockApi.CHARGE_ID);
            } catch (PingppException e) {
                return e;
            }
            throw new AssertionError("The call did not fail");
        }

        @Test
        void anEmpty400IsAnInvalidRequest() {
            PingppException e = failureFor(MockApi.json(400, ""));
            assertThat(e).isInstanceOf(InvalidRequestException.class).hasMessage("HTTP 400 with an empty body");
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.rawBody()).isEmpty();
            assertThat(e.type()).isNull();
        }

        @Test
        void anHtml402IsAChannelErrorKeepingTheBody() {
            PingppException e = failureFor(new MockResponse.Builder().code(402).body("<html>oops</html>").build());
            assertThat(e).isInstanceOf(ChannelException.class)
                    .hasMessage("HTTP 402 with a body that is not a Ping++ error (17 bytes)");
            assertThat(e.rawBody()).isEqualTo("<html>oops</html>");
        }

        @Test
        void anErrorThatIsNotAnObjectIsStillAnAuthenticationFailure() {
            PingppException e = failureFor(MockApi.json(401, "{\"error\":\"No API key provided\"}"));
            assertThat(e).isInstanceOf(AuthenticationException.class);
            assertThat(e.rawBody()).isEqualTo("{\"error\":\"No API key provided\"}");
        }

        @Test
        void truncatedJsonIsAnApiError() {
            PingppException e = failureFor(MockApi.json(500, "{\"error\":{\"type\":\"api_err"));
            assertThat(e).isInstanceOf(ApiException.class);
            assertThat(e.httpStatus()).isEqualTo(500);
        }

        @Test
        void a403IsARateLimit() {
            PingppException e = failureFor(MockApi.json(403,
                    "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Too many concurrent requests\"}}"));
            assertThat(e).isInstanceOf(RateLimitException.class);
            assertThat(e.type()).isEqualTo("invalid_request_error");
        }

        @Test
        void anUnexpectedStatusGoesByTheErrorType() {
            assertThat(failureFor(MockApi.json(409, "{\"error\":{\"type\":\"channel_error\",\"message\":\"x\",\"code\":\"channel_request_error\"}}")))
                    .isInstanceOf(ChannelException.class)
                    .hasMessage("HTTP 409 channel_error: x (code channel_request_error)");
        }

        @Test
        void anUnexpectedStatusWithoutTypeIsAnApiError() {
            assertThat(failureFor(MockApi.json(418, "I'm a teapot"))).isInstanceOf(ApiException.class);
        }

        @Test
        void aMalformedSuccessBodyIsAnApiErrorKeepingTheBody() {
            PingppException e = failureFor(MockApi.ok("{\"id\": \"ch_1\", "));
            assertThat(e).isInstanceOf(ApiException.class).hasMessageStartingWith("HTTP 200: the answer is not a readable Charge");
            assertThat(e.rawBody()).isEqualTo("{\"id\": \"ch_1\", ");
        }

        @Test
        void anEmptySuccessBodyIsAnApiError() {
            assertThat(failureFor(MockApi.ok(""))).isInstanceOf(ApiException.class)
                    .hasMessageContaining("the body is empty");
        }
    }
}
