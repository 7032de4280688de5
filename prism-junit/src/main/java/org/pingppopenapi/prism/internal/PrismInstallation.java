package org.pingppopenapi.prism.internal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.pingppopenapi.prism.PrismException;

/** The node executable and the Prism CLI script that {@link RunningPrism} launches. */
public record PrismInstallation(Path node, Path prismCli) {

    /** Overrides the node executable found on {@code PATH}. */
    public static final String NODE_PROPERTY = "prism.node";

    static final String PRISM_CLI = "node_modules/@stoplight/prism-cli/dist/index.js";

    public static PrismInstallation locate() {
        return new PrismInstallation(locateNode(), locatePrismCli(RepositoryRoot.locate()));
    }

    static Path locatePrismCli(Path repositoryRoot) {
        Path cli = repositoryRoot.resolve(PRISM_CLI);
        if (!Files.isRegularFile(cli)) {
            throw new PrismException("The Prism CLI is not installed: " + cli + " does not exist. "
                    + RepositoryRoot.INSTALL_HINT);
        }
        return cli;
    }

    static Path locateNode() {
        String configured = System.getProperty(NODE_PROPERTY, "");
        if (!configured.isBlank()) {
            Path node = Path.of(configured);
            if (!Files.isExecutable(node)) {
                throw new PrismException("-D" + NODE_PROPERTY + "=" + configured + " is not an executable file.");
            }
            return node;
        }
        return findOnPath(System.getenv().getOrDefault("PATH", ""))
                .orElseThrow(() -> new PrismException("node was not found on PATH. Install Node.js 20.19+ (the"
                        + " build needs it too) or point -D" + NODE_PROPERTY + " at the node executable."));
    }

    static Optional<Path> findOnPath(String path) {
        String executable = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
                ? "node.exe"
                : "node";
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
