package org.pingppopenapi.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root: where package.json is, and the node_modules the Maven build installs from it. */
final class RepositoryRoot {

    /** Set by the build (surefire) to the multi-module root; tests run from an IDE fall back to searching. */
    static final String PROPERTY = "pingpp.root";

    private RepositoryRoot() {
    }

    static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve("package.json"))) {
                throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " has no package.json; point it at the checkout's root");
            }
            return root;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No package.json above " + Path.of("").toAbsolutePath()
                + "; run the tests inside the checkout or pass -D" + PROPERTY + "=<checkout root>");
    }

    /**
     * A file the Maven build installs under node_modules; fails, never skips, when it is missing, because a
     * check that silently does not run is worse than a red build.
     */
    static Path nodeModule(String relativePath) {
        Path root = locate();
        Path file = root.resolve("node_modules").resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing. The Maven build installs the pinned npm tools into "
                    + root.resolve("node_modules") + ": run ./mvnw verify (or ./mvnw validate) in " + root + " first.");
        }
        return file;
    }
}
