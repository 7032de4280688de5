package org.pingppopenapi.prism;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@WithPrism(spec = TestSpecs.TINY_FROM_REPOSITORY_ROOT)
class PrismMockTest {

    private static PrismServer serverSeenBeforeAll;

    @BeforeAll
    static void rememberServer(PrismServer prism) {
        serverSeenBeforeAll = prism;
    }

    @Test
    void baseUriIsTheLoopbackRootWithoutTheSpecsServerPath(PrismServer prism) {
        assertThat(prism.baseUri().getScheme()).isEqualTo("http");
        assertThat(prism.baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(prism.baseUri().getPath()).isEmpty();
    }

    @Test
    void servesTheSpecExampleForAValidRequest(PrismServer prism) throws IOException, InterruptedException {
        HttpResponse<String> response = new ChargesClient(prism.baseUri()).createCharge("{\"amount\": 100}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"id\":\"ch_Hm5uTSifDOuTy9iLeLPSurrD\"");
        PrismViolations.assertNone(response.headers().map());
    }

    @Test
    void reportsAnInvalidRequestAsAParsedViolation(PrismServer prism) throws IOException, InterruptedException {
        HttpResponse<String> response = new ChargesClient(prism.baseUri()).createCharge("{\"amount\": \"x\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(PrismViolations.in(response.headers().map())).singleElement().satisfies(violation -> {
            assertThat(violation.location()).containsExactly("request", "body", "amount");
            assertThat(violation.severity()).isEqualTo("Error");
            assertThat(violation.code()).isEqualTo("type");
        });
    }

    @Test
    void sharesOneServerAcrossTheClass(PrismServer prism) {
        assertThat(prism).isSameAs(serverSeenBeforeAll);
    }

    /**
     * Prism may be found listening (its port accepts) before its ready line has come through the pipe, on a loaded
     * machine: the line is awaited, 30 s at most, rather than expected at once.
     */
    @Test
    void logsWhatPrismPrints(PrismServer prism) throws InterruptedException {
        String ready = "Prism is listening on " + prism.baseUri();
        for (int i = 0; i < 300 && prism.recentLog().stream().noneMatch(line -> line.contains(ready)); i++) {
            Thread.sleep(100);
        }
        assertThat(prism.recentLog()).anyMatch(line -> line.contains(ready));
        assertThat(prism.logFile()).isRegularFile().content().contains("Prism is listening");
        assertThat(prism.logFile().getParent().getFileName()).hasToString("prism-logs");
    }
}
