package org.pingppopenapi.apitooling;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toCollection;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.pingppopenapi.apitooling.Spectral.Result;
import org.pingppopenapi.apitooling.Spectral.Severity;

@DisplayName("Spectral ruleset (api-tooling/.spectral.yaml)")
class SpectralRulesetTest {

    private static final String HOUSE_RULE_PREFIX = "pingpp-";

    /**
     * Where each house rule must fire in house-rules-broken.yaml, and nowhere else: a rule that stops firing,
     * or fires on the compliant parts of the fixture, fails this test.
     */
    private static final Map<String, Set<String>> EXPECTED_HOUSE_RULE_BREACHES = Map.ofEntries(
            Map.entry("pingpp-operation-id-camel-case", Set.of(
                    "/paths/~1v1~1charges/post/operationId")),
            Map.entry("pingpp-operation-id-unique", Set.of(
                    "/paths/~1v1~1charges~1{charge_id}/get/operationId",
                    "/x-webhooks/event/post/operationId")),
            Map.entry("pingpp-operation-summary", Set.of(
                    "/paths/~1v1~1charges/get/summary",
                    "/paths/~1v1~1charges~1{charge_id}/get")),
            Map.entry("pingpp-operation-one-tag", Set.of(
                    "/paths/~1v1~1charges/post/tags",
                    "/paths/~1v1~1charges~1{charge_id}/get/tags")),
            Map.entry("pingpp-error-responses", Set.of(
                    "/paths/~1v1~1charges/get/responses")),
            Map.entry("pingpp-error-response-envelope", Set.of(
                    "/paths/~1v1~1charges~1{charge_id}/get/responses/404/content/application~1json/schema/properties",
                    "/paths/~1v1~1charges~1{charge_id}/get/responses/502")),
            Map.entry("pingpp-request-body-named-example", Set.of(
                    "/paths/~1v1~1charges/post/requestBody/content/application~1json",
                    "/x-webhooks/event/post/requestBody/content/application~1json")),
            Map.entry("pingpp-success-response-named-example", Set.of(
                    "/paths/~1v1~1charges/get/responses/200/content/application~1json/examples",
                    "/paths/~1v1~1charges~1{charge_id}/get/responses/200/content/application~1json")),
            Map.entry("pingpp-pattern-anchored", Set.of(
                    "/paths/~1v1~1charges~1{charge_id}/get/parameters/0/schema/pattern",
                    "/components/schemas/Charge/properties/order_no/pattern",
                    "/components/schemas/Charge/properties/currency/pattern")),
            Map.entry("pingpp-money-time-int64", Set.of(
                    "/components/schemas/Charge/properties/amount/format",
                    "/components/schemas/Charge/properties/created",
                    "/components/schemas/Charge/properties/refund_amount",
                    "/components/schemas/Charge/properties/time_paid")));

    @Test
    @DisplayName("the shipped spec has no lint errors and breaks no house rule")
    void shippedSpecHasNoErrors() {
        List<Result> results = Spectral.lint(BuildPaths.spec(), BuildPaths.ruleset());

        assertThat(results).as("lint errors in %s", BuildPaths.spec())
                .filteredOn(result -> result.severity() == Severity.ERROR).isEmpty();
        assertThat(results).as("house-rule results in %s", BuildPaths.spec())
                .filteredOn(result -> result.code().startsWith(HOUSE_RULE_PREFIX)).isEmpty();
    }

    @Test
    @DisplayName("every house rule fires, as an error, exactly at the breaches of the broken fixture")
    void everyHouseRuleFiresExactlyAtItsBreaches() throws Exception {
        List<Result> results = Spectral.lint(fixture("house-rules-broken.yaml"), BuildPaths.ruleset());
        List<Result> houseResults = results.stream().filter(result -> result.code().startsWith(HOUSE_RULE_PREFIX)).toList();

        assertThat(houseResults).as("house-rule results that are not errors").allMatch(result -> result.severity() == Severity.ERROR);
        Map<String, Set<String>> breaches = houseResults.stream()
                .collect(groupingBy(Result::code, TreeMap::new, mapping(Result::pointer, toCollection(TreeSet::new))));
        assertThat(breaches).as("house-rule results: %s", houseResults).isEqualTo(new TreeMap<>(EXPECTED_HOUSE_RULE_BREACHES));
    }

