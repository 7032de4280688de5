package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.pingppopenapi.prism.PrismOptions;

class PrismCommandTest {

    private static final Path SPEC = Path.of("/repo/spec/pingpp-openapi.yaml");

    @Test
    void mockListensOnLoopbackInOneProcessWithErrorsByDefault() {
        PrismCommand command = PrismCommand.mock(SPEC, PrismOptions.defaults());

        assertThat(command.arguments(41234)).containsExactly(
                "mock", "/repo/spec/pingpp-openapi.yaml", "-p", "41234", "-h", "127.0.0.1", "-m", "false", "--errors");
        assertThat(command.label(41234)).isEqualTo("pingpp-openapi-mock-41234");
    }

    @Test
    void appendsDynamicAndExtraArguments() {
        PrismOptions options = PrismOptions.defaults().withErrors(false).withDynamic(true)
                .withExtraArgs("--seed", "7");

        assertThat(PrismCommand.mock(SPEC, options).arguments(1)).endsWith("-m", "false", "-d", "--seed", "7");
    }

    @Test
    void proxyForwardsToTheUpstream() {
        PrismCommand command = PrismCommand.proxy(SPEC, URI.create("http://127.0.0.1:8080"), PrismOptions.defaults());

        assertThat(command.arguments(2)).startsWith("proxy", "/repo/spec/pingpp-openapi.yaml", "http://127.0.0.1:8080");
    }

    @Test
    void proxyRefusesDynamicResponses() {
        assertThatThrownBy(() -> PrismCommand.proxy(SPEC, URI.create("http://127.0.0.1:8080"),
                PrismOptions.defaults().withDynamic(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inAContainerPrismListensOnAllInterfacesAndReadsTheCopiedSpec() {
        PrismCommand command = PrismCommand.mock(SPEC, PrismOptions.defaults().withExtraArgs("--seed", "7"));

        assertThat(command.containerArguments("/tmp/prism-spec/pingpp-openapi.yaml", 4010)).containsExactly(
                "mock", "/tmp/prism-spec/pingpp-openapi.yaml", "-p", "4010", "-h", "0.0.0.0", "-m", "false",
                "--errors", "--seed", "7");
        assertThat(command.containerLabel()).isEqualTo("pingpp-openapi-mock-container");
    }

    @Test
    void aProxyDoesNotRunInAContainer() {
        PrismCommand proxy = PrismCommand.proxy(SPEC, URI.create("http://127.0.0.1:8080"), PrismOptions.defaults());

        assertThatThrownBy(() -> proxy.containerArguments("/tmp/prism-spec/pingpp-openapi.yaml", 4010))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
