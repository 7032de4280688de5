package org.pingppopenapi.prism.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.pingppopenapi.prism.PrismException;

/**
 * The Docker image of the container backend: {@code stoplight/prism} at the version {@code package-lock.json} pins
 * for {@code @stoplight/prism-cli}, so both backends run the same Prism. {@code -Dprism.image} overrides it.
 */
public final class PrismImage {

    public static final String PROPERTY = "prism.image";
    static final String REPOSITORY = "stoplight/prism";
    private static final String PRISM_CLI_PACKAGE = "node_modules/@stoplight/prism-cli";

    private PrismImage() {
    }

    /** The image for this checkout. */
    public static String configured(Path repositoryRoot) {
        String override = System.getProperty(PROPERTY, "");
        if (!override.isBlank()) {
            return override.strip();
        }
        Path lockFile = repositoryRoot.resolve("package-lock.json");
        try {
            return REPOSITORY + ":" + pinnedVersion(Files.readString(lockFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + lockFile, e);
        }
    }

    /** The version of {@code @stoplight/prism-cli} in a {@code package-lock.json} (lockfile version 2 or 3). */
    static String pinnedVersion(String packageLock) {
        if (Json.parse(packageLock) instanceof Map<?, ?> lock
                && lock.get("packages") instanceof Map<?, ?> packages
                && packages.get(PRISM_CLI_PACKAGE) instanceof Map<?, ?> prism
                && prism.get("version") instanceof String version
                && !version.isBlank()) {
            return version;
        }
        throw new PrismException("package-lock.json pins no version of @stoplight/prism-cli (looked for packages[\""
                + PRISM_CLI_PACKAGE + "\"].version); set -D" + PROPERTY + " to choose the image");
    }
}
