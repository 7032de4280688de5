package org.pingppopenapi.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pingppopenapi.spec.RequestKinds;

/**
 * The spec and the engine agree: every rule of the spec is enforced, on its own, under its id; the engine enforces
 * no rule the spec does not have; and the engine refuses a spec it cannot enforce.
 *
 * <p>For each rule a payload that breaks only that rule is derived automatically: a valid body of the rule's kind
 * (one per channel where the rule depends on the channel) is made to meet the rule's {@code when} and
 * {@code then}, then each {@code then} keyword is pushed just past its bound. The rule counts as enforced when one
 * such payload is reported with exactly that rule id and nothing else.
 */
class SpecAgreementTest {

    private static final PingppValidator VALIDATOR = PingppValidator.fromSpec();
    private static final Instant NOW = Instant.ofEpochSecond(Fixtures.NOW);

    /**
     * Rules whose bounds coincide with the schema's own constraint on the same field, so that no payload breaks
     * the rule without also breaking the schema: reported as a problem of the spec. For these the rule must be
     * reported together with nothing but {@code schema.*} violations of the same field. The list is exact: a
     * rule that stops being shadowed must leave it.
     */
    private static final Set<String> SHADOWED_BY_THE_SCHEMA = Set.of("charge.order_no.alipay");

    @Test
    void theEngineEnforcesExactlyTheRuleIdsOfTheSpec() {
        Set<String> specIds = SpecDocument.rules().stream().map(SpecDocument.SpecRule::id).collect(Collectors.toCollection(TreeSet::new));
        assertThat(SpecDocument.rules()).hasSize(specIds.size());
        assertThat(VALIDATOR.ruleIds()).containsExactlyElementsOf(specIds);
    }

