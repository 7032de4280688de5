package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pingppopenapi.prism.PrismException;
import org.pingppopenapi.prism.PrismOptions;
import org.pingppopenapi.prism.TestSpecs;

class PrismStarterTest {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final PrismCommand MOCK_TINY = PrismCommand.mock(TestSpecs.tiny(), PrismOptions.defaults());

    @Test
    void retriesOnAnotherPortWhenTheFirstIsTaken() throws IOException {
        try (ServerSocket occupant = occupyLoopbackPort()) {
            int taken = occupant.getLocalPort();
            int free = FreePorts.next();

            try (RunningPrism prism = starter(List.of(taken, free)).launch(MOCK_TINY, STARTUP_TIMEOUT)) {
                assertThat(prism.baseUri().getPort()).isEqualTo(free);
                assertThat(logOfAttemptOn(taken)).content().contains(OutputPump.ADDRESS_IN_USE);
            }
        }
    }

    @Test
    void givesUpAfterThreeAttempts() throws IOException {
        try (ServerSocket occupant = occupyLoopbackPort()) {
            int taken = occupant.getLocalPort();
            PrismStarter starter = starter(List.of(taken, taken, taken, FreePorts.next()));

            assertThatThrownBy(() -> starter.launch(MOCK_TINY, STARTUP_TIMEOUT))
                    .isInstanceOf(PrismException.class)
                    .hasMessageContaining("could not bind a port in 3 attempts")
                    .hasMessageContaining("port " + taken + " is already in use");
        }
    }

    private static ServerSocket occupyLoopbackPort() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getByName(RunningPrism.HOST));
    }

    private static PrismStarter starter(List<Integer> ports) {
        Iterator<Integer> next = ports.iterator();
        return new PrismStarter(PrismInstallation.locate(), workDirectory(), next::next);
    }

    private static Path workDirectory() {
        return Path.of("target").toAbsolutePath();
    }

    private static Path logOfAttemptOn(int port) {
        return workDirectory().resolve("prism-logs").resolve(MOCK_TINY.label(port) + ".log");
    }
}
