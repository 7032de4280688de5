package org.pingppopenapi.client.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The models (request bodies, answers, their parts) in {@value Models#PACKAGE}, written by OpenAPI Generator's Java
 * templates with Jackson: fluent setters, Bean Validation annotations, an {@code UNKNOWN_DEFAULT_OPEN_API} constant in
 * every enum for values this client does not know, and the {@code @PingppRules} annotations the spec's
 * {@code x-class-extra-annotation} puts on request models. Only the models are generated; the services are this
 * generator's own ({@link ServiceSources}).
 */
final class ModelSources {

    /** The OpenAPI Generator template set; only its models are used, and its Jackson flavour is plain. */
    static final String GENERATOR = "java";
    static final String LIBRARY = "feign";

    private ModelSources() {
    }

    static void generate(Path generatorInput, Path sourceRoot, Models models) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("pingpp-models");
            CodegenConfigurator configurator = new CodegenConfigurator()
                    .setGeneratorName(GENERATOR)
                    .setLibrary(LIBRARY)
                    .setInputSpec(generatorInput.toAbsolutePath().toString())
                    .setOutputDir(scratch.toString())
                    .setModelPackage(Models.PACKAGE)
                    .setApiPackage("org.pingppopenapi.client.internal.generated.api")
                    .setInvokerPackage("org.pingppopenapi.client.internal.generated")
                    .setSchemaMappings(models.schemaMappings())
                    .setModelNameMappings(models.modelNameMappings())
                    .addGlobalProperty("models", "")
                    .addGlobalProperty("modelTests", "false")
                    .addGlobalProperty("modelDocs", "false")
                    .addAdditionalProperty("serializationLibrary", "jackson")
                    .addAdditionalProperty("useJakartaEe", true)
                    .addAdditionalProperty("useBeanValidation", true)
                    .addAdditionalProperty("performBeanValidation", false)
                    .addAdditionalProperty("openApiNullable", false)
                    .addAdditionalProperty("dateLibrary", "java8")
                    .addAdditionalProperty("hideGenerationTimestamp", true)
                    .addAdditionalProperty("enumUnknownDefaultCase", true)
                    .addAdditionalProperty("containerDefaultToNull", true)
                    .addAdditionalProperty("useOneOfInterfaces", false)
                    .addAdditionalProperty("sourceFolder", "src/main/java");
            new DefaultGenerator().opts(configurator.toClientOptInput()).generate();
            Path generated = scratch.resolve("src/main/java").resolve(Models.PACKAGE.replace('.', '/'));
            Path target = sourceRoot.resolve(Models.PACKAGE.replace('.', '/'));
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(generated)) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot generate the models", e);
        } finally {
            delete(scratch);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}
