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
        List<String> arguments = new ArrayList<>();
        arguments.add(mode);
        arguments.addAll(modeArguments);
        arguments.addAll(List.of("-p", Integer.toString(port), "-h", RunningPrism.HOST, "-m", "false"));
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
        String fileName = spec.getFileName().toString();
        int extension = fileName.lastIndexOf('.');
        String stem = extension > 0 ? fileName.substring(0, extension) : fileName;
        return stem + "-" + mode + "-" + port;
    }

    @Override
    public String toString() {
        return "prism " + mode + " " + String.join(" ", modeArguments);
    }
}
