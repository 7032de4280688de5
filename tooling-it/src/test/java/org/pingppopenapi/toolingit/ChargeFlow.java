package org.pingppopenapi.toolingit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.assertj.core.api.SoftAssertions;

/**
 * What the charge-flow scripts (src/test/typescript, src/test/python) print after creating, retrieving and listing a
 * charge and reading a 4xx error through a generated client; checked the same way for every language.
 */
final class ChargeFlow {

    private ChargeFlow() {
    }

    static void assertSucceeded(String printed) throws IOException {
        JsonNode seen = Tooling.JSON.readTree(printed);
        String id = seen.path("created").path("id").asText();
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(id).as("created charge id").matches("ch_[A-Za-z0-9]{24}");
        softly.assertThat(seen.path("created").path("paid").asBoolean(true)).as("a new charge is unpaid").isFalse();
        softly.assertThat(seen.path("created").path("timeExpire").asLong()).as("time_expire, as sent, read back as an integer")
                .isGreaterThan(System.currentTimeMillis() / 1000);
        softly.assertThat(seen.path("retrieved").path("id").asText()).as("retrieved").isEqualTo(id);
        softly.assertThat(seen.path("retrieved").path("amount").asLong()).as("amount").isEqualTo(100);
        softly.assertThat(seen.path("retrieved").path("metadata").path("color").asText()).as("metadata").isEqualTo("red");
        softly.assertThat(seen.path("listed")).as("the app's charges created since, through app[id] and created[gte]")
                .extracting(JsonNode::asText).containsExactly(id);
        softly.assertThat(seen.path("error").path("status").asInt()).as("status of retrieving an unknown charge").isEqualTo(404);
        JsonNode error = seen.path("error").path("body").path("error");
        softly.assertThat(error.path("type").asText()).as("error.type").isEqualTo("invalid_request_error");
        softly.assertThat(error.path("param").asText()).as("error.param").isEqualTo("id");
        softly.assertThat(error.path("message").asText()).as("error.message").contains("ch_doesnotexist00000000000");
        softly.assertAll();
        assertThat(seen.size()).isEqualTo(4);
    }
}
