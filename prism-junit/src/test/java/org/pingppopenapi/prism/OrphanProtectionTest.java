package org.pingppopenapi.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.pingppopenapi.prism.internal.RepositoryRoot;

/** A JVM killed with SIGKILL runs no shutdown hook; Prism must still go away, via the launcher's stdin EOF. */
class OrphanProtectionTest {

    private static final long EXIT_WAIT_SECONDS = 15;

    @Test
    void prismDiesWithAForciblyKilledJvm()
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Process jvm = startJvmRunningPrism();
        try {
            URI baseUri = awaitBaseUri(jvm);
            List<ProcessHandle> launcherAndPrism = jvm.descendants().toList();
            assertThat(launcherAndPrism).hasSizeGreaterThanOrEqualTo(2);

            jvm.destroyForcibly().onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);

            for (ProcessHandle process : launcherAndPrism) {
                process.onExit().get(EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
            }
            assertThat(launcherAndPrism).noneMatch(ProcessHandle::isAlive);
            assertThatThrownBy(() -> new Socket(baseUri.getHost(), baseUri.getPort()).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            jvm.descendants().forEach(ProcessHandle::destroyForcibly);
            jvm.destroyForcibly();
        }
    }

    private static Process startJvmRunningPrism() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + RepositoryRoot.PROPERTY + "=" + RepositoryRoot.locate(),
                PrismInAnotherJvm.class.getName(),
                TestSpecs.tiny().toString())
                .redirectErrorStream(true)
                .start();
    }

    private static URI awaitBaseUri(Process jvm) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(PrismInAnotherJvm.READY_PREFIX)) {
                return URI.create(line.substring(PrismInAnotherJvm.READY_PREFIX.length()));
            }
            seen.add(line);
        }
        throw new AssertionError("The JVM exited before Prism was ready:\n" + String.join("\n", seen));
    }
}
