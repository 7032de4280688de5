package org.pingppopenapi.prism;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Started as a separate JVM by {@link OrphanProtectionTest}: runs a mock, reports its base URI, then waits to be
 * killed.
 */
public final class PrismInAnotherJvm {

    static final String READY_PREFIX = "PRISM_BASE_URI=";

    private PrismInAnotherJvm() {
    }

    public static void main(String[] args) throws IOException {
        PrismServer server = PrismServer.startMock(Path.of(args[0]), PrismOptions.defaults());
        System.out.println(READY_PREFIX + server.baseUri());
        System.out.flush();
        while (System.in.read() != -1) {
            // Block until the test kills this JVM (or closes our stdin).
        }
    }
}
