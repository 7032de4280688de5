package org.pingppopenapi.prism.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.pingppopenapi.prism.PrismOptions;

/** The Prism CLI arguments for one server, minus the port, which changes if a start is retried. */
public final class PrismCommand {

    private final String mode;
    private final Path spec;
    private final List<String> modeArguments;
    private final PrismOptions options;

    private PrismCommand(String mode, Path spec, List<String> modeArguments, PrismOptions options) {
        this.mode = mode;
        this.spec = spec;
        this.modeArguments = modeArguments;
        this.options = options;
    }

    public static PrismCommand mock(Path spec, PrismOptions options) {
        return new PrismCommand("mock", spec, List.of(spec.toString()), options);
    }

    public static PrismCommand proxy(Path spec, URI upstream, PrismOptions options) {
        if (options.dynamic()) {
            throw new IllegalArgumentException("dynamic response generation applies to prism mock only, not proxy");
        }
        return new PrismCommand("proxy", spec, List.of(spec.toString(), upstream.toString()), options);
    }

    /** Arguments after the CLI script, e.g. {@code mock /abs/spec.yaml -p 41234 -h 127.0.0.1 -m false --errors}. */
    List<String> arguments(int port) {
        return arguments(modeArguments, RunningPrism.HOST, port);
    }

    /**
     * Arguments for the {@code stoplight/prism} image, whose entry point is the CLI: the spec at its path inside the
     * container, listening on all of the container's interfaces.
     *
     * @throws IllegalArgumentException for a proxy, whose upstream on this host a container cannot reach as given
     */
    List<String> containerArguments(String specInContainer, int port) {
        if (!mode.equals("mock")) {
            throw new IllegalArgumentException("Only prism mock runs in a container; prism proxy runs locally");
        }
        return arguments(List.of(specInContainer), "0.0.0.0", port);
    }

    private List<String> arguments(List<String> modeArguments, String host, int port) {
        List<String> arguments = new ArrayList<>();
        arguments.add(mode);
        arguments.addAll(modeArguments);
        arguments.addAll(List.of("-p", Integer.toString(port), "-h", host, "-m", "false"));
        if (options.errors()) {
            arguments.add("--errors");
        }
        if (options.dynamic()) {
            arguments.add("-d");
        }
        arguments.addAll(options.extraArgs());
        return arguments;
    }

    /** A file-name friendly label such as {@code pingpp-openapi-mock-41234}. */
    String label(int port) {
        return stem() + "-" + mode + "-" + port;
    }

    /** A file-name friendly label for a containerized Prism, such as {@code pingpp-openapi-mock-container}. */
    String containerLabel() {
        return stem() + "-" + mode + "-container";
    }

    private String stem() {
        String fileName = spec.getFileName().toString();
        int extension = fileName.lastIndexOf('.');
        return extension > 0 ? fileName.substring(0, extension) : fileName;
    }

    @Override
    public String toString() {
        return "prism " + mode + " " + String.join(" ", modeArguments);
    }
}