    @Test
    void theEngineHasExactlyTheRequestKindsOfTheSpec() {
        assertThat(VALIDATOR.kinds()).extracting(RequestKind::name)
                .containsExactlyElementsOf(SpecDocument.kinds().stream().map(RequestKinds.Kind::name).sorted().toList());
        for (RequestKinds.Kind kind : SpecDocument.kinds()) {
            assertThat(VALIDATOR.requestSchema(RequestKind.named(kind.name()))).as(kind.name()).isEqualTo(kind.schema());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRuleOfTheSpecIsEnforcedOnItsOwn() {
        return SpecDocument.rules().stream().map(rule -> dynamicTest(rule.id(), () -> {
            List<String> tried = new ArrayList<>();
            boolean shadowed = SHADOWED_BY_THE_SCHEMA.contains(rule.id());
            for (Site site : sites(rule.schema())) {
                for (ObjectNode base : bases(site.kind())) {
                    ObjectNode prepared = prepare(base, site.prefix(), rule.rule());
                    if (prepared == null || !VALIDATOR.validate(site.kind(), prepared, NOW).isEmpty()) {
                        continue;
                    }
                    for (Break candidate : breaks(prepared, site.prefix(), rule.rule())) {
                        ObjectNode broken = Json.with(prepared, candidate.path(), candidate.value());
                        List<Violation> violations = VALIDATOR.validate(site.kind(), broken, NOW);
                        Set<String> reported = violations.stream().map(Violation::rule).collect(Collectors.toSet());
                        if (!shadowed && reported.equals(Set.of(rule.id()))) {
                            assertThat(violations).allSatisfy(v -> assertThat(v.message()).contains(v.field()).contains(rule.id()));
                            return;
                        }
                        if (shadowed && reported.contains(rule.id()) && violations.stream().allMatch(v ->
                                v.field().equals(candidate.path()) && (v.rule().equals(rule.id()) || v.rule().startsWith("schema.")))) {
                            assertThat(breaksAlone(site, prepared, rule)).as(rule.id() + " is listed as shadowed but can be broken alone").isFalse();
                            return;
                        }
                        if (tried.size() < 12) {
                            tried.add(candidate.path() + "=" + Json.node(candidate.value()) + " -> " + reported);
                        }
                    }
                }
            }
            fail("No payload breaking only " + rule.id() + " was reported as exactly that rule; tried " + tried);
        }));
    }

    private static boolean breaksAlone(Site site, ObjectNode prepared, SpecDocument.SpecRule rule) {
        return breaks(prepared, site.prefix(), rule.rule()).stream()
                .map(candidate -> VALIDATOR.validate(site.kind(), Json.with(prepared, candidate.path(), candidate.value()), NOW))
                .anyMatch(violations -> violations.stream().map(Violation::rule).collect(Collectors.toSet()).equals(Set.of(rule.id())));
    }

    // ---------------------------------------------------------------- fail loudly

    @TestFactory
    Stream<DynamicTest> aSpecTheEngineCannotEnforceIsRefusedAtStartup() {
        return Stream.of(
                refused("an unknown rule keyword", "then: {order_no: {minLength: 8, maxLength: 40}}",
                        "then: {order_no: {minLength: 8, maxLen: 40}}", "maxLen", "charge.order_no.unionpay"),
                refused("an unknown channel group", "when: {channel: {inGroup: cross_border_paypal}}",
                        "when: {channel: {inGroup: paypal_group}}", "paypal_group", "charge.currency.cross_border_paypal"),
                refused("a rule path naming no property", "then: {user_fee: {maximumOf: charge.amount}}",
                        "then: {user_fee: {maximumOf: charge.amount_paid}}", "amount_paid", "recharge.user_fee.at_most_amount"),
                refused("a then path naming no property", "then: {uid: {notIn: ['0']}}", "then: {user_id: {notIn: ['0']}}",
                        "user_id", "order.uid.not_zero"),
                refused("[] in a when path", "when: {banned: {enum: [true]}}\n          then: {banned_msg: {required: true, minLength: 1}}\n      properties:\n        channel:",
                        "when: {'banned[]': {enum: [true]}}\n          then: {banned_msg: {required: true, minLength: 1}}\n      properties:\n        channel:",
                        "[]", "sub_app_channel.banned_msg.when_banned"),
                refused("a schema keyword the engine does not enforce", "      maxProperties: 10\n",
                        "      maxProperties: 10\n      minProperties: 1\n", "minProperties", "Metadata"),
                refused("two request schemas of one kind name", "    OrderCancelRequest:\n      type: object\n",
                        "    OrderCancelRequest:\n      x-pingpp-request-kind: order-pay\n      type: object\n",
                        "OrderCancelRequest", "OrderPayRequest", "order-pay", "x-pingpp-request-kind"),
                refused("a request kind on a schema no operation takes", "    GoodsListItem:\n      type: object\n",
                        "    GoodsListItem:\n      type: object\n      x-pingpp-request-kind: goods-list-item\n",
                        "GoodsListItem", "no operation takes it"),
                refused("an inline request body", "              $ref: '#/components/schemas/OrderCancelRequest'", "              type: object",
                        "PUT /v1/orders/{order_id}", "inline schema"),
                refused("a duplicate rule id", "- id: charge.order_no.qpay", "- id: charge.order_no.jdpay_wap",
                        "charge.order_no.jdpay_wap", "unique"),
                refused("required false", "extra.bfb_login: {required: true}", "extra.bfb_login: {required: false}",
                        "required takes only true", "charge.extra.bfb_wap"));
    }

    private static DynamicTest refused(String what, String original, String replacement, String... mentioned) {
        return dynamicTest(what, () -> {
            String spec = SpecDocument.text();
            assertThat(spec.split(Pattern.quote(original), -1)).as("the spec has exactly one " + original).hasSize(2);
            byte[] broken = spec.replace(original, replacement).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> PingppValidator.fromSpec(new ByteArrayInputStream(broken)))
                    .isInstanceOf(InvalidSpecException.class)
                    .message().contains(mentioned);
        });
    }

    // ---------------------------------------------------------------- deriving a breaking payload

    /** Where a schema's rules apply: in a request kind, at a path ("" for the request itself). */
    private record Site(RequestKind kind, String prefix) {
    }

    private record Break(String path, Object value) {
    }

    private static List<Site> sites(String schema) {
        List<Site> sites = new ArrayList<>();
        for (RequestKind kind : VALIDATOR.kinds()) {
            collectSites(kind, SpecDocument.requestSchema(kind), "", schema, sites, 0);
        }
        return sites;
    }

    private static void collectSites(RequestKind kind, String current, String prefix, String wanted, List<Site> sites, int depth) {
        if (current.equals(wanted)) {
            sites.add(new Site(kind, prefix));
            return;
        }
        if (depth > 3) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> properties = SpecDocument.schema(current).path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            String ref = property.getValue().path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                collectSites(kind, ref.substring("#/components/schemas/".length()), join(prefix, property.getKey()), wanted, sites, depth + 1);
            }
        }
    }

    /** Valid bodies of a kind: the spec's examples, and one per channel where the kind has one. */
    private static List<ObjectNode> bases(RequestKind kind) {
        List<ObjectNode> bases = new ArrayList<>(Fixtures.examples(kind));
        switch (kind.name()) {
            case "charge" -> Fixtures.CHARGE_CHANNELS.forEach(channel -> bases.add(Fixtures.charge(channel)));
            case "recharge" -> Stream.concat(Fixtures.CHARGE_CHANNELS.stream(), Stream.of("custom")).forEach(c -> bases.add(Fixtures.recharge(c)));
            case "order-pay" -> Fixtures.CHARGE_CHANNELS.forEach(channel -> bases.add(Fixtures.orderPay(channel)));
            case "sub-app-channel" -> Stream.of("isv_qr", "isv_scan", "isv_wap", "isv_wap_cil", "alipay").forEach(c -> bases.add(Fixtures.subAppChannel(c)));
            default -> {
            }
        }
        return bases;
    }

    /** The base made to meet the rule's when and then, or null when this base cannot. */
    private static ObjectNode prepare(ObjectNode base, String prefix, JsonNode rule) {
        ObjectNode prepared = base.deepCopy();
        for (Map.Entry<String, JsonNode> condition : entries(rule.path("when"))) {
            String path = join(prefix, condition.getKey());
            if (!Oracle.holds(value(prepared, path), condition.getValue(), prepared, prefix)) {
                Object value = Oracle.satisfying(condition.getValue());
                if (value == null || path.endsWith("channel")) {
                    return null; // channels come with their bases, extras included
                }
                Json.set(prepared, path, value);
            }
        }
        for (Map.Entry<String, JsonNode> requirement : entries(rule.path("then"))) {
            if (requirement.getKey().contains("[]")) {
                continue;
            }
            String path = join(prefix, requirement.getKey());
            JsonNode current = value(prepared, path);
            boolean absent = current == null || current.isNull();
            if (absent ? requirement.getValue().has("required") : !Oracle.holds(current, requirement.getValue(), prepared, prefix)) {
                Object value = Oracle.satisfying(requirement.getValue());
                if (value == null) {
                    return null;
                }
                Json.set(prepared, path, value);
            }
        }
        return prepared;
    }

    /** Values just past each then keyword's bound. */
    private static List<Break> breaks(ObjectNode prepared, String prefix, JsonNode rule) {
        List<Break> breaks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> requirement : entries(rule.path("then"))) {
            String path = join(prefix, requirement.getKey()).replace("[]", "[0]");
            String target = path.equals(prefix) || requirement.getKey().equals("$") ? prefix : path;
            for (Map.Entry<String, JsonNode> keyword : entries(requirement.getValue())) {
                JsonNode bound = keyword.getValue();
                switch (keyword.getKey()) {
                    case "required" -> breaks.add(new Break(target, Json.ABSENT));
                    case "minLength" -> breaks.add(new Break(target, Json.repeat("1", bound.asInt() - 1)));
                    case "maxLength" -> breaks.add(new Break(target, Json.repeat("1", bound.asInt() + 1)));
                    case "maxBytes" -> breaks.add(new Break(target, Json.repeat("测", bound.asInt() / 3 + 1)));
                    case "pattern" -> Stream.of("x!", "abc", Json.repeat("1", 10), Json.repeat("1", 12), Json.repeat("1", 21), Json.repeat("1", 31))
                            .forEach(text -> breaks.add(new Break(target, text)));
                    case "enum", "inGroup" -> Stream.of("zzz", 99).forEach(value -> breaks.add(new Break(target, value)));
                    case "notIn" -> bound.forEach(value -> breaks.add(new Break(target, value)));
                    case "notInGroup" -> breaks.add(new Break(target,
                            SpecDocument.TREE.path("components").path("x-pingpp-channel-groups").path(bound.asText()).get(0)));
                    case "minimum" -> breaks.add(new Break(target, bound.asLong() - 1));
                    case "maximum" -> breaks.add(new Break(target, bound.asLong() + 1));
                    case "maximumOf" -> {
                        JsonNode other = value(prepared, join(prefix, bound.asText()));
                        if (other != null && other.isNumber()) {
                            breaks.add(new Break(target, other.asLong() + 1));
                        }
                    }
                    case "secondsAfterNow" -> {
                        if (bound.has("minimum")) {
                            breaks.add(new Break(target, Fixtures.NOW + bound.get("minimum").asLong() - 1));
                        }
                        if (bound.has("maximum")) {
                            breaks.add(new Break(target, Fixtures.NOW + bound.get("maximum").asLong() + 1));
                        }
                    }
                    case "schema" -> {
                        breaks.add(new Break(target, "not an object"));
                        JsonNode schema = SpecDocument.resolve(bound);
                        schema.path("required").forEach(name -> breaks.add(new Break(join(target, name.asText()), Json.ABSENT)));
                    }
                    case "maxTotalLength" -> breaks.add(new Break(target, Map.of("k", Json.repeat("v", bound.asInt()))));
                    default -> fail("The test does not know how to break " + keyword.getKey());
                }
            }
        }
        return breaks;
    }

    static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        node.fields().forEachRemaining(entries::add);
        return entries;
    }

    static String join(String prefix, String path) {
        if (path.equals("$")) {
            return prefix;
        }
        return prefix.isEmpty() ? path : prefix + "." + path;
    }

    /** The value at a dotted path without [], or null. */
    static JsonNode value(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String step : path.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node;
    }

    /** The rule vocabulary, implemented again from the spec's words: the test's own reading of a constraint. */
    static final class Oracle {

        private Oracle() {
        }

        static boolean holds(JsonNode value, JsonNode constraint, JsonNode root, String prefix) {
            if (value == null || value.isNull()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> keyword : entries(constraint)) {
                JsonNode bound = keyword.getValue();
                boolean ok = switch (keyword.getKey()) {
                    case "required", "schema" -> true;
                    case "minLength" -> value.isTextual() && value.asText().codePointCount(0, value.asText().length()) >= bound.asInt();
                    case "maxLength" -> value.isTextual() && value.asText().codePointCount(0, value.asText().length()) <= bound.asInt();
                    case "maxBytes" -> value.isTextual() && value.asText().getBytes(StandardCharsets.UTF_8).length <= bound.asInt();
                    case "pattern" -> value.isTextual() && Pattern.compile(bound.asText()).matcher(value.asText()).matches();
                    case "enum" -> contains(bound, value);
                    case "notIn" -> !contains(bound, value);
                    case "inGroup" -> contains(group(bound.asText()), value);
                    case "notInGroup" -> !contains(group(bound.asText()), value);
                    case "minimum" -> value.isNumber() && value.decimalValue().compareTo(bound.decimalValue()) >= 0;
                    case "maximum" -> value.isNumber() && value.decimalValue().compareTo(bound.decimalValue()) <= 0;
                    case "maximumOf" -> {
                        JsonNode other = value(root, join(prefix, bound.asText()));
                        yield value.isNumber() && (other == null || !other.isNumber() || value.asLong() <= other.asLong());
                    }
                    case "secondsAfterNow" -> value.isIntegralNumber()
                            && (!bound.has("minimum") || value.asLong() - Fixtures.NOW >= bound.get("minimum").asLong())
                            && (!bound.has("maximum") || value.asLong() - Fixtures.NOW <= bound.get("maximum").asLong());
                    case "maxTotalLength" -> {
                        long total = 0;
                        for (Map.Entry<String, JsonNode> field : entries(value)) {
                            total += field.getKey().length() + field.getValue().asText().length();
                        }
                        yield value.isObject() && total <= bound.asLong();
                    }
                    default -> throw new AssertionError("Unknown keyword " + keyword.getKey());
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** A value meeting a constraint, or null when the test cannot make one up. */
        static Object satisfying(JsonNode constraint) {
            if (constraint.has("schema")) {
                return null;
            }
            if (constraint.has("enum")) {
                return constraint.get("enum").get(0);
            }
            if (constraint.has("inGroup")) {
                return group(constraint.get("inGroup").asText()).get(0);
            }
            if (constraint.has("minimum")) {
                return constraint.get("minimum");
            }
            if (constraint.has("maximum")) {
                return constraint.get("maximum");
            }
            if (constraint.has("secondsAfterNow")) {
                return Fixtures.NOW + constraint.get("secondsAfterNow").path("minimum").asLong(60);
            }
            for (int length = Math.max(1, constraint.path("minLength").asInt(1)); length <= 64; length++) {
                String candidate = Json.repeat("1", length);
                if (holds(Json.node(candidate), constraint, Json.NODES.objectNode(), "")) {
                    return candidate;
                }
            }
            return null;
        }

        private static JsonNode group(String name) {
            return SpecDocument.TREE.path("components").path("x-pingpp-channel-groups").path(name);
        }

        private static boolean contains(JsonNode values, JsonNode value) {
            for (JsonNode candidate : values) {
                if (candidate.equals(value) || candidate.isNumber() && value.isNumber() && candidate.decimalValue().compareTo(value.decimalValue()) == 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
