package org.pingppopenapi.prism;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The OpenAPI documents under src/test/resources/specs. */
public final class TestSpecs {

    /** {@link #tiny()} as {@link WithPrism#spec()} wants it: relative to the repository root. */
    public static final String TINY_FROM_REPOSITORY_ROOT = "prism-junit/src/test/resources/specs/tiny.yaml";

    private TestSpecs() {
    }

    /** POST /charges: 200 with the example {@code alipay}; 400 with an error example for invalid bodies. */
    public static Path tiny() {
        return resource("tiny.yaml");
    }

    /** Not even valid YAML. */
    public static Path broken() {
        return resource("broken.yaml");
    }

    private static Path resource(String name) {
        try {
            return Path.of(TestSpecs.class.getResource("/specs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
