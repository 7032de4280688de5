package org.pingppopenapi.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrismModeTest {

    @Test
    void localWhenNothingIsConfigured() {
        assertThat(PrismMode.parse(null, null)).isEqualTo(PrismMode.LOCAL);
        assertThat(PrismMode.parse(" ", "")).isEqualTo(PrismMode.LOCAL);
    }

    @Test
    void thePropertyWinsOverTheEnvironment() {
        assertThat(PrismMode.parse("container", "local")).isEqualTo(PrismMode.CONTAINER);
        assertThat(PrismMode.parse(null, "auto")).isEqualTo(PrismMode.AUTO);
        assertThat(PrismMode.parse("", "Container")).isEqualTo(PrismMode.CONTAINER);
    }

    @Test
    void namesAreReadIgnoringCaseAndSpaces() {
        assertThat(PrismMode.parse(" AUTO ", null)).isEqualTo(PrismMode.AUTO);
        assertThat(PrismMode.parse("Local", null)).isEqualTo(PrismMode.LOCAL);
    }

    @Test
    void anUnknownModeFailsNamingWhereItCameFromAndTheChoices() {
        assertThatThrownBy(() -> PrismMode.parse("docker", null))
                .isInstanceOf(PrismException.class)
                .hasMessage("-Dprism.mode=docker is not a Prism mode; use local, container or auto");
        assertThatThrownBy(() -> PrismMode.parse(null, "podman"))
                .isInstanceOf(PrismException.class)
                .hasMessageStartingWith("PRISM_MODE=podman");
    }
}
