package org.pingppopenapi.apitooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.openapidiff.core.model.DiffResult;
import org.openapitools.openapidiff.core.model.Endpoint;
import org.pingppopenapi.apitooling.BreakingChangeGate.BreakingChangeException;
import org.pingppopenapi.apitooling.BreakingChangeGate.Verdict;
import org.pingppopenapi.apitooling.SpecOperations.Operation;

/**
 * The breaking-change gate on the real spec: copies of the bundled spec changed in one place are
 * compared with the unchanged spec as the baseline, under the gate's own configuration.
 */
@DisplayName("Breaking-change gate (openapi-diff)")
class BreakingChangeGateTest {

    private static final String MARKER = "pingpp_gate_test";

    @TempDir
    Path work;

    @Test
    @DisplayName("the spec passes against the committed baseline (what the build checks)")
    void specPassesAgainstCommittedBaseline() {
        Verdict verdict = BreakingChangeGate.compare(BuildPaths.baseline(), BuildPaths.spec(), BuildPaths.diffConfig());

        assertThat(verdict.breaking()).as("the spec breaks spec/baseline:%n%s", verdict.text()).isFalse();
    }

    @Test
    @DisplayName("a copy of the spec written back unchanged has no changes (the harness adds none)")
    void unchangedCopyHasNoChanges() throws IOException {
        Verdict verdict = gate(spec -> { });

        assertThat(verdict.result()).as(verdict.text()).isEqualTo(DiffResult.NO_CHANGES);
    }

    @Nested
    @DisplayName("trips on")
    class Trips {

        @Test
        @DisplayName("a removed operation")
        void removedOperation() throws IOException {
            Operation removed = SpecOperations.api(SpecOperations.read(BuildPaths.spec())).stream()
                    .filter(operation -> operation.method().equals("get")).findFirst().orElseThrow();

            Verdict verdict = gate(spec -> ((ObjectNode) spec.path("paths").path(removed.path())).remove(removed.method()));

            assertThat(verdict.breaking()).as("removing %s:%n%s", removed, verdict.text()).isTrue();
            assertThat(verdict.diff().getMissingEndpoints()).extracting(Endpoint::getPathUrl, endpoint -> endpoint.getMethod().name())
                    .containsExactly(Tuple.tuple(removed.path(), "GET"));
            assertThat(verdict.markdown()).contains(removed.path());
        }

        @Test
        @DisplayName("a lower maxLength on a request property")
        void narrowedMaxLength() throws IOException {
            Verdict verdict = gate(spec -> {
                ObjectNode property = firstStringProperty(requestSchema(spec));
                int current = property.path("maxLength").asInt(0);
                property.put("maxLength", current > 1 ? current - 1 : 1);
            });

            Operation changed = requestOperation(SpecOperations.read(BuildPaths.spec()));
            assertThat(verdict.breaking()).as(verdict.text()).isTrue();
            assertThat(verdict.diff().getChangedOperations())
                    .extracting(operation -> operation.getPathUrl(), operation -> operation.getHttpMethod().name())
                    .contains(Tuple.tuple(changed.path(), changed.method().toUpperCase()));
        }

        @Test
        @DisplayName("a new required request property")
        void newRequiredRequestProperty() throws IOException {
            Verdict verdict = gate(spec -> {
                ObjectNode schema = requestSchema(spec);
                ((ObjectNode) schema.path("properties")).putObject(MARKER).put("type", "string");
                ((ArrayNode) schema.withArray("required")).add(MARKER);
            });

            assertThat(verdict.breaking()).as(verdict.text()).isTrue();
            assertThat(verdict.markdown()).contains(MARKER);
        }

        @Test
        @DisplayName("a new response enum value under openapi-diff's defaults (so our configuration is what lets it pass)")
        void newResponseEnumValueUnderDefaults() throws IOException {
            Path defaults = Files.writeString(work.resolve("defaults.yaml"), "# openapi-diff defaults\n");

            Verdict verdict = gate(spec -> ((ArrayNode) firstEnumProperty(responseSchema(spec)).withArray("enum")).add(MARKER), defaults);

            assertThat(verdict.breaking()).as(verdict.text()).isTrue();
        }

