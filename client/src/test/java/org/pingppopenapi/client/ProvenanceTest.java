package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pingppopenapi.spec.PingppSpec;

class ProvenanceTest {

    @Test
    void theJarNamesTheSpecItWasGeneratedFromAndThePinnedGenerator() {
        Provenance provenance = Provenance.current();

        assertThat(provenance.specSha256()).isEqualTo(PingppSpec.sha256());
        assertThat(provenance.generatorInputSha256()).matches("[0-9a-f]{64}").isNotEqualTo(provenance.specSha256());
        assertThat(provenance.generator()).isEqualTo("pingpp ClientSources (services) + openapi-generator java (models)");
        assertThat(provenance.generatorVersion()).isEqualTo("7.25.0");
        assertThat(provenance.clientVersion()).isNotBlank();
    }
}
