package org.pingppopenapi.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class PrismServerTest {

    @Test
    void closeStopsPrismAndFreesItsPort() throws IOException, InterruptedException {
        Set<ProcessHandle> before = childProcesses();
        PrismServer server = PrismServer.startMock(TestSpecs.tiny(), PrismOptions.defaults());
        URI baseUri = server.baseUri();
        Set<ProcessHandle> started = childProcesses();
        started.removeAll(before);
        assertThat(new ChargesClient(baseUri).createCharge("{\"amount\": 1}").statusCode()).isEqualTo(200);

        server.close();

        assertThat(started).as("the launcher and Prism").hasSizeGreaterThanOrEqualTo(2).noneMatch(ProcessHandle::isAlive);
        assertThatThrownBy(() -> new Socket(baseUri.getHost(), baseUri.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void closeTwiceIsHarmless() {
        PrismServer server = PrismServer.startMock(TestSpecs.tiny(), PrismOptions.defaults());

        server.close();

        assertThatCode(server::close).doesNotThrowAnyException();
    }

    @Test
    void detectsReadinessWithoutTheReadyLine() throws IOException, InterruptedException {
        PrismOptions quiet = PrismOptions.defaults().withExtraArgs("--verboseLevel", "warn");

        try (PrismServer server = PrismServer.startMock(TestSpecs.tiny(), quiet)) {
            assertThat(server.recentLog()).noneMatch(line -> line.contains("Prism is listening"));
            assertThat(new ChargesClient(server.baseUri()).createCharge("{\"amount\": 1}").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void startupFailureReportsTheExitCodeAndPrismsOutput() {
        assertThatThrownBy(() -> PrismServer.startMock(TestSpecs.broken(), PrismOptions.defaults()))
                .isInstanceOf(PrismException.class)
                .hasMessageContaining("exited with code 1 before it was ready")
                .hasMessageContaining("invalid mixed usage of block and flow styles")
                .hasMessageContaining("prism-logs");
    }

    @Test
    void rejectsAMissingSpecBeforeLaunchingAnything() {
        assertThatThrownBy(() -> PrismServer.startMock(Path.of("no/such/spec.yaml"), PrismOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OpenAPI document not found")
                .hasMessageContaining("spec.yaml");
    }

    @Test
    void startupTimeoutMustBePositive() {
        assertThatThrownBy(() -> PrismOptions.defaults().withStartupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<ProcessHandle> childProcesses() {
        return ProcessHandle.current().descendants().collect(Collectors.toSet());
    }
}
