package org.pingppopenapi.prism.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.pingppopenapi.prism.PrismException;

/** One launched Prism process (behind the stdin-EOF launcher) on one port. */
public final class RunningPrism implements PrismProcess {

    static final String HOST = "127.0.0.1";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(200);

    private final String label;
    private final int port;
    private final Process launcher;
    /** Held open for the server's lifetime: closing it (or the JVM dying) makes the launcher stop Prism. */
    private final OutputStream launcherStdin;
    private final OutputPump output;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RunningPrism(String label, int port, Process launcher, OutputPump output) {
        this.label = label;
        this.port = port;
        this.launcher = launcher;
        this.launcherStdin = launcher.getOutputStream();
        this.output = output;
        this.shutdownHook = new Thread(this::close, "prism-shutdown-" + label);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static RunningPrism launch(PrismInstallation installation, Path launcherScript, PrismCommand command, int port,
            Path logDirectory) {
        List<String> commandLine = new ArrayList<>(List.of(
                installation.node().toString(), launcherScript.toString(), installation.prismCli().toString()));
        commandLine.addAll(command.arguments(port));
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        builder.environment().put("NO_COLOR", "1");
        builder.environment().put("FORCE_COLOR", "0");
        String label = command.label(port);
        Process process = start(builder);
        try {
            OutputPump output = OutputPump.start(
                    process.getInputStream(), logDirectory.resolve(label + ".log"), "prism-output-" + label);
            return new RunningPrism(label, port, process, output);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new PrismException("Cannot run " + String.join(" ", builder.command()), e);
        }
    }

    /**
     * Returns once Prism listens: it printed its ready line, or, as a fallback should that line ever change, the
     * port went from refusing to accepting connections while our process lived. The fallback requires having seen
     * the port refuse, so a foreign listener on the port is never mistaken for Prism (Prism then exits with
     * EADDRINUSE).
     *
     * @throws AddressInUseException if Prism could not bind the port, so the caller can retry on another one
     * @throws PrismException        if Prism exited for another reason or did not listen in time
     */
    void awaitReady(Duration timeout) throws AddressInUseException {
        Instant deadline = Instant.now().plus(timeout);
        boolean portWasRefused = false;
        try {
            while (!output.awaitListening(POLL_INTERVAL)) {
                if (!launcher.isAlive()) {
                    throw exitedBeforeReady();
                }
                if (!acceptsConnections()) {
                    portWasRefused = true;
                } else if (portWasRefused) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw failure("did not start listening within " + timeout.toSeconds() + " s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("start was interrupted");
        }
    }

    private RuntimeException exitedBeforeReady() throws InterruptedException, AddressInUseException {
        output.awaitDrained(STOP_GRACE);
        if (output.sawAddressInUse()) {
            throw new AddressInUseException(port);
        }
        return failure("exited with code " + launcher.exitValue() + " before it was ready");
    }

    private PrismException failure(String what) {
        return new PrismException("Prism (" + label + ") " + what + ". Its output (also in " + output.logFile()
                + "):\n" + String.join("\n", output.recentLines()));
    }

    private boolean acceptsConnections() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Override
    public URI baseUri() {
        return URI.create("http://" + HOST + ":" + port);
    }

    @Override
    public List<String> recentLog() {
        return output.recentLines();
    }

    @Override
    public Path logFile() {
        return output.logFile();
    }

    /**
     * Stops the launcher (SIGTERM, which it forwards to Prism; exit code 143 is the normal outcome), escalates to a
     * forced kill after 5 s, and waits for Prism itself to be gone.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        List<ProcessHandle> prismProcesses = launcher.descendants().toList();
        launcher.destroy();
        if (!waitForExit(launcher.toHandle())) {
            launcher.destroyForcibly();
        }
        prismProcesses.stream().filter(process -> !waitForExit(process)).forEach(ProcessHandle::destroyForcibly);
        closeStdin();
        try {
            output.awaitDrained(STOP_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process) {
        try {
            process.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for process " + process.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void closeStdin() {
        try {
            launcherStdin.close();
        } catch (IOException launcherAlreadyGone) {
            // Nobody is left to read it.
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownAlreadyRunning) {
            // close() is being called by the hook itself.
        }
    }

    @Override
    public String toString() {
        return label + " at " + baseUri();
    }
}
