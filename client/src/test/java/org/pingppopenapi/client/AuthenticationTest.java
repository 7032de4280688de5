package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pingppopenapi.client.model.AppReference;
import org.pingppopenapi.client.model.ChargeCreateRequest;

/** The API key on the wire, and nowhere else: not in exceptions, messages, causes or {@code toString()}. */
class AuthenticationTest {

    private static final String SECRET = "sk_live_0123456789abcdefSECRETxyz";

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
    void theKeyIsSentAsABearerTokenByDefault() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        MockApi.clientFor(server).apiKey(SECRET).allowLiveKeyAtBaseUrl().build().charges().retrieve(MockApi.CHARGE_ID);

        var request = MockApi.take(server);
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(request.getHeaders().get("User-Agent")).startsWith("pingpp-openapi-java/");
    }

    @Test
    void theKeyCanBeSentAsTheBasicUserNameWithAnEmptyPassword() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        MockApi.clientFor(server).apiKey(SECRET).allowLiveKeyAtBaseUrl().authScheme(AuthScheme.BASIC).build()
                .charges().retrieve(MockApi.CHARGE_ID);

        String authorization = MockApi.take(server).getHeaders().get("Authorization");
        assertThat(authorization).startsWith("Basic ");
        assertThat(new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8))
                .isEqualTo(SECRET + ":");
    }

    @Test
    void extraHeadersAreSentButCannotReplaceTheClientsOwn() throws Exception {
        server.enqueue(MockApi.ok(MockApi.CHARGE));
        MockApi.clientFor(server).header("Accept-Language", "zh-CN").build()
                .charges().retrieve(MockApi.CHARGE_ID);
        assertThat(MockApi.take(server).getHeaders().get("Accept-Language")).isEqualTo("zh-CN");

        for (String reserved : List.of("Authorization", "authorization", "Pingplusplus-Signature", "User-Agent")) {
            assertThatThrownBy(() -> PingppClient.builder().header(reserved, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theKeyAppearsInNoFailureOfAnyKind() throws Exception {
        List<Throwable> failures = new ArrayList<>();
        PingppClient client = MockApi.clientFor(server).apiKey(SECRET).allowLiveKeyAtBaseUrl().maxRetries(0)
                .readTimeout(Duration.ofMillis(300)).privateKey(TestVectors.text(TestVectors.PKCS1_PRIVATE_KEY)).build();
        for (int status : new int[] {400, 401, 402, 403, 404, 429, 500}) {
            server.enqueue(MockApi.json(status, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"no\"}}"));
            failures.add(catchFailure(() -> client.charges().retrieve(MockApi.CHARGE_ID)));
        }
        server.enqueue(MockApi.json(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API key: "
                + SECRET + "\"}}"));
        failures.add(catchFailure(() -> client.charges().retrieve(MockApi.CHARGE_ID)));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        failures.add(catchFailure(() -> client.charges().retrieve(MockApi.CHARGE_ID)));
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        failures.add(catchFailure(() -> client.charges().create(new ChargeCreateRequest().orderNo("123456789")
                .app(new AppReference().id(MockApi.APP_ID)).channel("upacp").amount(100L).clientIp("127.0.0.1")
                .currency("cny").subject("s").body("b"))));
        failures.add(catchFailure(() -> client.charges().create(new ChargeCreateRequest())));
        failures.add(catchFailure(() -> client.charges().retrieve(MockApi.CHARGE_ID, null,
                RequestOptions.builder().apiKey(SECRET + "\n").build())));
        failures.add(catchFailure(() -> PingppClient.builder().apiKey(SECRET + " ").build()));
        failures.add(catchFailure(() -> PingppClient.builder().apiKey(SECRET).privateKey(SECRET).build()));

        assertThat(failures).hasSize(14).allSatisfy(failure -> assertThat(everythingPrintedAbout(failure)).doesNotContain(SECRET));
        assertThat(client.toString()).doesNotContain(SECRET).contains("BEARER key", "signed");
        assertThat(client.charges().toString()).doesNotContain(SECRET);
        assertThat(RequestOptions.builder().apiKey(SECRET).build().toString()).doesNotContain(SECRET).contains("apiKey");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "  ", "sk_test_ abc", "sk_test_\tabc", "sk_test_abc\n", "sk_test_密钥"})
    void aMissingOrMalformedKeyFailsTheBuild(String apiKey) {
        assertThatThrownBy(() -> PingppClient.builder().apiKey(apiKey).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apiKey");
    }

    private static Throwable catchFailure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("The call did not fail");
    }

    private static String everythingPrintedAbout(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(cause.toString());
            if (cause instanceof PingppException pingpp) {
                text.append(String.valueOf(pingpp.response()));
            }
        }
        return text.toString();
    }
}
