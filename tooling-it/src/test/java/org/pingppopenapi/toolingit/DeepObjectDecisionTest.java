package org.pingppopenapi.toolingit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.prism.PrismOptions;
import org.pingppopenapi.prism.PrismServer;
import org.pingppopenapi.prism.PrismViolation;
import org.pingppopenapi.prism.PrismViolations;

/**
 * Why the published spec keeps {@code style: deepObject} for the bracketed query keys and the build derives the
 * flat-query edition for the other tools: Prism matches only the deepObject form. (The other half, that the python
 * client needs the flat form, is {@link PythonClientTest}; typescript-fetch and Postman read the deepObject form,
 * {@link TypeScriptClientTest} and {@link NewmanRunTest}.) When Prism learns bracketed names
 * (stoplightio/prism#2443), the second test fails, and one file can serve every tool.
 */
@DisplayName("The deepObject decision, in Prism")
class DeepObjectDecisionTest {

    private static final String LIST_CHARGES = "/v1/charges?app%5Bid%5D=" + Tooling.APP_ID;

    @Test
    @DisplayName("prism mock of the published spec (deepObject) answers List charges with app[id]")
    void prismMatchesTheDeepObjectForm() throws Exception {
        try (PrismServer prism = PrismServer.startMock(Tooling.existing("tooling.spec"), PrismOptions.defaults())) {
            HttpResponse<String> answer = get(prism.baseUri().resolve(LIST_CHARGES));
            assertThat(answer.statusCode()).as("List charges").isEqualTo(200);
            PrismViolations.assertNone(answer.headers().map());
        }
    }

    @Test
    @DisplayName("prism mock of the flat-query edition (app[id] as a parameter name) cannot find app[id] in the same request")
    void prismCannotMatchBracketedNames() throws Exception {
        try (PrismServer prism = PrismServer.startMock(Tooling.existing("tooling.spec.flatQuery"), PrismOptions.defaults())) {
            HttpResponse<String> answer = get(prism.baseUri().resolve(LIST_CHARGES));
            assertThat(answer.statusCode()).as("List charges, %s", answer.body()).isEqualTo(400);
            assertThat(PrismViolations.in(answer.headers().map())).as("Prism's violations").extracting(PrismViolation::message)
                    .anySatisfy(message -> assertThat(message).containsIgnoringCase("required property 'app%5bid%5d'"));
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((Tooling.apiKey("prism") + ":").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + basic).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