        @Test
        @DisplayName("a new member of a response oneOf under openapi-diff's defaults (so our configuration is what lets it pass)")
        void newResponseOneOfMemberUnderDefaults() throws IOException {
            Path defaults = Files.writeString(work.resolve("defaults.yaml"), "# openapi-diff defaults\n");

            Verdict verdict = gate(BreakingChangeGateTest::addEventObjectType, defaults);

            assertThat(verdict.breaking()).as(verdict.text()).isTrue();
        }
    }

    @Nested
    @DisplayName("passes")
    class Passes {

        @Test
        @DisplayName("an added optional request property")
        void addedOptionalRequestProperty() throws IOException {
            Verdict verdict = gate(spec -> ((ObjectNode) requestSchema(spec).path("properties")).putObject(MARKER).put("type", "string"));

            assertThat(verdict.result()).as(verdict.text()).isEqualTo(DiffResult.COMPATIBLE);
        }

        @Test
        @DisplayName("an added optional response property")
        void addedOptionalResponseProperty() throws IOException {
            Verdict verdict = gate(spec -> ((ObjectNode) responseSchema(spec).path("properties")).putObject(MARKER).put("type", "string"));

            assertThat(verdict.result()).as(verdict.text()).isEqualTo(DiffResult.COMPATIBLE);
        }

        @Test
        @DisplayName("a new value in a response enum (incompatible.response.enum.increased: false)")
        void newResponseEnumValue() throws IOException {
            Verdict verdict = gate(spec -> ((ArrayNode) firstEnumProperty(responseSchema(spec)).withArray("enum")).add(MARKER));

            assertThat(verdict.result()).as(verdict.text()).isEqualTo(DiffResult.COMPATIBLE);
        }

        @Test
        @DisplayName("a new object type in the webhook event's data.object (incompatible.response.oneof.increased: false)")
        void newEventObjectType() throws IOException {
            Verdict verdict = gate(BreakingChangeGateTest::addEventObjectType);

            assertThat(verdict.result()).as(verdict.text()).isEqualTo(DiffResult.COMPATIBLE);
        }

        @Test
        @DisplayName("a new operation")
        void newOperation() throws IOException {
            Verdict verdict = gate(spec -> {
                Operation existing = SpecOperations.api(spec).get(0);
                ObjectNode copy = existing.node().deepCopy();
                copy.put("operationId", "pingppGateTest");
                ((ObjectNode) spec.path("paths")).putObject("/v1/" + MARKER).set(existing.method(), copy);
            });

            assertThat(verdict.result()).as(verdict.text()).isEqualTo(DiffResult.COMPATIBLE);
            assertThat(verdict.diff().getNewEndpoints()).extracting(Endpoint::getPathUrl).containsExactly("/v1/" + MARKER);
        }
    }

    @Nested
    @DisplayName("as the build runs it (main)")
    class AsTheBuildRunsIt {

        @Test
        @DisplayName("fails with the baseline update command and writes the reports on a break")
        void failsOnBreak() throws IOException {
            Path baseline = BuildPaths.spec();
            Path candidate = mutatedCopy(spec -> {
                ObjectNode schema = requestSchema(spec);
                ((ObjectNode) schema.path("properties")).putObject(MARKER).put("type", "string");
                ((ArrayNode) schema.withArray("required")).add(MARKER);
            });
            Path reports = work.resolve("reports");

            assertThatThrownBy(() -> BreakingChangeGate.main(new String[] {
                    baseline.toString(), candidate.toString(), BuildPaths.diffConfig().toString(), reports.toString()}))
                    .isInstanceOf(BreakingChangeException.class)
                    .hasMessageContaining("INCOMPATIBLE")
                    .hasMessageContaining("cp " + candidate + " " + baseline);
            assertThat(reports.resolve(BreakingChangeGate.MARKDOWN_REPORT)).content().contains(MARKER);
            assertThat(reports.resolve(BreakingChangeGate.TEXT_REPORT)).content().contains("API changes broke backward compatibility");
        }

