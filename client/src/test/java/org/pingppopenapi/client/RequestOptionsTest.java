package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.RechargeCreateRequest;

/** What one call changes of the client's settings, and that the next call is back to the client's. */
class RequestOptionsTest {

    private static final String OTHER_KEY = "sk_test_subMerchant0123456789abcd";

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

    @Test
    void aCallCanUseAnotherKeyAndTheNextIsBackToTheClients() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).authScheme(AuthScheme.BASIC).build();

        client.charges().retrieve(MockApi.CHARGE_ID, null, RequestOptions.builder().apiKey(OTHER_KEY).build());
        client.charges().retrieve(MockApi.CHARGE_ID);

        assertThat(MockApi.take(server).getHeaders().get("Authorization")).isEqualTo(basic(OTHER_KEY));
        assertThat(MockApi.take(server).getHeaders().get("Authorization")).isEqualTo(basic(MockApi.API_KEY));
    }

    @Test
    void theAppOfAppScopedOperationsComesFromTheCallOrTheClient() throws Exception {
        String recharge = "{\"id\":\"220180517753149716480010\",\"object\":\"recharge\",\"amount\":100}";
        server.enqueue(MockApi.ok(recharge));
        server.enqueue(MockApi.ok(recharge));
        PingppClient client = MockApi.clientFor(server).appId(MockApi.APP_ID).build();

        client.recharges().retrieve("220180517753149716480010");
        client.recharges().retrieve("220180517753149716480010", RequestOptions.builder().appId("app_LibTW1n1SOq9Pin1").build());

        assertThat(MockApi.take(server).getTarget()).isEqualTo("/v1/apps/app_1Gqj58ynP0mHeX1q/recharges/220180517753149716480010");
        assertThat(MockApi.take(server).getTarget()).isEqualTo("/v1/apps/app_LibTW1n1SOq9Pin1/recharges/220180517753149716480010");
    }

    @Test
    void headersAndTheApiVersionAddToTheClientsForOneCall() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).header("Accept-Language", "zh-CN").header("X-Shop", "1")
                .pingppVersion("2025-04-08").build();

        client.charges().retrieve(MockApi.CHARGE_ID, null, RequestOptions.builder().header("Accept-Language", "en-US")
                .header("X-Trace", "abc").pingppVersion("2026-01-01").build());
        client.charges().retrieve(MockApi.CHARGE_ID);

        RecordedRequest changed = MockApi.take(server);
        assertThat(changed.getHeaders().values("Accept-Language")).containsExactly("en-US");
        assertThat(changed.getHeaders().get("X-Shop")).isEqualTo("1");
        assertThat(changed.getHeaders().get("X-Trace")).isEqualTo("abc");
        assertThat(changed.getHeaders().get("Pingplusplus-Version")).isEqualTo("2026-01-01");
        RecordedRequest usual = MockApi.take(server);
        assertThat(usual.getHeaders().values("Accept-Language")).containsExactly("zh-CN");
        assertThat(usual.getHeaders().get("X-Trace")).isNull();
        assertThat(usual.getHeaders().get("Pingplusplus-Version")).isEqualTo("2025-04-08");
    }

    @Test
    void noApiVersionIsSentUnlessAsked() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        MockApi.clientFor(server).build().charges().retrieve(MockApi.CHARGE_ID);

        assertThat(MockApi.take(server).getHeaders().get("Pingplusplus-Version")).isNull();
    }

    @Test
    void aCallCanHaveItsOwnTimeouts() throws Exception {
        List<int[]> seen = new CopyOnWriteArrayList<>();
        OkHttpClient observed = new OkHttpClient.Builder()
                .addNetworkInterceptor(chain -> {
                    seen.add(new int[] {chain.connectTimeoutMillis(), chain.readTimeoutMillis(), chain.writeTimeoutMillis()});
                    return chain.proceed(chain.request());
                })
                .build();
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = MockApi.clientFor(server).httpClient(observed)
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(80)).build();

        client.charges().retrieve(MockApi.CHARGE_ID, null, RequestOptions.builder()
                .connectTimeout(Duration.ofMillis(1500)).readTimeout(Duration.ofMillis(2500)).build());
        client.charges().retrieve(MockApi.CHARGE_ID);

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).containsExactly(1500, 2500, 2500);
        assertThat(seen.get(1)).containsExactly(30_000, 80_000, 80_000);
    }

    @Test
    void theClientsOwnHeadersCannotBeGivenForACall() {
        for (String reserved : List.of("Authorization", "content-type", "Pingplusplus-Signature",
                "Pingplusplus-Request-Timestamp", "Pingplusplus-Version", "User-Agent")) {
            assertThatThrownBy(() -> RequestOptions.builder().header(reserved, "x"))
                    .as(reserved).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RequestOptions.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestOptions.builder().apiKey(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsNameWhatTheySetAndHideTheKey() {
        RequestOptions options = RequestOptions.builder().apiKey(OTHER_KEY).appId(MockApi.APP_ID)
                .preflight(PreflightMode.WARN).header("X-Trace", "abc").build();

        assertThat(options.toString()).doesNotContain(OTHER_KEY)
                .isEqualTo("RequestOptions{apiKey=<redacted>, appId=app_1Gqj58ynP0mHeX1q, headers=[X-Trace], preflight=WARN}");
        assertThat(options.toBuilder().appId("app_LibTW1n1SOq9Pin1").build().apiKey()).isEqualTo(OTHER_KEY);
    }

    @Test
    void anAsynchronousCallTakesOptionsToo() throws Exception {
        server.enqueue(MockApi.ok("{\"id\":\"220180517753149716480010\",\"object\":\"recharge\",\"amount\":100}"));
        PingppClient client = MockApi.clientFor(server).preflight(PreflightMode.OFF).build();

        client.async().recharges().create(new RechargeCreateRequest().user("user_002"),
                RequestOptions.builder().appId(MockApi.APP_ID).apiKey(OTHER_KEY).build())
                .get(30, java.util.concurrent.TimeUnit.SECONDS);

        RecordedRequest request = MockApi.take(server);
        assertThat(request.getTarget()).isEqualTo("/v1/apps/app_1Gqj58ynP0mHeX1q/recharges");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + OTHER_KEY);
    }

    private static String basic(String key) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((key + ":").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
