package org.pingppopenapi.prism.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code prism-launcher.cjs}, copied out of the jar so node can run it. The launcher stops Prism when its stdin
 * reaches EOF, which is what protects against orphans when the JVM is killed.
 */
public final class LauncherScript {

    static final String FILE_NAME = "prism-launcher.cjs";

    private LauncherScript() {
    }

    /** Writes the launcher into {@code directory} (atomically, so parallel test JVMs can share it). */
    public static Path installInto(Path directory) {
        Path target = directory.resolve(FILE_NAME);
        try (InputStream script = LauncherScript.class.getResourceAsStream(FILE_NAME)) {
            if (script == null) {
                throw new IllegalStateException(FILE_NAME + " is missing from the prism-junit jar");
            }
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, FILE_NAME, ".tmp");
            Files.copy(script, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
