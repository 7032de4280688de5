package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GeneratorInputTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static String specYaml;
    private static ObjectNode spec;
    private static ObjectNode derived;

    @BeforeAll
    static void derive() throws IOException {
        String yaml;
        try (InputStream in = PingppSpec.open()) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        specYaml = yaml;
        spec = (ObjectNode) YAML.readTree(yaml);
        derived = (ObjectNode) YAML.readTree(GeneratorInput.derive(yaml));
    }

    @Test
    void noDeepObjectParameterIsLeft() {
        assertThat(deepObjectParameters(spec)).containsExactlyInAnyOrder("app", "created");
        assertThat(deepObjectParameters(derived)).isEmpty();
    }

    @Test
    void theRequiredAppFilterBecomesARequiredAppIdQueryParameter() {
        JsonNode appId = parameter("/v1/charges", "get", "app[id]");
        assertThat(appId.path("in").asString()).isEqualTo("query");
        assertThat(appId.path("required").asBoolean()).isTrue();
        assertThat(appId.path("schema").path("type").asString()).isEqualTo("string");
        assertThat(appId.path("example").asString()).isEqualTo("app_1Gqj58ynP0mHeX1q");
    }

    @Test
    void theCreatedFilterBecomesFourOptionalInt64Parameters() {
        for (String bound : List.of("gt", "gte", "lt", "lte")) {
            JsonNode created = parameter("/v1/events", "get", "created[" + bound + "]");
            assertThat(created.path("required").asBoolean(false)).as(bound).isFalse();
            assertThat(created.path("schema").path("format").asString()).as(bound).isEqualTo("int64");
        }
    }

    @Test
    void everyRequestSchemaAndNoOtherIsAnnotatedAsTheRequestModelOfItsRules() {
        List<String> requestSchemas = RequestKinds.of(jackson2(GeneratorInput.derive(specYaml))).stream().map(RequestKinds.Kind::schema).toList();
        assertThat(requestSchemas).contains("ChargeCreateRequest", "OrderPayRequest", "SubAppChannelUpdateRequest").doesNotHaveDuplicates();
        derived.path("components").path("schemas").properties().forEach(schema -> {
            JsonNode annotation = schema.getValue().get("x-class-extra-annotation");
            if (requestSchemas.contains(schema.getKey())) {
                assertThat(annotation).as(schema.getKey()).isNotNull();
                assertThat(annotation.asString()).isEqualTo("@org.pingppopenapi.validation.PingppRules(\"" + schema.getKey() + "\")");
            } else {
                assertThat(annotation).as(schema.getKey()).isNull();
            }
        });
        spec.path("components").path("schemas").properties().forEach(schema ->
                assertThat(schema.getValue().has("x-class-extra-annotation")).as("%s in the spec itself", schema.getKey()).isFalse());
    }

    @Test
    void aRequestSchemaThatAlreadyHasAnAnnotationIsRefused() {
        String annotated = specYaml.replace("    OrderPayRequest:\n      type: object\n",
                "    OrderPayRequest:\n      type: object\n      x-class-extra-annotation: '@Deprecated'\n");
        assertThat(annotated).isNotEqualTo(specYaml);
        assertThatThrownBy(() -> GeneratorInput.derive(annotated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderPayRequest").hasMessageContaining("leave it out of the spec");
    }

    @Test
    void everythingButTheParametersAndTheModelAnnotationsIsUnchanged() {
        ObjectNode original = spec.deepCopy();
        ObjectNode rewritten = derived.deepCopy();
        for (ObjectNode document : List.of(original, rewritten)) {
            document.path("components").path("schemas").forEach(schema -> ((ObjectNode) schema).remove("x-class-extra-annotation"));
            ((ObjectNode) document.path("components")).remove("parameters");
            document.path("paths").forEach(pathItem -> pathItem.forEach(operation -> {
                if (operation instanceof ObjectNode node) {
                    node.remove("parameters");
                }
            }));
        }
        assertThat(rewritten).isEqualTo(original);
    }

    @Test
    void parametersThatAreNotDeepObjectsAreKeptAsTheyWere() {
        assertThat(names("/v1/charges", "get")).containsSubsequence(
                "app[id]", "channel", "paid", "refunded", "reversed", "limit", "starting_after", "ending_before",
                "created[gt]", "created[gte]", "created[lt]", "created[lte]");
        assertThat(derived.at("/paths/~1v1~1charges/get/parameters").toString())
                .contains("#/components/parameters/ExpandCharge");
    }

    private static com.fasterxml.jackson.databind.JsonNode jackson2(String yaml) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> deepObjectParameters(ObjectNode document) {
        List<String> names = new ArrayList<>();
        document.path("components").path("parameters").forEach(parameter -> {
            if ("deepObject".equals(parameter.path("style").asString(null))) {
                names.add(parameter.path("name").asString());
            }
        });
        document.path("paths").forEach(pathItem -> pathItem.forEach(operation ->
                operation.path("parameters").forEach(parameter -> {
                    if ("deepObject".equals(parameter.path("style").asString(null))) {
                        names.add(parameter.path("name").asString());
                    }
                })));
        return names;
    }

    private static JsonNode parameter(String path, String method, String name) {
        for (JsonNode parameter : derived.path("paths").path(path).path(method).path("parameters")) {
            if (name.equals(parameter.path("name").asString(null))) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " on " + method + " " + path);
    }

    private static List<String> names(String path, String method) {
        List<String> names = new ArrayList<>();
        for (JsonNode parameter : derived.path("paths").path(path).path(method).path("parameters")) {
            String ref = parameter.path("$ref").asString(null);
            names.add(ref != null ? derived.at("/components/parameters/" + ref.substring(ref.lastIndexOf('/') + 1)).path("name").asString()
                    : parameter.path("name").asString());
        }
        return names;
    }
}
