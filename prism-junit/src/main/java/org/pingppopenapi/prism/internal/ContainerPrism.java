package org.pingppopenapi.prism.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.pingppopenapi.prism.PrismException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Prism in the {@code stoplight/prism} image, through Testcontainers: the spec is copied into the container, Prism
 * listens on {@value #PORT} inside it, and readiness is its {@code Prism is listening} line. Testcontainers' reaper
 * removes the container if the JVM dies.
 *
 * <p>The only class of this module that touches Testcontainers (an optional dependency): it is loaded only once the
 * container backend has been chosen, which requires Testcontainers on the class path.
 */
public final class ContainerPrism implements PrismProcess {

    static final int PORT = 4010;
    static final String SPEC_DIRECTORY = "/tmp/prism-spec/";
    private static final int RECENT_LINES = 500;

    private final String label;
    private final GenericContainer<?> container;
    private final LogRing recent = new LogRing(RECENT_LINES);
    private final Path logFile;
    private final BufferedWriter log;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ContainerPrism(String label, GenericContainer<?> container, Path logFile, BufferedWriter log) {
        this.label = label;
        this.container = container;
        this.logFile = logFile;
        this.log = log;
    }

    /** Whether Testcontainers finds a Docker engine. */
    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /**
     * Starts Prism in a container and returns once it listens.
     *
     * @throws PrismException when the container does not start or Prism does not listen within {@code startupTimeout}
     */
    public static PrismProcess start(Path spec, PrismCommand command, String image, Duration startupTimeout,
            Path logDirectory) {
        String specInContainer = SPEC_DIRECTORY + spec.getFileName();
        String label = command.containerLabel();
        Path logFile = logDirectory.resolve(label + "-" + System.nanoTime() + ".log");
        BufferedWriter log = openLog(logFile);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withCopyFileToContainer(MountableFile.forHostPath(spec), specInContainer)
                .withCommand(command.containerArguments(specInContainer, PORT).toArray(String[]::new))
                .withExposedPorts(PORT)
                .waitingFor(Wait.forLogMessage(".*" + OutputPump.READY_LINE + ".*", 1).withStartupTimeout(startupTimeout));
        ContainerPrism prism = new ContainerPrism(label, container, logFile, log);
        container.withLogConsumer(prism::record);
        try {
            container.start();
            return prism;
        } catch (RuntimeException e) {
            prism.close();
            throw new PrismException("Prism (" + label + ", image " + image + ") did not start: " + e.getMessage()
                    + ". Its output (also in " + logFile + "):\n" + String.join("\n", prism.recentLog()), e);
        }
    }

    private static BufferedWriter openLog(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            return Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the Prism log " + logFile, e);
        }
    }

    private void record(OutputFrame frame) {
        if (frame.getBytes() == null) {
            return;
        }
        String line = frame.getUtf8StringWithoutLineEnding();
        recent.add(line);
        synchronized (log) {
            try {
                log.write(line);
                log.newLine();
                log.flush();
            } catch (IOException logUnwritable) {
                // The ring still holds the line for failure reports.
            }
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
    }

    @Override
    public List<String> recentLog() {
        return recent.lines();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            container.stop();
        } finally {
            synchronized (log) {
                try {
                    log.close();
                } catch (IOException alreadyGone) {
                    // Nothing left to flush.
                }
            }
        }
    }

    @Override
    public String toString() {
        return label + " (" + container.getDockerImageName() + ")";
    }
}
