package org.pingppopenapi.prism.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.pingppopenapi.prism.PrismException;

/** The checkout that holds {@code package.json} and the {@code node_modules} the build installed. */
public final class RepositoryRoot {

    /** Set by the Maven build (surefire) so tests never depend on their working directory. */
    public static final String PROPERTY = "pingpp.root";

    static final String INSTALL_HINT = "Run ./mvnw -B verify (or just ./mvnw -B validate) in the repository root:"
            + " the build installs the pinned npm tools, Prism among them, into node_modules.";

    private RepositoryRoot() {
    }

    public static Path locate() {
        String configured = System.getProperty(PROPERTY, "");
        if (!configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path directory = start; directory != null; directory = directory.getParent()) {
            if (Files.isRegularFile(directory.resolve("package.json"))
                    && Files.isDirectory(directory.resolve("node_modules"))) {
                return directory;
            }
        }
        throw new PrismException("Cannot find the repository root: no directory from " + start
                + " upwards has both package.json and node_modules. " + INSTALL_HINT
                + " Alternatively set -D" + PROPERTY + "=<checkout>.");
    }
}
