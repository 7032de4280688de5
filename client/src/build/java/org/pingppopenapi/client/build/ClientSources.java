package org.pingppopenapi.client.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pingppopenapi.spec.GeneratorInput;
import org.pingppopenapi.spec.PingppSpec;

/**
 * Generates the client's sources from a spec, on every build: the models with OpenAPI Generator
 * ({@link ModelSources}), the services, parameters and operation descriptors with this generator
 * ({@link ServiceSources}, shaped by {@link ClientLayout}). The build runs it on the spec jar's document; the test of
 * a grown spec runs it on a fixture, the same way.
 *
 * <p>Run as {@code java org.pingppopenapi.client.build.ClientSources <generator-input.yaml> <source root> [spec.yaml]}:
 * it writes the generators' view of the spec ({@code GeneratorInput}) to the first path, and the Java sources under
 * the second.
 */
public final class ClientSources {

    private ClientSources() {
    }

    /**
     * Generates the sources of a client for a spec.
     *
     * @param specYaml       the bundled spec
     * @param generatorInput where to write the generators' view of it
     * @param sourceRoot     where to write the Java sources (package directories below it)
     */
    public static void generate(String specYaml, Path generatorInput, Path sourceRoot) throws IOException {
        String input = GeneratorInput.derive(specYaml);
        if (generatorInput.getParent() != null) {
            Files.createDirectories(generatorInput.getParent());
        }
        Files.writeString(generatorInput, input, StandardCharsets.UTF_8);
        ApiDescription api = ApiDescription.read(input);
        Models models = new Models(api);
        ClientLayout layout = new ClientLayout(api, models);
        ModelSources.generate(generatorInput, sourceRoot, models);
        new ServiceSources(api, models, layout).writeTo(sourceRoot);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 && args.length != 3) {
            System.err.println("usage: ClientSources <generator-input.yaml> <source root> [spec.yaml]");
            System.exit(2);
        }
        String spec;
        if (args.length == 3) {
            spec = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
        } else {
            try (InputStream in = PingppSpec.open()) {
                spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        generate(spec, Path.of(args[0]), Path.of(args[1]));
    }
}
