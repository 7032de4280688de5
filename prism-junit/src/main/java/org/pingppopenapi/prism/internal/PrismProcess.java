package org.pingppopenapi.prism.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** One running Prism, wherever it runs: a local node process ({@link RunningPrism}) or a container ({@link ContainerPrism}). */
public interface PrismProcess extends AutoCloseable {

    /** {@code http://<host>:<port>}, without any path. */
    URI baseUri();

    /** The most recent lines Prism printed, oldest first. */
    List<String> recentLog();

    /** Everything Prism printed. */
    Path logFile();

    /** Stops Prism and waits until it is gone. Idempotent. */
    @Override
    void close();
}
