package org.pingppopenapi.toolingit;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Paths the build passes in (system properties set by tooling-it/pom.xml), and running the tools as processes. */
final class Tooling {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Any sk_test_ key opens an account of its own in the sandbox: a fresh one per run. */
    static final String APP_ID = "app_1Gqj58ynP0mHeX1q";

    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        Result requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr);
            }
            return this;
        }
    }

    private Tooling() {
    }

    static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run the tests through Maven, "
                    + "e.g. ./mvnw -B -pl tooling-it -am verify");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    static Path existing(String property) {
        Path path = path(property);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + property + ") does not exist: the build makes it before the tests");
        }
        return path;
    }

    /** A node script of the pinned npm tools, {@code <root>/node_modules/<script>}. */
    static Path nodeModule(String script) {
        Path path = path("pingpp.root").resolve("node_modules").resolve(script);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: the root build installs the pinned npm tools (package.json)");
        }
        return path;
    }

    static String apiKey(String purpose) {
        return "sk_test_" + purpose + Long.toHexString(System.nanoTime());
    }

    /** Runs a command to its end (a generous limit guards against a hang only) and returns what it printed. */
    static Result run(Path directory, Map<String, String> environment, List<String> command) {
        try {
            Files.createDirectories(directory);
            Path stdout = Files.createTempFile(directory, "process", ".out");
            Path stderr = Files.createTempFile(directory, "process", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().put("NO_COLOR", "1");
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("Cannot run " + command.get(0) + ": install it (see the README's API tooling section)", e);
            }
            process.getOutputStream().close();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 10 minutes");
            }
            return new Result(command, process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
