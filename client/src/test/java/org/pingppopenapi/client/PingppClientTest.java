package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's checks and the client's life cycle. */
class PingppClientTest {

    @Test
    void theDefaultsAreThePingppApiBearerAndValidation() {
        PingppClient client = PingppClient.builder().apiKey(MockApi.API_KEY).build();
        assertThat(client).hasToString("PingppClient[https://api.pingxx.com, BEARER key]");
        assertThat(PingppClient.PINGPP_API).hasToString("https://api.pingxx.com");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://api.pingxx.com/v1", "https://api.pingxx.com?x=1", "ftp://api.pingxx.com",
            "api.pingxx.com", "https:///v1"})
    void aBaseUrlWithAPathOrWithoutHostIsRefused(String url) {
        assertThatThrownBy(() -> PingppClient.builder().baseUrl(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTrailingSlashIsFine() {
        assertThat(PingppClient.builder().apiKey(MockApi.API_KEY).baseUrl("http://127.0.0.1:4010/").build())
                .hasToString("PingppClient[http://127.0.0.1:4010, BEARER key]");
    }

    @Test
    void nonsenseSettingsAreRefused() {
        PingppClient.Builder builder = PingppClient.builder();
        assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.retryDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.header("X-Bad Name", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLiveKeyIsRefusedOverPlainHttpOrToAnotherHostUnlessAllowed() {
        String live = "sk_live_0123456789abcdefSECRETxyz";
        for (String url : List.of("http://api.pingxx.com", "https://api.pingxx.com.evil.example", "http://127.0.0.1:4010",
                "https://api.pingxx.com:8443")) {
            assertThatThrownBy(() -> PingppClient.builder().apiKey(live).baseUrl(url).build())
                    .as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("live key").hasMessageNotContaining(live);
        }
        assertThat(PingppClient.builder().apiKey(live).build()).hasToString("PingppClient[https://api.pingxx.com, BEARER key]");
        assertThat(PingppClient.builder().apiKey(live).baseUrl("https://api.pingxx.com:443").build()).isNotNull();
        assertThat(PingppClient.builder().apiKey(live).baseUrl("http://127.0.0.1:4010").allowLiveKeyAtBaseUrl().build())
                .isNotNull();
        assertThat(PingppClient.builder().apiKey(MockApi.API_KEY).baseUrl("http://127.0.0.1:4010").build()).isNotNull();
    }

    @Test
    void aLiveKeyGivenForOneCallIsRefusedToo() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            PingppClient client = MockApi.clientFor(server).build();
            RequestOptions live = RequestOptions.builder().apiKey("sk_live_0123456789abcdefSECRETxyz").build();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID, null, live))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("live key");
            assertThat(client.async().charges().retrieve(MockApi.CHARGE_ID, null, live))
                    .failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .withCauseInstanceOf(IllegalArgumentException.class);
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void aClosedClientRefusesCalls() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            PingppClient client = MockApi.clientFor(server).preflight(PreflightMode.OFF).build();
            client.close();
            client.close();

            assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("is closed");
            assertThat(server.getRequestCount()).isZero();
        }
    }
}