        @Test
        @DisplayName("passes and writes the reports on a compatible change")
        void passesOnCompatibleChange() throws IOException {
            Path candidate = mutatedCopy(spec -> ((ObjectNode) requestSchema(spec).path("properties")).putObject(MARKER).put("type", "string"));
            Path reports = work.resolve("reports");

            BreakingChangeGate.main(new String[] {
                    BuildPaths.spec().toString(), candidate.toString(), BuildPaths.diffConfig().toString(), reports.toString()});

            assertThat(reports.resolve(BreakingChangeGate.MARKDOWN_REPORT)).content().contains(MARKER);
        }

        @Test
        @DisplayName("refuses to run without a baseline")
        void missingBaseline() {
            Path missing = work.resolve("no-such-baseline.yaml");

            assertThatThrownBy(() -> BreakingChangeGate.compare(missing, BuildPaths.spec(), BuildPaths.diffConfig()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(missing.toString());
        }
    }

    private Verdict gate(Consumer<ObjectNode> change) throws IOException {
        return gate(change, BuildPaths.diffConfig());
    }

    private Verdict gate(Consumer<ObjectNode> change, Path config) throws IOException {
        return BreakingChangeGate.compare(BuildPaths.spec(), mutatedCopy(change), config);
    }

    private Path mutatedCopy(Consumer<ObjectNode> change) throws IOException {
        ObjectNode spec = (ObjectNode) SpecOperations.read(BuildPaths.spec());
        change.accept(spec);
        Path copy = Files.createTempFile(work, "spec", ".yaml");
        SpecOperations.YAML.writeValue(copy.toFile(), spec);
        return copy;
    }

    /** The operation the request-side changes are made on: the first with a JSON request body of a named schema. */
    private static Operation requestOperation(JsonNode spec) {
        return SpecOperations.api(spec).stream()
                .filter(operation -> SpecOperations.resolve(spec, operation.node().path("requestBody"))
                        .path("content").path("application/json").path("schema").has("$ref"))
                .findFirst().orElseThrow(() -> new IllegalStateException("No operation takes a JSON body of a named schema"));
    }

    /** The named schema of that operation's request body. */
    private static ObjectNode requestSchema(JsonNode spec) {
        JsonNode schema = SpecOperations.resolve(spec, requestOperation(spec).node().path("requestBody"))
                .path("content").path("application/json").path("schema");
        return (ObjectNode) SpecOperations.resolve(spec, schema);
    }

    /** The named schema of that operation's 200 response. */
    private static ObjectNode responseSchema(JsonNode spec) {
        JsonNode response = SpecOperations.resolve(spec, requestOperation(spec).node().path("responses").path("200"));
        return (ObjectNode) SpecOperations.resolve(spec, response.path("content").path("application/json").path("schema"));
    }

    /** Adds an object type to the discriminated oneOf of the event's {@code data.object}, as a new resource does. */
    private static void addEventObjectType(ObjectNode spec) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        ObjectNode eventObject = (ObjectNode) schemas.path("EventObject");
        schemas.putObject("PingppGateTest").put("type", "object").putObject("properties").putObject("object")
                .put("type", "string").putArray("enum").add(MARKER);
        ((ArrayNode) eventObject.withArray("oneOf")).addObject().put("$ref", "#/components/schemas/PingppGateTest");
        ((ObjectNode) eventObject.path("discriminator").path("mapping")).put(MARKER, "#/components/schemas/PingppGateTest");
    }

    /** The first inline string property of {@code schema} without an enum (so only its length matters). */
    private static ObjectNode firstStringProperty(ObjectNode schema) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            JsonNode property = it.next().getValue();
            if ("string".equals(property.path("type").asText()) && !property.has("enum")) {
                return (ObjectNode) property;
            }
        }
        throw new IllegalStateException("No inline string property in " + schema);
    }

    /** The first inline property of {@code schema} with an enum. */
    private static ObjectNode firstEnumProperty(ObjectNode schema) {
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            JsonNode property = it.next().getValue();
            if (property.has("enum")) {
                return (ObjectNode) property;
            }
        }
        throw new IllegalStateException("No inline enum property in " + schema);
    }
}
