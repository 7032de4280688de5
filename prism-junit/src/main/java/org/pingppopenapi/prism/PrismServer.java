package org.pingppopenapi.prism;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.pingppopenapi.prism.internal.ContainerPrism;
import org.pingppopenapi.prism.internal.DockerProbe;
import org.pingppopenapi.prism.internal.PrismBackend;
import org.pingppopenapi.prism.internal.PrismCommand;
import org.pingppopenapi.prism.internal.PrismImage;
import org.pingppopenapi.prism.internal.PrismProcess;
import org.pingppopenapi.prism.internal.PrismStarter;
import org.pingppopenapi.prism.internal.RepositoryRoot;

/**
 * A Prism server, for as long as this object is open: a local node process, or, when {@link PrismMode} asks for it
 * and Docker is there, the {@code stoplight/prism} container at the same version.
 *
 * <p>Prism ignores the path of the spec's {@code servers[].url}, so {@link #baseUri()} has no path: a client
 * for {@code https://api.pingxx.com/v1} must be pointed at {@code baseUri()} itself, not {@code baseUri() + "/v1"}.
 *
 * <p>Node and Prism come from the repository's {@code node_modules}, which the Maven build installs. Nothing here
 * skips a test when they are missing: it fails with a message that says how to install them.
 */
public final class PrismServer implements AutoCloseable {

    private final PrismProcess prism;

    private PrismServer(PrismProcess prism) {
        this.prism = prism;
    }

    /** Starts {@code prism mock} for the spec, where {@link PrismMode#configured()} says, and returns once it listens. */
    public static PrismServer startMock(Path spec, PrismOptions options) {
        Path absolute = existing(spec);
        PrismCommand command = PrismCommand.mock(absolute, options);
        return new PrismServer(switch (PrismBackend.choose(PrismMode.configured(), DockerProbe.system())) {
            case LOCAL -> PrismStarter.start(command, options.startupTimeout());
            case CONTAINER -> ContainerPrism.start(absolute, command, PrismImage.configured(RepositoryRoot.locate()),
                    options.startupTimeout(), Path.of("target", "prism-logs").toAbsolutePath());
        });
    }

    /**
     * Starts {@code prism proxy}, which validates traffic against the spec while forwarding it to {@code upstream}.
     * Always a local node process, whatever the {@link PrismMode}: the upstream is a server on this host.
     */
    public static PrismServer startProxy(Path spec, URI upstream, PrismOptions options) {
        Objects.requireNonNull(upstream, "upstream");
        return new PrismServer(
                PrismStarter.start(PrismCommand.proxy(existing(spec), upstream, options), options.startupTimeout()));
    }

    private static Path existing(Path spec) {
        Path absolute = spec.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IllegalArgumentException("OpenAPI document not found: " + absolute);
        }
        return absolute;
    }

    /** {@code http://127.0.0.1:<port>}, without any path. */
    public URI baseUri() {
        return prism.baseUri();
    }

    /** The most recent lines Prism printed (about 500), oldest first. */
    public List<String> recentLog() {
        return prism.recentLog();
    }

    /** Everything Prism printed, under {@code target/prism-logs/}. */
    public Path logFile() {
        return prism.logFile();
    }

    /** Stops Prism and waits until it is gone. Idempotent. */
    @Override
    public void close() {
        prism.close();
    }

    @Override
    public String toString() {
        return "PrismServer[" + prism + "]";
    }
}
