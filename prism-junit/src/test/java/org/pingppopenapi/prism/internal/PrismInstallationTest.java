package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingppopenapi.prism.PrismException;

class PrismInstallationTest {

    @Test
    void explainsHowToInstallAMissingPrism(@TempDir Path checkoutWithoutNodeModules) {
        assertThatThrownBy(() -> PrismInstallation.locatePrismCli(checkoutWithoutNodeModules))
                .isInstanceOf(PrismException.class)
                .hasMessageContaining("The Prism CLI is not installed")
                .hasMessageContaining("./mvnw -B verify");
    }

    @Test
    void findsNodeOnlyWhereItIs(@TempDir Path emptyDirectory) {
        assertThat(PrismInstallation.findOnPath(emptyDirectory.toString())).isEmpty();
        assertThat(PrismInstallation.findOnPath("")).isEmpty();
        assertThat(PrismInstallation.locate().node()).isExecutable();
    }

    @Test
    void findsTheRepositoryRootTheBuildPassedIn() {
        assertThat(RepositoryRoot.locate().resolve("package.json")).isRegularFile();
        assertThat(PrismInstallation.locate().prismCli()).endsWith(Path.of("dist", "index.js"));
    }
}
