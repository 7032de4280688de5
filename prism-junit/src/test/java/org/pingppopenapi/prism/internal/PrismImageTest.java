package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pingppopenapi.prism.PrismException;

class PrismImageTest {

    @Test
    void theImageRunsThePrismVersionTheLockFilePins() {
        assertThat(PrismImage.configured(RepositoryRoot.locate())).isEqualTo("stoplight/prism:5.14.2");
    }

    @Test
    void theVersionIsReadFromTheLockFilesPackages() {
        String lock = """
                {"lockfileVersion": 3, "packages": {"": {"dependencies": {"@stoplight/prism-cli": "5.14.2"}},
                 "node_modules/@stoplight/prism-cli": {"version": "5.15.0", "license": "Apache-2.0"}}}""";
        assertThat(PrismImage.pinnedVersion(lock)).isEqualTo("5.15.0");
    }

    @Test
    void aLockFileWithoutPrismSaysHowToChooseTheImage() {
        assertThatThrownBy(() -> PrismImage.pinnedVersion("{\"packages\": {}}"))
                .isInstanceOf(PrismException.class)
                .hasMessageContaining("-Dprism.image");
    }

    @Test
    void thePropertyOverridesTheImage() {
        String previous = System.setProperty(PrismImage.PROPERTY, "registry.example/prism:5");
        try {
            assertThat(PrismImage.configured(RepositoryRoot.locate())).isEqualTo("registry.example/prism:5");
        } finally {
            if (previous == null) {
                System.clearProperty(PrismImage.PROPERTY);
            } else {
                System.setProperty(PrismImage.PROPERTY, previous);
            }
        }
    }
}
