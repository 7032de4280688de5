package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

@DisplayName("Every example in the shipped spec matches its schema")
class ExamplesAreValidTest {

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsSchema() {
        SpecDocument spec = SpecDocument.shipped();
        List<SpecExample> examples = SpecExample.all(spec);
        assertThat(examples).as("examples in %s", spec.name()).isNotEmpty();
        ExampleValidator validator = new ExampleValidator(spec);

        return examples.stream().map(example -> dynamicTest(example.name(),
                () -> assertThat(validator.problems(example)).as(example.name()).isEmpty()));
    }

    @Nested
    @DisplayName("The check is proven on fixtures")
    class CheckIsProven {

        private final SpecDocument fixture = SpecDocument.fixture("examples/some-invalid.yaml");
        private final Map<String, List<String>> problemsByExample = problemsByExample(fixture);

        @Test
        void findsEveryKindOfExample() {
            assertThat(problemsByExample.keySet()).containsExactlyInAnyOrder(
                    "createCharge request alipay",
                    "createCharge request missing_amount_bad",
                    "createCharge request amount_as_string_bad",
                    "createCharge request read_only_sent_bad",
                    "createCharge 200 header X-Request-Id example",
                    "createCharge 200 app_id",
                    "createCharge 200 app_expanded",
                    "createCharge 200 app_expanded_incomplete_bad",
                    "createCharge 200 app_as_number_bad",
                    "createCharge 200 null_where_not_nullable_bad",
                    "createCharge 200 external_bad",
                    "retrieveCharge parameter limit ten",
                    "retrieveCharge parameter limit thousand_bad",
                    "retrieveCharge 200 example",
                    "retrieveEvent 200 charge_event",
                    "retrieveEvent 200 refund_event_incomplete_bad",
                    "receiveEvent request charge_event",
                    "receiveEvent request refund_event_incomplete_bad",
                    "components/parameters/ChargeId example",
                    "components/responses/ClientError wrong_type_bad",
                    "/components/schemas/ChargeCreateRequest/properties/order_no example",
                    "/components/schemas/ChargeCreateRequest/properties/amount example");
        }

        @Test
        void rejectsExactlyTheInvalidExamples() {
            List<String> rejected = problemsByExample.entrySet().stream()
                    .filter(entry -> !entry.getValue().isEmpty())
                    .map(Map.Entry::getKey)
                    .toList();

            assertThat(rejected).as("rejected examples, with reasons %s", problemsByExample).containsExactlyInAnyOrder(
                    "createCharge request missing_amount_bad",
                    "createCharge request amount_as_string_bad",
                    "createCharge request read_only_sent_bad",
                    "createCharge 200 app_expanded_incomplete_bad",
                    "createCharge 200 app_as_number_bad",
                    "createCharge 200 null_where_not_nullable_bad",
                    "createCharge 200 external_bad",
                    "retrieveCharge parameter limit thousand_bad",
                    "retrieveCharge 200 example",
                    "retrieveEvent 200 refund_event_incomplete_bad",
                    "receiveEvent request refund_event_incomplete_bad",
                    "components/parameters/ChargeId example",
                    "components/responses/ClientError wrong_type_bad",
                    "/components/schemas/ChargeCreateRequest/properties/order_no example");
        }

        @Test
        void anExpandedFieldIsHeldToTheSchemaItExpandsInto() {
            assertThat(problemsByExample.get("createCharge 200 app_expanded_incomplete_bad"))
                    .anySatisfy(problem -> assertThat(problem).contains("'/app'").contains("required property 'object' not found"));
        }

        @Test
        void compliantFixtureExamplesAllPass() {
            assertThat(problemsByExample(SpecDocument.fixture("compliant.yaml")))
                    .isNotEmpty()
                    .allSatisfy((name, problems) -> assertThat(problems).as(name).isEmpty());
        }

        private static Map<String, List<String>> problemsByExample(SpecDocument spec) {
            ExampleValidator validator = new ExampleValidator(spec);
            return SpecExample.all(spec).stream()
                    .collect(Collectors.toMap(SpecExample::name, validator::problems));
        }
    }
}
