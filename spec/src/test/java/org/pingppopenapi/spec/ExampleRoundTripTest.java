package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ExampleRoundTrip} against a stub server that records the request and answers what the test says. */
class ExampleRoundTripTest {

    private record Received(String method, String pathAndQuery, String authorization, String contentType,
            String requestTimestamp, String body) {
    }

    private final AtomicReference<Received> received = new AtomicReference<>();
    private final AtomicReference<String> answer = new AtomicReference<>("{}");
    private HttpServer stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", exchange -> {
            received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Pingplusplus-Request-Timestamp"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    @Test
    void sendsTheFirstRequestExampleWithPingppBasicAuthentication() throws InterruptedException {
        problems("compliant.yaml", "createCharge");

        assertThat(received.get()).isEqualTo(new Received("POST", "/v1/charges",
                "Basic c2tfdGVzdF9pYmJUZTVqTEdDaTVyemZINE9xUFc5S0M6", "application/json", null,
                "{\"order_no\":\"123456789\",\"amount\":100,\"metadata\":{\"color\":1}}"));
    }

    @Test
    void fillsPathAndHeaderParametersAndExplodesArrayQueryParametersWithLiteralBrackets() throws InterruptedException {
        problems("prism/misbehaving.yaml", "retrieveApp");

        assertThat(received.get().method()).isEqualTo("GET");
        assertThat(received.get().pathAndQuery()).isEqualTo("/v1/apps/app_1Gqj58ynP0mHeX1q?expand[]=user&expand[]=balance");
        assertThat(received.get().requestTimestamp()).isEqualTo("1410834527");
        assertThat(received.get().body()).isEmpty();
    }

    @Test
    void acceptsTheExampleWhateverTheNumberNotation() throws InterruptedException {
        answer.set("{\"created\": 1410834527.0, \"id\": \"app_1Gqj58ynP0mHeX1q\"}");

        assertThat(problems("prism/misbehaving.yaml", "retrieveApp")).isEmpty();
    }

    @Test
    void reportsABodyOtherThanTheFirstExample() throws InterruptedException {
        answer.set("{\"id\": \"app_other\", \"created\": 1410834527}");

        assertThat(problems("prism/misbehaving.yaml", "retrieveApp")).singleElement().asString()
                .startsWith("GET /v1/apps/app_1Gqj58ynP0mHeX1q?expand[]=user&expand[]=balance answered 200 with a body other "
                        + "than the 200 example 'app'")
                .contains("expected: {\"id\":\"app_1Gqj58ynP0mHeX1q\",\"created\":1410834527}")
                .contains("actual:   {\"id\":\"app_other\",\"created\":1410834527}");
    }

    @Test
    void reportsABodyThatIsNotJson() throws InterruptedException {
        answer.set("<html>");

        assertThat(problems("prism/misbehaving.yaml", "retrieveApp")).singleElement().asString().endsWith("with a body that is not JSON: <html>");
    }

    private List<String> problems(String fixture, String operationId) throws InterruptedException {
        SpecDocument spec = SpecDocument.fixture(fixture);
        OperationSite operation = OperationSite.all(spec.model()).stream()
                .filter(site -> operationId.equals(site.operation().getOperationId()))
                .findFirst().orElseThrow();
        URI baseUri = URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
        return new ExampleRoundTrip(spec, baseUri).problems(operation);
    }
}
