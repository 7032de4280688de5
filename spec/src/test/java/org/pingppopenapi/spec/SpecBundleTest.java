package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class SpecBundleTest {

    @Test
    void mergesEveryResourceFileIntoTheRootDocumentInFileNameOrder() throws URISyntaxException {
        String bundle = SpecBundle.bundle(fixture("root"));

        Map<String, Object> document = new Yaml().load(bundle);
        assertThat(map(document, "paths")).containsOnlyKeys("/v1/widgets");
        assertThat(map(document, "x-webhooks")).containsOnlyKeys("gadget");
        assertThat(map(map(document, "components"), "schemas")).containsOnlyKeys("Error", "Widget", "Gadget");
        assertThat(map(map(document, "components"), "responses")).containsOnlyKeys("Widgets");
        assertThat(bundle.indexOf("Widget:")).isLessThan(bundle.indexOf("Gadget:"));
    }

    @Test
    void keepsTheStyleScalarsWereWrittenIn() throws URISyntaxException {
        String bundle = SpecBundle.bundle(fixture("root"));

        assertThat(bundle).contains("  description: |\n    Two lines,\n    kept literal.\n")
                .contains("{$ref: '#/components/responses/Widgets'}")
                .contains("example: '0012'");
    }

    @Test
    void refusesANameDefinedTwice() {
        assertThatThrownBy(() -> SpecBundle.bundle(fixture("duplicate")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("errors.yaml")
                .hasMessageContaining("components.schemas.Error is already defined");
    }

    @Test
    void refusesAResourceFileWithAPartOfTheRootDocument() {
        assertThatThrownBy(() -> SpecBundle.bundle(fixture("stray")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("info.yaml")
                .hasMessageContaining("not 'info'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SpecBundleTest.class.getResource("/fixtures/bundle/" + name + "/pingpp-openapi.yaml").toURI());
    }
}
