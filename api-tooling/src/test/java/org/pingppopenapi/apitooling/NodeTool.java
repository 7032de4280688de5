package org.pingppopenapi.apitooling;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a pinned npm tool from {@code <root>/node_modules} with {@code node}, as the build does. */
final class NodeTool {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private NodeTool() {
    }

    static Result run(Path workFolder, String scriptUnderNodeModules, String... arguments) {
        Path script = BuildPaths.root().resolve("node_modules").resolve(scriptUnderNodeModules);
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(script + " is missing: the root build installs the npm tools");
        }
        return runScript(workFolder, script, arguments);
    }

    /** Runs a script of the project (such as {@code api-tooling/tools/postman-collection.cjs}) with {@code node}. */
    static Result runScript(Path workFolder, Path script, String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", script.toString()));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(workFolder);
            Path stdout = Files.createTempFile(workFolder, "node-tool", ".out");
            Path stderr = Files.createTempFile(workFolder, "node-tool", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(BuildPaths.root().toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), Files.readString(stdout, UTF_8), Files.readString(stderr, UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }
}
