package org.pingppopenapi.prism.internal;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains Prism's combined stdout/stderr on a daemon thread into a {@link LogRing} and a log file, and notices the
 * lines that matter for startup. Draining also keeps Prism from blocking on a full pipe.
 */
final class OutputPump {

    static final String READY_LINE = "Prism is listening";
    static final String ADDRESS_IN_USE = "EADDRINUSE";
    private static final int RECENT_LINES = 500;

    private final LogRing recent = new LogRing(RECENT_LINES);
    private final CountDownLatch listening = new CountDownLatch(1);
    private final CountDownLatch drained = new CountDownLatch(1);
    private final Path logFile;
    private volatile boolean addressInUse;

    private OutputPump(Path logFile) {
        this.logFile = logFile;
    }

    static OutputPump start(InputStream output, Path logFile, String threadName) {
        OutputPump pump = new OutputPump(logFile);
        BufferedWriter log = openLog(logFile);
        Thread thread = new Thread(() -> pump.drain(output, log), threadName);
        thread.setDaemon(true);
        thread.start();
        return pump;
    }

    private static BufferedWriter openLog(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            return Files.newBufferedWriter(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Prism log " + logFile, e);
        }
    }

    private void drain(InputStream output, BufferedWriter log) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8));
             log) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                accept(line);
                log.write(line);
                log.newLine();
                log.flush();
            }
        } catch (IOException e) {
            recent.add("[prism-junit] reading Prism's output failed: " + e);
        } finally {
            drained.countDown();
        }
    }

    private void accept(String line) {
        recent.add(line);
        if (line.contains(ADDRESS_IN_USE)) {
            addressInUse = true;
        }
        if (line.contains(READY_LINE)) {
            listening.countDown();
        }
    }

    boolean awaitListening(Duration timeout) throws InterruptedException {
        return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until the process's output has been read to its end, i.e. the process has exited. */
    boolean awaitDrained(Duration timeout) throws InterruptedException {
        return drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean sawAddressInUse() {
        return addressInUse;
    }

    List<String> recentLines() {
        return recent.lines();
    }

    Path logFile() {
        return logFile;
    }
}
