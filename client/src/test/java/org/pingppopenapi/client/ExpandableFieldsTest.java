package org.pingppopenapi.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.client.internal.Json;
import org.pingppopenapi.client.model.App;
import org.pingppopenapi.client.model.Charge;
import org.pingppopenapi.client.model.ExpandableUser;
import org.pingppopenapi.client.model.SubApp;
import org.pingppopenapi.client.model.User;
import org.pingppopenapi.client.param.RetrieveChargeParams;

/** {@code expand[]} on the wire, and fields readable as the id or the object. */
class ExpandableFieldsTest {

    private static final String APP = "{\"id\":\"app_1Gqj58ynP0mHeX1q\",\"object\":\"app\",\"created\":1409034527,"
            + "\"display_name\":\"Demo App\",\"channels_supported\":[\"upacp\",\"wx\"]}";

    @Test
    void retrieveChargeSendsExpandAndReadsTheExpandedApp() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(MockApi.ok(MockApi.CHARGE.replace("\"app\":\"app_1Gqj58ynP0mHeX1q\"", "\"app\":" + APP)));

            Charge charge = MockApi.clientFor(server).build().charges().retrieve(MockApi.CHARGE_ID, RetrieveChargeParams.builder().expand("app").build());

            assertThat(MockApi.take(server).getTarget()).isEqualTo("/v1/charges/" + MockApi.CHARGE_ID + "?expand%5B%5D=app");
            assertThat(charge.getApp().isExpanded()).isTrue();
            assertThat(charge.getApp().id()).isEqualTo("app_1Gqj58ynP0mHeX1q");
            assertThat(charge.getApp().expanded()).map(App::getDisplayName).hasValue("Demo App");
        }
    }

    @Test
    void withoutExpandNoQueryIsSentAndTheIdIsRead() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(MockApi.ok(MockApi.CHARGE));

            // A null params argument compiles without a cast: no two overloads take the same number of arguments.
            Charge charge = MockApi.clientFor(server).build().charges().retrieve(MockApi.CHARGE_ID, null);

            assertThat(MockApi.take(server).getTarget()).isEqualTo("/v1/charges/" + MockApi.CHARGE_ID);
            assertThat(charge.getApp().isExpanded()).isFalse();
            assertThat(charge.getApp().id()).isEqualTo("app_1Gqj58ynP0mHeX1q");
            assertThat(charge.getApp().expanded()).isEmpty();
        }
    }

    @Test
    void aUserIsReadAsIdNumberOrObjectAndWrittenBackAsRead() throws IOException {
        SubApp byId = Json.MAPPER.readValue("{\"user\":\"test_user_031\"}", SubApp.class);
        SubApp byNumber = Json.MAPPER.readValue("{\"user\":2111608270000005209}", SubApp.class);
        SubApp expanded = Json.MAPPER.readValue("{\"user\":{\"id\":\"test_user_031\",\"object\":\"user\",\"name\":\"A\"}}",
                SubApp.class);

        assertThat(byId.getUser()).isEqualTo(ExpandableUser.ofId("test_user_031"));
        assertThat(byNumber.getUser().id()).isEqualTo("2111608270000005209");
        assertThat(expanded.getUser().id()).isEqualTo("test_user_031");
        assertThat(expanded.getUser().expanded()).map(User::getName).hasValue("A");
        assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(byId)).get("user").asText()).isEqualTo("test_user_031");
        assertThat(Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(expanded), SubApp.class)).isEqualTo(expanded);
        assertThat(expanded.getUser().toString()).isEqualTo("ExpandableUser[expanded test_user_031]");
    }

    @Test
    void anythingElseIsAnError() {
        assertThatThrownBy(() -> Json.MAPPER.readValue("{\"app\":true}", Charge.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Expected the id (a string) or the App object");
    }
}
