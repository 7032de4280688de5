package org.pingppopenapi.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pingppopenapi.spec.internal.DeepObjectFlattener;
import org.pingppopenapi.spec.internal.RequestModelAnnotations;

/**
 * Derives, at build time, the copy of the spec that the code generators read.
 *
 * <p>The spec describes bracketed query keys ({@code app[id]}, {@code created[gte]}) the OpenAPI way, as
 * {@code style: deepObject} parameters, which Prism, Redoc and Postman understand. OpenAPI Generator's
 * Feign and JAX-RS templates do not: Feign sends {@code app=<toString()>} and JAX-RS cannot bind
 * {@code app[id]} to an object. The generator input therefore spells each deep-object property as its own
 * query parameter ({@code app[id]}, {@code created[gt]}, ...), which is the same wire format.
 *
 * <p>It also marks the schema of every request kind ({@link RequestKinds}: every schema an operation takes as its
 * JSON body) with {@code x-class-extra-annotation: '@PingppRules("<Schema>")'}, so each generated request model
 * carries the constraint that runs its channel rules ({@link RequestModelAnnotations}). Nothing else changes.
 *
 * <p>Run as {@code java org.pingppopenapi.spec.GeneratorInput <output.yaml>}; it reads the spec from this
 * jar.
 */
public final class GeneratorInput {

    private GeneratorInput() {
    }

    /** Returns the generator input derived from the given spec YAML. */
    public static String derive(String specYaml) {
        return RequestModelAnnotations.annotate(DeepObjectFlattener.flatten(specYaml));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GeneratorInput <output.yaml>");
            System.exit(2);
        }
        String spec;
        try (InputStream in = PingppSpec.open()) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path output = Path.of(args[0]);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        Files.writeString(output, derive(spec), StandardCharsets.UTF_8);
    }
}
