package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.model.Charge;

/** The HTTP stack is the user's: a proxy, their own OkHttpClient with its interceptors and pool. */
class TransportTest {

    /** A host that does not resolve: only a proxy can reach it. */
    private static final String UNRESOLVABLE = "http://api.pingxx.invalid";

    private MockWebServer proxy;

    @BeforeEach
    void start() throws IOException {
        proxy = new MockWebServer();
        proxy.start();
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private Proxy localProxy() {
        return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxy.getHostName(), proxy.getPort()));
    }

    @Test
    void aProxyOnTheBuilderCarriesEveryCall() throws Exception {
        proxy.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = PingppClient.builder().apiKey(MockApi.API_KEY).baseUrl(UNRESOLVABLE).proxy(localProxy())
                .maxRetries(0).build();

        Charge charge = client.charges().retrieve(MockApi.CHARGE_ID);

        assertThat(charge.getId()).isEqualTo(MockApi.CHARGE_ID);
        RecordedRequest seen = MockApi.take(proxy);
        assertThat(seen.getTarget()).isEqualTo(UNRESOLVABLE + "/v1/charges/" + MockApi.CHARGE_ID);
        assertThat(seen.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockApi.API_KEY);
    }

    @Test
    void theUsersOkHttpClientKeepsItsProxyAndInterceptors() throws Exception {
        List<String> intercepted = new CopyOnWriteArrayList<>();
        OkHttpClient own = new OkHttpClient.Builder()
                .proxy(localProxy())
                .addInterceptor(chain -> {
                    intercepted.add(chain.request().method() + " " + chain.request().url().encodedPath());
                    return chain.proceed(chain.request().newBuilder().header("X-Company-Trace", "t-1").build());
                })
                .build();
        proxy.enqueue(MockApi.ok(MockApi.CHARGE));
        proxy.enqueue(MockApi.ok(MockApi.CHARGE));
        PingppClient client = PingppClient.builder().apiKey(MockApi.API_KEY).baseUrl(UNRESOLVABLE).httpClient(own)
                .maxRetries(0).build();

        client.charges().retrieve(MockApi.CHARGE_ID);
        client.async().charges().retrieve(MockApi.CHARGE_ID).get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(intercepted).containsExactly("GET /v1/charges/" + MockApi.CHARGE_ID, "GET /v1/charges/" + MockApi.CHARGE_ID);
        assertThat(MockApi.take(proxy).getHeaders().get("X-Company-Trace")).isEqualTo("t-1");
    }

    @Test
    void closingTheClientLeavesTheUsersOkHttpClientUsable() throws Exception {
        OkHttpClient own = new OkHttpClient.Builder().build();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            server.enqueue(MockApi.ok(MockApi.CHARGE));
            PingppClient first = MockApi.clientFor(server).httpClient(own).build();
            first.charges().retrieve(MockApi.CHARGE_ID);
            first.close();

            PingppClient second = MockApi.clientFor(server).httpClient(own).build();
            assertThat(second.async().charges().retrieve(MockApi.CHARGE_ID).get(30, java.util.concurrent.TimeUnit.SECONDS)
                    .getId()).isEqualTo(MockApi.CHARGE_ID);
            assertThat(own.dispatcher().executorService().isShutdown()).isFalse();
        }
    }

    @Test
    void theClientNeverFollowsARedirect() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new mockwebserver3.MockResponse.Builder().code(302)
                    .setHeader("Location", "http://" + proxy.getHostName() + ":" + proxy.getPort() + "/stolen").build());
            PingppClient client = MockApi.clientFor(server).httpClient(new OkHttpClient.Builder().followRedirects(true)
                    .build()).maxRetries(0).build();

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.charges().retrieve(MockApi.CHARGE_ID))
                    .isInstanceOf(PingppException.class)
                    .satisfies(e -> assertThat(((PingppException) e).httpStatus()).isEqualTo(302));
            assertThat(proxy.getRequestCount()).isZero();
        }
    }
}
