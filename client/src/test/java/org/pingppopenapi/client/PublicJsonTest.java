package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.client.SpecOperations.Example;
import org.pingppopenapi.client.SpecOperations.Operation;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.internal.generated.OperationIndex;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ErrorBody;
import org.pingppopenapi.client.model.Event;

/**
 * {@link PingppJson} reads every answer the spec documents (each example of each operation, errors included) into
 * its model, and writes it back as it was; {@link Webhooks#parseTrusted} reads every webhook example.
 */
class PublicJsonTest {

    private static final SpecOperations SPEC = SpecOperations.load();

    @TestFactory
    Stream<DynamicTest> everyDocumentedAnswerReadsIntoItsModelAndWritesBack() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : SPEC.operations()) {
            Class<?> answer = OperationIndex.ALL.stream().filter(entry -> entry.operation().id().equals(operation.id()))
                    .findFirst().orElseThrow().answer();
            operation.responseExamples().forEach((status, examples) -> {
                Class<?> model = status < 300 ? answer : ErrorBody.class;
                for (Example example : examples) {
                    tests.add(dynamicTest(operation.id() + " " + status + " " + example.name() + " as " + model.getSimpleName(),
                            () -> {
                                String json = Json.MAPPER.writeValueAsString(example.value());
                                Object read = PingppJson.read(json, model);
                                assertThat(read).isInstanceOf(model);
                                assertThat(withoutNulls(PingppJson.write(read))).isEqualTo(withoutNulls(json));
                                assertThat(PingppJson.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), model))
                                        .isEqualTo(read);
                            }));
                }
            });
        }
        assertThat(tests).hasSizeGreaterThan(SPEC.operations().size());
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyWebhookExampleParsesAsATrustedEvent() {
        List<Example> examples = SPEC.webhookExamples();
        assertThat(examples).isNotEmpty();
        return examples.stream().map(example -> dynamicTest(example.name(), () -> {
            String json = Json.MAPPER.writeValueAsString(example.value());
            Event event = Webhooks.parseTrusted(json);
            assertThat(event.getType()).isEqualTo(example.value().get("type").asText());
            assertThat(event.getData().getObject().type()).isEqualTo(example.value().at("/data/object/object").asText());
            assertThat(event.getData().getObject().value()).as("typed by the spec's discriminator").isPresent();
            assertThat(Webhooks.parseTrusted(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(event);
        }));
    }

    @Test
    void somethingElseIsRefusedNamingTheModel() {
        assertThatThrownBy(() -> PingppJson.read("{\"amount\": {}}", Charge.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Not a readable Charge");
        assertThatThrownBy(() -> PingppJson.read("null", Charge.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Webhooks.parseTrusted("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingIsAsTolerantAsTheClients() {
        Charge charge = PingppJson.read("{\"id\":\"ch_1\",\"amount\":\"30\",\"metadata\":[],\"new_field\":1}", Charge.class);

        assertThat(charge.getAmount()).isEqualTo(30L);
        assertThat(charge.getMetadata()).isEmpty();
        assertThat(PingppJson.write(charge)).contains("\"id\":\"ch_1\"", "\"amount\":30", "\"metadata\":{}")
                .doesNotContain("new_field");
    }

    /** The JSON re-read, without null members, for comparing by value. */
    private static JsonNode withoutNulls(String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        strip(node);
        return node;
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isNull()) {
                    nulls.add(field.getKey());
                } else {
                    strip(field.getValue());
                }
            });
            object.remove(nulls);
        } else if (node != null && node.isArray()) {
            node.forEach(PublicJsonTest::strip);
        }
    }
}
