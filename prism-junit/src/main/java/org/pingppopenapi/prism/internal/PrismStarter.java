package org.pingppopenapi.prism.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;

import org.pingppopenapi.prism.PrismException;

/** Launches Prism on a free port and waits until it listens, retrying when the port was taken in the meantime. */
public final class PrismStarter {

    static final int MAX_ATTEMPTS = 3;

    private final PrismInstallation installation;
    private final Path workDirectory;
    private final IntSupplier ports;

    PrismStarter(PrismInstallation installation, Path workDirectory, IntSupplier ports) {
        this.installation = installation;
        this.workDirectory = workDirectory;
        this.ports = ports;
    }

    /** Uses the repository's node tools, a free port, and {@code target/} of the working directory. */
    public static RunningPrism start(PrismCommand command, Duration startupTimeout) {
        Path target = Path.of("target").toAbsolutePath();
        return new PrismStarter(PrismInstallation.locate(), target, FreePorts::next).launch(command, startupTimeout);
    }

    RunningPrism launch(PrismCommand command, Duration startupTimeout) {
        Path launcherScript = LauncherScript.installInto(workDirectory.resolve("prism-launcher"));
        Path logDirectory = workDirectory.resolve("prism-logs");
        for (int attempt = 1; ; attempt++) {
            RunningPrism prism = RunningPrism.launch(installation, launcherScript, command, ports.getAsInt(),
                    logDirectory);
            try {
                prism.awaitReady(startupTimeout);
                return prism;
            } catch (AddressInUseException e) {
                prism.close();
                if (attempt == MAX_ATTEMPTS) {
                    throw new PrismException(command + " could not bind a port in " + MAX_ATTEMPTS
                            + " attempts; the last one said " + e.getMessage() + ". See " + prism.logFile());
                }
            } catch (RuntimeException e) {
                prism.close();
                throw e;
            }
        }
    }
}
