package org.pingppopenapi.prism.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pingppopenapi.prism.PrismOptions;
import org.pingppopenapi.prism.TestSpecs;

/** The orphan protection itself: the launcher must take Prism down once nobody holds its stdin any more. */
class LauncherScriptTest {

    private static final long EXIT_WAIT_SECONDS = 15;

    @Test
    void stopsPrismWhenStdinReachesEndOfFile(@TempDir Path directory)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Process launcher = startLauncher(directory);
        try {
            awaitReadyLine(launcher);
            List<ProcessHandle> prism = launcher.descendants().toList();
            assertThat(prism).as("Prism runs as the launcher's child").isNotEmpty();

            launcher.getOutputStream().close();

            launcher.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            for (ProcessHandle process : prism) {
                process.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(prism).noneMatch(ProcessHandle::isAlive);
            assertThat(launcher.exitValue()).as("128 + SIGTERM, reported for Prism").isEqualTo(143);
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    private static Process startLauncher(Path directory) throws IOException {
        PrismInstallation installation = PrismInstallation.locate();
        List<String> command = new ArrayList<>(List.of(installation.node().toString(),
                LauncherScript.installInto(directory).toString(), installation.prismCli().toString()));
        command.addAll(PrismCommand.mock(TestSpecs.tiny(), PrismOptions.defaults()).arguments(FreePorts.next()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void awaitReadyLine(Process launcher) throws IOException {
        BufferedReader output = new BufferedReader(
                new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            seen.add(line);
            if (line.contains(OutputPump.READY_LINE)) {
                return;
            }
        }
        throw new AssertionError("Prism exited before it was ready:\n" + String.join("\n", seen));
    }
}