    @Test
    @DisplayName("every house rule of the ruleset is proven by the broken fixture")
    void everyHouseRuleHasExpectedBreaches() {
        Set<String> declared = rulesetRules().keySet().stream().filter(rule -> rule.startsWith(HOUSE_RULE_PREFIX)).collect(toSet());

        assertThat(declared).isNotEmpty().isEqualTo(EXPECTED_HOUSE_RULE_BREACHES.keySet());
    }

    @Test
    @DisplayName("each OWASP rule switched off or downgraded fires untuned on the fixture, and is off or a warning with ours")
    void owaspTuningIsEffective() throws Exception {
        Path fixture = fixture("ruleset-composition.yaml");
        Map<String, String> owaspOverrides = new TreeMap<>();
        rulesetRules().forEach((rule, definition) -> {
            if (rule.startsWith("owasp:")) {
                // "off" and false both switch a rule off (a YAML 1.1 reader turns an unquoted off into false).
                owaspOverrides.put(rule, definition.isBoolean() && !definition.asBoolean() ? "off" : definition.asText());
            }
        });
        assertThat(owaspOverrides).as("OWASP overrides in the ruleset").isNotEmpty();
        assertThat(owaspOverrides.values()).as("OWASP overrides are 'off' or 'warn'").allMatch(value -> value.equals("off") || value.equals("warn"));

        Map<String, Set<Severity>> untuned = severitiesByRule(Spectral.lint(fixture, untunedRuleset()));
        Map<String, Set<Severity>> tuned = severitiesByRule(Spectral.lint(fixture, BuildPaths.ruleset()));

        owaspOverrides.forEach((rule, override) -> {
            assertThat(untuned).as("%s fires on %s without our tuning (else the fixture proves nothing)", rule, fixture)
                    .containsKey(rule);
            if (override.equals("off")) {
                assertThat(tuned).as("%s is off in our ruleset", rule).doesNotContainKey(rule);
            } else {
                assertThat(tuned.get(rule)).as("%s is a warning in our ruleset", rule).containsExactly(Severity.WARN);
            }
        });
    }

    @Test
    @DisplayName("spectral:oas and the OWASP rules left on still run")
    void coreAndRemainingOwaspRulesRun() throws Exception {
        Map<String, Set<Severity>> tuned = severitiesByRule(Spectral.lint(fixture("ruleset-composition.yaml"), BuildPaths.ruleset()));

        assertThat(tuned.get("info-contact")).as("spectral:oas info-contact").containsExactly(Severity.WARN);
        assertThat(tuned.get("owasp:api8:2023-no-server-http")).as("OWASP no-server-http").containsExactly(Severity.ERROR);
    }

    private static Map<String, Set<Severity>> severitiesByRule(List<Result> results) {
        return results.stream().collect(groupingBy(Result::code, TreeMap::new, mapping(Result::severity, toCollection(TreeSet::new))));
    }

    private static Map<String, JsonNode> rulesetRules() {
        Map<String, JsonNode> rules = new TreeMap<>();
        SpecOperations.read(BuildPaths.ruleset()).path("rules").fields().forEachRemaining(rule -> rules.put(rule.getKey(), rule.getValue()));
        return rules;
    }

    /** spectral:oas plus the OWASP ruleset as shipped. It must live under the repository to resolve the npm ruleset. */
    private static Path untunedRuleset() throws IOException {
        Path ruleset = BuildPaths.property("api.work").resolve("untuned.spectral.yaml");
        Files.createDirectories(ruleset.getParent());
        Files.writeString(ruleset, "extends:\n  - spectral:oas\n  - \"@stoplight/spectral-owasp-ruleset\"\n");
        return ruleset;
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SpectralRulesetTest.class.getResource("/spectral/" + name).toURI());
    }
}
