package org.pingppopenapi.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The shipped spec keeps every house rule")
class HouseRulesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(HouseRule.class)
    void shippedSpecKeeps(HouseRule rule) {
        assertThat(rule.check(SpecDocument.shipped()))
                .as("Breaches of '%s' in %s", rule, SpecDocument.shipped().name())
                .isEmpty();
    }

    @Nested
    @DisplayName("Each rule is proven on fixtures")
    class RulesAreProven {

        /**
         * For every rule: a fixture that breaks it on purpose, and exactly where. Exact pointers show the rule
         * catches each breach and leaves the compliant parts of the same fixture alone.
         */
        static Stream<Arguments> brokenFixtures() {
            return Stream.of(
                    arguments(HouseRule.OPENAPI_IS_3_0_3, "openapi-not-3-0-3.yaml", List.of("/openapi")),
                    arguments(HouseRule.ONE_PRODUCTION_SERVER, "servers-wrong.yaml", List.of("/servers", "/servers/0/url")),
                    arguments(HouseRule.PATHS_START_WITH_V1, "paths-outside-v1.yaml", List.of("/paths/~1charges", "/paths/~1v1")),
                    arguments(HouseRule.OPERATION_IDS_UNIQUE_CAMEL_CASE, "operation-ids-bad.yaml", List.of(
                            "/paths/~1v1~1charges/get/operationId",
                            "/paths/~1v1~1charges~1{charge_id}/get/operationId",
                            "/paths/~1v1~1charges~1{charge_id}/put/operationId",
                            "/paths/~1v1~1charges~1{charge_id}/delete")),
                    arguments(HouseRule.ONE_DECLARED_TAG_PER_OPERATION, "tags-bad.yaml", List.of(
                            "/tags/1/description",
                            "/paths/~1v1~1charges/get/tags",
                            "/paths/~1v1~1charges~1{charge_id}/get/tags",
                            "/paths/~1v1~1charges~1{charge_id}/put/tags")),
                    arguments(HouseRule.SUMMARY_AND_DESCRIPTION, "summary-description-missing.yaml", List.of(
                            "/paths/~1v1~1charges/post/summary",
                            "/paths/~1v1~1charges/get/description")),
                    arguments(HouseRule.STANDARD_ERROR_RESPONSES, "error-responses-bad.yaml", List.of(
                            "/paths/~1v1~1charges/get/responses/400",
                            "/components/responses/NotTheEnvelope/content/application~1json/schema",
                            "/paths/~1v1~1charges/get/responses/500",
                            "/paths/~1v1~1charges/get/responses/503")),
                    arguments(HouseRule.JSON_SUCCESS_RESPONSE, "success-response-not-json.yaml", List.of(
                            "/paths/~1v1~1charges/get/responses",
                            "/paths/~1v1~1charges/delete/responses")),
                    arguments(HouseRule.SUCCESS_RESPONSES_SIGNED, "success-responses-unsigned.yaml", List.of(
                            "/paths/~1v1~1charges/get/responses/200/headers/X-Pingplusplus-Signature",
                            "/paths/~1v1~1charges/delete/responses/200/headers/X-Pingplusplus-Signature",
                            "/components/responses/Created/headers/X-Pingplusplus-Signature")),
                    arguments(HouseRule.INTEGERS_HAVE_FORMAT, "integers-without-format.yaml", List.of(
                            "/components/schemas/Count",
                            "/components/schemas/Charge/properties/refunded",
                            "/components/schemas/Charge/properties/items/items",
                            "/components/schemas/Charge/properties/metadata/additionalProperties",
                            "/paths/~1v1~1charges/get/parameters/0/schema",
                            "/x-webhooks/event/post/requestBody/content/application~1json/schema/properties/attempt")),
                    arguments(HouseRule.PATTERNS_ANCHORED, "patterns-unanchored.yaml", List.of(
                            "/components/schemas/Charge/properties/order_no/pattern",
                            "/components/schemas/Charge/properties/currency/pattern",
                            "/components/schemas/Charge/properties/channel/pattern",
                            "/paths/~1v1~1charges~1{charge_id}/get/parameters/0/schema/pattern")),
                    arguments(HouseRule.COMPOSITIONS_HAVE_DISCRIMINATOR, "compositions-without-discriminator.yaml", List.of(
                            "/components/schemas/Extra/oneOf",
                            "/components/schemas/Charge/properties/app/anyOf")),
                    arguments(HouseRule.COMPONENTS_REFERENCED, "components-unreferenced.yaml", List.of(
                            "/components/schemas/UnusedSchema",
                            "/components/schemas/SelfReferencing",
                            "/components/parameters/UnusedParameter",
                            "/components/responses/UnusedResponse",
                            "/components/examples/UnusedExample",
                            "/components/requestBodies/UnusedBody",
                            "/components/headers/UnusedHeader",
                            "/components/securitySchemes/unusedAuth")),
                    arguments(HouseRule.INFO_COMPLETE, "info-incomplete.yaml", List.of(
                            "/info/description", "/info/contact", "/info/license")),
                    arguments(HouseRule.MONEY_AND_TIME_ARE_INT64, "money-and-time-not-int64.yaml", List.of(
                            "/components/schemas/Charge/properties/amount",
                            "/components/schemas/Charge/properties/refund_amount",
                            "/components/schemas/Charge/properties/time_paid",
                            "/components/schemas/Charge/properties/time_expire",
                            "/components/schemas/Refund/properties/created",
                            "/components/schemas/BadSettlementRequest/properties/created")),
                    arguments(HouseRule.BODIES_HAVE_NAMED_EXAMPLES, "bodies-without-named-examples.yaml", List.of(
                            "/paths/~1v1~1charges/post/requestBody/content/application~1json",
                            "/paths/~1v1~1charges/get/responses/200/content/application~1json",
                            "/components/requestBodies/OrderCreate/content/application~1json")),
                    arguments(HouseRule.EXPANDABLE_FIELDS_WELL_FORMED, "expandable-malformed.yaml", List.of(
                            "/components/schemas/Charge/properties/order/x-pingpp-expandable",
                            "/components/schemas/Charge/properties/customer",
                            "/components/schemas/Charge/properties/balance")));
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("brokenFixtures")
        void ruleReportsExactlyTheBreachesInItsFixture(HouseRule rule, String fixture, List<String> expectedPointers) {
            List<Violation> violations = rule.check(SpecDocument.fixture("house-rules/" + fixture));

            assertThat(violations).extracting(Violation::pointer)
                    .as("Where '%s' reports breaches in %s; it found %s", rule, fixture, violations)
                    .containsExactlyInAnyOrderElementsOf(expectedPointers);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(HouseRule.class)
        void compliantFixtureKeeps(HouseRule rule) {
            assertThat(rule.check(SpecDocument.fixture("compliant.yaml"))).isEmpty();
        }

        @Test
        void everyRuleHasExactlyOneBrokenFixture() {
            List<HouseRule> provenRules = brokenFixtures().map(arguments -> (HouseRule) arguments.get()[0]).toList();

            assertThat(provenRules).containsExactlyInAnyOrder(HouseRule.values());
        }
    }
}
