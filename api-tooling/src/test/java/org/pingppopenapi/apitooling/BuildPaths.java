package org.pingppopenapi.apitooling;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put its inputs and outputs: system properties set by api-tooling/pom.xml (surefire). */
final class BuildPaths {

    private BuildPaths() {
    }

    static Path root() {
        return property("pingpp.root");
    }

    /** spec/target/pingpp-openapi.yaml, the bundled spec every tool of the build reads. */
    static Path spec() {
        return existing("api.spec");
    }

    static Path baseline() {
        return existing("api.baseline");
    }

    static Path ruleset() {
        return existing("api.ruleset");
    }

    static Path diffConfig() {
        return existing("api.diff.config");
    }

    /** The reference page built by the build (execution reference-docs). */
    static Path docsHtml() {
        return existing("api.docs.html");
    }

    static Path docsScreenshots() {
        return property("api.docs.screenshots");
    }

    /** The Postman collection built by the build (execution postman-collection). */
    static Path postmanCollection() {
        return existing("api.postman.collection");
    }

    static Path property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven, "
                    + "e.g. ./mvnw -B -pl api-tooling -am verify");
        }
        return Path.of(value).toAbsolutePath().normalize();
    }

    private static Path existing(String name) {
        Path path = property(name);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + name + ") does not exist: the build produces it before the tests "
                    + "(./mvnw -B -pl api-tooling -am verify)");
        }
        return path;
    }
}
