package org.pingppopenapi.prism.internal;

import java.nio.file.Path;
import java.util.List;

/** Attached to a failed test as a suppressed exception, so the report shows what Prism saw. */
public final class PrismLogExcerpt extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PrismLogExcerpt(String server, Path logFile, List<String> lines) {
        super("Last " + lines.size() + " lines of " + server + " (full log: " + logFile + "):\n"
                + String.join("\n", lines), null, false, false);
    }
}
