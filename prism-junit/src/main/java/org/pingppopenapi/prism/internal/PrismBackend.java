package org.pingppopenapi.prism.internal;

import org.pingppopenapi.prism.PrismException;
import org.pingppopenapi.prism.PrismMode;

/** The backend a {@link PrismMode} comes down to on this machine. */
public enum PrismBackend {
    LOCAL,
    CONTAINER;

    /**
     * {@code local} is always local; {@code container} is a container or an error saying what is missing;
     * {@code auto} is a container when possible, otherwise local (Docker is only asked when Testcontainers is there).
     */
    public static PrismBackend choose(PrismMode mode, DockerProbe docker) {
        return switch (mode) {
            case LOCAL -> LOCAL;
            case AUTO -> docker.testcontainersPresent() && docker.dockerAvailable() ? CONTAINER : LOCAL;
            case CONTAINER -> {
                if (!docker.testcontainersPresent()) {
                    throw new PrismException("prism.mode=container needs org.testcontainers:testcontainers on the test"
                            + " class path (an optional dependency of pingpp-prism-junit); add it, or use prism.mode=local");
                }
                if (!docker.dockerAvailable()) {
                    throw new PrismException("prism.mode=container needs a Docker engine, and Testcontainers found none;"
                            + " start Docker, or use prism.mode=local (node) or auto");
                }
                yield CONTAINER;
            }
        };
    }
}
