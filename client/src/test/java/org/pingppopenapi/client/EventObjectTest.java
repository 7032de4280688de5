package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.Event;
import org.pingppopenapi.spec.PingppSpec;

/** {@code data.object} typed as the spec's discriminator says, and still readable when its kind is unknown. */
class EventObjectTest {

    @Test
    void theTypesAreExactlyTheSpecsDiscriminatorMapping() throws Exception {
        JsonNode mapping;
        try (InputStream spec = PingppSpec.open()) {
            mapping = new YAMLMapper().readTree(spec).at("/components/schemas/EventObject/discriminator/mapping");
        }
        Map<String, String> expected = new HashMap<>();
        mapping.fields().forEachRemaining(entry -> expected.put(entry.getKey(),
                entry.getValue().asText().substring("#/components/schemas/".length())));
        Map<String, String> actual = new HashMap<>();
        EventObject.TYPES.forEach((object, model) -> actual.put(object, model.getSimpleName()));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void anObjectOfAnUnknownKindIsKeptAsJson() throws Exception {
        assertThat(EventObject.TYPES).as("an object type the spec does not know").doesNotContainKey("gift_card");
        Event event = Json.MAPPER.readValue("{\"id\":\"evt_1\",\"type\":\"gift_card.issued\",\"data\":{\"object\":"
                + "{\"id\":\"gc_1\",\"object\":\"gift_card\",\"amount\":100}}}", Event.class);

        EventObject object = event.getData().getObject();
        assertThat(object.type()).isEqualTo("gift_card");
        assertThat(object.value()).isEmpty();
        assertThat(object.json().get("amount").asLong()).isEqualTo(100);
        assertThat(object.toString()).isEqualTo("EventObject[gift_card gc_1]");
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(event), Event.class)).isEqualTo(event);
    }

    @Test
    void theCredentialHidesItsTokensFromToString() {
        Credential credential = Credential.fromJson("{\"object\":\"credential\",\"wx\":{\"sign\":\"5226e593\",\"timeStamp\":1472124411}}");
        assertThat(credential.toString()).isEqualTo("Credential[wx]").doesNotContain("5226e593");
        assertThat(credential.forChannel("wx")).map(node -> node.get("timeStamp").asLong()).hasValue(1472124411L);
        assertThat(credential.forChannel("object")).isEmpty();
        assertThat(credential.toJson()).isEqualTo("{\"object\":\"credential\",\"wx\":{\"sign\":\"5226e593\",\"timeStamp\":1472124411}}");
        assertThat(Credential.fromJson("[]").channels()).isEmpty();
    }
}
