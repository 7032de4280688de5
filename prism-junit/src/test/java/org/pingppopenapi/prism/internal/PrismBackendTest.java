package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingppopenapi.prism.PrismException;
import org.pingppopenapi.prism.PrismMode;

/** Which backend each mode comes down to, with Testcontainers and Docker present or not. */
class PrismBackendTest {

    /** A machine with or without Testcontainers and Docker, counting how often Docker was asked. */
    private static final class FakeDocker implements DockerProbe {
        private final boolean testcontainers;
        private final boolean docker;
        private int dockerQuestions;

        FakeDocker(boolean testcontainers, boolean docker) {
            this.testcontainers = testcontainers;
            this.docker = docker;
        }

        @Override
        public boolean testcontainersPresent() {
            return testcontainers;
        }

        @Override
        public boolean dockerAvailable() {
            dockerQuestions++;
            return docker;
        }
    }

    @Test
    void localIsLocalWithoutAskingDocker() {
        FakeDocker docker = new FakeDocker(true, true);
        assertThat(PrismBackend.choose(PrismMode.LOCAL, docker)).isEqualTo(PrismBackend.LOCAL);
        assertThat(docker.dockerQuestions).isZero();
    }

    @Test
    void autoIsAContainerOnlyWithTestcontainersAndDocker() {
        assertThat(PrismBackend.choose(PrismMode.AUTO, new FakeDocker(true, true))).isEqualTo(PrismBackend.CONTAINER);
        assertThat(PrismBackend.choose(PrismMode.AUTO, new FakeDocker(true, false))).isEqualTo(PrismBackend.LOCAL);
        FakeDocker withoutTestcontainers = new FakeDocker(false, true);
        assertThat(PrismBackend.choose(PrismMode.AUTO, withoutTestcontainers)).isEqualTo(PrismBackend.LOCAL);
        assertThat(withoutTestcontainers.dockerQuestions).as("Docker is not asked without Testcontainers").isZero();
    }

    @Test
    void containerIsAContainerOrSaysWhatIsMissing() {
        assertThat(PrismBackend.choose(PrismMode.CONTAINER, new FakeDocker(true, true))).isEqualTo(PrismBackend.CONTAINER);
        assertThatThrownBy(() -> PrismBackend.choose(PrismMode.CONTAINER, new FakeDocker(false, true)))
                .isInstanceOf(PrismException.class)
                .hasMessageContaining("org.testcontainers:testcontainers");
        assertThatThrownBy(() -> PrismBackend.choose(PrismMode.CONTAINER, new FakeDocker(true, false)))
                .isInstanceOf(PrismException.class)
                .hasMessageContaining("needs a Docker engine");
    }

    @Test
    void theSystemProbeSeesTestcontainersOnThisModulesClassPath() {
        assertThat(DockerProbe.system().testcontainersPresent()).isTrue();
    }
}
