package org.pingppopenapi.prism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PrismViolationsTest {

    /** Verbatim from Prism 5.14.2 answering a body with {@code "amount": "x"}. */
    private static final String HEADER_VALUE = "[{\"location\":[\"request\",\"body\",\"amount\"],\"severity\":\"Error\","
            + "\"code\":\"type\",\"message\":\"Request body property amount must be integer\"}]";

    @Test
    void parsesEveryFieldOfAViolation() {
        assertThat(PrismViolations.parse(HEADER_VALUE)).containsExactly(new PrismViolation(
                List.of("request", "body", "amount"), "Error", "type", "Request body property amount must be integer"));
    }

    @Test
    void findsTheHeaderWhateverItsCase() {
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"),
                "SL-Violations", List.of(HEADER_VALUE));

        assertThat(PrismViolations.in(headers)).extracting(PrismViolation::path).containsExactly("request.body.amount");
    }

    @Test
    void turnsArrayIndexesInTheLocationIntoText() {
        String value = "[{\"location\":[\"response\",\"body\",\"data\",0],\"severity\":\"Error\",\"code\":\"enum\","
                + "\"message\":\"m\"}]";

        assertThat(PrismViolations.parse(value)).singleElement()
                .extracting(PrismViolation::path).isEqualTo("response.body.data.0");
    }

    @Test
    void assertNonePassesWithoutTheHeader() {
        assertThatCode(() -> PrismViolations.assertNone(Map.of("Content-Type", List.of("application/json"))))
                .doesNotThrowAnyException();
    }

    @Test
    void assertNoneListsTheViolationsReadably() {
        assertThatThrownBy(() -> PrismViolations.assertNone(Map.of(PrismViolations.HEADER, List.of(HEADER_VALUE))))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Prism reported 1 violation(s):\n"
                        + "  - Error at request.body.amount [type]: Request body property amount must be integer");
    }

    @Test
    void rejectsAHeaderThatIsNotAnArrayOfViolations() {
        assertThatThrownBy(() -> PrismViolations.parse("{\"location\":[]}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON array");
        assertThatThrownBy(() -> PrismViolations.parse("[{\"code\":\"type\"}]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a location");
    }
}
